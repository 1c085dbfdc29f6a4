"""Workflows: multi-step flows (wizards, checkout, import pipelines) as pure Redux state.

>>> from streamlit_redux import Store, combine_reducers
>>> from streamlit_redux.workflow import Step, create_workflow, required
>>> signup = create_workflow("signup", steps=[
...     Step("account", fields={"email": required("Enter your email")}),
...     Step("profile", fields=["nickname"]),
... ])
>>> store = Store(combine_reducers(signup=signup.reducer))
>>> _ = store.dispatch(signup.actions.next())  # refused: the email is missing
>>> dict(signup.selectors.errors_for("account")(store.state))
{'email': 'Enter your email'}
>>> _ = store.dispatch(signup.setter("email")("ann@example.com"))
>>> _ = store.dispatch(signup.actions.next())
>>> signup.selectors.current_step(store.state)
'profile'

No Streamlit import here: the Streamlit helper that draws a workflow, ``render_workflow``,
lives in the binding (``streamlit_redux.binding.workflow_view``).
"""

from __future__ import annotations

from streamlit_redux.workflow.errors import (
    FieldPathError,
    InvalidTransitionError,
    UnknownStepError,
    WorkflowDefinitionError,
    WorkflowError,
)
from streamlit_redux.workflow.selectors import Progress
from streamlit_redux.workflow.steps import Step, required
from streamlit_redux.workflow.workflow import Workflow, create_workflow

__all__ = [
    "FieldPathError",
    "InvalidTransitionError",
    "Progress",
    "Step",
    "UnknownStepError",
    "Workflow",
    "WorkflowDefinitionError",
    "WorkflowError",
    "create_workflow",
    "required",
]
