"""The devtools sidebar: action log, inspectors, time travel, history edits, import/export.

Every button dispatches one of the devtools' actions through the store, from a widget
callback, so the app reruns once and shows the travelled-to state. Widget keys are
namespaced ``streamlit_redux:devtools:<store name>:...``.
"""

from __future__ import annotations

import json
import os
from typing import Any, Literal

import streamlit as st

from streamlit_redux.devtools import actions as ops
from streamlit_redux.devtools.errors import DevtoolsError, SessionExportError, SessionImportError
from streamlit_redux.devtools.instrument import Instrumentation, instrument
from streamlit_redux.devtools.panel_stats import render_stats
from streamlit_redux.devtools.recorder import Recorder
from streamlit_redux.devtools.transfer import export_session, import_session
from streamlit_redux.devtools.view import (
    ActionSanitizer,
    StateSanitizer,
    action_details,
    change_rows,
    is_undoable,
    log_page,
)
from streamlit_redux.middleware import undo as undo_actions
from streamlit_redux.store import codec
from streamlit_redux.store.actions import to_action
from streamlit_redux.store.errors import StreamlitReduxError
from streamlit_redux.store.store import Store

Enabled = bool | Literal["auto"]


def sidebar(
    store: Store,
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
    and action before it is shown or exported. Call it on every run, after creating the store.

    >>> # store = get_store(todos.reducer); devtools.sidebar(store, enabled=True)
    """
    if not devtools_enabled(enabled):
        return None
    instrumentation = instrument(store, max_age=max_age)
    _Panel(store, instrumentation, state_sanitizer, action_sanitizer, page_size).render()
    return instrumentation.recorder


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


class _Panel:
    def __init__(
        self,
        store: Store,
        instrumentation: Instrumentation,
        state_sanitizer: StateSanitizer | None,
        action_sanitizer: ActionSanitizer | None,
        page_size: int,
    ) -> None:
        self.store = store
        self.instrumentation = instrumentation
        self.recorder = instrumentation.recorder
        self.state_sanitizer = state_sanitizer
        self.action_sanitizer = action_sanitizer
        self.page_size = page_size
        self.prefix = f"streamlit_redux:devtools:{store.name}:"

    def key(self, name: str) -> str:
        return self.prefix + name

    def render(self) -> None:
        recorder = self.recorder
        # Selections made here tell a session store's rerun tracker that the page depends on
        # the recorder: travelling reruns the app (banner), any change reruns the panel.
        self.store.select(lambda state: recorder.travelling, key=self.key("travelling"))
        if recorder.travelling:
            st.warning(self._banner(), icon=":material/history:")
        fragment = getattr(self.store, "fragment", None)
        with st.sidebar:
            if callable(fragment):
                # Its own fragment: a click in the panel reruns the panel, not the whole app.
                fragment(self._render_sidebar, key=self.key("panel"))()
            else:
                self._render_sidebar()

    def _render_sidebar(self) -> None:
        recorder = self.recorder
        self.store.select(lambda state: _signature(recorder), key=self.key("signature"))
        st.subheader(":material/build: streamlit-redux devtools")
        self._status()
        self._slider()
        self._controls()
        log, dispatch, transfer, stats = st.tabs(["Log", "Dispatch", "Import/Export", "Stats"])
        with log:
            self._log()
        with dispatch:
            self._dispatch_box()
        with transfer:
            self._transfer()
        with stats:
            render_stats(self.store, self.instrumentation, key=self.key("stats"))

    # -- header ----------------------------------------------------------------------------

    def _banner(self) -> str:
        recorder = self.recorder
        action = recorder.action_at(recorder.current_index)
        return (
            f"Time travel: showing state {recorder.current_index} of {recorder.last_index} "
            f"(after #{recorder.staged_ids[recorder.current_index]} {action.type}). App "
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
            level, text = message
            (st.error if level == "error" else st.success)(text)
        if recorder.travelling:
            st.warning("Viewing a past state: app interactions are ignored.")
            self._button(
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
                    self._button(label, name, action, icon=f":material/{icon}:")

    def _undo_buttons(self) -> list[tuple[str, str, Any, str]]:
        if not is_undoable(self.store.state):
            return []
        return [
            ("Undo", "undo", undo_actions.undo(), "undo"),
            ("Redo", "redo", undo_actions.redo(), "redo"),
        ]

    def _button(
        self, label: str, name: str, action: Any, *, disabled: bool = False, icon: str | None = None
    ) -> None:
        st.button(
            label,
            key=self.key(name),
            icon=icon,
            on_click=self._dispatch,
            args=(action,),
            disabled=disabled,
            use_container_width=True,
        )

    def _dispatch(self, action: Any) -> None:
        try:
            self.store.dispatch(action)
        except StreamlitReduxError as exc:
            st.session_state[self.key("message")] = ("error", str(exc))

    # -- log and inspectors ----------------------------------------------------------------

    def _log(self) -> None:
        type_filter = st.text_input("Filter by type", key=self.key("filter"))
        page_key = self.key("page")
        page = log_page(
            self.recorder,
            type_filter=type_filter,
            page=int(st.session_state.get(page_key, 1)),
            size=self.page_size,
        )
        if page.pages > 1:
            st.session_state[page_key] = page.page
            st.number_input(f"Page (of {page.pages})", 1, page.pages, key=page_key)
        if not page.rows:
            st.caption("No action matches the filter.")
            return
        labels = {row.index: row.label for row in page.rows}
        selected_key = self.key("selected")
        if st.session_state.get(selected_key) not in labels:
            st.session_state[selected_key] = next(iter(labels))
        st.caption(f"{page.matched} entries, newest first")
        # Markers go in captions, not labels: the browser matches the selection by label.
        index = st.radio(
            "Actions",
            list(labels),
            format_func=labels.__getitem__,
            captions=[row.marks for row in page.rows],
            key=selected_key,
            label_visibility="collapsed",
        )
        self._details(int(index if index is not None else next(iter(labels))))

    def _details(self, index: int) -> None:
        details = action_details(
            self.recorder,
            index,
            state_sanitizer=self.state_sanitizer,
            action_sanitizer=self.action_sanitizer,
        )
        row = details.row
        jump, skip = st.columns(2)
        with jump:
            self._button("Jump", "jump", ops.jump_to_state(index), icon=":material/history:")
        with skip:
            label = "Unskip" if row.skipped else "Skip"
            self._button(
                label,
                "skip",
                ops.toggle_action(row.action_id),
                disabled=index == 0,
                icon=":material/block:",
            )
        if row.error:
            st.error(row.error)
        st.markdown("**Action**")
        st.json(details.action, expanded=1)
        st.markdown("**Diff**")
        if details.changes:
            st.dataframe(change_rows(details.changes), hide_index=True)
            if details.truncated:
                st.caption(f"First {len(details.changes)} changes shown.")
        else:
            st.caption("No change.")
        st.markdown("**State after**")
        st.json(details.state, expanded=1)

    # -- dispatch box and transfer ---------------------------------------------------------

    def _dispatch_box(self) -> None:
        st.text_area(
            "Action (JSON)",
            key=self.key("action_json"),
            placeholder='{"type": "counter/incremented", "payload": 1}',
        )
        st.button("Dispatch", key=self.key("dispatch"), on_click=self._on_dispatch_json)

    def _on_dispatch_json(self) -> None:
        text = st.session_state.get(self.key("action_json")) or ""
        try:
            action = to_action(codec.from_json_value(json.loads(text)))
        except json.JSONDecodeError as exc:
            st.session_state[self.key("message")] = (
                "error",
                f"The action is not valid JSON: {exc.msg} at line {exc.lineno}, column "
                f'{exc.colno}; write it like {{"type": "todos/added", "payload": "milk"}}.',
            )
            return
        except StreamlitReduxError as exc:
            st.session_state[self.key("message")] = ("error", str(exc))
            return
        st.session_state[self.key("message")] = ("success", f'Dispatched "{action.type}".')
        self._dispatch(action)

    def _transfer(self) -> None:
        with_states = st.checkbox(
            "Include computed states (import without replaying)", key=self.key("with_states")
        )
        st.download_button(
            "Export session (JSON)",
            data=lambda: self._export(with_states),
            file_name=f"{self.store.name}-devtools-session.json",
            mime="application/json",
            key=self.key("export"),
            on_click="ignore",
        )
        st.file_uploader(
            "Import session", type=["json"], key=self.key("import"), on_change=self._on_import
        )

    def _export(self, with_states: bool) -> str:
        try:
            return export_session(
                self.recorder,
                state_sanitizer=self.state_sanitizer,
                action_sanitizer=self.action_sanitizer,
                with_states=with_states,
            )
        except SessionExportError as exc:
            return json.dumps({"error": str(exc)})

    def _on_import(self) -> None:
        uploaded = st.session_state.get(self.key("import"))
        if uploaded is None:
            return
        try:
            data = uploaded.getvalue()
            st.session_state[self.key("message")] = ("success", f"Imported {uploaded.name}.")
            import_session(self.store, data)
        except SessionImportError as exc:
            st.session_state[self.key("message")] = ("error", str(exc))


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
