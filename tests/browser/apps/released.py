"""Test app: a background effect that waits until cancelled, and a debounced persist, so the
test can see when a session's store is released (``RELEASE_LOG``, ``DRAFT_DB``)."""

import os

import streamlit as st

from streamlit_redux import create_slice, get_store
from streamlit_redux.middleware import effects_middleware, on, persist
from streamlit_redux.storage import SQLiteStorage

job = create_slice(name="job", initial_state={"note": "", "started": False},
                   reducers={"started": lambda s, a: s.set("started", True),
                             "noted": lambda s, a: s.set("note", a.payload)})


@on("job/started", background=True, timeout_s=600)
def wait_until_released(action, api, token):
    token.wait(600)
    if token.cancelled:
        with open(os.environ["RELEASE_LOG"], "a") as log:
            log.write("cancelled\n")


store = get_store(job.reducer, middleware=[
    effects_middleware(wait_until_released),
    persist(SQLiteStorage(os.environ["DRAFT_DB"]), key="job", scope="app", debounce_s=600),
])
st.button("Start", on_click=store.dispatch, args=(job.actions.started(),))
st.button("Reset", on_click=st.session_state.clear)  # the usual "start over": a new store
st.text_input("Note", **store.bind("note", job.actions.noted))
st.write(f"started={store.select(lambda s: s['started'])}")
