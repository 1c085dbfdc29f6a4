"""Side effects after actions (Redux Toolkit's listener middleware), and thunks.

>>> from streamlit_redux import Store, create_action
>>> from streamlit_redux.middleware.effects import create_effects, thunk
>>> saved = create_action("doc/saved")
>>> effects = create_effects()
>>> @effects.on(saved)
... def notify(action, api):
...     print("saved", action.payload)
>>> store = Store(lambda s, a: s, 0, middleware=[thunk, effects.middleware])
>>> _ = store.dispatch(saved("v1"))
saved v1

Streamlit reruns the script on every interaction: create the effects object once (module level
for stateless effects, or in ``st.cache_resource``) so registrations are not repeated; the
middleware itself may be rebuilt on every run.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Hashable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from streamlit_redux.store import signals
from streamlit_redux.store.actions import Action, ActionCreator
from streamlit_redux.store.errors import StreamlitReduxError
from streamlit_redux.store.middleware_api import Dispatch, MiddlewareAPI

__all__ = ["CancelToken", "Effects", "create_effects", "thunk"]

_log = logging.getLogger("streamlit_redux")
Matcher = str | Callable[[Action], bool] | Any  # a type, a predicate, or an ActionCreator
Effect = Callable[..., Any]


def thunk(api: MiddlewareAPI) -> Callable[[Dispatch], Dispatch]:
    """Dispatching a callable ``fn(dispatch, get_state)`` calls it and returns its result."""

    def wrap(next_dispatch: Dispatch) -> Dispatch:
        def dispatch(action: Any) -> Any:
            if callable(action) and not isinstance(action, (Action, ActionCreator)):
                return action(api.dispatch, api.get_state)
            return next_dispatch(action)

        return dispatch

    return wrap


class CancelToken:
    """Handed to background effects: poll ``cancelled`` or sleep with ``wait(seconds)``."""

    def __init__(self) -> None:
        self._event = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def wait(self, seconds: float) -> bool:
        """Sleep up to ``seconds``; True if cancelled meanwhile (stop then)."""
        return self._event.wait(seconds)

    def cancel(self) -> None:
        self._event.set()


@dataclass
class _Listener:
    key: Hashable
    matches: Callable[[Action], bool]
    effect: Effect
    background: bool


@dataclass
class Effects:
    """Effects registered with ``on``; put ``effects.middleware`` in the store."""

    max_workers: int = 4
    _listeners: list[_Listener] = field(default_factory=list)
    _pool: ThreadPoolExecutor | None = None
    _tokens: set[CancelToken] = field(default_factory=set)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def on(
        self,
        matcher: Matcher,
        effect: Effect | None = None,
        *,
        background: bool = False,
        key: Hashable = None,
    ) -> Any:
        """Run ``effect(action, api)`` after each matching action (decorator or direct call).

        ``matcher``: an action type, an action creator, or a predicate ``(action) -> bool``.
        ``background=True``: run on a thread pool as ``effect(action, api, token)``.
        Registering the same effect again replaces it, so a script that registers on every
        Streamlit rerun keeps one registration (with the latest code). "The same" means the
        same ``key``, by default the matcher and the effect's module and qualified name (plus
        the line for lambdas, and the hashable values it captured or has as defaults).
        """
        if effect is None:
            return lambda fn: self.on(matcher, fn, background=background, key=key)
        matches = _matcher(matcher)
        identity = _default_key(matcher, effect) if key is None else key
        listener = _Listener(identity, matches, effect, background)
        with self._lock:
            self._listeners = [kept for kept in self._listeners if kept.key != listener.key]
            self._listeners.append(listener)
        return effect

    def middleware(self, api: MiddlewareAPI) -> Callable[[Dispatch], Dispatch]:
        """The listener middleware: effects run after the reducers handled the action."""

        def wrap(next_dispatch: Dispatch) -> Dispatch:
            def dispatch(action: Any) -> Any:
                result = next_dispatch(action)
                if isinstance(action, Action):
                    for listener in list(self._listeners):
                        if listener.matches(action):
                            self._run(listener, action, api)
                return result

            return dispatch

        return wrap

    def _run(self, listener: _Listener, action: Action, api: MiddlewareAPI) -> None:
        if listener.background:
            token = CancelToken()
            with self._lock:
                self._tokens.add(token)
                pool = self._pool or ThreadPoolExecutor(self.max_workers, "streamlit_redux-effect")
                self._pool = pool
            future = pool.submit(listener.effect, action, api, token)
            future.add_done_callback(lambda done: self._finished(done, token, listener, action))
            return
        try:
            listener.effect(action, api)
        except Exception as exc:
            _report(listener, action, exc)

    def _finished(
        self, future: Future[Any], token: CancelToken, listener: _Listener, action: Action
    ) -> None:
        with self._lock:
            self._tokens.discard(token)
        error = None if future.cancelled() else future.exception()
        if isinstance(error, Exception):
            _report(listener, action, error)

    def cancel_all(self) -> None:
        """Ask every running background effect to stop (they see ``token.cancelled``)."""
        with self._lock:
            tokens = list(self._tokens)
        for token in tokens:
            token.cancel()

    def shutdown(self, *, wait: bool = True) -> None:
        """Cancel background effects and stop the thread pool."""
        self.cancel_all()
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=wait, cancel_futures=True)


def create_effects(*, max_workers: int = 4) -> Effects:
    """Return an empty :class:`Effects` (no thread starts until a background effect runs)."""
    return Effects(max_workers=max_workers)


def _matcher(matcher: Matcher) -> Callable[[Action], bool]:
    if isinstance(matcher, str):
        return lambda action: action.type == matcher
    match = getattr(matcher, "match", None)
    if callable(match):
        return lambda action: bool(match(action))
    if callable(matcher):
        return lambda action: bool(matcher(action))
    raise StreamlitReduxError(
        f"effects.on got {matcher!r}; pass an action type, an action creator or a predicate."
    )


def _default_key(matcher: Matcher, effect: Effect) -> Hashable:
    matcher_key = matcher if isinstance(matcher, str) else getattr(matcher, "type", None)
    return (
        matcher_key if isinstance(matcher_key, str) else _code_key(matcher),
        _code_key(effect),
    )


def _code_key(fn: Any) -> Hashable:
    """Names that survive a rerun (the function object does not); lambdas add their line,
    closures the values they captured, so ``on(t, make_handler(t))`` in a loop stays apart."""
    name = getattr(fn, "__qualname__", None)
    if name is None:
        return id(fn)
    line = getattr(getattr(fn, "__code__", None), "co_firstlineno", None)
    return (
        getattr(fn, "__module__", None),
        name,
        line if "<lambda>" in name else None,
        _captured(fn),
    )


def _captured(fn: Any) -> tuple[Hashable, ...]:
    """The values a function carries: closure cells and default arguments."""
    values: list[Any] = []
    for cell in getattr(fn, "__closure__", None) or ():
        try:
            values.append(cell.cell_contents)
        except ValueError:  # an empty cell (a variable not assigned yet)
            values.append(None)
    values.extend(getattr(fn, "__defaults__", None) or ())
    return tuple(_value_key(value) for value in values)


def _value_key(value: Any) -> Hashable:
    if callable(value):  # names only: a recursive closure would recurse here forever
        return (getattr(value, "__module__", None), getattr(value, "__qualname__", None))
    try:
        hash(value)
    except TypeError:  # unhashable (a list, a dict): its type decides
        return type(value).__name__
    key: Hashable = value
    return key


def _report(listener: _Listener, action: Action, error: Exception) -> None:
    name = getattr(listener.effect, "__qualname__", repr(listener.effect))
    _log.error(
        'Effect "%s" raised %s: %s after action "%s"; the dispatch went on.',
        name,
        type(error).__name__,
        error,
        action.type,
        exc_info=error,
    )
    signals.effect_failed.send(listener.effect, action=action, error=error)
