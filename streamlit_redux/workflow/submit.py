"""Completing a submit from an effect: call the user's function, report how it went.

The reducer only records that a submit is pending; the work (an HTTP call, a database write)
belongs in an effect (``streamlit_redux.middleware.effects``), which runs after the reducer and
may run on a thread. The effect answers with ``submit_succeeded(result, attempt=n)`` or
``submit_failed(message, attempt=n)``; the attempt number makes a late answer to an abandoned
submit harmless.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from pyrsistent import PMap

if TYPE_CHECKING:
    from streamlit_redux.workflow.workflow import Workflow


def submit_effect(workflow: Workflow, send: Callable[[PMap], Any]) -> Callable[..., None]:  # type: ignore[type-arg]
    """Return ``effect(action, api, token=None)``: ``send(draft)``, then succeeded or failed.

    Works as a sync effect and as a background one (``background=True`` passes a cancel
    token, which is accepted and unused: a send that was started is reported either way).
    ``send``'s return value becomes the workflow's ``result``; any exception it raises
    becomes ``submit_failed(str(exc))`` and the draft stays as it was submitted.

    >>> from streamlit_redux import Store, combine_reducers
    >>> from streamlit_redux.middleware.effects import create_effects
    >>> from streamlit_redux.workflow import Step, create_workflow
    >>> wf = create_workflow("order", steps=[Step("cart")], data={"items": 2})
    >>> effects = create_effects()
    >>> _ = effects.on(wf.actions.submit, wf.submit_effect(lambda draft: draft["items"] * 10))
    >>> store = Store(combine_reducers(order=wf.reducer), middleware=[effects.middleware])
    >>> _ = store.dispatch(wf.actions.submit())
    >>> wf.selectors.is_complete(store.state), wf.selectors.result(store.state)
    (True, 20)
    """
    selectors = workflow.selectors
    actions = workflow.actions

    def complete_submit(action: object, api: Any, token: object = None) -> None:
        state = api.get_state()
        attempt = selectors.pending_submit(state)
        if attempt is None:  # the submit was refused (a check failed) or already settled
            return
        try:
            result = send(selectors.data(state))
        except Exception as exc:
            api.dispatch(actions.submit_failed(str(exc) or type(exc).__name__, attempt=attempt))
            return
        api.dispatch(actions.submit_succeeded(result, attempt=attempt))

    complete_submit.__qualname__ = f"{workflow.name}.submit_effect.{_name(send)}"
    return complete_submit


def _name(send: Callable[..., Any]) -> str:
    return str(getattr(send, "__qualname__", None) or type(send).__name__)
