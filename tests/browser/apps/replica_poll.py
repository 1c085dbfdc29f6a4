"""Test app: a poll whose shared state lives in Redis (REDIS_URL), served by several replicas.

``?who=A`` names the session in the run log (RUN_LOG).
"""

import os

import streamlit as st

from streamlit_redux import create_slice, shared_store
from streamlit_redux.storage import RedisStorage

poll = create_slice(
    name="poll",
    initial_state={"tabs": 0, "spaces": 0},
    reducers={"voted": lambda s, a: s.set(a.payload, s[a.payload] + 1)},
)
who = st.query_params.get("who", "?")


def log_run(scope):
    with open(os.environ["RUN_LOG"], "a") as log:
        log.write(f"{who} {scope}\n")


board = shared_store("poll", poll.reducer, storage=RedisStorage(os.environ["REDIS_URL"]))
log_run("app")
st.header(f"Poll ({who})")


@board.fragment(key="tally")
def tally():
    log_run("tally")
    votes = board.select(lambda s: s)
    st.write(f"tabs={votes['tabs']} spaces={votes['spaces']}")
    st.button("Vote tabs", on_click=board.dispatch, args=(poll.actions.voted("tabs"),))


tally()
