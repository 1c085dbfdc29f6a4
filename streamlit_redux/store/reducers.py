"""Reducers: ``(state, action) -> state``, combined per slice, or built from a handler table."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeAlias

from pyrsistent import PMap, freeze, pmap

from streamlit_redux.store.actions import Action, ActionCreator
from streamlit_redux.store.errors import (
    ReducerError,
    SliceReturnedNoneError,
    StreamlitReduxError,
)

Reducer: TypeAlias = Callable[[Any, Action], Any]
CaseReducer: TypeAlias = Callable[[Any, Action], Any]

_SCALARS = frozenset({int, float, str, bytes, bool, type(None)})


def unchanged(new: Any, old: Any) -> bool:
    """True when a reducer's result counts as "no change": the same object, or an equal scalar.

    Containers are compared by identity (pyrsistent returns the same object when nothing
    changed); scalars by value, as ``===`` does in JavaScript (``300 + 0`` is a new int object).
    """
    return new is old or (type(new) is type(old) and type(new) in _SCALARS and new == old)


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
        raise StreamlitReduxError(
            "combine_reducers got no reducers; pass them as keywords, "
            "e.g. combine_reducers(todos=todos.reducer)."
        )
    items = tuple(table.items())

    def combined(state: PMap | None, action: Action) -> PMap:  # type: ignore[type-arg]
        current: PMap = pmap() if state is None else state  # type: ignore[type-arg]
        changed: list[tuple[str, Any]] = []
        for name, reducer in items:
            previous = current.get(name)
            following = _call_slice(name, reducer, previous, action)
            if following is not previous and not unchanged(following, previous):
                changed.append((name, following))
        if not changed and state is not None:
            return current
        if len(changed) == 1:  # the common case; PMap.set is twice as fast as update
            updated: PMap = current.set(*changed[0])  # type: ignore[type-arg]
        else:
            updated = current.update(dict(changed))
        return updated

    return combined


def _call_slice(name: str, reducer: Reducer, previous: Any, action: Action) -> Any:
    try:
        following = reducer(previous, action)
    except ReducerError as exc:
        if exc.slice_name is None:
            raise _slice_error(name, action, exc.__cause__ or exc) from exc.__cause__
        if isinstance(exc, SliceReturnedNoneError):
            raise _slice_returned_none(f"{name}.{exc.slice_name}", action) from None
        raise _slice_error(f"{name}.{exc.slice_name}", action, exc.__cause__) from exc.__cause__
    except StreamlitReduxError:
        raise
    except Exception as exc:
        raise _slice_error(name, action, exc) from exc
    if following is None:
        raise _slice_returned_none(name, action)
    return following


def _slice_error(path: str, action: Action, cause: BaseException | None) -> ReducerError:
    what = f"{type(cause).__name__}: {cause}" if cause is not None else "an error"
    return ReducerError(
        f'Slice "{path}" raised {what} while handling action "{action.type}"; '
        f'the state was left unchanged. Fix the "{path}" reducer.',
        action_type=action.type,
        slice_name=path,
    )


def _slice_returned_none(path: str, action: Action) -> SliceReturnedNoneError:
    return SliceReturnedNoneError(
        f'Slice "{path}" returned None for action "{action.type}"; '
        "return the state instead (the unchanged state when the action is not yours).",
        action_type=action.type,
        slice_name=path,
    )


def create_reducer(
    initial_state: Any, handlers: Mapping[str | ActionCreator, CaseReducer]
) -> Reducer:
    """Return a reducer from a table of case reducers keyed by action type or creator.

    Actions without a handler return the state unchanged (the same object).

    >>> from streamlit_redux import create_action
    >>> inc = create_action("inc")
    >>> reducer = create_reducer(0, {inc: lambda s, a: s + 1})
    >>> reducer(None, inc())
    1
    """
    frozen_initial = freeze(initial_state)
    table = {_type_of(key): handler for key, handler in handlers.items()}

    def reducer(state: Any, action: Action) -> Any:
        current = frozen_initial if state is None else state
        handler = table.get(action.type)
        if handler is None:
            return current
        following = handler(current, action)
        if following is None:
            raise ReducerError(
                f'The case reducer for action "{action.type}" returned None; '
                "return the new state (state objects are immutable: build a new one).",
                action_type=action.type,
                slice_name=None,
            )
        return following

    return reducer


def _type_of(key: str | ActionCreator) -> str:
    if isinstance(key, ActionCreator):
        return key.type
    if isinstance(key, str) and key:
        return key
    raise StreamlitReduxError(
        f"A reducer handler is keyed by {key!r}; key handlers by an action type string "
        "or an action creator from create_action."
    )

