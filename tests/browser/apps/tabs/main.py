"""Test app: notes and a counter persisted per browser on SQLite (``TABS_DB``), edited from
several tabs of one browser; served by serve.py with the browser-id cookie (``TABS_DEBOUNCE_S``:
persist's debounce, 0 by default)."""

import os

import streamlit as st

from streamlit_redux import create_slice, get_store
from streamlit_redux.middleware import persist
from streamlit_redux.storage import SQLiteStorage

board = create_slice(
    name="board",
    initial_state={"notes": [], "count": 0},
    reducers={"noted": lambda s, a: s.set("notes", s["notes"].append(a.payload)),
              "counted": lambda s, a: s.set("count", s["count"] + 1)},
)
store = get_store(board.reducer, middleware=[persist(SQLiteStorage(os.environ["TABS_DB"]), key="board",
                                                     debounce_s=float(os.environ.get("TABS_DEBOUNCE_S", 0)))])


def add_note() -> None:
    if st.session_state.note:
        store.dispatch(board.actions.noted(st.session_state.note))
        st.session_state.note = ""


st.text_input("Note", key="note", on_change=add_note)
st.button("+1", on_click=store.dispatch, args=(board.actions.counted(),))
st.button("Rerun")  # a plain rerun: no dispatch
st.text(f"count={store.select(lambda s: s['count'])}")
st.text("notes=" + "|".join(store.select(lambda s: s["notes"])))
