"""The store: holds one immutable state and changes it only through dispatched actions.

Every dispatch is a small transaction under the store's lock: the chain of middleware and the
reducer work on a private "working" state; only when the outermost dispatch returns does that
state become the committed one that other threads, listeners and signals see. A failure
anywhere drops the working state, so the committed state is exactly what it was.

The store pays per dispatch only for what is in use: no middleware means the reducer is called
directly, no signal receivers means no timing or per-action record, no listeners means no
notification pass. What stays is a lock, two counters and the reducer call.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Hashable, Iterable, Mapping
from threading import get_ident
from time import perf_counter
from typing import Any, Generic, TypeVar

from pyrsistent import freeze

from streamlit_redux.store import signals
from streamlit_redux.store._state_type import S
from streamlit_redux.store.actions import INIT, REPLACE, Action, not_an_action, to_action
from streamlit_redux.store.errors import (
    InvalidListenerError,
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
R = TypeVar("R")
Listener = Callable[[Any], None]
ReducerEnhancer = Callable[[Reducer], Reducer]

# One reducer step of a transaction, kept only while someone listens to action_dispatched:
# (action, previous_state, state, duration_s).
_Reduced = tuple[Action, Any, Any, float]
_action_dispatched = signals.action_dispatched
_state_changed = signals.state_changed


class Store(Generic[S]):
    """One immutable state, changed only by ``dispatch``; thread-safe.

    ``Store[S]`` types ``store.state`` as ``S`` (inferred from the reducer's return type), so an
    editor can check what you read. The memo of ``store.select`` belongs to this store only.

    >>> from streamlit_redux import Store, create_slice
    >>> counter = create_slice(name="counter", initial_state=0,
    ...                        reducers={"incremented": lambda s, a: s + 1})
    >>> store = Store(counter.reducer)
    >>> store.dispatch(counter.actions.incremented()).type, store.state
    ('counter/incremented', 1)
    """

    def __init__(
        self,
        reducer: Callable[[Any, Action], S],
        initial_state: S | None = None,
        middleware: Iterable[Middleware] = (),
        *,
        name: str = "store",
    ) -> None:
        """Freeze ``initial_state``, build the middleware chain and dispatch ``INIT``.

        ``INIT`` goes through the middleware like any action, so persistence can rehydrate
        and loggers see the store start; reducers get ``state=None`` unless an initial state
        was given, and return their own initial state.
        """
        self.name = name
        self.lock = threading.RLock()
        self._reducer: Reducer = reducer
        self._enhancers: dict[str, ReducerEnhancer] = {}
        self._effective_reducer: Reducer = reducer
        self._listeners: tuple[tuple[object, Listener], ...] = ()
        self._kept: dict[str, Any] = {}
        self._selectors: SelectorCache | None = None
        self._committed: Any = None if initial_state is None else freeze(initial_state)
        self._working: Any = self._committed
        self._reduced: list[_Reduced] = []
        self._deferred: list[Callable[[], None]] = []
        self._depth = 0
        self._owner: int | None = None
        self._reducing_thread: int | None = None
        self._building_chain = False
        self._chain: Dispatch = self._reduce
        self.replace_middleware(middleware)
        self.dispatch(Action(INIT))

    # -- reading ---------------------------------------------------------------------------

    @property
    def state(self) -> S:
        """The current state (an immutable pyrsistent value).

        Other threads see the last committed state; inside a dispatch (a middleware, a nested
        dispatch) the dispatching thread sees the transaction's state so far.
        """
        self._refuse_in_reducer("read store.state", "use the state argument the reducer gets")
        if self._owner == threading.get_ident():
            return self._working  # type: ignore[no-any-return]
        return self._committed  # type: ignore[no-any-return]

    def get_state(self) -> S:
        """The current state; the same as :attr:`state`, for Redux users.

        Also what the middleware API offers, so a middleware reads through one rule.
        """
        return self.state

    @property
    def reducer(self) -> Reducer:
        """The reducer given by the user, without enhancers.

        What hot reload compares against and what ``replace_reducer`` replaces; enhancers
        (undo, rehydration) are re-applied around each new one.
        """
        return self._reducer

    def select(self, selector: Callable[[S], R], *, key: Hashable = None) -> R:
        """Return ``selector(state)`` through this store's memo.

        ``key`` names the memo entry, for selectors recreated on every run (inline lambdas).
        A key built by ``binding.memo_keys.stable_key`` also names its call site: a new key
        from the same site replaces the old entry instead of adding one (see ``SelectorCache``).

        >>> store = Store(lambda s, a: s, {"rows": [1, 2, 3]})
        >>> store.select(lambda s: len(s["rows"]), key="row-count")
        3
        """
        cache = self._selectors
        if cache is None:
            cache = self._selectors = SelectorCache()
        result: R = cache.evaluate(selector, self.state, key)
        return result

    def selector_stats(self) -> dict[str, SelectorStats]:
        """Recomputations and memo hits per selector name, for this store only.

        Names come from ``create_selector(..., name=)``, else from the function and, for
        lambdas, the file and line that defined them, so two lambdas keep two rows.
        """
        return {} if self._selectors is None else self._selectors.stats()

    def kept(self, name: str, factory: Callable[[], T]) -> T:
        """The object kept in this store under ``name``, made by ``factory`` the first time.

        Streamlit rebuilds middleware on every rerun; what they keep here survives.

        >>> store = Store(lambda s, a: s, 0)
        >>> store.kept("log", list) is store.kept("log", list)
        True
        """
        with self.lock:
            if name not in self._kept:
                self._kept[name] = factory()
            value: T = self._kept[name]
            return value

    # -- subscribing -----------------------------------------------------------------------

    def subscribe(self, listener: Callable[[S], None]) -> Callable[[], None]:
        """Call ``listener(state)`` after each dispatch that changed the state.

        Returns ``unsubscribe``; calling it twice is harmless. Changes made during a dispatch
        take effect from the next dispatch (Redux's snapshot rule), so a listener that
        unsubscribes another cannot make it miss the change being announced.

        >>> store = Store(lambda s, a: s + 1, 0)
        >>> unsubscribe = store.subscribe(print)
        >>> _ = store.dispatch({"type": "tick"})
        2
        >>> unsubscribe()
        """
        self._refuse_in_reducer("subscribe", "subscribe outside reducers, e.g. in your app")
        if not callable(listener):
            raise InvalidListenerError(
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

    def replace_reducer(self, reducer: Callable[[Any, Action], S]) -> None:
        """Use ``reducer`` from now on (hot reload, injected slices); the state is kept.

        Dispatches ``REPLACE`` so slices that are new in ``reducer`` fill in their initial state.
        """
        with self.lock:
            self._reducer = reducer
            self._apply_enhancers()
        self.dispatch(Action(REPLACE))

    def adopt_reducer(self, reducer: Callable[[Any, Action], S]) -> None:
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

        Idempotent by ``name``: registering the same name again replaces the enhancer, so a
        middleware rebuilt on every rerun does not wrap the reducer once per rerun.
        """
        with self.lock:
            self._enhancers[name] = enhancer
            self._apply_enhancers()

    def replace_middleware(self, middleware: Iterable[Middleware]) -> None:
        """Rebuild the middleware chain; the state and ``kept`` data stay.

        The first middleware is the outermost: it sees each action first.
        """
        api = MiddlewareAPI(self, self._dispatch_from_middleware)
        with self.lock:
            self._building_chain = True
            try:
                chain = build_chain(api, middleware, self._reduce)
            finally:
                self._building_chain = False
            self._chain = chain

    def _apply_enhancers(self) -> None:
        """Rebuild the effective reducer: the user's, wrapped by each enhancer in order."""
        reducer = self._reducer
        for enhancer in self._enhancers.values():
            reducer = enhancer(reducer)
        self._effective_reducer = reducer

    # -- dispatching -----------------------------------------------------------------------

    def dispatch(self, action: Any) -> Any:
        """Send ``action`` through the middleware to the reducer; return the chain's result.

        Atomic: if a reducer or middleware raises, the state stays exactly as it was, nobody
        is notified, and the error names the action (and slice or middleware).

        >>> store = Store(lambda s, a: s + 1, 0)
        >>> store.dispatch({"type": "tick"}).type, store.state  # INIT counted too
        ('tick', 2)
        """
        if self._reducing_thread is not None:
            self._refuse_in_reducer("dispatch", "dispatch from a callback or a middleware instead")
        if type(action) is not Action and isinstance(action, Mapping):
            action = to_action(action)
        lock = self.lock
        lock.acquire()  # not `with`: its __exit__ call costs a third of the store's overhead
        try:
            depth = self._depth
            if depth:  # nested in a middleware's dispatch: roll back to where this one began
                before, recorded = self._working, len(self._reduced)
                deferred_mark = len(self._deferred)
            else:
                before, recorded = self._committed, 0
                self._owner = get_ident()
            self._depth = depth + 1
            try:
                result = self._chain(action)
            except BaseException as exc:
                self._working = before
                del self._reduced[recorded:]
                del self._deferred[deferred_mark if depth else 0 :]
                self._depth = depth
                if not depth:
                    self._owner = None
                self._report_failure(action, exc)
                raise
            self._depth = depth
            if depth:  # the outermost dispatch commits and notifies
                return result
            self._owner = None
            previous = self._committed
            state = self._committed = self._working
            reduced = self._reduced
            if reduced:
                self._reduced = []
            deferred = self._deferred
            if deferred:
                self._deferred = []
            listeners = self._listeners
        finally:
            lock.release()
        try:
            if reduced or (
                (listeners or _state_changed.receivers)
                and state is not previous
                and not unchanged(state, previous)
            ):
                self._notify(previous, state, reduced, listeners)
        finally:
            if deferred:  # committed: the work middleware deferred runs now
                for callback in deferred:
                    callback()
        return result

    def defer(self, callback: Callable[[], None]) -> None:
        """Call ``callback()`` once the outermost dispatch on this thread has committed.

        It runs on the dispatching thread, outside the store's lock, after the listeners, so it
        may dispatch or wait for another thread that dispatches; if the dispatch raises (and is
        rolled back) it never runs. Outside a dispatch it runs at once. Effects use it to run
        after the reducers, like Redux Toolkit's listener middleware.

        >>> store = Store(lambda s, a: s + 1, 0)
        >>> store.defer(lambda: print("now"))
        now
        """
        if self._owner == get_ident():
            self._deferred.append(callback)
        else:
            callback()

    def close(self) -> None:
        """Release what middleware keep in this store: ``close()`` each kept object that has one.

        Call it when the store's session ends: background effects are cancelled and their
        threads end. The state stays readable and dispatch still works; closing twice is
        harmless.

        >>> Store(lambda s, a: s, 0).close()
        """
        with self.lock:
            kept = list(self._kept.values())
        for value in kept:
            close = getattr(value, "close", None)
            if callable(close):
                close()

    def _dispatch_from_middleware(self, action: Any) -> Any:
        """``api.dispatch`` of the middleware API: the whole chain, refused during setup."""
        if self._building_chain:
            raise MiddlewareSetupError(
                f"A middleware dispatched {getattr(action, 'type', action)!r} while the chain "
                "was being built; dispatch from inside the returned dispatch function instead."
            )
        return self.dispatch(action)

    def _reduce(self, action: Any) -> Any:
        """The innermost step of the chain: run the reducer on the transaction's state.

        The type check is here, not in ``dispatch``, because middleware may turn other values
        (a function, for the thunk middleware) into actions or swallow them on the way in.
        """
        if type(action) is not Action and not isinstance(action, Action):
            raise not_an_action(action)
        previous = self._working
        timed = _action_dispatched.receivers  # a dict: truthy when someone listens
        started = perf_counter() if timed else 0.0
        # Inside a dispatch the lock is held, so the owner is this thread: no get_ident call.
        self._reducing_thread = self._owner
        try:
            state = self._effective_reducer(previous, action)
        except StreamlitReduxError:
            raise
        except Exception as exc:
            raise ReducerError(
                f"The reducer raised {type(exc).__name__}: {exc} while handling action "
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
        if timed:
            self._reduced.append((action, previous, state, perf_counter() - started))
        return action

    def _notify(
        self,
        previous: Any,
        state: Any,
        reduced: list[_Reduced],
        listeners: tuple[tuple[object, Listener], ...],
    ) -> None:
        """After the commit and outside the lock: signals, then listeners.

        Outside the lock, so a listener in one session cannot stall another session's
        dispatch to a shared store, and a listener may dispatch again.
        """
        for action, before, after, duration_s in reduced:
            _action_dispatched.send(
                self, action=action, previous_state=before, state=after, duration_s=duration_s
            )
        if unchanged(state, previous):
            return
        if _state_changed.receivers:
            _state_changed.send(self, previous_state=previous, state=state)
        for _, listener in listeners:
            listener(state)

    def _report_failure(self, action: Any, exc: BaseException) -> None:
        """Send ``dispatch_failed`` once per failure, however many dispatches it unwinds.

        A nested dispatch's error passes through every enclosing dispatch; the mark on the
        exception keeps devtools from logging it twice. Not for ``KeyboardInterrupt`` and kin.
        """
        if getattr(exc, "_streamlit_redux_reported", False) or not isinstance(exc, Exception):
            return
        with contextlib.suppress(AttributeError):
            exc._streamlit_redux_reported = True  # type: ignore[attr-defined]
        if signals.dispatch_failed.receivers:
            signals.dispatch_failed.send(self, action=action, error=exc)

    def _refuse_in_reducer(self, what: str, fix: str) -> None:
        """Raise if the calling thread is inside this store's reducer; other threads may go on."""
        if self._reducing_thread is not None and self._reducing_thread == threading.get_ident():
            raise ReducerSideEffectError(
                f"Reducers may not {what}: a reducer must be a pure function of "
                f"(state, action); {fix}."
            )

    def __repr__(self) -> str:
        """Name and the start of the committed state: enough to tell stores apart in a log."""
        return f"Store({self.name!r}, state={self._committed!r:.60})"
