"""Test app: a save that fails (a value JSON cannot hold) and an action a reducer refuses."""

import contextlib
import os

import streamlit as st

from streamlit_redux import ReducerError, create_slice, get_store
from streamlit_redux.middleware import persist
from streamlit_redux.storage import JSONFileStorage


def _checked(state, action):
    if action.payload < 0:
        raise ValueError("a quantity cannot be negative")
    return state.set("qty", action.payload)


order = create_slice(
    name="order",
    initial_state={"qty": 1, "ratio": 1.0},
    reducers={
        "qty_set": _checked,
        "broken": lambda s, a: s.set("ratio", float("nan")),
        "fixed": lambda s, a: s.set("ratio", 1.0),
    },
)
store = get_store(
    order.reducer,
    middleware=[persist(JSONFileStorage(os.environ["ALERTS_STORE"]), key="order", scope="app")],
)
st.button("Break", on_click=store.dispatch, args=(order.actions.broken(),))


def set_negative():
    with contextlib.suppress(ReducerError):  # the toast tells the user; the state is unchanged
        store.dispatch(order.actions.qty_set(-1))


st.button("Negative", on_click=set_negative)
st.button("Fix", on_click=store.dispatch, args=(order.actions.fixed(),))
st.text(f"qty={store.select(lambda s: s['qty'])}")
