"""Test app: a three-step wizard whose middle step has nothing to check and is slow to draw.

While it draws, the page still shows the first step's Next button: a second press there (an
impatient double click) must not pass over the middle step.
"""

import time

import streamlit as st

from streamlit_redux import get_store
from streamlit_redux.binding.workflow_view import render_workflow
from streamlit_redux.workflow import Step, create_workflow

tour = create_workflow(
    "tour",
    steps=[Step("welcome", title="Welcome"), Step("options", title="Options"),
           Step("review", title="Review")],
    data={"newsletter": False},
)
store = get_store({"tour": tour.reducer})


def options():
    time.sleep(1.0)  # stands for a slow query: the previous step stays on screen meanwhile
    st.checkbox("Newsletter", **store.bind(tour.store_path("newsletter"), tour.setter("newsletter")))


render_workflow(store, tour, steps={
    "welcome": lambda: st.write("Glad you are here"),
    "options": options,
    "review": lambda: st.write("All set"),
})
