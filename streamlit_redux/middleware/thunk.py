"""Thunks (redux-thunk): dispatch a function that dispatches, for logic that reads and writes.

>>> from streamlit_redux import Store
>>> from streamlit_redux.middleware import thunk_middleware
>>> store = Store(lambda s, a: s + 1 if a.type == "inc" else s, 0,
...               middleware=[thunk_middleware()])
>>> store.dispatch(lambda dispatch, get_state: dispatch({"type": "inc"}) and get_state())
1
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Any

from streamlit_redux.store.actions import Action, ActionCreator
from streamlit_redux.store.middleware_api import Dispatch, Middleware, MiddlewareAPI

__all__ = ["thunk", "thunk_middleware"]


def thunk_middleware() -> Middleware:
    """Return a middleware that calls a dispatched function ``fn(dispatch, get_state)``.

    ``dispatch`` goes through the whole chain (so the thunk's actions are logged, checked and
    persisted like any other) and the thunk's return value is what ``store.dispatch`` returns.
    The thunk's dispatches belong to the outer dispatch's transaction: if the thunk raises,
    every action it dispatched is rolled back. Action creators are callables too; they are not
    thunks and pass on (the dev checks then say the creator was dispatched uncalled).

    >>> from streamlit_redux import Store
    >>> Store(lambda s, a: s, 41, middleware=[thunk_middleware()]).dispatch(
    ...     lambda dispatch, get_state: get_state() + 1)
    42
    """

    def middleware(api: MiddlewareAPI) -> Callable[[Dispatch], Dispatch]:
        def wrap(next_dispatch: Dispatch) -> Dispatch:
            def dispatch(action: Any) -> Any:
                if callable(action) and not isinstance(action, (Action, ActionCreator)):
                    return action(api.dispatch, api.get_state)
                return next_dispatch(action)

            return dispatch

        return wrap

    middleware.__qualname__ = "thunk_middleware"  # how errors name it
    return middleware


def thunk(api: MiddlewareAPI) -> Callable[[Dispatch], Dispatch]:
    """Deprecated: the thunk middleware itself; write ``thunk_middleware()`` instead.

    Every other middleware is made by calling a factory; this name keeps ``middleware=[thunk]``
    working for one release, with a ``DeprecationWarning`` when a store installs it.
    """
    warnings.warn(
        "streamlit_redux.middleware.thunk is deprecated; write middleware=[thunk_middleware()] "
        "(or [*default_middleware(), ...], which includes it).",
        DeprecationWarning,
        stacklevel=2,
    )
    return thunk_middleware()(api)
