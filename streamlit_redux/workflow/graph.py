"""Transitions: which step an event leads to, with branching on the data and skipped steps.

``transitions`` maps a step to its target for ``next`` (a step name, ``None`` for "this is the
last step", or a function of the draft returning either), or to a table ``{event: target}``
(XState's ``on``). Events other than ``next`` become the workflow's own action creators; the
table may also name where ``submit_succeeded`` and ``submit_failed`` lead (a done step, an
error step). A step without an entry goes on to the next one in ``steps`` order.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeAlias

from pyrsistent import PMap

from streamlit_redux.workflow.errors import (
    InvalidTransitionError,
    UnknownStepError,
    WorkflowDefinitionError,
)
from streamlit_redux.workflow.steps import Step

Target: TypeAlias = "str | Callable[[PMap[str, Any]], str | None] | None"
NEXT = "next"
OUTCOMES = ("submit_succeeded", "submit_failed")
RESERVED = frozenset({"back", "goto", "submit", "reset", "abandon", "field_changed"})


class Graph:
    """The steps and their transitions, checked once; answers "where does this event lead?"."""

    def __init__(
        self,
        workflow: str,
        steps: Sequence[Step],
        transitions: Mapping[str, Target | Mapping[str, Target]],
    ) -> None:
        self.workflow = workflow
        self.steps = {step.name: step for step in steps}
        self.order = tuple(self.steps)
        self.table: dict[str, dict[str, Target]] = {}
        for index, name in enumerate(self.order):
            following = self.order[index + 1] if index + 1 < len(self.order) else None
            self.table[name] = {NEXT: following}
        for name, entry in transitions.items():
            self.step(name, where="transitions")
            events = entry if isinstance(entry, Mapping) else {NEXT: entry}
            for event, target in events.items():
                self._check_event(name, event)
                self._check_target(name, event, target)
                self.table[name][event] = target
        self.events = tuple(
            sorted({e for table in self.table.values() for e in table} - {NEXT, *OUTCOMES})
        )

    def step(self, name: object, *, where: str) -> Step:
        """The step called ``name``; an unknown name is refused, listing the steps there are."""
        step = self.steps.get(name) if isinstance(name, str) else None
        if step is None:
            raise UnknownStepError(
                f'Workflow "{self.workflow}" has no step {name!r} (in {where}); its steps are: '
                f"{', '.join(self.order)}. Fix the step name."
            )
        return step

    def _check_event(self, step: str, event: object) -> None:
        if not isinstance(event, str) or not event.isidentifier() or event in RESERVED:
            raise WorkflowDefinitionError(
                f'Workflow "{self.workflow}" step "{step}" has the event {event!r}; events are '
                f"identifiers other than the built-in actions ({', '.join(sorted(RESERVED))}): "
                'rename it, e.g. "choose_plan".'
            )

    def _check_target(self, step: str, event: str, target: object) -> None:
        if target is None or callable(target):
            return
        if not isinstance(target, str) or target not in self.steps:
            raise InvalidTransitionError(
                f'Workflow "{self.workflow}" step "{step}" sends event "{event}" to {target!r}, '
                f"which is not a step; use one of: {', '.join(self.order)}, None (last step), "
                "or a function of the data returning one."
            )

    def handles(self, step: str, event: str) -> bool:
        """Whether ``event`` means anything on ``step`` (other events leave the state alone)."""
        return event in self.table[step]

    def target(self, step: str, event: str, data: PMap) -> str | None:  # type: ignore[type-arg]
        """Where ``event`` on ``step`` leads for ``data``, past skipped steps (None: nowhere)."""
        target = self._resolve(step, event, data)
        seen = {step}
        while target is not None and self.steps[target].skipped(data):
            if target in seen:
                raise InvalidTransitionError(
                    f'Workflow "{self.workflow}": leaving step "{step}" loops through skipped '
                    f'steps back to "{target}"; make a skip condition false or change a '
                    "transition so the path ends."
                )
            seen.add(target)
            target = self._resolve(target, NEXT, data)
        return target

    def _resolve(self, step: str, event: str, data: PMap) -> str | None:  # type: ignore[type-arg]
        target: Any = self.table[step].get(event)
        if callable(target):
            target = target(data)
            if target is not None and (not isinstance(target, str) or target not in self.steps):
                raise InvalidTransitionError(
                    f'Workflow "{self.workflow}": the transition for event "{event}" on step '
                    f'"{step}" returned {target!r}, which is not a step; return one of: '
                    f"{', '.join(self.order)}, or None when there is no further step."
                )
        result: str | None = target
        return result

    def ahead(self, step: str, data: PMap) -> tuple[str, ...]:  # type: ignore[type-arg]
        """The steps ``next`` would lead through from ``step`` for ``data`` (guards not run)."""
        path: list[str] = []
        current: str | None = self.target(step, NEXT, data)
        while current is not None and current not in path and current != step:
            path.append(current)
            current = self.target(current, NEXT, data)
        return tuple(path)
