"""Benchmark app: 200 notes shown on the first render, either rehydrated from SQLite
(``?persist=1``: the store starts empty and persist merges the stored copy in) or given as the
initial state (no persist). Served by serve.py with the browser-id cookie."""

import os

import streamlit as st

from streamlit_redux import create_slice, get_store
from streamlit_redux.middleware import persist
from streamlit_redux.storage import SQLiteStorage

NOTES = [f"note {i}: " + "lorem ipsum " * 8 for i in range(200)]
persisted = st.query_params.get("persist") == "1"
board = create_slice(
    name="board",
    initial_state={"notes": [] if persisted else NOTES},
    reducers={"filled": lambda s, a: s.set("notes", a.payload)},
)
middleware = [persist(SQLiteStorage(os.environ["BENCH_DB"]), key="board")] if persisted else []
store = get_store(board.reducer, middleware=middleware)
st.button("Fill", on_click=store.dispatch, args=(board.actions.filled(NOTES),))
notes = store.select(lambda s: s["notes"])
st.text(f"notes={len(notes)} last={notes[-1][:8] if notes else ''}")
st.dataframe({"note": list(notes)})
