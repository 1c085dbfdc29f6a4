"""Test app: a persisted workflow whose second step is "profile" (VERSION=1) or, after a code
update, "about" (VERSION=2). Its draft lives in the SQLite file $DRAFT_DB (scope="app")."""

import os

import streamlit as st

from streamlit_redux import get_store
from streamlit_redux.binding.workflow_view import render_workflow
from streamlit_redux.middleware import persist
from streamlit_redux.storage import SQLiteStorage
from streamlit_redux.workflow import Step, create_workflow

second = "profile" if os.environ.get("VERSION") == "1" else "about"
signup = create_workflow(
    "signup",
    steps=[Step("account", fields=["email"]), Step(second, fields=["name"]), Step("done")],
    data={"email": "", "name": ""},
)
storage = SQLiteStorage(os.environ["DRAFT_DB"])
store = get_store({"signup": signup.reducer},
                  middleware=[persist(storage, key="signup", scope="app")])


def account():
    st.text_input("Email", **store.bind(signup.store_path("email"), signup.setter("email")))


def named():
    st.text_input("Name", **store.bind(signup.store_path("name"), signup.setter("name")))


render_workflow(store, signup, steps={"account": account, second: named, "done": lambda: None})
