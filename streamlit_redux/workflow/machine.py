"""The workflow reducer's cases: each takes the workflow state and returns the next one.

The state is one ``PMap`` of plain data, so undo, persistence, devtools and shared stores
handle it like any other slice::

    step          the current step's name
    history       the steps entered, in order (the path taken; ``back`` pops it)
    visited       every step entered since the start, in first-visit order
    data          the draft: what the fields hold
    entry         the draft as it was when the workflow was entered (``abandon`` restores it)
    errors        {step: {field: message}} recorded by a failed guard, cleared by field edits
    status        "editing", "submitting" (a submit is pending) or "done"
    request       the id of the latest submit (from its action); a result for another id,
                  a late answer to a submit since abandoned, is ignored
    submit_error  the message of the last failed submit, or None
    result        what the successful submit returned (frozen), or None

A case that has nothing to do returns the very same object, so nothing reruns and undo
records nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeAlias

from pyrsistent import PMap, PVector, freeze, pmap, pvector

from streamlit_redux.workflow.draft import set_field, touches
from streamlit_redux.workflow.graph import NEXT, Graph

EDITING, SUBMITTING, DONE = "editing", "submitting", "done"
State: TypeAlias = "PMap[str, Any]"


class Machine:
    """The transitions of one workflow applied to its state (pure functions of state+payload)."""

    def __init__(self, graph: Graph, *, initial: str, data: PMap) -> None:  # type: ignore[type-arg]
        self.graph = graph
        self.initial = initial
        self.initial_state = self.entered(data, request=None)

    def entered(self, data: PMap, *, request: str | None) -> State:  # type: ignore[type-arg]
        """A fresh start on the initial step with ``data`` as draft and as entry snapshot."""
        return pmap(
            {
                "step": self.initial,
                "history": pvector([self.initial]),
                "visited": pvector([self.initial]),
                "data": data,
                "entry": data,
                "errors": pmap(),
                "status": EDITING,
                "request": request,
                "submit_error": None,
                "result": None,
            }
        )

    def advance(self, state: State, event: str) -> tuple[State, bool]:
        """``next`` or a user event: leave the step if its checks pass. Returns (state, moved).

        Checks run before the target is chosen, so a branching function sees checked data.
        Failed checks keep the step and record the errors; no target (the last step) or an
        event the step does not handle leaves the state alone.
        """
        step = state["step"]
        if state["status"] != EDITING or not self.graph.handles(step, event):
            return state, False
        data = state["data"]
        errors = self.graph.steps[step].errors(data)
        if errors:
            return _record(state, step, errors), False
        target = self.graph.target(step, event, data)
        if target is None:
            return state, False
        return _enter(state.set("errors", state["errors"].discard(step)), target), True

    def back(self, state: State) -> State:
        """Return to the previous step of the path taken; the draft keeps what was entered."""
        history: PVector = state["history"]  # type: ignore[type-arg]
        if state["status"] != EDITING or len(history) < 2:
            return state
        return _update(state, {"history": history.delete(-1), "step": history[-2]})

    def goto(self, state: State, target: str) -> State:
        """Back to a step on the path taken, or forward through ``next`` while checks pass.

        Going forward stops at the first step whose checks fail (its errors recorded); a step
        that is not ahead on the path for this data leaves the state alone.
        """
        if state["status"] != EDITING or target == state["step"]:
            return state
        history: PVector = state["history"]  # type: ignore[type-arg]
        if target in history:
            kept = history[: history.index(target) + 1]
            return _update(state, {"history": kept, "step": target})
        if target not in self.graph.ahead(state["step"], state["data"]):
            return state
        current = state
        while current["step"] != target:
            following, moved = self.advance(current, NEXT)
            if not moved:
                return following
            current = following
        return current

    def submit(self, state: State, request: str | None) -> State:
        """Ask for a submit from the last step: every step on the path taken must still pass.

        The first step whose checks fail becomes current, with its errors. Otherwise the
        submit is pending (``status == "submitting"``) until ``submit_succeeded`` or
        ``submit_failed``; meanwhile edits and navigation are ignored, so a failed submit
        leaves the draft exactly as it was submitted.
        """
        step, data = state["step"], state["data"]
        if state["status"] != EDITING or self.graph.target(step, NEXT, data) is not None:
            return state
        for index, name in enumerate(state["history"]):
            errors = self.graph.steps[name].errors(data)
            if errors:
                kept = state["history"][: index + 1]
                return _record(_update(state, {"history": kept, "step": name}), name, errors)
        return _update(state, {"status": SUBMITTING, "request": request, "submit_error": None})

    def settle(self, state: State, payload: Any, *, succeeded: bool) -> State:
        """Complete the pending submit: to done (or the success step), or back to editing.

        A result naming another request than the pending one (a late answer to a submit that
        was abandoned) changes nothing. A failure keeps the draft and records its message.
        """
        fields = payload if isinstance(payload, Mapping) else {}
        request = fields.get("request_id")
        if state["status"] != SUBMITTING or request not in (None, state["request"]):
            return state
        event = "submit_succeeded" if succeeded else "submit_failed"
        if succeeded:
            settled = _update(state, {"status": DONE, "result": freeze(fields.get("result"))})
        else:
            settled = _update(state, {"status": EDITING, "submit_error": str(fields.get("error"))})
        step = state["step"]
        if self.graph.table[step].get(event) is None:
            return settled
        target = self.graph.target(step, event, state["data"])
        return settled if target is None else _enter(settled, target)

    def abandon(self, state: State) -> State:
        """Give up: the draft returns to the entry snapshot and the flow to its first step."""
        if state["status"] == DONE:
            return state
        return self.entered(state["entry"], request=state["request"])

    def reset(self, state: State, data: Any) -> State:
        """Start over on the initial step, with ``data`` (or the initial draft) as the entry."""
        draft = self.initial_state["data"] if data is None else freeze(data)
        return self.entered(draft, request=state["request"])

    def field_changed(self, state: State, path: object, value: Any) -> State:
        """Write one field of the draft and clear the errors recorded for it, on every step."""
        if state["status"] != EDITING:
            return state
        data = set_field(state["data"], path, value, workflow=self.graph.workflow)
        if data is state["data"]:
            return state
        errors = state["errors"]
        for step, found in errors.items():
            kept = pmap({f: m for f, m in found.items() if not touches(str(path), f)})
            if len(kept) != len(found):
                errors = errors.set(step, kept) if kept else errors.discard(step)
        return _update(state, {"data": data, "errors": errors})


def _record(state: State, step: str, errors: PMap) -> State:  # type: ignore[type-arg]
    if state["errors"].get(step) == errors:
        return state
    return state.set("errors", state["errors"].set(step, errors))


def _enter(state: State, target: str) -> State:
    visited: PVector = state["visited"]  # type: ignore[type-arg]
    return _update(
        state,
        {
            "step": target,
            "history": state["history"].append(target),
            "visited": visited if target in visited else visited.append(target),
            "status": state["status"] if state["status"] == DONE else EDITING,
        },
    )


def _update(state: State, changes: Mapping[str, Any]) -> State:
    updated: State = state.update(changes)  # typed: pyrsistent's stub leaves update untyped
    return updated
