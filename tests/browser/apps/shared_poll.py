"""Test app: a poll in a shared store, seen by several browser sessions at once.

``?who=A`` names the session in the run log (RUN_LOG); ``?show=0`` makes a session that uses
the shared store but shows none of its data.
"""

import streamlit as st
from poll_parts import log_run, poll, tally_fragment

from streamlit_redux import create_slice, get_store, shared_store

mine = create_slice(name="mine", initial_state=0, reducers={"clicked": lambda s, a: s + 1})
show = st.query_params.get("show", "1") == "1"

board = shared_store("poll", poll.reducer)
store = get_store(mine.reducer)
log_run("app")
st.header(f"Poll ({st.query_params.get('who', '?')})")
tally = tally_fragment(board)


@store.fragment(key="mine")
def my_clicks():
    log_run("mine")
    st.write(f"my clicks={store.select(lambda s: s)}")
    st.button("Click me", on_click=store.dispatch, args=(mine.actions.clicked(),))


if show:
    tally()
my_clicks()
