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
    "sweep",
    "toggle_action",
]
