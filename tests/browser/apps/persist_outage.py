"""A counter persisted on Redis (docs/persistence.md, "Storages"), for the outage test: one
shared copy (scope="app"), written on every change."""

import os

import streamlit as st

from streamlit_redux import create_slice, get_store
from streamlit_redux.middleware import persist
from streamlit_redux.storage import RedisStorage


@st.cache_resource
def storage() -> RedisStorage:
    return RedisStorage(os.environ["REDIS_URL"])


notes = create_slice(
    name="notes",
    initial_state={"count": 0},
    reducers={"added": lambda s, a: s.set("count", s["count"] + 1)},
)
store = get_store(notes.reducer, middleware=[persist(storage(), key="notes", scope="app")])

st.button("Add a note", on_click=store.dispatch, args=(notes.actions.added(),))
st.write(f"count={store.select(lambda s: s['count'])}")
