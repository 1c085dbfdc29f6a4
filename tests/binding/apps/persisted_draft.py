"""Test app: persist inside get_store with the default (browser) scope, no identity middleware."""

import os

import streamlit as st

from streamlit_redux import create_slice, get_store
from streamlit_redux.middleware import persist
from streamlit_redux.storage import SQLiteStorage

draft = create_slice(name="draft", initial_state={"title": ""},
                     reducers={"titled": lambda s, a: s.set("title", a.payload)})
store = get_store(draft.reducer, middleware=[persist(SQLiteStorage(os.environ["DRAFT_DB"]), key="draft")])
st.text_input("Title", **store.bind("title", draft.actions.titled))
