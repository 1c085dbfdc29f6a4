"""``create_workflow``: a multi-step flow as a slice (reducer, action creators, selectors).

The workflow keeps its draft in its own state, as redux-form keeps a form's values and
XState a machine's context: a guard, ``abandon`` and a failed submit need the data and the
position to change together, in one reducer, in one dispatch. A bound widget edits one field
with one action (``store.bind(wf.store_path("email"), wf.setter("email"))``), and the app
reads the draft, or copies it elsewhere on ``submit_succeeded``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeAlias
from uuid import uuid4

from pyrsistent import PMap, freeze, pmap

from streamlit_redux.store.actions import Action, ActionCreator
from streamlit_redux.store.paths import select_path
from streamlit_redux.store.reducers import CaseReducer, HandlerKey, create_reducer
from streamlit_redux.store.slices import Slice
from streamlit_redux.workflow.draft import split_field
from streamlit_redux.workflow.errors import WorkflowDefinitionError
from streamlit_redux.workflow.graph import NEXT, Graph, Target
from streamlit_redux.workflow.machine import Machine
from streamlit_redux.workflow.selectors import build_selectors
from streamlit_redux.workflow.steps import Step
from streamlit_redux.workflow.submit import SubmitEffect, request_id, submit_effect

State: TypeAlias = "PMap[str, Any]"


class Workflow(Slice[State]):
    """What ``create_workflow`` returns: a :class:`Slice` with steps, paths and a submit effect.

    ``actions``: ``next``, ``back``, ``goto(step)``, ``submit``, ``submit_succeeded(result)``,
    ``submit_failed(message)``, ``reset(data=None)``, ``abandon``, ``field_changed(path,
    value)`` and one creator per event named in ``transitions``. ``selectors``: see
    :mod:`streamlit_redux.workflow.selectors`.
    """

    def __init__(self, name: str, machine: Machine, *, mount: str) -> None:
        self.machine = machine
        self.graph = machine.graph
        self.mount = mount
        self._local = select_path(mount)
        self._setters: dict[str, ActionCreator] = {}
        creators = _creators(name, machine)
        reducer = create_reducer(machine.initial_state, _handlers(name, machine, creators))
        super().__init__(name, reducer, creators, build_selectors(name, machine, self._local))

    @property
    def steps(self) -> tuple[Step, ...]:
        """The steps in declaration order (their ``title`` labels a stepper)."""
        return tuple(self.graph.steps.values())

    @property
    def events(self) -> tuple[str, ...]:
        """The names of the workflow's own events (each is also an action creator)."""
        return self.graph.events

    def step(self, name: str) -> Step:
        """The step called ``name`` (an unknown name is an error listing the steps)."""
        return self.graph.step(name, where="step()")

    def select_slice(self, root_state: Mapping[str, Any]) -> State:
        """The workflow's state inside ``root_state``, read at its mount path."""
        state: State = self._local(root_state)
        return state

    def store_path(self, field: str) -> str:
        """The store path of a draft field, for ``store.bind`` and ``select_path``.

        >>> wf = create_workflow("signup", steps=[Step("account", fields=["email"])])
        >>> wf.store_path("email")
        'signup.data.email'
        """
        split_field(field, workflow=self.name)
        return f"{self.mount}.data.{field}"

    def setter(self, field: str) -> ActionCreator:
        """A one-argument creator of ``field_changed`` for ``field``: what a bound widget calls.

        >>> wf = create_workflow("signup", steps=[Step("account", fields=["email"])])
        >>> wf.setter("email")("a@b.c").payload["value"]
        'a@b.c'
        """
        split_field(field, workflow=self.name)
        if field not in self._setters:
            self._setters[field] = ActionCreator(
                f"{self.name}/field_changed", lambda value: _field_payload(field, value)
            )
        return self._setters[field]

    def submit_effect(self, send: Callable[[PMap], Any]) -> SubmitEffect:  # type: ignore[type-arg]
        """An effect for ``on(wf.actions.submit, ...)`` that completes the submit.

        See :func:`streamlit_redux.workflow.submit.submit_effect`.
        """
        return submit_effect(self, send)

    def __repr__(self) -> str:
        return f"Workflow({self.name!r}, steps={list(self.graph.order)})"


def create_workflow(
    name: str,
    *,
    steps: Sequence[Step],
    initial: str | None = None,
    transitions: Mapping[str, Target | Mapping[str, Target]] | None = None,
    data: Mapping[str, Any] | None = None,
    mount: str | None = None,
) -> Workflow:
    """Return a :class:`Workflow`: mount its reducer under ``name`` in the root reducer.

    - ``steps``: :class:`Step` objects; their order is the default path.
    - ``initial``: the first step (default: the first of ``steps``).
    - ``transitions``: ``{step: target}`` or ``{step: {event: target}}`` (see
      :mod:`streamlit_redux.workflow.graph`).
    - ``data``: the initial draft; ``mount``: the dotted path of the workflow's state in the
      root state (default ``name``; ``"present.<name>"`` under an ``undoable`` root).

    >>> from streamlit_redux import Store, combine_reducers
    >>> wf = create_workflow("signup", steps=[Step("account", fields=["email"]), Step("done")])
    >>> store = Store(combine_reducers(signup=wf.reducer))
    >>> _ = store.dispatch(wf.actions.next())
    >>> wf.selectors.current_step(store.state)
    'done'
    """
    if not isinstance(name, str) or not name or "/" in name:
        raise WorkflowDefinitionError(
            f"create_workflow needs a non-empty name without '/', got {name!r}; "
            'e.g. create_workflow("onboarding", steps=[...]).'
        )
    _check_steps(name, steps)
    graph = Graph(name, steps, transitions or {})
    first = graph.step(graph.order[0] if initial is None else initial, where="initial")
    if first.skip is not None:
        raise WorkflowDefinitionError(
            f'Workflow "{name}" starts on step "{first.name}", which has a skip condition; the '
            "initial step is always shown: remove its skip=, or start on another step."
        )
    machine = Machine(graph, initial=first.name, data=_draft(name, data, "data"))
    return Workflow(name, machine, mount=mount or name)


def _check_steps(name: str, steps: object) -> None:
    listed = list(steps) if isinstance(steps, Sequence) and not isinstance(steps, str) else None
    if not listed or not all(isinstance(s, Step) for s in listed):
        raise WorkflowDefinitionError(
            f'Workflow "{name}" got steps={steps!r:.60}; pass a non-empty list of Step '
            'objects, e.g. steps=[Step("account"), Step("profile")].'
        )
    names = [s.name for s in listed]
    doubled = sorted({n for n in names if names.count(n) > 1})
    if doubled:
        raise WorkflowDefinitionError(
            f'Workflow "{name}" has more than one step named {", ".join(doubled)}; '
            "step names must be unique: rename one."
        )


def _draft(name: str, value: object, what: str) -> State:
    if value is None:
        return pmap()
    if not isinstance(value, Mapping):
        raise WorkflowDefinitionError(
            f'Workflow "{name}" got {what}={value!r:.60}; the draft is a mapping of fields, '
            'e.g. {"email": ""}.'
        )
    frozen: State = freeze(dict(value))
    return frozen


def _field_payload(path: object, value: Any) -> PMap:  # type: ignore[type-arg]
    return pmap({"path": path, "value": freeze(value)})


def _creators(name: str, machine: Machine) -> dict[str, ActionCreator]:
    graph = machine.graph

    def goto(step: str) -> str:
        return graph.step(step, where="goto").name

    def settled(key: str, default: Any) -> Callable[..., PMap]:  # type: ignore[type-arg]
        def prepare(value: Any = default, *, request_id: str | None = None) -> PMap:  # type: ignore[type-arg]
            return pmap({key: value, "request_id": request_id})

        return prepare

    prepares: dict[str, Callable[..., Any] | None] = {
        NEXT: None,
        "back": None,
        "goto": goto,
        "submit": lambda: pmap({"request_id": uuid4().hex}),
        "submit_succeeded": settled("result", None),
        "submit_failed": settled("error", "The submit failed."),
        "reset": lambda data=None: None if data is None else _draft(name, data, "reset(data)"),
        "abandon": None,
        "field_changed": lambda path, value: _field_payload(
            ".".join(split_field(path, workflow=name)), value
        ),
    }
    prepares.update({event: None for event in graph.events})
    return {case: ActionCreator(f"{name}/{case}", prepare) for case, prepare in prepares.items()}


def _handlers(
    name: str, machine: Machine, creators: Mapping[str, ActionCreator]
) -> dict[HandlerKey, CaseReducer]:
    def event(name: str) -> CaseReducer:
        return lambda state, action: machine.advance(state, name)[0]

    def goto(state: State, action: Action) -> State:
        return machine.goto(state, machine.graph.step(action.payload, where="goto").name)

    def field_changed(state: State, action: Action) -> State:
        payload = action.payload if isinstance(action.payload, Mapping) else {}
        return machine.field_changed(state, payload.get("path"), payload.get("value"))

    table: dict[str, CaseReducer] = {
        NEXT: event(NEXT),
        "back": lambda state, action: machine.back(state),
        "goto": goto,
        "submit": lambda state, action: machine.submit(state, request_id(action)),
        "submit_succeeded": lambda state, action: machine.settle(
            state, action.payload, succeeded=True
        ),
        "submit_failed": lambda state, action: machine.settle(
            state, action.payload, succeeded=False
        ),
        "reset": lambda state, action: machine.reset(
            state, None if action.payload is None else _draft(name, action.payload, "reset(data)")
        ),
        "abandon": lambda state, action: machine.abandon(state),
        "field_changed": field_changed,
    }
    table.update({name: event(name) for name in machine.graph.events})
    for case in (NEXT, "back", "submit", *machine.graph.events):
        table[case] = _pressed_on_current_step(table[case])
    return {creators[case]: handler for case, handler in table.items()}


def _pressed_on_current_step(handler: CaseReducer) -> CaseReducer:
    """Ignore a navigation whose ``meta["step"]`` names a step the flow has already left.

    A button drawn on one step can still be pressed after its first press moved the flow on
    (a double click, a page still redrawing): without the step it was pressed on, the second
    press would move the flow again. Actions without the mark behave as before.
    """

    def guarded(state: State, action: Action) -> Any:
        pressed_on = action.meta.get("step")
        if pressed_on is not None and pressed_on != state["step"]:
            return state
        return handler(state, action)

    return guarded
