"""Side effects after actions (Redux Toolkit's listener middleware).

>>> from streamlit_redux import Store, create_action
>>> from streamlit_redux.middleware.effects import effects_middleware, on
>>> saved = create_action("doc/saved")
>>> @on(saved)
... def notify(action, api):
...     print("saved", action.payload)
>>> store = Store(lambda s, a: s, 0, middleware=[effects_middleware(notify)])
>>> _ = store.dispatch(saved("v1"))
saved v1

Effects belong to the store whose middleware lists them, and to no other: there is no
registry to add to, so an effect defined in one session's script run (closing over that
session's user) can only ever run for that session's store. Build the middleware in the script
body on every run, like ``get_store``'s other middleware: the store adopts each run's effects.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, overload

from streamlit_redux.middleware.effects_runner import CancelToken, EffectRunner, Job
from streamlit_redux.store import signals
from streamlit_redux.store.actions import Action, ActionCreator
from streamlit_redux.store.errors import (
    EffectDefinitionError,
    EffectRefusedError,
    EffectTimeoutError,
)
from streamlit_redux.store.middleware_api import Dispatch, Middleware, MiddlewareAPI
from streamlit_redux.store.store import Store

__all__ = [
    "CancelToken",
    "EffectListener",
    "cancel_effects",
    "effects_middleware",
    "on",
]

_log = logging.getLogger("streamlit_redux")
_RUNNER = "streamlit_redux:effects"
Matcher = str | Callable[[Action], bool] | ActionCreator
Effect = Callable[..., Any]


@dataclass(frozen=True)
class EffectListener:
    """An effect and the actions it answers; made by :func:`on`, run by ``effects_middleware``.

    Calling it calls the effect, so a decorated function stays usable (and testable) as is.
    """

    matches: Callable[[Action], bool]
    effect: Effect
    background: bool
    timeout_s: float

    def __call__(self, *args: Any) -> Any:
        return self.effect(*args)


@overload
def on(
    matcher: Matcher, effect: None = None, *, background: bool = ..., timeout_s: float | None = ...
) -> Callable[[Effect], EffectListener]: ...


@overload
def on(
    matcher: Matcher, effect: Effect, *, background: bool = ..., timeout_s: float | None = ...
) -> EffectListener: ...


def on(
    matcher: Matcher,
    effect: Effect | None = None,
    *,
    background: bool = False,
    timeout_s: float | None = None,
) -> EffectListener | Callable[[Effect], EffectListener]:
    """Run ``effect(action, api)`` after each matching action (a decorator, or call it directly).

    ``matcher``: an action type, an action creator, or a predicate ``(action) -> bool``.
    ``background=True``: run on one of the store's own threads as ``effect(action, api, token)``;
    after ``timeout_s`` seconds (default 60) its ``token`` is cancelled and an
    ``EffectTimeoutError`` is reported on ``signals.effect_failed``. Pass the result to
    :func:`effects_middleware`.

    >>> @on("doc/saved", background=True, timeout_s=30)
    ... def upload(action, api, token): ...
    >>> upload.background, upload.timeout_s
    (True, 30.0)
    """
    matches = _matcher(matcher)
    if effect is None:
        return lambda fn: on(matcher, fn, background=background, timeout_s=timeout_s)
    if not callable(effect) or isinstance(effect, EffectListener):
        raise EffectDefinitionError(
            f"on({matcher!r}, ...) got {effect!r} as the effect; pass a function "
            "effect(action, api) (with background=True: effect(action, api, token))."
        )
    timeout = _timeout(matcher, effect, background, timeout_s)
    return EffectListener(matches, effect, background, timeout)


def _timeout(matcher: Matcher, effect: Effect, background: bool, timeout_s: object) -> float:
    where = f'on({matcher!r}, ...) got timeout_s={timeout_s!r} for effect "{_name(effect)}"'
    if timeout_s is None:
        return 60.0
    if not background:
        raise EffectDefinitionError(
            f"{where}, which runs on the dispatching thread and cannot be stopped; pass "
            "background=True to give it a timeout, or drop timeout_s."
        )
    if isinstance(timeout_s, bool) or not (isinstance(timeout_s, (int, float)) and timeout_s > 0):
        raise EffectDefinitionError(f"{where}; pass a number of seconds above 0.")
    if not math.isfinite(timeout_s):
        raise EffectDefinitionError(
            f"{where}; every background effect needs a finite timeout: pass a number of seconds."
        )
    return float(timeout_s)


def effects_middleware(
    *listeners: EffectListener, max_concurrent: int = 4, max_queued: int = 64
) -> Middleware:
    """Return the listener middleware: run ``listeners`` after the actions they match.

    Effects run once the dispatch has committed, outside the store's lock, on the dispatching
    thread (so they may dispatch, or wait for another thread that dispatches); background ones
    run on the store's own threads, at most ``max_concurrent`` at once and ``max_queued``
    waiting. An effect that raises is logged and sent on ``signals.effect_failed``.

    >>> store = Store(lambda s, a: s, 0, middleware=[effects_middleware(
    ...     on("ping", lambda action, api: print("pong")))])
    >>> _ = store.dispatch({"type": "ping"})
    pong
    """
    _check_listeners(listeners)
    _check_bound("max_concurrent", max_concurrent)
    _check_bound("max_queued", max_queued)

    def middleware(api: MiddlewareAPI) -> Callable[[Dispatch], Dispatch]:
        runner = api.resource(_RUNNER, EffectRunner)
        runner.max_concurrent, runner.max_queued = max_concurrent, max_queued

        def run(matched: list[EffectListener], action: Action) -> None:
            for listener in matched:
                if listener.background:
                    job = Job(listener.effect, action, api, listener.timeout_s)
                    runner.submit(job, _report)
                    continue
                try:
                    listener.effect(action, api)
                except Exception as exc:
                    _report(listener.effect, action, exc)

        def wrap(next_dispatch: Dispatch) -> Dispatch:
            def dispatch(action: Any) -> Any:
                result = next_dispatch(action)
                if isinstance(action, Action):
                    matched = [listener for listener in listeners if listener.matches(action)]
                    if matched:
                        api.defer(lambda: run(matched, action))
                return result

            return dispatch

        return wrap

    middleware.__qualname__ = "effects_middleware"  # how errors name it
    return middleware


def cancel_effects(store: Store[Any]) -> None:
    """Ask the store's running background effects to stop (their ``token.cancelled`` is set).

    ``store.close()`` does this too, and also refuses new background effects. With the view
    ``get_store`` returns, pass ``view.store``.

    >>> cancel_effects(Store(lambda s, a: s, 0))
    """
    store.resource(_RUNNER, EffectRunner).cancel()


def _check_listeners(listeners: Sequence[object]) -> None:
    for listener in listeners:
        if not isinstance(listener, EffectListener):
            raise EffectDefinitionError(
                f"effects_middleware got {_name(listener)!r}, not an effect made by on(); "
                "wrap it: on(action_type, effect), or decorate the function with @on(...)."
            )


def _check_bound(option: str, value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise EffectDefinitionError(
            f"effects_middleware got {option}={value!r}; pass a whole number of at least 1."
        )


def _matcher(matcher: Matcher) -> Callable[[Action], bool]:
    if isinstance(matcher, str):
        return lambda action: action.type == matcher
    match = getattr(matcher, "match", None)
    if callable(match):
        return lambda action: bool(match(action))
    if callable(matcher):
        return lambda action: bool(matcher(action))
    raise EffectDefinitionError(
        f"on() got {matcher!r}; pass an action type, an action creator or a predicate."
    )


def _name(value: object) -> str:
    return str(getattr(value, "__qualname__", None) or repr(value))


def _report(effect: Effect, action: Action, error: Exception) -> None:
    if isinstance(error, (EffectRefusedError, EffectTimeoutError)):  # ours: already a sentence
        _log.error("%s", error)
    else:
        _log.error(
            'Effect "%s" raised %s: %s after action "%s"; the dispatch went on.',
            _name(effect),
            type(error).__name__,
            error,
            action.type,
            exc_info=error,
        )
    signals.effect_failed.send(effect, action=action, error=error)
