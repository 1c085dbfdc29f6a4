"""Test app: bound widgets whose reducer refuses some values (raises), in the body and in a
fragment. Each row shows what the widget returned next to what the store holds. ALERTS=0 turns
the toasts off (get_store(alerts=False))."""

import os

import streamlit as st

from streamlit_redux import create_slice, get_store


def quantity(state, action):
    if action.payload < 0:
        raise ValueError("a quantity cannot be negative")
    return state.set(action.type.split("/")[1], action.payload)


order = create_slice(name="order", initial_state={"body": 1, "frag": 1},
                     reducers={"body": quantity, "frag": quantity})
store = get_store(order.reducer, alerts=os.environ.get("ALERTS") != "0")

shown = st.number_input("In the body", step=1, **store.bind("body", order.actions.body))
st.text(f"row:body widget={shown} store={store.select(lambda s: s['body'])}")


@store.fragment(key="frag")
def fragment():
    shown = st.number_input("In a fragment", step=1, **store.bind("frag", order.actions.frag))
    st.text(f"row:frag widget={shown} store={store.select(lambda s: s['frag'])}")


fragment()
