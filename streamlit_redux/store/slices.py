"""Slices: one part of the state with its reducer, action creators and selectors together."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

from streamlit_redux.store.actions import ActionCreator
from streamlit_redux.store.errors import StreamlitReduxError
from streamlit_redux.store.reducers import CaseReducer, Reducer, create_reducer


class _Namespace:
    """Attribute and item access to a fixed table: ``slice.actions.added`` or ``["added"]``."""

    def __init__(self, owner: str, kind: str, table: Mapping[str, Any]) -> None:
        self._owner = owner
        self._kind = kind
        self._table = dict(table)

    def __getattr__(self, name: str) -> Any:
        table = self.__dict__.get("_table", {})
        if name in table:
            return table[name]
        raise AttributeError(
            f'Slice "{self._owner}" has no {self._kind} "{name}"; '
            f"it has: {', '.join(sorted(table)) or 'none'}."
        )

    def __getitem__(self, name: str) -> Any:
        return getattr(self, name)

    def __iter__(self) -> Iterator[str]:
        return iter(self._table)

    def __len__(self) -> int:
        return len(self._table)

    def __dir__(self) -> list[str]:
        return sorted(self._table)


class Slice:
    """What ``create_slice`` returns: ``.name``, ``.reducer``, ``.actions``, ``.selectors``."""

    def __init__(
        self,
        name: str,
        reducer: Reducer,
        actions: Mapping[str, ActionCreator],
        selectors: Mapping[str, Callable[..., Any]],
    ) -> None:
        self.name = name
        self.reducer = reducer
        self.actions: Any = _Namespace(name, "action", actions)
        self.selectors: Any = _Namespace(name, "selector", selectors)

    def select_slice(self, root_state: Mapping[str, Any]) -> Any:
        """Return this slice's part of a root state built by ``combine_reducers``."""
        return root_state[self.name]

    def __repr__(self) -> str:
        return f"Slice({self.name!r}, actions={list(self.actions)})"


def create_slice(
    *,
    name: str,
    initial_state: Any,
    reducers: Mapping[str, CaseReducer],
    extra_reducers: Mapping[str | ActionCreator, CaseReducer] | None = None,
    selectors: Mapping[str, Callable[..., Any]] | None = None,
) -> Slice:
    """Return a slice: case reducers become action creators typed ``"<name>/<case>"``.

    ``extra_reducers`` handles actions defined elsewhere; ``selectors`` take the slice's
    state and are exposed taking the root state.

    >>> from streamlit_redux import create_slice
    >>> counter = create_slice(name="counter", initial_state=0,
    ...                        reducers={"incremented": lambda s, a: s + 1})
    >>> counter.reducer(None, counter.actions.incremented())
    1
    """
    if not isinstance(name, str) or not name or "/" in name:
        raise StreamlitReduxError(
            f"create_slice needs a non-empty name without '/', got {name!r}; e.g. name='todos'."
        )
    creators = {case: ActionCreator(f"{name}/{case}") for case in reducers}
    handlers: dict[str | ActionCreator, CaseReducer] = dict(extra_reducers or {})
    handlers.update({creators[case]: fn for case, fn in reducers.items()})
    bound = {key: _on_root(name, fn) for key, fn in (selectors or {}).items()}
    return Slice(name, create_reducer(initial_state, handlers), creators, bound)


def _on_root(name: str, selector: Callable[..., Any]) -> Callable[..., Any]:
    def select_from_root(root_state: Mapping[str, Any], *args: Any) -> Any:
        return selector(root_state[name], *args)

    select_from_root.__name__ = select_from_root.__qualname__ = (
        f"{name}.{getattr(selector, '__name__', 'selector')}"
    )
    return select_from_root
