"""The workflow's selectors: what a view (or the Streamlit helper) needs to draw a step.

Each selector takes the root state, like a slice's, and reads the workflow where it is
mounted. Results are plain values or the state's own objects, so the binding's
"did this selection change?" test (identity, then ``==``) is exact and cheap.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from pyrsistent import PMap, pmap

from streamlit_redux.workflow.graph import NEXT
from streamlit_redux.workflow.machine import DONE, EDITING, SUBMITTING, Machine

Selector = Callable[[Any], Any]
_NO_ERRORS: PMap = pmap()  # type: ignore[type-arg]


class Progress(NamedTuple):
    """Where the user is: ``position`` of ``total`` steps on ``path`` (taken + still ahead).

    ``path`` follows the branches for the data entered so far, so it can grow or shrink as
    answers change; ``fraction`` is the share already behind (1.0 once the submit succeeded).
    """

    step: str
    position: int
    total: int
    fraction: float
    path: tuple[str, ...]


def build_selectors(name: str, machine: Machine, local: Selector) -> dict[str, Callable[..., Any]]:
    """The selector table of workflow ``name``; ``local(root)`` returns the workflow's state."""
    graph = machine.graph

    def current_step(root: Any) -> str:
        """The name of the step to show."""
        step: str = local(root)["step"]
        return step

    def data(root: Any) -> PMap:  # type: ignore[type-arg]
        """The draft: everything the fields hold."""
        draft: PMap = local(root)["data"]  # type: ignore[type-arg]
        return draft

    def history(root: Any) -> Any:
        """The steps entered on the way to the current one (the current one last)."""
        return local(root)["history"]

    def visited(root: Any) -> Any:
        """Every step entered since the start, in first-visit order."""
        return local(root)["visited"]

    def is_last(root: Any) -> bool:
        """Whether the current step has no step after it for the data entered (submit here)."""
        state = local(root)
        return graph.target(state["step"], NEXT, state["data"]) is None

    def can_advance(root: Any) -> bool:
        """Whether ``next`` would leave the current step now (enable the Next button)."""
        state = local(root)
        step, draft = state["step"], state["data"]
        if state["status"] != EDITING or graph.steps[step].errors(draft):
            return False
        return graph.target(step, NEXT, draft) is not None

    def can_back(root: Any) -> bool:
        """Whether ``back`` has a step to return to."""
        state = local(root)
        return state["status"] == EDITING and len(state["history"]) > 1

    def can_submit(root: Any) -> bool:
        """Whether ``submit`` would start: last step, every step on the path passes."""
        state = local(root)
        if state["status"] != EDITING or not is_last(root):
            return False
        return not any(graph.steps[s].errors(state["data"]) for s in state["history"])

    def progress(root: Any) -> Progress:
        """A :class:`Progress` for a progress bar or a stepper."""
        state = local(root)
        taken = tuple(state["history"])
        path = taken + graph.ahead(state["step"], state["data"])
        done = state["status"] == DONE
        fraction = 1.0 if done else (len(taken) - 1) / len(path)
        return Progress(state["step"], len(taken), len(path), fraction, path)

    def errors(root: Any) -> PMap:  # type: ignore[type-arg]
        """Every recorded error: ``{step: {field: message}}``."""
        found: PMap = local(root)["errors"]  # type: ignore[type-arg]
        return found

    def is_complete(root: Any) -> bool:
        """Whether the submit succeeded (the workflow is done until ``reset``)."""
        return bool(local(root)["status"] == DONE)

    def is_submitting(root: Any) -> bool:
        """Whether a submit is pending (disable the inputs and show a spinner)."""
        return bool(local(root)["status"] == SUBMITTING)

    def pending_submit(root: Any) -> str | None:
        """The request id of the pending submit (pass it to ``submit_succeeded``), or None."""
        state = local(root)
        request: str | None = state["request"] if state["status"] == SUBMITTING else None
        return request

    def submit_error(root: Any) -> str | None:
        """The message of the last failed submit, or None."""
        message: str | None = local(root)["submit_error"]
        return message

    def result(root: Any) -> Any:
        """What the successful submit returned (frozen), or None."""
        return local(root)["result"]

    table: dict[str, Callable[..., Any]] = {
        fn.__name__: fn
        for fn in (
            current_step,
            data,
            history,
            visited,
            is_last,
            can_advance,
            can_back,
            can_submit,
            progress,
            errors,
            is_complete,
            is_submitting,
            pending_submit,
            submit_error,
            result,
        )
    }
    table["errors_for"] = _errors_for(name, machine, local)
    for key, fn in table.items():
        fn.__name__ = fn.__qualname__ = f"{name}.{key}"
    return table


def _errors_for(name: str, machine: Machine, local: Selector) -> Callable[[str], Selector]:
    """``errors_for(step)`` returns a selector of that step's ``{field: message}``.

    The step name is checked when the selector is made, and the same selector object comes
    back for the same step, so memo caches and rerun tracking key on it across reruns.
    """
    made: dict[str, Selector] = {}

    def errors_for(step: str) -> Selector:
        known = machine.graph.step(step, where="errors_for").name
        if known not in made:

            def step_errors(root: Any) -> PMap:  # type: ignore[type-arg]
                found: PMap = local(root)["errors"].get(known, _NO_ERRORS)  # type: ignore[type-arg]
                return found

            step_errors.__name__ = step_errors.__qualname__ = f"{name}.errors_for({known!r})"
            made[known] = step_errors
        return made[known]

    return errors_for
