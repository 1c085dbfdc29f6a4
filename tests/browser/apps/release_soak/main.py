"""Test app for the soak: a per-browser counter persisted (debounced) on SQLite (``SOAK_DB``),
so every session holds a store, a storage connection, a lease and a debounce timer."""

import os

import streamlit as st

from streamlit_redux import create_slice, get_store
from streamlit_redux.middleware import persist
from streamlit_redux.storage import SQLiteStorage

visits = create_slice(name="visits", initial_state={"clicks": 0, "log": []},
                      reducers={"clicked": lambda s, a: s.set("clicks", s["clicks"] + 1)
                                .set("log", s["log"].append("x" * 1000))})
store = get_store(visits.reducer, middleware=[
    persist(SQLiteStorage(os.environ["SOAK_DB"]), key="visits", debounce_s=0.2),
])
st.button("+1", on_click=store.dispatch, args=(visits.actions.clicked(),))
st.text(f"clicks={store.select(lambda s: s['clicks'])}")
