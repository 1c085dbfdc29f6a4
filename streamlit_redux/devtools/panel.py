"""The devtools sidebar: action log, inspectors, time travel, history edits, import/export.

Every button dispatches one of the devtools' actions through the store, from a widget
callback, so the app reruns once and shows the travelled-to state. Widget keys are
namespaced ``streamlit_redux:devtools:<store name>:...``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any, Literal

import streamlit as st

from streamlit_redux.binding.literal_text import literal
from streamlit_redux.binding.view import StoreView
from streamlit_redux.devtools import actions as ops
from streamlit_redux.devtools.errors import DevtoolsError
from streamlit_redux.devtools.instrument import Instrumentation, instrument
from streamlit_redux.devtools.panel_io import render_dispatch_box, render_transfer
from streamlit_redux.devtools.panel_log import render_log
from streamlit_redux.devtools.panel_stats import render_stats
from streamlit_redux.devtools.recorder import Recorder
from streamlit_redux.devtools.rerun_stats import RerunStats, rerun_stats
from streamlit_redux.devtools.sanitize import ActionSanitizer, sanitized_error
from streamlit_redux.devtools.view import PROBE_PREFIX, StateSanitizer, is_undoable
from streamlit_redux.middleware import undo as undo_actions
from streamlit_redux.store import signals
from streamlit_redux.store.errors import StreamlitReduxError
from streamlit_redux.store.store import Store

Enabled = bool | Literal["auto"]


def sidebar(
    store: Store | StoreView[Any],
    *,
    state_sanitizer: StateSanitizer | None = None,
    action_sanitizer: ActionSanitizer | None = None,
    enabled: Enabled = "auto",
    max_age: int | None = 1000,
    page_size: int = 20,
) -> Recorder | None:
    """Draw the devtools panel in the sidebar for ``store``; return its recorder (or None).

    Off unless enabled: ``"auto"`` turns it on only in development (Streamlit's
    ``global.developmentMode`` or ``STREAMLIT_REDUX_DEV=1``). Sanitizers run on every state
    and action before it is shown or exported, and error text is shown with what the
    ``action_sanitizer`` hides masked (``devtools.sanitize``). Text from data is never
    rendered as Markdown. Call it on every run, after creating the store;
    ``max_age`` is read once, when the recorder is installed.

    >>> # store = get_store(todos.reducer); devtools.sidebar(store, enabled=True)
    """
    if not devtools_enabled(enabled):
        return None
    core = store.store if isinstance(store, StoreView) else store
    instrumentation = instrument(core, max_age=max_age)
    stats = rerun_stats(store) if isinstance(store, StoreView) else None
    Panel(store, instrumentation, state_sanitizer, action_sanitizer, page_size, stats).render()
    return instrumentation.recorder


def _draw_requested_panel(view: StoreView[Any], *, enabled: Enabled) -> None:
    """``get_store(..., devtools=...)`` asks for the panel through ``signals.panel_requested``."""
    sidebar(view, enabled=enabled)


signals.panel_requested.connect(_draw_requested_panel)


def devtools_enabled(enabled: Enabled) -> bool:
    """Resolve ``enabled``: True, False, or ``"auto"`` (development mode only)."""
    if enabled is True or enabled is False:
        return enabled
    if enabled == "auto":
        return os.environ.get("STREAMLIT_REDUX_DEV") == "1" or bool(
            st.get_option("global.developmentMode")
        )
    raise DevtoolsError(
        f"devtools.sidebar(enabled={enabled!r}) is not an option; pass True, False, or "
        '"auto" (on only in development mode or with STREAMLIT_REDUX_DEV=1).'
    )


class Panel:
    """One run's panel for one store: its options and the widget helpers the sections share."""

    def __init__(
        self,
        store: Store | StoreView[Any],
        instrumentation: Instrumentation,
        state_sanitizer: StateSanitizer | None,
        action_sanitizer: ActionSanitizer | None,
        page_size: int,
        stats: RerunStats | None = None,
    ) -> None:
        self.store = store
        self.core = store.store if isinstance(store, StoreView) else store
        self.stats = stats
        self.instrumentation = instrumentation
        self.recorder = instrumentation.recorder
        self.state_sanitizer = state_sanitizer
        self.action_sanitizer = action_sanitizer
        self.page_size = page_size
        self.prefix = f"streamlit_redux:devtools:{store.name}:"

    def key(self, name: str) -> str:
        """A widget key namespaced to the devtools and this store."""
        return self.prefix + name

    def render(self) -> None:
        recorder = self.recorder
        # Selections made here tell a session store's rerun tracker that the page depends on
        # the recorder: travelling reruns the app (banner), any change reruns the panel.
        self.store.select(
            _RecorderProbe("travelling", lambda: recorder.travelling), key=self.key("travelling")
        )
        if recorder.travelling:
            st.warning(self._banner(), icon=":material/history:")
        with st.sidebar:
            if isinstance(self.store, StoreView):
                # Its own fragment: a click in the panel reruns the panel, not the whole app.
                self.store.fragment(self._render_sidebar, key=self.key("panel"))()
            else:
                self._render_sidebar()

    def _render_sidebar(self) -> None:
        recorder = self.recorder
        self.store.select(
            _RecorderProbe("signature", lambda: _signature(recorder)), key=self.key("signature")
        )
        st.subheader(":material/build: streamlit-redux devtools")
        self._status()
        self._slider()
        self._controls()
        log, dispatch, transfer, stats = st.tabs(["Log", "Dispatch", "Import/Export", "Stats"])
        with log:
            render_log(self)
        with dispatch:
            render_dispatch_box(self)
        with transfer:
            render_transfer(self)
        with stats:
            render_stats(self.store, self.instrumentation, self.stats, key=self.key("stats"))

    # -- header ----------------------------------------------------------------------------

    def _banner(self) -> str:
        recorder = self.recorder
        action = recorder.action_at(recorder.current_index)
        return (
            f"Time travel: showing state {recorder.current_index} of {recorder.last_index} "
            f"(after #{recorder.staged_ids[recorder.current_index]} {literal(action.type)}). App "
            f"interactions are ignored until you go back to the present "
            f"({recorder.blocked} ignored so far)."
        )

    def _status(self) -> None:
        recorder = self.recorder
        flags = " · locked" * recorder.locked + " · paused" * recorder.paused
        st.caption(
            f"{recorder.last_index} actions · state {recorder.current_index}/"
            f"{recorder.last_index}{flags}"
        )
        message = st.session_state.pop(self.key("message"), None)
        if message:
            level, markdown = message
            (st.error if level == "error" else st.success)(markdown)
        if recorder.travelling:
            st.warning("Viewing a past state: app interactions are ignored.")
            self.button(
                "Back to present",
                "present",
                ops.jump_to_state(recorder.last_index),
                icon=":material/skip_next:",
            )

    def _slider(self) -> None:
        last = self.recorder.last_index
        if last < 1:
            st.caption("No actions recorded yet.")
            return
        key = self.key("slider")
        st.session_state[key] = self.recorder.current_index
        st.slider("Time travel", min_value=0, max_value=last, key=key, on_change=self._on_slide)

    def _on_slide(self) -> None:
        self.store.dispatch(ops.jump_to_state(int(st.session_state[self.key("slider")])))

    def _controls(self) -> None:
        recorder = self.recorder
        buttons = [
            ("Revert", "revert", ops.rollback(), "undo"),
            ("Commit", "commit", ops.commit(), "check"),
            ("Reset", "reset", ops.reset(), "restart_alt"),
            ("Sweep", "sweep", ops.sweep(), "cleaning_services"),
            (
                "Unlock" if recorder.locked else "Lock",
                "lock",
                ops.lock_changes(not recorder.locked),
                "lock_open" if recorder.locked else "lock",
            ),
            (
                "Record" if recorder.paused else "Pause",
                "pause",
                ops.pause_recording(not recorder.paused),
                "fiber_manual_record" if recorder.paused else "pause",
            ),
            ("Replay", "replay", ops.replay(), "replay"),
            *self._undo_buttons(),
        ]
        for start in range(0, len(buttons), 2):
            for column, (label, name, action, icon) in zip(
                st.columns(2), buttons[start : start + 2], strict=False
            ):
                with column:
                    self.button(label, name, action, icon=f":material/{icon}:")

    def _undo_buttons(self) -> list[tuple[str, str, Any, str]]:
        if not is_undoable(self.store.state):
            return []
        return [
            ("Undo", "undo", undo_actions.undo(), "undo"),
            ("Redo", "redo", undo_actions.redo(), "redo"),
        ]

    def button(
        self, label: str, name: str, action: Any, *, disabled: bool = False, icon: str | None = None
    ) -> None:
        st.button(
            label,
            key=self.key(name),
            icon=icon,
            on_click=self.dispatch,
            args=(action,),
            disabled=disabled,
            use_container_width=True,
        )

    def dispatch(self, action: Any) -> None:
        """Dispatch from a widget callback; a refused action becomes the panel's message."""
        try:
            self.store.dispatch(action)
        except StreamlitReduxError as exc:
            self.report_error(sanitized_error(str(exc), action, self.action_sanitizer))

    def report(self, level: Literal["error", "success"], markdown: str) -> None:
        """Show ``markdown`` (data in it through :func:`literal`) on the panel's next run."""
        st.session_state[self.key("message")] = (level, markdown)

    def report_error(self, text: str) -> None:
        """Show error ``text`` (it may quote data) as literal text on the panel's next run."""
        self.report("error", literal(text))


class _RecorderProbe:
    """A selector that reads the recorder, not the state: through ``store.select`` it tells a
    session store's rerun tracker what the panel depends on. Named so stats can leave it out."""

    def __init__(self, name: str, read: Callable[[], Any]) -> None:
        self.name = PROBE_PREFIX + name
        self._read = read

    def __call__(self, state: Any) -> Any:
        return self._read()


def _signature(recorder: Recorder) -> tuple[Any, ...]:
    """Changes whenever what the panel shows about the recorder changes."""
    return (
        recorder.next_action_id,
        recorder.current_index,
        len(recorder.staged_ids),
        len(recorder.skipped_ids),
        id(recorder.computed[-1]),
        recorder.locked,
        recorder.paused,
        recorder.blocked,
    )
