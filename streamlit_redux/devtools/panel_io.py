"""The panel's JSON tools: dispatch an action typed in, export and import the session."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import streamlit as st

from streamlit_redux.binding.literal_text import literal
from streamlit_redux.devtools.action_json import parse_action
from streamlit_redux.devtools.actions import import_state
from streamlit_redux.devtools.errors import SessionExportError, SessionImportError
from streamlit_redux.devtools.transfer import export_session, parse_session
from streamlit_redux.store.errors import ActionJSONError

if TYPE_CHECKING:
    from streamlit_redux.devtools.panel import Panel


def render_dispatch_box(panel: Panel) -> None:
    """A JSON box to dispatch an action by hand."""
    st.text_area(
        "Action (JSON)",
        key=panel.key("action_json"),
        placeholder='{"type": "counter/incremented", "payload": 1}',
    )
    st.button("Dispatch", key=panel.key("dispatch"), on_click=_on_dispatch_json, args=(panel,))


def _on_dispatch_json(panel: Panel) -> None:
    text = st.session_state.get(panel.key("action_json")) or ""
    try:
        action = parse_action(text)
    except ActionJSONError as exc:
        panel.report_error(str(exc))
        return
    panel.report("success", f'Dispatched "{literal(action.type)}".')
    panel.dispatch(action)


def render_transfer(panel: Panel) -> None:
    """Export the session as a JSON download; import one from an uploaded file."""
    with_states = st.checkbox(
        "Include computed states (import without replaying)", key=panel.key("with_states")
    )
    st.download_button(
        "Export session (JSON)",
        data=lambda: _export(panel, with_states),
        file_name=f"{panel.store.name}-devtools-session.json",
        mime="application/json",
        key=panel.key("export"),
        on_click="ignore",
    )
    st.file_uploader(
        "Import session",
        type=["json"],
        key=panel.key("import"),
        on_change=_on_import,
        args=(panel,),
    )


def _export(panel: Panel, with_states: bool) -> str:
    try:
        return export_session(
            panel.recorder,
            state_sanitizer=panel.state_sanitizer,
            action_sanitizer=panel.action_sanitizer,
            with_states=with_states,
        )
    except SessionExportError as exc:
        return json.dumps({"error": str(exc)})


def _on_import(panel: Panel) -> None:
    uploaded = st.session_state.get(panel.key("import"))
    if uploaded is None:
        return
    try:
        data = uploaded.getvalue()
        panel.report("success", f"Imported {literal(uploaded.name)}.")
        # Through the panel's store (the session's view), so the app reruns what changed.
        panel.dispatch(import_state(parse_session(data)))
    except SessionImportError as exc:
        panel.report_error(str(exc))
