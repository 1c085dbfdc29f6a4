"""Soak app: per-browser persistence, effects that close over the session, the devtools panel.

Each visitor names itself with ``?who=``. A save runs a synchronous effect that closes over
``who`` (it must only ever stamp this session's name) and a background effect that dispatches
from the store's own thread (a pushed rerun while the user may be clicking).
"""

import gc
import os
import threading

import streamlit as st

from streamlit_redux import Store, create_slice, get_store
from streamlit_redux.middleware import effects_middleware, on, persist
from streamlit_redux.storage import SQLiteStorage

notes = create_slice(
    name="notes",
    initial_state={"saved": [], "copies": [], "checked": []},
    reducers={
        "saved": lambda s, a: s.set("saved", s["saved"].append(a.payload)),
        "copied": lambda s, a: s.set("copies", s["copies"].append(a.payload)),
        "checked": lambda s, a: s.set("checked", s["checked"].append(a.payload)),
    },
)
who = st.query_params.get("who", "nobody")

if st.query_params.get("stats"):  # what the server process still holds, for the test
    gc.collect()
    stores = sum(isinstance(o, Store) for o in gc.get_objects())
    ours = sum(t.name.startswith("streamlit_redux") for t in threading.enumerate())
    st.write(f"stores={stores} threads={ours}")
    st.stop()


@on(notes.actions.saved)
def stamp_copy(action, api):
    api.dispatch(notes.actions.copied(f"{who}:{action.payload}"))


@on(notes.actions.saved, background=True, timeout_s=10)
def check_later(action, api, token):
    if not token.wait(0.05):
        api.dispatch(notes.actions.checked(f"{who}:{action.payload}"))


store = get_store(
    notes.reducer,
    middleware=[
        effects_middleware(stamp_copy, check_later),
        persist(SQLiteStorage(os.environ["SOAK_DB"]), key="soak"),
    ],
    devtools=True,
)
count = store.select(lambda s: len(s["saved"]))
st.button("Save", on_click=store.dispatch, args=(notes.actions.saved(f"{who}-{count + 1}"),))
st.write(f"saved={count}")
st.write(f"copies={' '.join(store.select(lambda s: s['copies']))}")
st.write(f"checked={' '.join(store.select(lambda s: s['checked']))}")
