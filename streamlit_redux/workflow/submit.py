"""Completing a submit from an effect: call the user's function, report how it went.

The reducer only records that a submit is pending; the work (an HTTP call, a database write)
belongs in an effect (``streamlit_redux.middleware.effects``), which runs after the reducer and
may run on a thread. The effect answers with ``submit_succeeded(result, request_id=...)`` or
``submit_failed(message, request_id=...)``. Like RTK's ``createAsyncThunk`` ``requestId``,
each ``submit()`` action carries a fresh id, so a late answer to a submit that was abandoned
(and perhaps submitted again) is told apart and ignored.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Protocol

from pyrsistent import PMap

from streamlit_redux.workflow.machine import SUBMITTING


class WorkflowLike(Protocol):
    """What a submit effect needs of its workflow (the workflow module imports this one)."""

    name: str

    @property
    def actions(self) -> Any: ...

    def select_slice(self, root: Any) -> Any: ...


def request_id(action: Any) -> str | None:
    """The request id a ``submit`` action carries (None for one dispatched without it)."""
    payload = getattr(action, "payload", None)
    value = payload.get("request_id") if isinstance(payload, Mapping) else None
    return value if isinstance(value, str) else None


def submit_effect(workflow: WorkflowLike, send: Callable[[PMap], Any]) -> SubmitEffect:  # type: ignore[type-arg]
    """Return an effect ``(action, api, token=None)``: ``send(draft)``, then succeeded or failed.

    Works as a sync effect and as a background one (``background=True`` passes a cancel
    token, which is accepted and unused: a send that was started is reported either way).
    ``send``'s return value becomes the workflow's ``result``; any exception it raises
    becomes ``submit_failed(str(exc))`` and the draft stays as it was submitted. A submit
    that was refused (a check failed, not on the last step) sends nothing.

    >>> from streamlit_redux import Store, combine_reducers
    >>> from streamlit_redux.middleware import effects_middleware, on
    >>> from streamlit_redux.workflow import Step, create_workflow
    >>> wf = create_workflow("order", steps=[Step("cart")], data={"items": 2})
    >>> effects = effects_middleware(
    ...     on(wf.actions.submit, wf.submit_effect(lambda draft: draft["items"] * 10)))
    >>> store = Store(combine_reducers(order=wf.reducer), middleware=[effects])
    >>> _ = store.dispatch(wf.actions.submit())
    >>> wf.selectors.is_complete(store.state), wf.selectors.result(store.state)
    (True, 20)
    """
    return SubmitEffect(workflow, send)


class SubmitEffect:
    """The effect ``submit_effect`` returns, named ``"<workflow>.submit_effect.<send>"``.

    An object rather than a closure so that the logs and ``signals.effect_failed`` name the
    workflow and the send function, not ``submit_effect.<locals>.effect``.
    """

    def __init__(self, workflow: WorkflowLike, send: Callable[[PMap], Any]) -> None:  # type: ignore[type-arg]
        self.workflow = workflow
        self.send = send
        self.__qualname__ = f"{workflow.name}.submit_effect.{_name(send)}"

    def __call__(self, action: Any, api: Any, token: object = None) -> None:
        """Send the draft of the submit ``action`` started, if it is still pending; answer."""
        pending = _accepted(self.workflow, action, api.get_state())
        if pending is None:
            return
        request, draft = pending
        actions = self.workflow.actions
        try:
            result = self.send(draft)
        except Exception as exc:
            api.dispatch(actions.submit_failed(str(exc) or type(exc).__name__, request_id=request))
            return
        api.dispatch(actions.submit_succeeded(result, request_id=request))


def _accepted(workflow: WorkflowLike, action: Any, root: Any) -> tuple[str | None, PMap] | None:  # type: ignore[type-arg]
    """``(request id, draft)`` when ``action`` started a submit that is still pending, else None.

    Effects run once the submit's dispatch has committed, so ``root`` already holds it: the
    submit is pending under its own request id unless it was refused (a check failed), or
    abandoned or settled since (a background effect may start late).
    """
    local = workflow.select_slice(root)
    request = request_id(action)
    if local["status"] != SUBMITTING or local["request"] != request:
        return None
    return request, local["data"]


def _name(send: Callable[..., Any]) -> str:
    return str(getattr(send, "__qualname__", None) or type(send).__name__)
