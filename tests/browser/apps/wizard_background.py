"""Test app: render_workflow with a background submit effect, whose answer is pushed to the page."""

import os
import time
from pathlib import Path

import streamlit as st

from streamlit_redux import get_store
from streamlit_redux.binding.workflow_view import render_workflow
from streamlit_redux.middleware import effects_middleware, on
from streamlit_redux.workflow import Step, create_workflow, required

signup = create_workflow(
    "signup",
    steps=[Step("account", fields={"email": required("Enter your email")}), Step("done")],
    transitions={"account": {"next": None, "submit_succeeded": "done"}},
    data={"email": ""},
)
RELEASE = Path(os.environ["WIZARD_RELEASE"])


def send(draft):
    # Held until the test, having seen "Submitting…", creates the file: no click, no rerun, so
    # the answer can only reach the page by the rerun the view pushes.
    while not RELEASE.exists():
        time.sleep(0.05)
    RELEASE.unlink()
    if draft["email"] == "taken@example.com":
        raise ValueError("taken@example.com already has an account")
    return draft["email"]


submit = on(signup.actions.submit, signup.submit_effect(send), background=True, timeout_s=60)
store = get_store({"signup": signup.reducer}, middleware=[effects_middleware(submit)])


def account():
    st.text_input("Email", **store.bind(signup.store_path("email"), signup.setter("email")))


def done():
    st.success(f"Signed up {store.select(signup.selectors.result)}")


render_workflow(store, signup, steps={"account": account, "done": done})
