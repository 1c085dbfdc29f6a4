"""Log one line per action: type, duration and the top-level keys that changed.

>>> import logging
>>> from streamlit_redux import Store
>>> from streamlit_redux.middleware.logging import logger_middleware
>>> store = Store(lambda s, a: s, {"a": 1}, middleware=[logger_middleware(level=logging.DEBUG)])
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from typing import Any

from streamlit_redux.middleware.persist_book import REHYDRATE
from streamlit_redux.store.actions import Action
from streamlit_redux.store.middleware_api import Dispatch, Middleware, MiddlewareAPI

__all__ = ["changed_keys", "logger_middleware"]

LOGGER_NAME = "streamlit_redux"


def changed_keys(before: Any, after: Any) -> list[str]:
    """The top-level keys whose values are not the same objects in ``before`` and ``after``."""
    if before is after:
        return []
    if not isinstance(before, Mapping) or not isinstance(after, Mapping):
        return ["<root>"]
    keys = set(before) | set(after)
    return sorted(str(k) for k in keys if before.get(k, _ABSENT) is not after.get(k, _ABSENT))


_ABSENT = object()


def _shown(
    action: Action,
    after: Any,
    action_sanitizer: Callable[[Action], Action] | None,
    state_sanitizer: Callable[[Any], Any] | None,
) -> Action:
    shown = action_sanitizer(action) if action_sanitizer else action
    if action.type == REHYDRATE and state_sanitizer is not None:
        return Action(shown.type, state_sanitizer(after), shown.meta, shown.error)
    return shown


def logger_middleware(
    *,
    logger: logging.Logger | None = None,
    level: int = logging.INFO,
    action_sanitizer: Callable[[Action], Action] | None = None,
    state_sanitizer: Callable[[Any], Any] | None = None,
) -> Middleware:
    """Return a middleware logging each action on ``logger`` (default: ``streamlit_redux``).

    Sanitizers mask secrets before anything reaches a log record: ``action_sanitizer`` for the
    payload shown in the line, ``state_sanitizer`` for the new state attached to the record as
    ``record.state`` (the action is ``record.action``). A REHYDRATE's payload is stored state,
    so with a ``state_sanitizer`` it is shown as the sanitized state it produced. When
    ``level`` is disabled, the middleware only calls ``isEnabledFor``: no timing, no diffing,
    no formatting.
    """
    log = logger or logging.getLogger(LOGGER_NAME)

    def logging_middleware(api: MiddlewareAPI) -> Callable[[Dispatch], Dispatch]:
        def wrap(next_dispatch: Dispatch) -> Dispatch:
            def dispatch(action: Any) -> Any:
                if not log.isEnabledFor(level) or not isinstance(action, Action):
                    return next_dispatch(action)
                before = api.get_state()
                started = time.perf_counter()
                result = next_dispatch(action)
                elapsed_ms = (time.perf_counter() - started) * 1000
                after = api.get_state()
                shown = _shown(action, after, action_sanitizer, state_sanitizer)
                log.log(
                    level,
                    "action %s in %.2f ms; changed: %s; payload: %.200r",
                    action.type,
                    elapsed_ms,
                    ", ".join(changed_keys(before, after)) or "nothing",
                    shown.payload,
                    extra={
                        "action": shown,
                        "state": state_sanitizer(after) if state_sanitizer else after,
                    },
                )
                return result

            return dispatch

        return wrap

    return logging_middleware
