"""Building middleware chains: ``apply_middleware`` and ``compose``."""

from __future__ import annotations

from collections.abc import Callable

from streamlit_redux.store.middleware_api import Dispatch, Middleware, MiddlewareAPI, compose

__all__ = ["apply_middleware", "compose"]


def apply_middleware(*middlewares: Middleware) -> Middleware:
    """Return one middleware that runs ``middlewares`` in order (the first is the outermost).

    >>> from streamlit_redux import Store
    >>> from streamlit_redux.middleware import apply_middleware
    >>> store = Store(lambda s, a: s, 0, middleware=[apply_middleware()])
    """

    def applied(api: MiddlewareAPI) -> Callable[[Dispatch], Dispatch]:
        return compose(*(middleware(api) for middleware in middlewares))

    applied.__qualname__ = "apply_middleware(" + ", ".join(
        getattr(m, "__qualname__", type(m).__qualname__) for m in middlewares
    ) + ")"
    return applied
