"""The store: holds one immutable state and changes it only through dispatched actions."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Hashable, Iterable, Mapping
from threading import get_ident
from time import perf_counter
from typing import Any, TypeVar

from pyrsistent import freeze

from streamlit_redux.store import signals
from streamlit_redux.store.actions import INIT, REPLACE, Action, ActionCreator, to_action
from streamlit_redux.store.errors import (
    InvalidActionError,
    MiddlewareSetupError,
    ReducerError,
    ReducerSideEffectError,
    StreamlitReduxError,
)
from streamlit_redux.store.middleware_api import (
    Dispatch,
    Middleware,
    MiddlewareAPI,
    build_chain,
)
from streamlit_redux.store.reducers import Reducer, unchanged
from streamlit_redux.store.selectors import SelectorCache, SelectorStats

T = TypeVar("T")
Listener = Callable[[Any], None]
ReducerEnhancer = Callable[[Reducer], Reducer]


# One reducer step of a transaction: (action, previous_state, state, duration_s).
_Reduced = tuple[Action, Any, Any, float]


class Store:
    """One immutable state, changed only by ``dispatch``; thread-safe.

    >>> from streamlit_redux import Store, create_slice
    >>> counter = create_slice(name="counter", initial_state=0,
    ...                        reducers={"incremented": lambda s, a: s + 1})
    >>> store = Store(counter.reducer)
    >>> store.dispatch(counter.actions.incremented()).type, store.state
    ('counter/incremented', 1)
    """

    def __init__(
        self,
        reducer: Reducer,
        initial_state: Any = None,
        middleware: Iterable[Middleware] = (),
        *,
        name: str = "store",
    ) -> None:
        self.name = name
        self.lock = threading.RLock()
        self._reducer = reducer
        self._enhancers: dict[str, ReducerEnhancer] = {}
        self._effective_reducer = reducer
        self._listeners: tuple[tuple[object, Listener], ...] = ()
        self._kept: dict[str, Any] = {}
        self._selectors = SelectorCache()
        self._committed: Any = None if initial_state is None else freeze(initial_state)
        self._working: Any = self._committed
        self._reduced: list[_Reduced] = []
        self._depth = 0
        self._owner: int | None = None
        self._reducing_thread: int | None = None
        self._building_chain = False
        self._chain: Dispatch = self._reduce
        self.replace_middleware(middleware)
        self.dispatch(Action(INIT))

    # -- reading ---------------------------------------------------------------------------

    @property
    def state(self) -> Any:
        """The current state (an immutable pyrsistent value)."""
        self._refuse_in_reducer("read store.state", "use the state argument the reducer gets")
        if self._owner == threading.get_ident():
            return self._working
        return self._committed

    def get_state(self) -> Any:
        """The current state; the same as :attr:`state`, for Redux users."""
        return self.state

    @property
    def reducer(self) -> Reducer:
        """The reducer given by the user, without enhancers."""
        return self._reducer

    def select(self, selector: Callable[[Any], Any], *, key: Hashable = None) -> Any:
        """Return ``selector(state)`` through this store's memo.

        ``key`` names the memo entry, for selectors recreated on every run (inline lambdas).
        """
        return self._selectors.evaluate(selector, self.state, key)

    def selector_stats(self) -> dict[str, SelectorStats]:
        """Recomputations and memo hits per selector name, for this store only."""
        return self._selectors.stats()

    def kept(self, name: str, factory: Callable[[], T]) -> T:
        """The object kept in this store under ``name``, made by ``factory`` the first time."""
        with self.lock:
            if name not in self._kept:
                self._kept[name] = factory()
            value: T = self._kept[name]
            return value

    # -- subscribing -----------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener(state)`` after each dispatch that changed the state.

        Returns ``unsubscribe``; calling it twice is harmless. Changes made during a dispatch
        take effect from the next dispatch.
        """
        self._refuse_in_reducer("subscribe", "subscribe outside reducers, e.g. in your app")
        if not callable(listener):
            raise StreamlitReduxError(
                f"Store.subscribe expects a callable listener, got {type(listener).__name__}; "
                "pass a function taking the new state."
            )
        token = object()
        with self.lock:
            self._listeners = (*self._listeners, (token, listener))

        def unsubscribe() -> None:
            self._refuse_in_reducer("unsubscribe", "unsubscribe outside reducers")
            with self.lock:
                self._listeners = tuple(item for item in self._listeners if item[0] is not token)

        return unsubscribe

    # -- changing the code -----------------------------------------------------------------

    def replace_reducer(self, reducer: Reducer) -> None:
        """Use ``reducer`` from now on (hot reload, injected slices); the state is kept."""
        with self.lock:
            self._reducer = reducer
            self._apply_enhancers()
        self.dispatch(Action(REPLACE))

    def adopt_reducer(self, reducer: Reducer) -> None:
        """Use new reducer code quietly; dispatch ``REPLACE`` only if it changes the state.

        For hot reload, where every run builds equivalent reducer objects: new slices still get
        their initial state, but unchanged code leaves no ``REPLACE`` in the action log.
        """
        with self.lock:
            self._reducer = reducer
            self._apply_enhancers()
            probe = self._effective_reducer(self._committed, Action(REPLACE))
        if probe is not self._committed:
            self.dispatch(Action(REPLACE))

    def enhance_reducer(self, enhancer: ReducerEnhancer, *, name: str) -> None:
        """Wrap the reducer with ``enhancer`` now and after every ``replace_reducer``.

        Idempotent by ``name``: registering the same name again replaces the enhancer.
        """
        with self.lock:
            self._enhancers[name] = enhancer
            self._apply_enhancers()

    def replace_middleware(self, middleware: Iterable[Middleware]) -> None:
        """Rebuild the middleware chain; the state and ``kept`` data stay.

        The first middleware is the outermost: it sees each action first.
        """
        api = MiddlewareAPI(self)
        with self.lock:
            self._building_chain = True
            try:
                chain = build_chain(api, middleware, self._reduce)
            finally:
                self._building_chain = False
            self._chain = chain

    def _apply_enhancers(self) -> None:
        reducer = self._reducer
        for enhancer in self._enhancers.values():
            reducer = enhancer(reducer)
        self._effective_reducer = reducer

    # -- dispatching -----------------------------------------------------------------------

    def dispatch(self, action: Any) -> Any:
        """Send ``action`` through the middleware to the reducer; return the chain's result.

        Atomic: if a reducer or middleware raises, the state stays exactly as it was, nobody
        is notified, and the error names the action (and slice or middleware).
        """
        if self._reducing_thread is not None:
            self._refuse_in_reducer("dispatch", "dispatch from a callback or a middleware instead")
        if not isinstance(action, Action) and isinstance(action, Mapping):
            action = to_action(action)
        with self.lock:
            before, recorded = self._working, len(self._reduced)
            self._depth += 1
            self._owner = get_ident()
            try:
                result = self._chain(action)
            except BaseException as exc:
                self._working = before
                del self._reduced[recorded:]
                self._leave()
                self._report_failure(action, exc)
                raise
            if not self._leave():
                return result
            previous = self._committed
            state = self._committed = self._working
            reduced, self._reduced = self._reduced, []
            listeners = self._listeners
        if (state is not previous and not unchanged(state, previous)) or (
            signals.action_dispatched.receivers
        ):
            self._notify(previous, state, reduced, listeners)
        return result

    def _dispatch_from_middleware(self, action: Any) -> Any:
        if self._building_chain:
            raise MiddlewareSetupError(
                f"A middleware dispatched {getattr(action, 'type', action)!r} while the chain "
                "was being built; dispatch from inside the returned dispatch function instead."
            )
        return self.dispatch(action)

    def _leave(self) -> bool:
        self._depth -= 1
        if self._depth == 0:
            self._owner = None
            return True
        return False

    def _reduce(self, action: Any) -> Any:
        if not isinstance(action, Action):
            raise _not_an_action(action)
        previous = self._working
        started = perf_counter()
        self._reducing_thread = get_ident()
        try:
            state = self._effective_reducer(previous, action)
        except StreamlitReduxError:
            raise
        except Exception as exc:
            raise ReducerError(
                f'The reducer raised {type(exc).__name__}: {exc} while handling action '
                f'"{action.type}"; the state was left unchanged. Fix the reducer.',
                action_type=action.type,
                slice_name=None,
            ) from exc
        finally:
            self._reducing_thread = None
        if state is None:
            raise ReducerError(
                f'The reducer returned None for action "{action.type}"; return the state '
                "instead (the unchanged state when the action is not yours).",
                action_type=action.type,
                slice_name=None,
            )
        self._working = state
        self._reduced.append((action, previous, state, perf_counter() - started))
        return action

    def _notify(
        self,
        previous: Any,
        state: Any,
        reduced: list[_Reduced],
        listeners: tuple[tuple[object, Listener], ...],
    ) -> None:
        if signals.action_dispatched.receivers:
            for action, before, after, duration_s in reduced:
                signals.action_dispatched.send(
                    self, action=action, previous_state=before, state=after, duration_s=duration_s
                )
        if unchanged(state, previous):
            return
        if signals.state_changed.receivers:
            signals.state_changed.send(self, previous_state=previous, state=state)
        for _, listener in listeners:
            listener(state)

    def _report_failure(self, action: Any, exc: BaseException) -> None:
        if getattr(exc, "_streamlit_redux_reported", False) or not isinstance(exc, Exception):
            return
        with contextlib.suppress(AttributeError):
            exc._streamlit_redux_reported = True  # type: ignore[attr-defined]
        if signals.dispatch_failed.receivers:
            signals.dispatch_failed.send(self, action=action, error=exc)

    def _refuse_in_reducer(self, what: str, fix: str) -> None:
        if self._reducing_thread is not None and self._reducing_thread == threading.get_ident():
            raise ReducerSideEffectError(
                f"Reducers may not {what}: a reducer must be a pure function of "
                f"(state, action); {fix}."
            )

    def __repr__(self) -> str:
        return f"Store({self.name!r}, state={self._committed!r:.60})"


def _not_an_action(value: Any) -> InvalidActionError:
    if isinstance(value, ActionCreator):
        return InvalidActionError(
            f'The action creator "{value.type}" itself was dispatched; call it to build the '
            "action: store.dispatch(creator(payload))."
        )
    return InvalidActionError(
        f"The reducer received {type(value).__name__} {value!r:.80}: actions must be "
        "Action objects or mappings with a str 'type'. To dispatch functions, add the "
        "thunk middleware (streamlit_redux.middleware.thunk)."
    )
