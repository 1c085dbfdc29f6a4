"""Slice injection: a page of a multipage app brings its own slice into the session's store."""

from __future__ import annotations

from typing import Any

from streamlit_redux.store.actions import REPLACE, Action
from streamlit_redux.store.reducers import Reducer
from streamlit_redux.store.store import Store

_KEPT_NAME = "streamlit_redux:injected-slices"


def inject_slice(store: Store, name: str, reducer: Reducer) -> None:
    """Add ``reducer`` under the state key ``name``; idempotent, the slice's state appears at once.

    Injected slices wrap the store's reducer (they survive ``replace_reducer`` and hot reload).

    >>> from pyrsistent import pmap
    >>> store = Store(lambda s, a: s, pmap({"core": 1}))
    >>> inject_slice(store, "extra", lambda s, a: 0 if s is None else s)
    >>> sorted(store.state.items())
    [('core', 1), ('extra', 0)]
    """
    injected: dict[str, Reducer] = store.kept(_KEPT_NAME, dict)
    if injected.get(name) is reducer:
        return
    injected[name] = reducer
    slices = dict(injected)

    def with_injected(base: Reducer) -> Reducer:
        def reducer_with_slices(state: Any, action: Action) -> Any:
            state = base(state, action)
            for key, slice_reducer in slices.items():
                before = state.get(key)
                after = slice_reducer(before, action)
                if after is not before:
                    state = state.set(key, after)
            return state

        return reducer_with_slices

    store.enhance_reducer(with_injected, name=_KEPT_NAME)
    store.dispatch(Action(REPLACE))
