"""The onboarding flow the workflow tests drive: checks, a branch, a skip, an error step."""

from streamlit_redux import Store, combine_reducers
from streamlit_redux.workflow import Step, create_workflow, required


def looks_like_email(value):
    return None if value and "@" in value else "That is not an email address"


def at_least_8(value):
    return None if value and len(value) >= 8 else "Use at least 8 characters"


def make_onboarding(**options):
    return create_workflow(
        "onboarding",
        steps=[
            Step("account", fields={"email": [required("Enter your email"), looks_like_email],
                                    "password": at_least_8}),
            Step("profile", fields={"name": required("Enter your name"),
                                    "kind": required("Pick an account kind")}),
            Step("company", fields={"company.name": required("Name the company")},
                 skip=lambda d: d.get("kind") != "business"),
            Step("plan", fields={"plan": required("Pick a plan")}),
            Step("payment", fields={"card": required("Enter a card")}),
            Step("review"),
            Step("failed", title="Payment failed"),
            Step("welcome"),
        ],
        transitions={
            "plan": lambda d: "review" if d.get("plan") == "free" else "payment",
            "review": {"next": None, "submit_succeeded": "welcome", "submit_failed": "failed",
                       "change_plan": "plan"},
            "failed": {"next": None, "retry": "review"},
        },
        data={"email": "", "password": "", "name": "", "kind": None, "company": {"name": ""},
              "plan": None, "card": ""},
        **options,
    )


onboarding = make_onboarding()
actions = onboarding.actions
select = onboarding.selectors

VALID = {"email": "ann@example.com", "password": "correct horse", "name": "Ann",
         "kind": "personal", "plan": "pro", "card": "4242"}


def make_store(workflow=onboarding, middleware=()):
    return Store(combine_reducers(onboarding=workflow.reducer), middleware=list(middleware))


def fill(store, workflow=onboarding, **values):
    for path, value in values.items():
        store.dispatch(workflow.setter(path)(value))


def step(store):
    return select.current_step(store.state)
