"""The workflow's selectors: what a view (or the Streamlit helper) needs to draw a step.

Each selector takes the root state, like a slice's, and reads the workflow where it is
mounted. The ones that run the step checks or follow branches (``can_advance``,
``can_submit``, ``is_last``, ``progress``) are memoized selectors (``create_selector``): through
``store.select`` they recompute only when the workflow's state changed, and they show in
``store.selector_stats()``. Results are plain values or the state's own objects, so the
binding's "did this selection change?" test (identity, then ``==``) is exact and cheap.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from pyrsistent import PMap, pmap

from streamlit_redux.store.selectors import create_selector
from streamlit_redux.workflow.graph import NEXT
from streamlit_redux.workflow.machine import DONE, EDITING, SUBMITTING, Machine, State

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

    def is_last(state: State) -> bool:
        """Whether the current step has no step after it for the data entered (submit here)."""
        return graph.target(state["step"], NEXT, state["data"]) is None

    def can_advance(state: State) -> bool:
        """Whether ``next`` would leave the current step now (enable the Next button)."""
        step, draft = state["step"], state["data"]
        if state["status"] != EDITING or graph.steps[step].errors(draft):
            return False
        return graph.target(step, NEXT, draft) is not None

    def can_submit(state: State) -> bool:
        """Whether ``submit`` would start: last step, every step on the path passes."""
        if state["status"] != EDITING or not is_last(state):
            return False
        return not any(graph.steps[s].errors(state["data"]) for s in state["history"])

    def progress(state: State) -> Progress:
        """A :class:`Progress` for a progress bar or a stepper."""
        taken = tuple(state["history"])
        path = taken + graph.ahead(state["step"], state["data"])
        fraction = 1.0 if state["status"] == DONE else (len(taken) - 1) / len(path)
        return Progress(state["step"], len(taken), len(path), fraction, path)

    table: dict[str, Callable[..., Any]] = {
        fn.__name__: create_selector(local, fn, name=f"{name}.{fn.__name__}")
        for fn in (is_last, can_advance, can_submit, progress)
    }
    readers: dict[str, Callable[[State], Any]] = {
        "current_step": lambda state: state["step"],
        "data": lambda state: state["data"],
        "history": lambda state: state["history"],
        "visited": lambda state: state["visited"],
        "errors": lambda state: state["errors"],
        "can_back": lambda state: state["status"] == EDITING and len(state["history"]) > 1,
        "is_complete": lambda state: state["status"] == DONE,
        "is_submitting": lambda state: state["status"] == SUBMITTING,
        "pending_submit": lambda state: state["request"] if state["status"] == SUBMITTING else None,
        "submit_error": lambda state: state["submit_error"],
        "result": lambda state: state["result"],
    }
    for key, read in readers.items():
        table[key] = _on_root(f"{name}.{key}", read, local)
    table["errors_for"] = _errors_for(name, machine, local)
    return table


def _on_root(label: str, read: Callable[[State], Any], local: Selector) -> Selector:
    """A selector of the root state reading the workflow's state with ``read``, named for stats."""

    def select(root: Any) -> Any:
        return read(local(root))

    select.__name__ = select.__qualname__ = label
    return select


def _errors_for(name: str, machine: Machine, local: Selector) -> Callable[[str], Selector]:
    """``errors_for(step)`` returns a selector of that step's ``{field: message}``.

    The step name is checked when the selector is made, and the same selector object comes
    back for the same step, so memo caches and rerun tracking key on it across reruns.
    """
    made: dict[str, Selector] = {}

    def errors_for(step: str) -> Selector:
        known = machine.graph.step(step, where="errors_for").name
        if known not in made:
            made[known] = _on_root(
                f"{name}.errors_for({known!r})",
                lambda state: state["errors"].get(known, _NO_ERRORS),
                local,
            )
        return made[known]

    errors_for.__name__ = errors_for.__qualname__ = f"{name}.errors_for"
    return errors_for
