"""Test app: get_store(..., devtools=True) draws the panel."""

import streamlit as st

from streamlit_redux import create_slice, get_store

counter = create_slice(name="counter", initial_state=0, reducers={"incremented": lambda s, a: s + 1})
store = get_store(counter.reducer, devtools=st.session_state.get("devtools", True))
st.button("+1", key="inc", on_click=store.dispatch, args=(counter.actions.incremented(),))
st.write(f"count={store.select(lambda s: s)}")
