"""Redux's middleware contract in Python: ``middleware(api) -> (next) -> (action) -> result``."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, TypeAlias, TypeVar

if TYPE_CHECKING:
    from streamlit_redux.store.store import Store

T = TypeVar("T")
Dispatch: TypeAlias = Callable[[Any], Any]


class MiddlewareAPI:
    """What a middleware gets: ``dispatch`` (through the whole chain), ``get_state``, ``kept``."""

    __slots__ = ("_store",)

    def __init__(self, store: Store) -> None:
        self._store = store

    def dispatch(self, action: Any) -> Any:
        """Dispatch through the whole chain, as ``store.dispatch`` does."""
        return self._store._dispatch_from_middleware(action)

    def get_state(self) -> Any:
        """The current state (inside a dispatch: the state so far in its transaction)."""
        return self._store.state

    def kept(self, name: str, factory: Callable[[], T]) -> T:
        """The per-store object kept under ``name`` (made by ``factory`` the first time).

        Streamlit rebuilds middleware on every rerun; data kept here (history, queues) survives.
        """
        return self._store.kept(name, factory)


class Middleware(Protocol):
    """``middleware(api)`` returns ``wrap(next_dispatch) -> dispatch``."""

    def __call__(self, api: MiddlewareAPI, /) -> Callable[[Dispatch], Dispatch]: ...


def compose(*functions: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """Compose one-argument functions right to left: ``compose(f, g)(x) == f(g(x))``."""
    if not functions:
        return lambda value: value
    if len(functions) == 1:
        return functions[0]

    def composed(value: Any) -> Any:
        for function in reversed(functions):
            value = function(value)
        return value

    return composed
