"""Actions, the only way to ask for a state change, and the creators that build them.

An action is data, not a call: it can be logged, recorded, undone, sent to another process
and replayed, which is what devtools, undo and persistence build on. So it is frozen (a
reducer cannot change what a later reader sees) and its ``meta`` is a pyrsistent map.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from pyrsistent import PMap, freeze, pmap

from streamlit_redux.store.errors import InvalidActionError, ReducerDefinitionError

INIT = "@@streamlit_redux/INIT"
"""Dispatched once when a store is created; reducers then get ``state=None`` unless an
initial state was given."""

REPLACE = "@@streamlit_redux/REPLACE"
"""Dispatched by ``Store.replace_reducer`` so new slices can fill in their initial state."""

NO_META: PMap = pmap()  # type: ignore[type-arg]
"""The ``meta`` of every action that has none: one shared empty map, since building an empty
``PMap`` per action is a measurable share of a dispatch. Public so that a hot path can tell "no
meta" by identity instead of asking the map its length (a Python call)."""


@dataclass(frozen=True)
class Action:
    """An immutable description of something that happened: ``Action("todos/added", "milk")``.

    The fields are Redux's Flux Standard Action: ``type`` says what happened (name it
    ``"<slice>/<event>"``), ``payload`` carries the data, ``meta`` carries data about the action
    (who, when, which undo group) and ``error`` marks an action that reports a failure.

    >>> Action("todos/added", "milk").payload
    'milk'
    """

    type: str
    payload: Any = None
    meta: PMap = NO_META  # type: ignore[type-arg]
    error: bool = False

    def __post_init__(self) -> None:
        """Refuse a missing type now, at the call that built it, not in a reducer later."""
        if not isinstance(self.type, str) or not self.type:
            raise InvalidActionError(
                f"Action type must be a non-empty str, got {self.type!r}; "
                'name it like "todos/added".'
            )
        # A plain dict given as meta is frozen, or a middleware could change it after a
        # recorder kept the action; object.__setattr__ because the dataclass is frozen.
        if not isinstance(self.meta, PMap):
            object.__setattr__(self, "meta", freeze(dict(self.meta)))


def to_action(value: object) -> Action:
    """Return ``value`` as an :class:`Action`: actions pass, mappings with a str ``"type"`` convert.

    Mappings are how actions arrive from outside Python code: the devtools Dispatch box, an
    imported session, a Redux user's habit. Unknown keys are refused rather than dropped, so
    a typo such as ``"paylod"`` is not silently lost.

    >>> to_action({"type": "counter/incremented", "payload": 2}).payload
    2
    """
    if isinstance(value, Action):
        return value
    if isinstance(value, Mapping):
        action_type = value.get("type")
        if not isinstance(action_type, str) or not action_type:
            raise InvalidActionError(
                f"A dispatched mapping needs a non-empty str 'type', got {action_type!r} "
                f"in {dict(value)!r}; add one, e.g. {{'type': 'todos/added', 'payload': ...}}."
            )
        unknown = set(value) - {"type", "payload", "meta", "error"}
        if unknown:
            raise InvalidActionError(
                f"Action {action_type!r} has unknown keys {sorted(unknown)}; "
                "put extra data in 'payload' or 'meta'."
            )
        meta = value.get("meta") or {}
        if not isinstance(meta, Mapping):
            raise InvalidActionError(
                f"Action {action_type!r} has meta of type {type(meta).__name__}; "
                "meta must be a mapping."
            )
        error = bool(value.get("error"))
        return Action(action_type, value.get("payload"), freeze(dict(meta)), error)
    raise not_an_action(value)


def not_an_action(value: object) -> InvalidActionError:
    """The error for dispatching ``value``, which is not an action: says what it got and why.

    The one wording for every place that refuses a non-action (``to_action`` and the store's
    last check before the reducer, which sees what middleware passed on).

    >>> str(not_an_action("inc")).split(":")[0]
    "dispatch received str 'inc'"
    """
    if isinstance(value, ActionCreator):
        return InvalidActionError(
            f'dispatch received the action creator "{value.type}" itself; call it to build the '
            "action: store.dispatch(creator(payload))."
        )
    return InvalidActionError(
        f"dispatch received {type(value).__name__} {value!r:.80}: actions must be Action objects "
        "or mappings with a str 'type'. To dispatch functions, add the thunk middleware: "
        "middleware=[*default_middleware(), ...] or [thunk_middleware()]."
    )


class ActionCreator:
    """Builds actions of one type; ``creator.type`` is the string, ``creator.match(a)`` tests one.

    >>> added = ActionCreator("todos/added")
    >>> added("milk")
    Action(type='todos/added', payload='milk', meta=pmap({}), error=False)
    """

    __slots__ = ("_prepare", "type")

    def __init__(self, type: str, prepare: Callable[..., Any] | None = None) -> None:
        """Check the type once, here, so every action built later is known to be valid.

        The parameter is named ``type`` as in RTK's ``createAction(type)``, shadowing the
        builtin inside this method only.
        """
        if not isinstance(type, str) or not type:
            raise InvalidActionError(
                f"create_action needs a non-empty str type, got {type!r}; e.g. 'todos/added'."
            )
        self.type = type
        self._prepare = prepare

    def __call__(
        self,
        *args: Any,
        meta: Mapping[str, Any] | None = None,
        error: bool = False,
        **kwargs: Any,
    ) -> Action:
        """Build an action of this type; ``prepare`` (if given) turns arguments into the payload.

        Without ``prepare`` exactly one payload is accepted: a second positional argument is
        more likely a mistake than a wish to drop it.
        """
        if self._prepare is not None:
            payload = self._prepare(*args, **kwargs)
        elif kwargs or len(args) > 1:
            raise InvalidActionError(
                f"Action creator {self.type!r} takes one payload argument, got "
                f"{len(args)} positional and {sorted(kwargs)} keyword arguments; "
                "pass one payload or give create_action a prepare function."
            )
        else:
            payload = args[0] if args else None
        return Action(self.type, payload, pmap(meta) if meta else NO_META, error)

    def match(self, action: object) -> bool:
        """True when ``action`` (an Action or a mapping) has this creator's type.

        RTK's ``creator.match``: middleware and effects test an action against the creator
        instead of repeating its type string, so renaming the type cannot leave one behind.

        >>> added = ActionCreator("todos/added")
        >>> added.match({"type": "todos/added"}), added.match(Action("todos/removed"))
        (True, False)
        """
        if isinstance(action, Action):
            return action.type == self.type
        return isinstance(action, Mapping) and action.get("type") == self.type

    def __repr__(self) -> str:
        """Shows the type, which is all that tells two creators apart."""
        return f"ActionCreator({self.type!r})"


def create_action(type: str, prepare: Callable[..., Any] | None = None) -> ActionCreator:
    """Return a creator for actions of ``type``; ``prepare(*args)`` may build the payload.

    >>> added = create_action("todos/added")
    >>> added("milk").type, added.match(added("tea"))
    ('todos/added', True)
    """
    return ActionCreator(type, prepare)


def matches_prefix(prefix: str) -> Callable[[object], bool]:
    """Return a matcher accepting actions whose type starts with ``prefix`` (RTK's matchers).

    Use it as a key of ``extra_reducers`` or ``create_reducer``'s table, so one case reducer
    handles a family of actions defined elsewhere (every ``"payments/..."`` action).

    >>> is_payment = matches_prefix("payments/")
    >>> is_payment(Action("payments/refunded")), is_payment(Action("todos/added"))
    (True, False)
    """
    if not isinstance(prefix, str) or not prefix:
        raise ReducerDefinitionError(
            f"matches_prefix needs a non-empty str prefix, got {prefix!r}; e.g. 'payments/'."
        )

    def matches(action: object) -> bool:
        """True for an Action or a mapping whose type starts with the prefix."""
        action_type = action.type if isinstance(action, Action) else None
        if action_type is None and isinstance(action, Mapping):
            action_type = action.get("type")
        return isinstance(action_type, str) and action_type.startswith(prefix)

    # Named after the call that made it, so an error naming a handler table's key says
    # matcher "matches_prefix('payments/')" rather than "matches".
    matches.__name__ = matches.__qualname__ = f"matches_prefix({prefix!r})"
    return matches
