"""Development checks (Redux Toolkit's): catch non-serializable and mutable values early.

A list hidden in the state can be changed in place behind the store's back; a datetime or a
DataFrame in an action breaks persistence and devtools export. The checks raise at the dispatch
that brought the value in, naming the path, so the dispatch rolls back and the fix is obvious.

>>> from streamlit_redux import Store
>>> from streamlit_redux.middleware.checks import checks_middleware
>>> store = Store(lambda s, a: s, {"todos": []}, middleware=[checks_middleware(enabled=True)])

Subtrees already checked are remembered by identity (pyrsistent values never change), so after
the first dispatch the cost follows what changed, not the size of the state.
"""

from __future__ import annotations

import os
import weakref
from collections.abc import Callable, Iterable
from typing import Any

from pyrsistent import PMap, PSet, PVector

from streamlit_redux.middleware.undo import LATEST_UNFILTERED
from streamlit_redux.store.actions import Action, ActionCreator
from streamlit_redux.store.errors import StreamlitReduxError
from streamlit_redux.store.middleware_api import Dispatch, Middleware, MiddlewareAPI

__all__ = ["CheckError", "checks_enabled", "checks_middleware"]

_SCALARS = (str, int, float, bool, type(None))
_MUTABLE = (list, dict, set, bytearray)


class CheckError(StreamlitReduxError):
    """A development check failed: a non-serializable or mutable value, or a bad action."""


def checks_enabled(enabled: bool | None = None) -> bool:
    """Resolve ``enabled``: None means on in development (``STREAMLIT_REDUX_DEV=1`` or Streamlit's
    ``global.developmentMode``), off otherwise; ``STREAMLIT_REDUX_DEV=0`` forces off."""
    if enabled is not None:
        return enabled
    flag = os.environ.get("STREAMLIT_REDUX_DEV")
    if flag is not None:
        return flag == "1"
    try:
        from streamlit import config

        return bool(config.get_option("global.developmentMode"))
    except Exception:  # Streamlit missing or not configured: production defaults
        return False


def checks_middleware(
    *,
    serializable: bool = True,
    immutable: bool = True,
    enabled: bool | None = None,
    ignored_paths: Iterable[str] = (),
    ignored_actions: Iterable[str] = (),
) -> Middleware:
    """Return a middleware that checks each action and each new state (in development).

    ``ignored_paths`` (dotted, e.g. ``"cache.frame"``) and ``ignored_actions`` (types) are skipped.
    When disabled the middleware only passes actions on.
    """
    skip_paths, skip_actions = frozenset(ignored_paths), frozenset(ignored_actions)
    on = checks_enabled(enabled)

    def checks(api: MiddlewareAPI) -> Callable[[Dispatch], Dispatch]:
        seen = api.kept("streamlit_redux:checks:seen", CheckedSubtrees)

        def wrap(next_dispatch: Dispatch) -> Dispatch:
            def dispatch(action: Any) -> Any:
                if not on or (callable(action) and not isinstance(action, ActionCreator)):
                    # thunks and other callables pass untouched
                    return next_dispatch(action)
                _check_action(action, serializable, skip_actions)
                result = next_dispatch(action)
                if action.type not in skip_actions:
                    problem = _first_problem(
                        api.get_state(), seen, serializable, immutable, skip_paths
                    )
                    if problem is not None:
                        raise CheckError(_state_message(problem, action.type))
                return result

            return dispatch

        return wrap

    checks.__qualname__ = "checks_middleware"
    return checks


def _check_action(action: Any, serializable: bool, skip: frozenset[str]) -> None:
    if not isinstance(action, Action):
        raise CheckError(
            f"Dispatched {type(action).__name__} {action!r:.60} is not an Action; dispatch "
            "an Action, a mapping with a str 'type', or a thunk with the thunk middleware."
        )
    if not serializable or action.type in skip:
        return
    for where, value in (("payload", action.payload), ("meta", action.meta)):
        problem = _first_problem(value, CheckedSubtrees(), True, False, frozenset(), root=where)
        if problem is not None:
            path, value_found, _ = problem
            raise CheckError(
                f'Action "{action.type}" carries a {type(value_found).__name__} at "{path}", '
                "which is not serializable (devtools export and persistence need JSON-able "
                "data); send plain data, or add the type to ignored_actions."
            )


def _state_message(problem: tuple[str, Any, str], action_type: str) -> str:
    path, value, kind = problem
    if kind == "mutable":
        return (
            f'After "{action_type}", the state holds a mutable {type(value).__name__} at '
            f'"{path}"; it can change behind the store\'s back. Use pyrsistent values '
            "(freeze(...), pvector, pmap) in reducers."
        )
    return (
        f'After "{action_type}", the state holds a {type(value).__name__} at "{path}", which '
        "is not serializable; keep plain data in the state, or add the path to ignored_paths."
    )


class CheckedSubtrees:
    """Immutable subtrees already checked, by identity; an entry dies with its object.

    Weak references keep old states collectable, and an id cannot be mistaken for a new object
    that reuses it: the entry is removed when the old one is collected.
    """

    def __init__(self) -> None:
        self._refs: dict[int, weakref.ref[Any]] = {}

    def __contains__(self, value: object) -> bool:
        ref = self._refs.get(id(value))
        return ref is not None and ref() is value

    def __len__(self) -> int:
        return len(self._refs)

    def add(self, value: Any) -> None:
        key, refs = id(value), self._refs

        def forget(dead: weakref.ref[Any]) -> None:
            if refs.get(key) is dead:
                del refs[key]

        refs[key] = weakref.ref(value, forget)


def _first_problem(
    value: Any,
    seen: CheckedSubtrees,
    serializable: bool,
    immutable: bool,
    skip_paths: frozenset[str],
    *,
    root: str = "",
) -> tuple[str, Any, str] | None:
    """Depth-first search for the first bad value: (path, value, "mutable" | "serializable").

    Paths are built only when needed (a report, or ignored paths to compare with): formatting
    one per visited node would cost more than the check itself.
    """
    if isinstance(value, _SCALARS) or value in seen:
        return None
    stack: list[tuple[_Where, Any]] = [((None, root), value)]
    clean: list[Any] = []
    while stack:
        where, current = stack.pop()
        if skip_paths and _format(where) in skip_paths:
            continue
        if isinstance(current, (PMap, PVector, PSet)):
            clean.append(current)
        elif isinstance(current, _MUTABLE):
            if immutable:
                return _format(where) or "<root>", current, "mutable"
        elif serializable:
            return _format(where) or "<root>", current, "serializable"
        else:
            continue
        for key, child in _children(current):
            if not isinstance(child, _SCALARS) and child not in seen:
                stack.append(((where, key), child))
    for container in clean:
        seen.add(container)
    return None


# A path as a chain of (parent, key) links, formatted only on demand.
_Where = tuple[Any, Any]


def _children(container: Any) -> Iterable[tuple[Any, Any]]:
    if isinstance(container, PMap) and LATEST_UNFILTERED in container:
        # An undoable history: every state in past/future was checked when it was the present,
        # and the latest unfiltered state is usually the present itself (report it as that).
        present = container.get("present")
        return (
            (k, v)
            for k, v in container.items()
            if k not in ("past", "future") and not (k == LATEST_UNFILTERED and v is present)
        )
    if isinstance(container, (PMap, dict)):
        return container.items()
    if isinstance(container, (PVector, list)):
        return enumerate(container)
    return ((_SET_MEMBER, v) for v in container)


_SET_MEMBER = object()


def _format(where: _Where) -> str:
    keys: list[Any] = []
    node: Any = where
    while node is not None:
        node, key = node
        keys.append(key)
    text = ""
    for key in reversed(keys):
        if key == "" and not text:
            continue
        if key is _SET_MEMBER:
            text += "{}"
        elif isinstance(key, int) and not isinstance(key, bool):
            text += f"[{key}]"
        else:
            text = f"{text}.{key}" if text else str(key)
    return text
