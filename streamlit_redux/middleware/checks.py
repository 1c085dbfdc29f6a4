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
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from pyrsistent import PMap, PRecord, PSet, PVector

from streamlit_redux.store.actions import Action, ActionCreator
from streamlit_redux.store.errors import StreamlitReduxError
from streamlit_redux.store.middleware_api import Dispatch, Middleware, MiddlewareAPI

__all__ = ["CheckError", "checks_enabled", "checks_middleware"]

_SCALARS = (str, int, float, bool, type(None))
_MUTABLE = (list, dict, set, bytearray)
_SEEN_LIMIT = 200_000


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
        seen: dict[int, Any] = api.kept("streamlit_redux:checks:seen", dict)

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
        problem = _first_problem(value, {}, True, False, frozenset(), root=where)
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


def _first_problem(
    value: Any,
    seen: dict[int, Any],
    serializable: bool,
    immutable: bool,
    skip_paths: frozenset[str],
    *,
    root: str = "",
) -> tuple[str, Any, str] | None:
    """Depth-first search for the first bad value: (path, value, "mutable" | "serializable")."""
    stack: list[tuple[str, Any]] = [(root, value)]
    clean: list[Any] = []
    while stack:
        path, current = stack.pop()
        if path in skip_paths or isinstance(current, _SCALARS) or id(current) in seen:
            continue
        if isinstance(current, (PMap, PRecord, PVector, PSet)):
            clean.append(current)
            stack.extend(_children(path, current))
            continue
        if isinstance(current, _MUTABLE):
            if immutable:
                return path or "<root>", current, "mutable"
            stack.extend(_children(path, current))
            continue
        if serializable:
            return path or "<root>", current, "serializable"
    _remember(seen, clean)
    return None


def _children(path: str, container: Any) -> Iterator[tuple[str, Any]]:
    if isinstance(container, (PMap, PRecord, dict)):
        return ((f"{path}.{k}" if path else str(k), v) for k, v in container.items())
    if isinstance(container, (PVector, list)):
        return ((f"{path}[{i}]", v) for i, v in enumerate(container))
    return ((f"{path}{{}}", v) for v in container)


def _remember(seen: dict[int, Any], clean: list[Any]) -> None:
    if len(seen) > _SEEN_LIMIT:
        seen.clear()  # bounded memory; the next dispatch re-checks once
    for item in clean:
        seen[id(item)] = item  # the object itself is kept, so its id cannot be reused
