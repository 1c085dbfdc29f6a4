"""Devtools: a recorder of every action with time travel, and a Streamlit sidebar panel.

``sidebar(store)`` draws the panel (off unless enabled); the rest works without Streamlit.

>>> from streamlit_redux import Action, Store
>>> from streamlit_redux import devtools
>>> store = Store(lambda s, a: s + (a.type == "inc"), 0)
>>> recorder = devtools.instrument(store).recorder
>>> _ = store.dispatch(Action("inc")); _ = store.dispatch(devtools.jump_to_state(0))
>>> store.state
0
"""

from streamlit_redux.devtools.actions import (
    commit,
    import_state,
    jump_to_action,
    jump_to_state,
    lock_changes,
    pause_recording,
    replay,
    reset,
    rollback,
    set_actions_active,
    sweep,
    toggle_action,
)
from streamlit_redux.devtools.diff import Change, diff
from streamlit_redux.devtools.errors import DevtoolsError, SessionExportError, SessionImportError
from streamlit_redux.devtools.instrument import Instrumentation, instrument
from streamlit_redux.devtools.recorder import Computed, Recorder, Session
from streamlit_redux.devtools.transfer import export_session, import_session, parse_session

__all__ = [
    "Change",
    "Computed",
    "DevtoolsError",
    "Instrumentation",
    "Recorder",
    "Session",
    "SessionExportError",
    "SessionImportError",
    "commit",
    "diff",
    "export_session",
    "import_session",
    "import_state",
    "instrument",
    "jump_to_action",
    "jump_to_state",
    "lock_changes",
    "parse_session",
    "pause_recording",
    "replay",
    "reset",
    "rollback",
    "set_actions_active",
    "sidebar",
    "sweep",
    "toggle_action",
]


def __getattr__(name: str) -> object:
    # The panel imports Streamlit; load it on first use so the recorder, diff and transfer
    # stay importable (and fast to import) in plain Python.
    if name == "sidebar":
        from streamlit_redux.devtools.panel import sidebar

        return sidebar
    raise AttributeError(f"module 'streamlit_redux.devtools' has no attribute {name!r}")
