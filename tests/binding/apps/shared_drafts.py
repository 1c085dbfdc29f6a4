"""Test app: a shared store read by a selector that picks this session's visitor's entry."""

import streamlit as st
from pyrsistent import pmap

from streamlit_redux import shared_store


def visitor():
    """Who this session is (the URL here; user_id() in a real app): not part of the state."""
    return st.query_params.get("who", "nobody")


board = shared_store("drafts", lambda s, a: s, initial_state=pmap({"A": "alice's", "B": "bob's"}))
st.markdown(f"mine={board.select(lambda s: s.get(visitor()))}")
