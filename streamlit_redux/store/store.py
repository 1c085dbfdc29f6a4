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

import threading
from collections.abc import Callable, Hashable, Iterable, Mapping
from threading import get_ident
from time import perf_counter
from typing import Any, Generic, TypeVar

from pyrsistent import freeze

from streamlit_redux.store import signals
from streamlit_redux.store._state_type import S
from streamlit_redux.store.actions import INIT, REPLACE, Action, not_an_action, to_action
from streamlit_redux.store.announce import Listener, Reduced, announce_commit, announce_failure
from streamlit_redux.store.errors import (
    InvalidListenerError,
    MiddlewareSetupError,
    ReducerError,
    ReducerSideEffectError,
    StreamlitReduxError,
)
from streamlit_redux.store.listening import Listening
from streamlit_redux.store.middleware_api import (
    Dispatch,
    Middleware,
    MiddlewareAPI,
    Wrappers,
    link,
    set_up,
)
from streamlit_redux.store.reducer_wrappers import ReducerWrapper, ReducerWrappers
from streamlit_redux.store.reducers import Reducer, combine_reducers, unchanged
from streamlit_redux.store.selectors import SelectorCache, SelectorStats

T = TypeVar("T")
R = TypeVar("R")
# The signals' receiver dicts, read once: blinker fills and empties them in place, and a
# signal's own attributes cannot be read at the interpreter's fast path (its cached
# properties turn the instance's attributes into a plain dict).
_heard_actions = signals.action_dispatched.receivers
_heard_changes = signals.state_changed.receivers


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
        reducer: Callable[[Any, Action], S] | Mapping[str, Reducer],
        initial_state: S | None = None,
        middleware: Iterable[Middleware] = (),
        *,
        name: str = "store",
    ) -> None:
        """Freeze ``initial_state``, build the middleware chain and dispatch ``INIT``.

        ``reducer`` may be a dict of slice reducers (combined with ``combine_reducers``), as
        Redux Toolkit's ``configureStore({reducer: {...}})`` takes one.

        ``INIT`` goes through the middleware like any action, so persistence can rehydrate
        and loggers see the store start; reducers get ``state=None`` unless an initial state
        was given, and return their own initial state.
        """
        self.name = name
        self.lock = threading.RLock()
        if isinstance(reducer, Mapping):
            reducer = combine_reducers(reducer)
        self._reducers = ReducerWrappers(reducer)
        self._listeners: tuple[tuple[object, Listener], ...] = ()
        self._subscribed: tuple[tuple[object, Listener], ...] = ()
        self._after_commit: dict[str, Listener] = {}
        self._listening = Listening()
        self._on_commit: dict[str, Listener] = {}
        self._committing: tuple[Listener, ...] = ()
        self._resources: dict[str, Any] = {}
        self._selectors: SelectorCache | None = None
        self._committed: Any = None if initial_state is None else freeze(initial_state)
        self._working: Any = self._committed
        self._reduced: list[Reduced] = []
        self._deferred: list[Callable[[], None]] = []
        self._owner: int | None = None
        """The thread inside a dispatch (the lock is held), else None: also what tells a nested
        dispatch (a middleware's) from the outermost one, which alone commits."""
        self._reducing_thread: int | None = None
        self._building_chain = False
        self._chain: Dispatch = self._reduce
        self._wrappers: Wrappers = []
        self.replace_middleware(middleware)
        self.dispatch(Action(INIT))

    # -- reading ---------------------------------------------------------------------------

    @property
    def state(self) -> S:
        """The current state (an immutable pyrsistent value).

        Other threads see the last committed state; inside a dispatch (a middleware, a nested
        dispatch) the dispatching thread sees the transaction's state so far.
        """
        if self._reducing_thread is not None:  # the check, without a call when no one reduces
            self._refuse_in_reducer("read store.state", "use the state argument the reducer gets")
        owner = self._owner
        if owner is not None and owner == get_ident():
            return self._working  # type: ignore[no-any-return]
        return self._committed  # type: ignore[no-any-return]

    @property
    def reducer(self) -> Reducer:
        """The reducer the app gave (or last passed to ``replace_reducer``), without wrappers.

        What hot reload compares against. The store runs it inside the wrappers of middleware
        and devtools and with the injected slices: see :attr:`wrapped_reducer`.
        """
        return self._reducers.reducer

    @property
    def wrapped_reducer(self) -> Reducer:
        """The reducer the store runs: :attr:`reducer` inside every wrapper, with injected slices.

        What a replay must call to reproduce the store's states (the devtools recompute history
        with it).
        """
        return self._reducers.wrapped

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

    def resource(self, name: str, factory: Callable[[], T]) -> T:
        """This store's resource ``name``, made by ``factory()`` on first use, then the same one.

        ``st.cache_resource`` for one store: Streamlit rebuilds middleware on every rerun, so
        what a middleware must keep (a history, a queue, a thread pool) lives here and survives.
        ``store.close()`` closes every resource that has a ``close()``.

        >>> store = Store(lambda s, a: s, 0)
        >>> store.resource("log", list) is store.resource("log", list)
        True
        """
        with self.lock:
            if name not in self._resources:
                self._resources[name] = factory()
            value: T = self._resources[name]
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
            self._subscribed = (*self._subscribed, (token, listener))
            self._gather_listeners()

        def unsubscribe() -> None:
            self._refuse_in_reducer("unsubscribe", "unsubscribe outside reducers")
            with self.lock:
                self._subscribed = tuple(item for item in self._subscribed if item[0] is not token)
                self._gather_listeners()

        return unsubscribe

    def after_commit(
        self, listener: Listener | None, *, name: str, locked: bool = False
    ) -> None:
        """For middleware: call ``listener(state)`` after each commit that changed the state.

        What ``api.after_commit`` registers, idempotent by ``name`` (a rebuilt middleware
        replaces its listener); called before the subscribers, outside the lock, like them.
        ``locked=True`` calls it instead inside the lock, as the state commits: commits are then
        seen one at a time and in order, with no dispatch in between, for bookkeeping that must
        follow the committed states exactly (persist's journal). It must be quick, must not
        raise and must not dispatch. ``listener=None`` removes the one of that name.

        >>> store = Store(lambda s, a: s + 1, 0)
        >>> store.after_commit(print, name="show")
        >>> _ = store.dispatch({"type": "tick"})
        2
        """
        with self.lock:
            hooks = self._on_commit if locked else self._after_commit
            if listener is None:
                hooks.pop(name, None)
            else:
                hooks[name] = listener
            self._committing = tuple(self._on_commit.values())
            self._gather_listeners()

    def _gather_listeners(self) -> None:
        """The listeners a commit calls, middleware's first: one tuple, read once per dispatch."""
        hooks = tuple((name, hook) for name, hook in self._after_commit.items())
        self._listeners = (*hooks, *self._subscribed)

    # -- changing the code -----------------------------------------------------------------

    def replace_reducer(self, reducer: Callable[[Any, Action], S], *, quiet: bool = False) -> None:
        """Use ``reducer`` from now on (Redux's ``replaceReducer``); the state is kept.

        Dispatches ``REPLACE`` so slices that are new in ``reducer`` fill in their initial state.
        ``quiet=True`` dispatches it only when that changes the state: hot reload, where every
        Streamlit run builds an equivalent reducer, then leaves no ``REPLACE`` in the log.

        >>> store = Store(lambda s, a: s, 1)
        >>> store.replace_reducer(lambda s, a: s * 10 if a.type == "x" else s)
        >>> store.dispatch({"type": "x"}).type, store.state
        ('x', 10)
        """
        with self.lock:
            self._reducers.replace(reducer)
            state = self._committed
            no_change = quiet and self._reducers.wrapped(state, Action(REPLACE)) is state
        if not no_change:
            self.dispatch(Action(REPLACE))

    def inject_slice(self, name: str, reducer: Reducer) -> None:
        """Add ``reducer`` under the state key ``name`` (RTK's ``combineSlices(...).inject``).

        For a page of a multipage app that brings its own slice. Idempotent (injecting the
        same reducer again does nothing); the slice's initial state appears at once, and the
        slice stays through ``replace_reducer`` and hot reload.

        >>> from pyrsistent import pmap
        >>> store = Store(lambda s, a: s, pmap({"core": 1}))
        >>> store.inject_slice("extra", lambda s, a: 0 if s is None else s)
        >>> sorted(store.state.items())
        [('core', 1), ('extra', 0)]
        """
        with self.lock:
            injected = self._reducers.inject(name, reducer)
        if injected:
            self.dispatch(Action(REPLACE))

    def wrap_reducer(self, wrapper: ReducerWrapper, *, name: str) -> None:
        """For middleware and devtools: run the reducer inside ``wrapper``, now and after every
        ``replace_reducer``.

        ``wrapper(inner) -> reducer`` answers actions of its own (REHYDRATE, time travel) and
        passes the rest to ``inner``. Idempotent by ``name``: a middleware rebuilt on every
        rerun replaces its wrapper instead of wrapping once more. Apps change the reducer with
        ``replace_reducer`` or ``inject_slice``; middleware reach this as ``api.wrap_reducer``.

        >>> store = Store(lambda s, a: s, 1)
        >>> store.wrap_reducer(lambda inner: lambda s, a: inner(s, a) + 1, name="plus")
        >>> _ = store.dispatch({"type": "x"}); store.state
        2
        """
        with self.lock:
            self._reducers.wrap(name, wrapper)

    def replace_middleware(self, middleware: Iterable[Middleware]) -> None:
        """Rebuild the middleware chain; the state and the resources stay.

        The first middleware is the outermost: it sees each action first.
        """
        api = MiddlewareAPI(self, self._dispatch_from_middleware)
        with self.lock:
            self._building_chain = True
            try:
                wrappers = set_up(api, middleware)
                chain = link(wrappers, self._reduce)
            finally:
                self._building_chain = False
            self._wrappers, self._chain = wrappers, chain

    def relink(self) -> None:
        """For middleware (``api.relink``): link the chain again from the same middleware's
        ``wrap`` functions, without their setup, once the current dispatch commits.

        Deferred, so the chain running now is not changed under it; dropped if the dispatch
        is rolled back. A link that has done its one-off work returns ``next_dispatch`` from
        ``wrap`` then, and costs nothing per dispatch from there on.
        """
        wrappers = self._wrappers

        def relinked() -> None:
            with self.lock:
                if self._wrappers is not wrappers:  # rebuilt meanwhile, so linked afresh
                    return
                # Restored, not reset: asked outside a dispatch (in a setup), this runs at once,
                # inside the build.
                building, self._building_chain = self._building_chain, True
                try:
                    self._chain = link(wrappers, self._reduce)
                finally:
                    self._building_chain = building

        self.defer(relinked)

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
            action = self._converted(action)
        lock = self.lock
        lock.acquire()  # not `with`: its __exit__ call costs a third of the store's overhead
        try:
            nested = self._owner is not None  # in a middleware's dispatch, on this thread
            if nested:  # roll back to where this one began
                before, recorded = self._working, len(self._reduced)
                deferred_mark = len(self._deferred)
            else:  # outermost: rolled back to the committed state (taken when it fails)
                self._owner = get_ident()
            chain = self._chain  # read, then called: `self._chain(action)` is a slow lookup
            try:
                result = chain(action)
            except BaseException as exc:
                if nested:
                    self._working = before
                    del self._reduced[recorded:]
                    del self._deferred[deferred_mark:]
                else:
                    self._working = self._committed
                    self._reduced.clear()
                    self._deferred.clear()
                    self._owner = None
                announce_failure(self, action, exc)
                raise
            if nested:  # the outermost dispatch commits and notifies
                return result
            self._owner = None
            previous = self._committed
            state = self._committed = self._working
            if self._committing and state is not previous:
                for hook in self._committing:
                    hook(state)
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
            # Falsy (the empty receivers dict) unless someone listens to some store's changes.
            changes_heard = _heard_changes and self._listening.answer(self)[1]
            if reduced or (
                (listeners or changes_heard)
                and state is not previous
                and not unchanged(state, previous)
            ):
                announce_commit(
                    self, previous, state, reduced, listeners, changes_heard=bool(changes_heard)
                )
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

    def flush(self) -> None:
        """Write out what middleware hold back (a debounced ``persist``): ``flush()`` each
        resource that has one. The store stays open; the binding calls it when the session's
        browser disconnects.

        >>> Store(lambda s, a: s, 0).flush()
        """
        self._call_on_resources("flush")

    def close(self) -> None:
        """Release what middleware keep in this store: ``close()`` each resource that has one.

        Call it when the store's session ends: background effects are cancelled and their
        threads end. The state stays readable and dispatch still works; closing twice is
        harmless.

        >>> Store(lambda s, a: s, 0).close()
        """
        self._call_on_resources("close")

    def _call_on_resources(self, method: str) -> None:
        """Call ``method()`` on each resource that has one, outside the lock: a resource may
        wait there for its own thread, which may be dispatching."""
        with self.lock:
            resources = list(self._resources.values())
        for value in resources:
            call = getattr(value, method, None)
            if callable(call):
                call()

    def _converted(self, mapping: Mapping[str, Any]) -> Action:
        """``to_action(mapping)``; one refused is announced like any failed dispatch."""
        try:
            return to_action(mapping)
        except StreamlitReduxError as exc:
            announce_failure(self, mapping, exc)
            raise

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
        # Only a receiver of this store's (or of any store's) actions makes it time and record:
        # devtools open in one session must not slow every other session's store.
        timed = _heard_actions and self._listening.answer(self)[0]
        if timed:
            started = perf_counter()
        reducer = self._reducers.wrapped  # read, then called, as `chain` in `dispatch`
        # Inside a dispatch the lock is held, so the owner is this thread: no get_ident call.
        self._reducing_thread = self._owner
        try:
            state = reducer(previous, action)
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
