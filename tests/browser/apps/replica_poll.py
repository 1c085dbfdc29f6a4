"""Test app: a poll whose shared state lives in Redis (REDIS_URL), served by several replicas.

``?who=A`` names the session in the run log (RUN_LOG).
"""

import os

import streamlit as st
from poll_parts import log_run, poll, tally_fragment

from streamlit_redux import shared_store
from streamlit_redux.storage import RedisStorage

board = shared_store("poll", poll.reducer, storage=RedisStorage(os.environ["REDIS_URL"]))
log_run("app")
st.header(f"Poll ({st.query_params.get('who', '?')})")
tally_fragment(board)()
