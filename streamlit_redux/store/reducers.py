"""Reducers: ``(state, action) -> state``, combined per slice, or built from a handler table.

Both builders sit on the hot path of every dispatch, so they do their checks once, when the
reducer is built, and keep the per-action work to a dictionary lookup and an identity test.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeAlias

from pyrsistent import PMap, freeze, pmap

from streamlit_redux.store._pmap_fast import get_value, set_value
from streamlit_redux.store.actions import Action, ActionCreator
from streamlit_redux.store.errors import (
    ReducerDefinitionError,
    ReducerError,
    SliceReturnedNoneError,
    StreamlitReduxError,
)

# ``(state, action) -> state``, pure: the same inputs give the same state and the inputs are
# never changed, which is what lets devtools replay a session and undo keep old states.
Reducer: TypeAlias = Callable[[Any, Action], Any]
# A reducer for one case of a table: called only for the actions its key accepts.
CaseReducer: TypeAlias = Callable[[Any, Action], Any]
Matcher: TypeAlias = Callable[[Action], bool]
"""A predicate on actions, RTK's ``addMatcher``: ``matches_prefix("todos/")`` or any callable."""

# What keys a handler table: an action type, the creator of that type, or a matcher.
HandlerKey: TypeAlias = "str | ActionCreator | Matcher"

COMPARED_BY_VALUE = frozenset({int, float, str, bytes, bool, type(None)})
"""The exact classes ``unchanged`` compares by value: immutable and cheap to compare. Exact,
not isinstance: a subclass may define == loosely (or slowly); and the type must match too, so
a flag that went from True to 1 is a change although True == 1. Public for the hot paths that
write ``unchanged`` out (``combine_reducers``, ``undoable``)."""
# The root a combined reducer starts from on INIT: one shared map, never changed.
_EMPTY: PMap = pmap()  # type: ignore[type-arg]
last_combined: tuple[Any, Any, Any, dict[str, Any] | None] = (None, None, None, None)
"""How the last root a combined reducer built was made, while ``record_combined`` is on:
``(root, base, value, more)``, ``root`` being ``base`` with one slice set to ``value`` (or,
when several changed, with the slices of ``more`` set to its values). A walk over the new
state (the development checks) that knows ``base`` looks only at the new values. Identity
tells whose root it is: any store, on any thread, may overwrite it (until then it holds those
two states, as ``undoable`` holds its last history)."""
record_combined = False
"""Whether combined reducers fill ``last_combined``: turned on by the development checks,
its only reader, so that a production dispatch pays one test, not a tuple."""


def unchanged(new: Any, old: Any) -> bool:
    """True when a reducer's result counts as "no change": the same object, or an equal scalar.

    Containers are compared by identity (pyrsistent returns the same object when nothing
    changed); scalars by value, as ``===`` does in JavaScript (``300 + 0`` is a new int object).

    >>> unchanged(300 + 0, 300), unchanged([1], [1])
    (True, False)
    """
    return new is old or (type(new) is type(old) and type(new) in COMPARED_BY_VALUE and new == old)


def combine_reducers(
    reducers: Mapping[str, Reducer] | None = None, /, **named: Reducer
) -> Reducer:
    """Return a reducer whose state is a ``PMap`` with one key per slice reducer.

    The very same state object comes back when no slice changed, so selectors and reruns
    can key on identity. Keys the reducers do not own are kept as they are.

    >>> from streamlit_redux import Action
    >>> root = combine_reducers(count=lambda s, a: (s or 0) + (a.type == "inc"))
    >>> root(None, Action("inc"))
    pmap({'count': 1})
    """
    table = {**(reducers or {}), **named}
    if not table:
        raise ReducerDefinitionError(
            "combine_reducers got no reducers; pass them as keywords, "
            "e.g. combine_reducers(todos=todos.reducer)."
        )
    items = tuple(table.items())

    def combined(state: PMap | None, action: Action) -> PMap:  # type: ignore[type-arg]
        """Run every slice reducer on its key; build a new map only if one of them changed.

        "Changed" is identity, except for equal scalars (``unchanged``). The walk is written
        out, not split in helpers: it runs once per slice per dispatch.
        """
        current: PMap = _EMPTY if state is None else state  # type: ignore[type-arg]
        first_name: str | None = None  # the common case, one changed slice, builds no dict
        first_value: Any = None
        more: dict[str, Any] | None = None
        for name, reducer in items:
            previous = get_value(current, name)
            # Zero-cost in CPython 3.11+ unless it raises: no helper call per slice.
            try:
                following = reducer(previous, action)
            except Exception as exc:
                _raise_for_slice(name, action, exc)
                raise
            if following is previous:
                if following is None:
                    raise _slice_returned_none(name, action)
                continue
            if following is None:
                raise _slice_returned_none(name, action)
            if type(following) in COMPARED_BY_VALUE and type(following) is type(previous) and (
                following == previous
            ):
                continue
            if first_name is None:
                first_name, first_value = name, following
            elif more is None:
                more = {first_name: first_value, name: following}
            else:
                more[name] = following
        if first_name is None:
            return current
        if not record_combined:  # production: one test more than building the root
            if more is None:
                return set_value(current, first_name, first_value)
            updated: PMap = current.update(more)  # type: ignore[type-arg]
            return updated
        global last_combined
        if more is None:
            updated = set_value(current, first_name, first_value)
        else:
            updated = current.update(more)
        last_combined = (updated, current, first_value, more)
        return updated

    return combined


def _raise_for_slice(name: str, action: Action, exc: Exception) -> None:
    """Raise what a slice's failure becomes: one message naming the full slice path.

    A nested ``combine_reducers`` or a case reducer already raised a library error; it is
    re-raised with the path extended (``"app.todos"``), never wrapped, so the text is not
    doubled. Other library errors (a reducer that dispatched) pass unchanged: returns.
    """
    if isinstance(exc, SliceReturnedNoneError):
        path = f"{name}.{exc.slice_name}" if exc.slice_name else name
        raise _slice_returned_none(path, action) from None
    if isinstance(exc, ReducerError):
        if exc.slice_name is None:
            raise _slice_error(name, action, exc.__cause__ or exc) from exc.__cause__
        path = f"{name}.{exc.slice_name}"
        raise _slice_error(path, action, exc.__cause__) from exc.__cause__
    if not isinstance(exc, StreamlitReduxError):
        raise _slice_error(name, action, exc) from exc


def _slice_error(path: str, action: Action, cause: BaseException | None) -> ReducerError:
    """A slice raised: name the slice path, the action and the original error, once."""
    what = f"{type(cause).__name__}: {cause}" if cause is not None else "an error"
    return ReducerError(
        f'Slice "{path}" raised {what} while handling action "{action.type}"; '
        f'the state was left unchanged. Fix the "{path}" reducer.',
        action_type=action.type,
        slice_name=path,
    )


def _slice_returned_none(path: str, action: Action) -> SliceReturnedNoneError:
    """A slice returned None: name it, and say that an ignored action returns the state."""
    return SliceReturnedNoneError(
        f'Slice "{path}" returned None for action "{action.type}"; '
        "return the state instead (the unchanged state when the action is not yours).",
        action_type=action.type,
        slice_name=path,
    )


def create_reducer(
    initial_state: Any, handlers: Mapping[HandlerKey, CaseReducer]
) -> Reducer:
    """Return a reducer from a table of case reducers keyed by type, creator or matcher.

    An action's exact-type handler runs first, then every matcher that accepts the action, in
    table order, each on the state the previous one returned (RTK's ``addCase`` and
    ``addMatcher``). Actions nobody handles return the state unchanged (the same object).

    >>> from streamlit_redux import create_action, matches_prefix
    >>> inc = create_action("inc")
    >>> reducer = create_reducer(0, {inc: lambda s, a: s + 1,
    ...                              matches_prefix("reset/"): lambda s, a: 0})
    >>> reducer(None, inc()), reducer(5, create_action("reset/all")())
    (1, 0)
    """
    # Frozen once, here: a list given as the initial state becomes a PVector that every store
    # built on this reducer can share, since none of them can change it.
    frozen_initial = freeze(initial_state)
    table: dict[str, CaseReducer] = {}
    matchers: list[tuple[Matcher, CaseReducer]] = []
    for key, handler in handlers.items():
        if isinstance(key, (str, ActionCreator)):
            table[_type_of(key)] = handler
        elif callable(key):
            matchers.append((key, handler))
        else:
            raise _bad_key(key)
        if not callable(handler):
            raise ReducerDefinitionError(
                f"The handler for {_describe(key)} is {type(handler).__name__} {handler!r:.60}; "
                "handlers must be functions taking (state, action) and returning the state."
            )
    # Two shapes instead of one loop that is empty for most tables: see ``_exact_reducer``.
    if not matchers:
        return _exact_reducer(frozen_initial, table)
    return _matching_reducer(frozen_initial, table, tuple(matchers))


def _exact_reducer(initial: Any, table: dict[str, CaseReducer]) -> Reducer:
    """The reducer for a table without matchers: one dictionary lookup per action.

    Most slices have no matchers, and every slice reducer runs on every dispatch, so this
    case does not pay for the loop over matchers.
    """

    def reducer(state: Any, action: Action) -> Any:
        current = initial if state is None else state
        handler = table.get(action.type)
        if handler is None:
            return current
        following = handler(current, action)
        if following is None:
            raise _case_returned_none(action)
        return following

    return reducer


def _matching_reducer(
    initial: Any,
    table: dict[str, CaseReducer],
    matchers: tuple[tuple[Matcher, CaseReducer], ...],
) -> Reducer:
    """The reducer for a table with matchers: the exact case, then each accepting matcher.

    Same order as RTK's builder (``addCase`` before ``addMatcher``), so a reducer ported from
    RTK gives the same state.
    """

    def reducer(state: Any, action: Action) -> Any:
        current = initial if state is None else state
        handler = table.get(action.type)
        if handler is not None:
            current = handler(current, action)
            if current is None:
                raise _case_returned_none(action)
        for matches, on_match in matchers:
            if matches(action):
                current = on_match(current, action)
                if current is None:
                    raise _case_returned_none(action)
        return current

    return reducer


def _case_returned_none(action: Action) -> SliceReturnedNoneError:
    """A case reducer returned None; the table does not know its slice's key in the root.

    ``combine_reducers`` replaces this message with one naming the slice path; used alone (a
    slice reducer as the whole store reducer) it stands as it is.
    """
    return SliceReturnedNoneError(
        f'The case reducer for action "{action.type}" returned None; '
        "return the new state (state objects are immutable: build a new one).",
        action_type=action.type,
        slice_name=None,
    )


def _type_of(key: str | ActionCreator) -> str:
    """The action type a table key stands for: creators and strings key the same case."""
    if isinstance(key, ActionCreator):
        return key.type
    if key:
        return key
    raise _bad_key(key)


def _bad_key(key: object) -> ReducerDefinitionError:
    """A table key that is neither a type, a creator nor a matcher: list the three."""
    return ReducerDefinitionError(
        f"A reducer handler is keyed by {key!r}; key handlers by an action type string, "
        'an action creator from create_action, or a matcher such as matches_prefix("todos/").'
    )


def _describe(key: object) -> str:
    """How an error names a table key: by its action type, or by the matcher's name."""
    if isinstance(key, ActionCreator):
        return f'action "{key.type}"'
    if isinstance(key, str):
        return f'action "{key}"'
    return f"matcher {getattr(key, '__qualname__', key)!r}"
