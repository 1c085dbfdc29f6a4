"""An onboarding wizard: validated steps, a branch for business accounts, a submit that can fail.

Run: streamlit run examples/wizard_serve.py   (wizard_serve.py adds the browser-id cookie)

The draft is persisted per browser, so a refresh lands on the same step with the same values.
Run wizard.py directly and the app works the same, but the draft lives for the session (one
warning says how to turn persistence on).

Try the email ``taken@example.com``: the sign-up service refuses it, the draft stays as it
was, and Back leads to the account step to fix it.
"""

import os

import streamlit as st

from streamlit_redux import get_store
from streamlit_redux.binding.workflow_view import render_workflow
from streamlit_redux.middleware import effects_middleware, on, persist
from streamlit_redux.storage import SQLiteStorage
from streamlit_redux.workflow import Step, create_workflow, required


def email(value):
    return None if value and "@" in value else "Enter an email address, like ann@example.com"


def strong(value):
    return None if value and len(value) >= 10 else "Use at least 10 characters"


onboarding = create_workflow(
    "onboarding",
    steps=[
        Step("account", title="Account", fields={"email": email, "password": strong}),
        Step("profile", title="About you",
             fields={"name": required("Tell us your name"), "kind": required("Pick one")}),
        Step("company", title="Company", fields={"company": required("Name the company")}),
        Step("review", title="Review"),
        Step("welcome", title="Welcome"),
    ],
    transitions={
        # A branch: the answer picks the next step (and the progress bar's length follows).
        "profile": lambda data: "company" if data.get("kind") == "business" else "review",
        "review": {"next": None, "submit_succeeded": "welcome"},
    },
    data={"email": "", "password": "", "name": "", "kind": None, "company": ""},
)


def create_account(draft):
    """Stands for the sign-up API: its exception becomes the submit's error message."""
    if draft["email"] == "taken@example.com":
        raise ValueError("taken@example.com already has an account: use another email")
    return {"account": draft["email"].split("@")[0]}


# A slow service would go on a thread: on(..., background=True, timeout_s=30). The page shows
# "Submitting…", and the answer reruns it without a click.
submit = on(onboarding.actions.submit, onboarding.submit_effect(create_account))
storage = SQLiteStorage(os.environ.get("WIZARD_DB", "wizard.db"))
store = get_store(
    {"onboarding": onboarding.reducer},
    middleware=[effects_middleware(submit), persist(storage, key="wizard")],
)


def bound(field):
    return store.bind(onboarding.store_path(field), onboarding.setter(field))


def account():
    st.text_input("Email", **bound("email"))
    st.text_input("Password", type="password", **bound("password"))


def profile():
    st.text_input("Name", **bound("name"))
    st.radio("Account", ["personal", "business"], index=None, horizontal=True, **bound("kind"))


def company():
    st.text_input("Company name", **bound("company"))


def review():
    data = store.select(onboarding.selectors.data)
    st.markdown(f"**{data['name']}** · {data['email']} · {data['kind']} account")
    if data["kind"] == "business":
        st.markdown(f"Company: **{data['company']}**")


def welcome():
    st.success(f"Welcome aboard, {store.select(onboarding.selectors.result)['account']}!")
    st.button("Start over", on_click=store.dispatch, args=(onboarding.actions.reset(),))


st.title("Sign up")
render_workflow(
    store,
    onboarding,
    steps={"account": account, "profile": profile, "company": company, "review": review,
           "welcome": welcome},
    disable_invalid=False,  # Next stays enabled: a press on an invalid step says what is missing
)
