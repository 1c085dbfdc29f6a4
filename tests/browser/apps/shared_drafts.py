"""Test app: a shared store read by a selector that picks this session's visitor's entry."""

import streamlit as st
from pyrsistent import pmap

from streamlit_redux import shared_store


def visitor():
    """Who this session is (the URL here; user_id() in a real app): not part of the state."""
    return st.query_params.get("who", "nobody")


def reducer(state, action):
    return state.set(action.payload, state[action.payload] + "+") if action.type == "edit" else state


board = shared_store("drafts", reducer, initial_state=pmap({"A": "alice's", "B": "bob's"}))
st.session_state.runs = st.session_state.get("runs", 0) + 1
st.markdown(f"runs={st.session_state.runs}")
st.markdown(f"mine={board.select(lambda s: s.get(visitor()))}")
st.button("Edit mine", on_click=lambda: board.dispatch({"type": "edit", "payload": visitor()}))
