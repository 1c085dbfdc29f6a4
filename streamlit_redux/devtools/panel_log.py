"""The panel's log: one page of actions, newest first, and the selected action's details."""

from __future__ import annotations

import json
from typing import Any

import streamlit as st

from streamlit_redux.binding.literal_text import literal
from streamlit_redux.devtools import actions as ops
from streamlit_redux.devtools.panel_context import PanelContext
from streamlit_redux.devtools.view import action_details, change_rows, log_page


def render_log(panel: PanelContext) -> None:
    """The action log (one page, newest first) and the selected action's details."""
    type_filter = st.text_input("Filter by type", key=panel.key("filter"))
    page_key = panel.key("page")
    page = log_page(
        panel.recorder,
        type_filter=type_filter,
        page=int(st.session_state.get(page_key, 1)),
        size=panel.page_size,
    )
    if page.pages > 1:
        st.session_state[page_key] = page.page
        st.number_input(f"Page (of {page.pages})", 1, page.pages, key=page_key)
    if not page.rows:
        st.caption("No action matches the filter.")
        return
    labels = {row.index: row.label for row in page.rows}
    shown = {row.index: row.markdown_label for row in page.rows}
    selected_key, newest_key = panel.key("selected"), panel.key("newest")
    newest = next(iter(labels))
    selected = st.session_state.get(selected_key)
    # Like Redux DevTools, the selection follows the newest action until the user picks another
    # one: after a click, the details (and Jump) are about what the click dispatched.
    if selected not in labels or selected == st.session_state.get(newest_key):
        st.session_state[selected_key] = newest
    st.session_state[newest_key] = newest
    st.caption(f"{page.matched} entries, newest first")
    # Markers go in captions, not labels: the browser matches the selection by label.
    index = st.radio(
        "Actions",
        list(labels),
        format_func=shown.__getitem__,
        captions=[row.marks for row in page.rows],
        key=selected_key,
        label_visibility="collapsed",
    )
    _details(panel, int(index if index is not None else next(iter(labels))))


def _details(panel: PanelContext, index: int) -> None:
    details = action_details(
        panel.recorder,
        index,
        state_sanitizer=panel.state_sanitizer,
        action_sanitizer=panel.action_sanitizer,
    )
    row = details.row
    jump, skip = st.columns(2)
    with jump:
        panel.button("Jump", "jump", ops.jump_to_state(index), icon=":material/history:")
    with skip:
        label = "Unskip" if row.skipped else "Skip"
        panel.button(
            label,
            "skip",
            ops.toggle_action(row.action_id),
            disabled=index == 0,
            icon=":material/block:",
        )
    if details.error:
        st.error(literal(details.error))
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
    show_json(details.state)


def show_json(value: Any) -> None:
    """``st.json`` for a map or a list; a scalar (a counter's int) as JSON text in a code block.

    The browser's JSON viewer draws only objects and arrays: given ``1`` it shows "src property
    must be a valid json object" instead of the state.
    """
    if isinstance(value, (dict, list)):
        st.json(value, expanded=1)
    else:
        st.code(json.dumps(value, ensure_ascii=False), language="json")
