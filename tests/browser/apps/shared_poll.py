"""Test app: a poll in a shared store, seen by several browser sessions at once.

``?who=A`` names the session in the run log (RUN_LOG); ``?show=0`` makes a session that uses
the shared store but shows none of its data.
"""

import os

import streamlit as st

from streamlit_redux import create_slice, get_store, shared_store

poll = create_slice(
    name="poll",
    initial_state={"tabs": 0, "spaces": 0},
    reducers={"voted": lambda s, a: s.set(a.payload, s[a.payload] + 1)},
)
mine = create_slice(name="mine", initial_state=0, reducers={"clicked": lambda s, a: s + 1})

who = st.query_params.get("who", "?")
show = st.query_params.get("show", "1") == "1"


def log_run(scope):
    if os.environ.get("RUN_LOG"):
        with open(os.environ["RUN_LOG"], "a") as log:
            log.write(f"{who} {scope}\n")


board = shared_store("poll", poll.reducer)
store = get_store(mine.reducer)
log_run("app")
st.header(f"Poll ({who})")


@board.fragment(key="tally")
def tally():
    log_run("tally")
    votes = board.select(lambda s: s)
    st.write(f"tabs={votes['tabs']} spaces={votes['spaces']}")
    st.button("Vote tabs", on_click=board.dispatch, args=(poll.actions.voted("tabs"),))


@store.fragment(key="mine")
def my_clicks():
    log_run("mine")
    st.write(f"my clicks={store.select(lambda s: s)}")
    st.button("Click me", on_click=store.dispatch, args=(mine.actions.clicked(),))


if show:
    tally()
my_clicks()
