"""Redux's middleware contract in Python: ``middleware(api) -> (next) -> (action) -> result``.

The same three steps as Redux's ``applyMiddleware``, so a Redux middleware ports line by line:
``middleware(api)`` (setup) and ``wrap(next)`` run once per chain build, and the returned
``dispatch(action)`` once per action. ``api.dispatch`` enters the whole chain again,
not the next link: a thunk that dispatches must have its actions logged, checked and
persisted like any other.

Two things differ from Redux, both because Streamlit reruns the script: the chain is rebuilt
on every run (``Store.replace_middleware``), so what a middleware must keep across runs lives
in the store (``api.resource``), and its hooks into the store are idempotent by name
(``wrap_reducer``, ``after_commit``) so a rebuild replaces instead of piling up.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Protocol, TypeAlias, TypeVar

from streamlit_redux.store.errors import (
    MiddlewareError,
    MiddlewareOptionError,
    StreamlitReduxError,
)


class _Store(Protocol):
    """The parts of a store its middleware API hands on (the store itself is not imported:
    store.py builds this API, so importing it back would be a cycle)."""

    @property
    def state(self) -> Any: ...

    def wrap_reducer(self, wrapper: Callable[[Any], Any], *, name: str) -> None: ...

    def resource(self, name: str, factory: Callable[[], T]) -> T: ...

    def defer(self, callback: Callable[[], None]) -> None: ...

    def after_commit(
        self, listener: Callable[[Any], None] | None, *, name: str, locked: bool = False
    ) -> None: ...

    def relink(self) -> None: ...


T = TypeVar("T")
Dispatch: TypeAlias = Callable[[Any], Any]


class MiddlewareAPI:
    """What a middleware gets: ``dispatch`` (through the whole chain), ``get_state``, and the
    streamlit_redux extensions ``resource``, ``wrap_reducer``, ``defer`` and ``after_commit``.

    Redux hands middleware ``{getState, dispatch}`` and nothing else; the store is reached
    only through this object, so a middleware cannot depend on the store's insides.

    >>> from streamlit_redux import Store
    >>> seen = []
    >>> def spy(api):
    ...     def wrap(next_dispatch):
    ...         def dispatch(action):
    ...             result = next_dispatch(action)
    ...             seen.append((action.type, api.get_state()))
    ...             return result
    ...         return dispatch
    ...     return wrap
    >>> _ = Store(lambda s, a: s + 1, 0, middleware=[spy]).dispatch({"type": "tick"})
    >>> seen[-1]
    ('tick', 2)
    """

    __slots__ = ("_dispatch", "_store")

    def __init__(self, store: _Store, dispatch: Callable[[Any], Any]) -> None:
        self._store = store
        self._dispatch = dispatch

    def dispatch(self, action: Any) -> Any:
        """Dispatch through the whole chain, as ``store.dispatch`` does."""
        return self._dispatch(action)

    def get_state(self) -> Any:
        """The current state (inside a dispatch: the state so far in its transaction)."""
        return self._store.state

    def wrap_reducer(self, wrapper: Callable[[Any], Any], *, name: str) -> None:
        """Run the store's reducer inside ``wrapper`` (idempotent by ``name``), e.g. to answer
        REHYDRATE; see ``Store.wrap_reducer``.

        A streamlit_redux extension for middleware that bring state changes of their own.
        """
        self._store.wrap_reducer(wrapper, name=name)

    def resource(self, name: str, factory: Callable[[], T]) -> T:
        """The store's resource ``name`` (made by ``factory`` the first time); see
        ``Store.resource``.

        Streamlit rebuilds middleware on every rerun; data kept here (history, queues) survives.
        """
        return self._store.resource(name, factory)

    def defer(self, callback: Callable[[], None]) -> None:
        """Call ``callback()`` after the outermost dispatch commits, outside the store's lock.

        Dropped if the dispatch raises; see ``Store.defer``.
        """
        self._store.defer(callback)

    def after_commit(self, listener: Callable[[Any], None] | None, *, name: str) -> None:
        """Call ``listener(state)`` after each outermost dispatch that changed the state.

        The transaction is over by then: a dispatch that raised (and was rolled back) never
        reaches the listener, and nested dispatches (a thunk's) are seen once, as their sum. It
        runs on the dispatching thread, outside the store's lock, and may dispatch. Idempotent
        by ``name``: a middleware rebuilt on every Streamlit rerun replaces its listener
        (``None`` removes it).
        """
        self._store.after_commit(listener, name=name)

    def on_commit(self, hook: Callable[[Any], None] | None, *, name: str) -> None:
        """Call ``hook(state)`` inside the store's lock as each changed state commits.

        For bookkeeping that must follow the committed states one by one, in order (persist's
        journal): quick, no raising, no dispatching. Idempotent by ``name``; see
        ``Store.after_commit`` (``locked=True``).
        """
        self._store.after_commit(hook, name=name, locked=True)

    def relink(self) -> None:
        """Build the chain again from each middleware's ``wrap(next)`` (not its setup) once
        the current dispatch commits.

        For a link with one-off work on the way (persist rehydrates after the first action):
        once done, it asks for this, and its ``wrap`` then returns ``next_dispatch`` itself,
        which costs no frame per dispatch. See ``Store.relink``.
        """
        self._store.relink()


class Middleware(Protocol):
    """``middleware(api)`` returns ``wrap(next_dispatch) -> dispatch``."""

    def __call__(self, api: MiddlewareAPI, /) -> Callable[[Dispatch], Dispatch]: ...


def compose(*functions: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """Compose one-argument functions right to left: ``compose(f, g)(x) == f(g(x))``.

    Redux's ``compose``: ``apply_middleware`` stacks middleware wrappers with it, in the order
    they are written. No functions give the identity, one gives itself (no extra call per use).

    >>> compose(lambda x: x + 1, lambda x: x * 10)(2)
    21
    """
    if not functions:
        return lambda value: value
    if len(functions) == 1:
        return functions[0]

    def composed(value: Any) -> Any:
        for function in reversed(functions):
            value = function(value)
        return value

    return composed


Wrappers: TypeAlias = list[tuple[str, Callable[[Dispatch], Dispatch]]]
"""Each middleware's name and ``wrap``, outermost first: what a chain is linked from."""


def set_up(api: MiddlewareAPI, middleware: Iterable[Middleware]) -> Wrappers:
    """Run each middleware's setup: its name and its ``wrap``, outermost first.

    Every item is checked before any middleware runs its setup (which may take a resource,
    subscribe or wrap the reducer), so a bad list fails before any of that happened.
    """
    middleware = tuple(middleware)
    for item in middleware:
        if not callable(item):
            raise MiddlewareOptionError(_not_a_middleware(item))
    return [(_name_of(mw), mw(api)) for mw in middleware]


def link(wrappers: Wrappers, innermost: Dispatch) -> Dispatch:
    """Wrap ``innermost`` in each wrapper, the first listed outermost.

    Each link reports a foreign exception under its own middleware's name. A ``wrap`` that
    returns ``next_dispatch`` itself adds nothing to the chain, not even that guard: no code
    of its own runs per dispatch, so nothing could raise under its name.
    """
    chain = innermost
    for name, wrap in reversed(wrappers):
        linked = wrap(chain)
        chain = linked if linked is chain else _reported_as(name, linked)
    return chain


def _not_a_middleware(item: object) -> str:
    """The message for a list item that is no middleware; a tuple is usually unspread defaults."""
    fix = (
        "spread a tuple of middleware into the list: middleware=[*default_middleware(), ...]"
        if isinstance(item, tuple)
        else "pass middleware made by their factories, e.g. logger_middleware()"
    )
    what = f"{type(item).__name__} {item!r:.60}"
    return f"middleware= holds {what}, which is not a middleware; {fix}."


def _name_of(middleware: object) -> str:
    """How errors name a middleware: its function's qualified name, else its class's.

    Factories set ``__qualname__`` on the function they return (``"thunk_middleware"``), so
    the name in a message is the one the user wrote in their list, not ``"middleware"``.
    """
    return str(getattr(middleware, "__qualname__", None) or type(middleware).__qualname__)


def _reported_as(name: str, dispatch: Dispatch) -> Dispatch:
    """Wrap one middleware's dispatch so a foreign exception names that middleware."""

    def guarded(action: Any) -> Any:
        try:
            return dispatch(action)
        except StreamlitReduxError:
            raise
        except Exception as exc:
            action_type = getattr(action, "type", type(action).__name__)
            raise MiddlewareError(
                f'Middleware "{name}" raised {type(exc).__name__}: {exc} while handling '
                f'action "{action_type}"; the state was left unchanged. Fix the middleware, '
                "or catch the error inside it.",
                action_type=str(action_type),
                middleware_name=name,
            ) from exc

    return guarded
