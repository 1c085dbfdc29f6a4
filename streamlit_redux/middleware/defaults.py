"""``default_middleware()``: the middleware every app wants (RTK's ``getDefaultMiddleware``).

>>> from streamlit_redux import Store, default_middleware
>>> store = Store(lambda s, a: s, 0, middleware=[*default_middleware()])
"""

from __future__ import annotations

from streamlit_redux.middleware.checks import checks_middleware
from streamlit_redux.middleware.development import development_mode
from streamlit_redux.middleware.thunk import thunk_middleware
from streamlit_redux.store.errors import MiddlewareOptionError
from streamlit_redux.store.middleware_api import Middleware

__all__ = ["default_middleware"]


def default_middleware(
    *, thunk: bool = True, checks: bool | Middleware = True
) -> tuple[Middleware, ...]:
    """Return the default chain: thunks, then (in development only) the dev checks.

    Safe in production: the checks are left out entirely unless development mode is on
    (``STREAMLIT_REDUX_DEV=1`` or Streamlit's ``global.developmentMode``), so a production
    dispatch pays for one thunk test. A tuple, so you add your own around it, in order (the
    first is the outermost)::

        store = get_store(root, middleware=[*default_middleware(), persist(storage)])

    - ``thunk=False``: leave the thunk middleware out.
    - ``checks=False``: leave the checks out; ``checks=checks_middleware(ignored_paths=...)``
      uses that one instead (its ``enabled=`` decides when it runs, as always).

    >>> from streamlit_redux.middleware import checks_middleware
    >>> len(default_middleware(checks=checks_middleware(enabled=True)))
    2
    """
    if not isinstance(thunk, bool):
        raise MiddlewareOptionError(
            f"default_middleware(thunk=...) got {type(thunk).__name__} {thunk!r:.40}; pass True "
            "or False."
        )
    if not isinstance(checks, bool) and not callable(checks):
        raise MiddlewareOptionError(
            f"default_middleware(checks=...) got {type(checks).__name__} {checks!r:.40}; pass "
            "True, False, or checks_middleware(...) with your options."
        )
    chain: list[Middleware] = [thunk_middleware()] if thunk else []
    if checks is True and development_mode():
        chain.append(checks_middleware(enabled=True))
    elif checks is not True and checks is not False:
        chain.append(checks)
    return tuple(chain)
