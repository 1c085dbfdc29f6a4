"""The reducer a store runs: the app's reducer, inside named wrappers and injected slices.

Redux has one way for an app to change the reducer, ``replaceReducer``; Redux Toolkit adds
``combineSlices(...).inject`` for code-split pages. The store offers exactly those two
(``Store.replace_reducer``, ``Store.inject_slice``). Middleware and devtools have a third need:
answering actions of their own (REHYDRATE, time travel) whatever reducer the app passes later.
They *wrap* the reducer under a name, and every wrapper is applied again around each new
reducer, so hot reload never drops persistence or the devtools. This module keeps that
bookkeeping, so the store itself stays about dispatching.

>>> wrappers = ReducerWrappers(lambda s, a: s)
>>> wrappers.wrap("double", lambda inner: lambda s, a: inner(s, a) * 2)
>>> wrappers.replace(lambda s, a: s + 1)
>>> wrappers.wrapped(1, None)
4
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from streamlit_redux.store.actions import Action
from streamlit_redux.store.reducers import Reducer

ReducerWrapper = Callable[[Reducer], Reducer]
"""``wrapper(inner_reducer) -> reducer``: a higher-order reducer (a "reducer enhancer")."""

INJECTED = "streamlit_redux:injected-slices"
"""The wrapper name of the injected slices; namespaced so it never meets another wrapper."""


class ReducerWrappers:
    """The app's reducer, the named wrappers around it, and the slices injected into it.

    Not thread-safe on its own: the store calls it under its lock.
    """

    def __init__(self, reducer: Reducer) -> None:
        self.reducer = reducer
        """The reducer the app gave (what ``replace_reducer`` replaces and hot reload compares)."""
        self.wrapped = reducer
        """The reducer the store runs: ``reducer`` inside every wrapper, in registration order."""
        self._wrappers: dict[str, ReducerWrapper] = {}
        self._injected: dict[str, Reducer] = {}

    def replace(self, reducer: Reducer) -> None:
        """Use ``reducer`` from now on, inside the same wrappers."""
        self.reducer = reducer
        self._rebuild()

    def wrap(self, name: str, wrapper: ReducerWrapper) -> None:
        """Add ``wrapper`` (or replace the one of the same name, keeping its place)."""
        self._wrappers[name] = wrapper
        self._rebuild()

    def inject(self, name: str, reducer: Reducer) -> bool:
        """Run ``reducer`` on the state key ``name`` too; False if it was there already."""
        if self._injected.get(name) is reducer:
            return False
        self._injected[name] = reducer
        self.wrap(INJECTED, _with_slices(dict(self._injected)))
        return True

    def _rebuild(self) -> None:
        """Wrap the app's reducer in every wrapper again, from the inside out.

        Always from the bare reducer, never around the last result: a replaced wrapper must
        not stay inside its replacement. A wrapper replaced by name keeps its place in the
        order (a dict keeps the first insertion's position), so persistence stays outside or
        inside the devtools however often a rerun rebuilds them.
        """
        reducer = self.reducer
        for wrapper in self._wrappers.values():
            reducer = wrapper(reducer)
        self.wrapped = reducer


def _with_slices(slices: Mapping[str, Reducer]) -> ReducerWrapper:
    """A wrapper running each injected slice reducer on its own key after the inner reducer.

    ``slices`` is a snapshot: a later injection builds a new wrapper under the same name, so a
    reducer already handed out never changes behaviour. The state is set only when a slice
    returned a new object, so an action no slice handles leaves the state object as it was
    (and nobody is notified).
    """

    def wrapper(inner: Reducer) -> Reducer:
        def reducer_with_slices(state: Any, action: Action) -> Any:
            state = inner(state, action)
            for key, slice_reducer in slices.items():
                before = state.get(key)
                after = slice_reducer(before, action)
                if after is not before:
                    state = state.set(key, after)
            return state

        return reducer_with_slices

    return wrapper
