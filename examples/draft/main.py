"""A form draft that survives a refresh, a closed tab and a server restart, per browser.

Run: streamlit run examples/draft/serve.py   (serve.py adds the browser-id cookie)

The draft is persisted to SQLite under a key derived from this browser's id (an HMAC with the
server secret): another visitor starts empty and cannot reach it. Run main.py directly instead
and the draft lives for the session only (one warning says how to turn persistence on).
"""

import os

import streamlit as st

from streamlit_redux import create_slice, get_store
from streamlit_redux.identity import owner_for_scope
from streamlit_redux.middleware import persist
from streamlit_redux.storage import SQLiteStorage

draft = create_slice(
    name="draft",
    initial_state={"title": "", "body": "", "saved": 0},
    reducers={
        "titled": lambda s, a: s.set("title", a.payload),
        "written": lambda s, a: s.set("body", a.payload),
        "cleared": lambda s, a: s.set("title", "").set("body", ""),
    },
)
storage = SQLiteStorage(os.environ.get("DRAFT_DB", "drafts.db"))
# scope="browser" is the default inside get_store: one stored copy per browser.
store = get_store(draft.reducer, middleware=[persist(storage, key="draft", ttl=30 * 24 * 3600)])

st.title("Draft")
st.text_input("Title", **store.bind("title", draft.actions.titled))
st.text_area("Body", **store.bind("body", draft.actions.written))
st.button("Clear", on_click=store.dispatch, args=(draft.actions.cleared(),))
st.caption(f"{len(store.select(lambda s: s['body']))} characters, kept for 30 days in this browser")

# The owner id is an HMAC of the browser's cookie with the server secret: showing (a part of)
# it is harmless, since it opens nothing and reveals no cookie. The cookie itself is HttpOnly.
owner = owner_for_scope("browser")
if owner is None:
    st.info("This draft lives for this session only: run `streamlit run serve.py` to keep it.")
else:
    st.caption(f"Stored for this browser as draft:browser:{owner[:12]}…")
