"""Test app: a debounced save that fails on its timer thread (a value JSON cannot hold)."""

import os

import streamlit as st

from streamlit_redux import create_slice, get_store
from streamlit_redux.middleware import persist
from streamlit_redux.storage import SQLiteStorage

order = create_slice(
    name="order",
    initial_state={"qty": 1, "ratio": 1.0},
    reducers={
        "broken": lambda s, a: s.set("ratio", float("nan")),
        "fixed": lambda s, a: s.set("ratio", 1.0),
    },
)
store = get_store(order.reducer, middleware=[
    persist(SQLiteStorage(os.environ["ALERTS_DB"]), key="order", scope="app", debounce_s=0.2),
])
st.button("Break", on_click=store.dispatch, args=(order.actions.broken(),))
st.button("Fix", on_click=store.dispatch, args=(order.actions.fixed(),))
st.text(f"qty={store.select(lambda s: s['qty'])}")
