"""Test app: a three-step sign-up drawn by render_workflow, with a branch and a failing submit.

``st.session_state`` options set by the tests: ``initial`` (a root state to start from),
``no_effect`` (no submit effect: a submit stays pending), ``disable_invalid``.
"""

import streamlit as st

from streamlit_redux import get_store
from streamlit_redux.binding.workflow_view import render_workflow
from streamlit_redux.middleware import effects_middleware, on
from streamlit_redux.workflow import Step, create_workflow, required

signup = create_workflow(
    "signup",
    steps=[
        Step("account", title="Account", fields={"email": required("Enter your email")}),
        Step("plan", title="Plan", fields={"plan": required("Pick a plan")}),
        Step("seats", title="Seats", fields={"seats": required("How many seats?")}),
        Step("review", title="Review"),
        Step("done", title="Done"),
    ],
    transitions={
        "plan": lambda data: "seats" if data.get("plan") == "team" else "review",
        "review": {"next": None, "submit_succeeded": "done", "edit_plan": "plan"},
    },
    data={"email": "", "plan": None, "seats": ""},
)


def send(draft):
    if draft["email"] == "fail@example.com":
        raise ConnectionError("The sign-up service refused fail@example.com")
    return {"id": 1}


effects = [] if st.session_state.get("no_effect") else [
    effects_middleware(on(signup.actions.submit, signup.submit_effect(send)))]
store = get_store({"signup": signup.reducer}, initial_state=st.session_state.get("initial"),
                  middleware=effects)


def bound(field):
    return store.bind(signup.store_path(field), signup.setter(field))


def account():
    st.text_input("Email", **bound("email"))


def plan():
    st.radio("Plan", ["solo", "team"], index=None, **bound("plan"))


def seats():
    st.text_input("Seats", **bound("seats"))


def review():
    st.write(f"Signing up {store.select(signup.selectors.data)['email']}")


def done():
    st.success(f"Welcome, account {store.select(signup.selectors.result)['id']}")


render_workflow(store, signup, steps={"account": account, "plan": plan, "seats": seats,
                                      "review": review, "done": done},
                disable_invalid=st.session_state.get("disable_invalid", True))
