"""Development checks (Redux Toolkit's): catch non-serializable and mutable values early.

A list hidden in the state can be changed in place behind the store's back; a DataFrame in an
action breaks persistence and devtools export. "Serializable" is exactly what the codec
(``streamlit_redux.store.codec``) writes: the same scalars (:func:`~streamlit_redux.store.codec.
is_scalar`: JSON scalars, dates, times, datetimes, ``Decimal``, ``UUID``), containers and, with
``encoder_hook=``, the same hook that ``persist`` is given. The checks raise at the dispatch
that brought the value in, naming the path, so the dispatch rolls back and the fix is obvious.

>>> from streamlit_redux import Store
>>> from streamlit_redux.middleware.checks import checks_middleware
>>> store = Store(lambda s, a: s, {"todos": []}, middleware=[checks_middleware(enabled=True)])

Subtrees already checked are remembered by identity (pyrsistent values never change), so after
the first dispatch the cost follows what changed, not the size of the state.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from streamlit_redux.middleware.checks_trust import _clean_state
from streamlit_redux.middleware.checks_walk import (
    _EMPTY_OK,
    CheckedSubtrees,
    _first_problem,
    _first_problem_with_paths,
)
from streamlit_redux.middleware.development import development_mode
from streamlit_redux.store import reducers
from streamlit_redux.store.actions import NO_META, Action, ActionCreator
from streamlit_redux.store.codec import (
    INT_LIMIT,
    INT_LOW,
    NATIVE_CLASSES,
    Encoder,
    SerializationError,
    is_scalar,
    to_json_value,
)
from streamlit_redux.store.errors import CheckError
from streamlit_redux.store.middleware_api import Dispatch, Middleware, MiddlewareAPI
from streamlit_redux.store.paths import split_path

__all__ = ["CheckError", "checks_enabled", "checks_middleware"]

def checks_enabled(enabled: bool | None = None) -> bool:
    """Resolve ``enabled``: None means on in development mode (see ``development_mode``)."""
    return development_mode() if enabled is None else enabled


def checks_middleware(
    *,
    serializable: bool = True,
    immutable: bool = True,
    enabled: bool | None = None,
    ignored_paths: Iterable[str] = (),
    ignored_actions: Iterable[str] = (),
    encoder_hook: Encoder | None = None,
) -> Middleware:
    """Return a middleware that checks each action and each new state (in development).

    ``ignored_paths`` (dotted, e.g. ``"cache.frame"``, ``"items.0"``) and ``ignored_actions``
    (types) are skipped.
    ``encoder_hook`` is the one given to ``persist``: a value it converts is serializable.
    When disabled the middleware only passes actions on.
    """
    skip_paths, skip_actions = frozenset(ignored_paths), frozenset(ignored_actions)
    for path in skip_paths:
        split_path(path, where="checks_middleware(ignored_paths=...)")
    accepts = _hook_accepts(encoder_hook)
    on = checks_enabled(enabled)
    if on:
        reducers.record_combined = True  # for _clean_state: see reducers.last_combined

    def checks(api: MiddlewareAPI) -> Callable[[Dispatch], Dispatch]:
        seen = api.resource("streamlit_redux:checks:seen", CheckedSubtrees)
        get_state = api.get_state

        def wrap(next_dispatch: Dispatch) -> Dispatch:
            if not on:
                return next_dispatch  # no frame of its own when disabled

            def dispatch(action: Any) -> Any:
                if type(action) is not Action:
                    if callable(action) and not isinstance(action, ActionCreator):
                        return next_dispatch(action)  # thunks and other callables pass untouched
                    _check_action(action, serializable, skip_actions, accepts)
                elif (
                    (kind := action.payload.__class__) not in NATIVE_CLASSES
                    and (kind is not int or not INT_LOW < action.payload < INT_LIMIT)
                ) or (action.meta is not NO_META and action.meta):
                    # else nothing to check: no payload (or a str, a bool, an int of JSON's
                    # size: an index, an id), no meta
                    _check_action(action, serializable, skip_actions, accepts)
                result = next_dispatch(action)
                if action.type not in skip_actions:
                    state = get_state()
                    # _first_problem's two walks, called here: one frame less per dispatch.
                    if skip_paths or not _clean_state(state, seen):
                        problem = _first_problem_with_paths(
                            state, seen, serializable, immutable, skip_paths, accepts
                        )
                        if problem is not None:
                            raise CheckError(_state_message(problem, action.type))
                return result

            return dispatch

        return wrap

    checks.__qualname__ = "checks_middleware"
    return checks


def _hook_accepts(hook: Encoder | None) -> Callable[[Any], bool]:
    """Whether the codec writes a leaf it has no own form for, through ``hook``."""

    def accepts(value: Any) -> bool:
        if hook is None:
            return False
        try:
            to_json_value(value, encoder_hook=hook)
        except SerializationError:
            return False
        return True

    return accepts


def _check_action(
    action: Any, serializable: bool, skip: frozenset[str], accepts: Callable[[Any], bool]
) -> None:
    if not isinstance(action, Action):
        raise CheckError(
            f"Dispatched {type(action).__name__} {action!r:.60} is not an Action; dispatch "
            "an Action, a mapping with a str 'type', or a thunk with the thunk middleware."
        )
    if not serializable or action.type in skip:
        return
    for where, value in (("payload", action.payload), ("meta", action.meta)):
        if is_scalar(value) or (not value and isinstance(value, _EMPTY_OK)):
            continue  # the usual case (no payload, empty meta), without building a walk
        problem = _first_problem(
            value, CheckedSubtrees(), True, False, frozenset(), accepts, root=where
        )
        if problem is not None:
            path, value_found, _ = problem
            raise CheckError(
                f'Action "{action.type}" carries a {_described(value_found)} at "{path}", '
                "which is not serializable (devtools export and persistence need JSON-able "
                "data); send plain data, or add the type to ignored_actions."
            )


def _described(value: Any) -> str:
    return f"float ({value!r})" if isinstance(value, float) else type(value).__name__


def _state_message(problem: tuple[str, Any, str], action_type: str) -> str:
    path, value, kind = problem
    if kind == "mutable":
        return (
            f'After "{action_type}", the state holds a mutable {type(value).__name__} at '
            f'"{path}"; it can change behind the store\'s back. Use pyrsistent values '
            "(freeze(...), pvector, pmap) in reducers."
        )
    return (
        f'After "{action_type}", the state holds a {_described(value)} at "{path}", which '
        "is not serializable; keep plain data in the state, pass the persistence encoder_hook= "
        "to checks_middleware too, or add the path to ignored_paths."
    )


