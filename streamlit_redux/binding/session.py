"""``get_store``: the session's store, created on the first run and adopted on every rerun."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal

import streamlit as st

from streamlit_redux.binding import runtime
from streamlit_redux.binding.session_store import NotInScriptRunError, SessionStore
from streamlit_redux.store.middleware_api import Middleware
from streamlit_redux.store.reducers import Reducer

SESSION_KEY_PREFIX = "streamlit_redux:"


def get_store(
    reducer: Reducer,
    *,
    key: str = "store",
    initial_state: Any = None,
    middleware: Iterable[Middleware] = (),
    devtools: bool | Literal["auto"] = False,
) -> SessionStore:
    """Return this session's store, kept in ``st.session_state["streamlit_redux:<key>"]``.

    Call it at the top of every run (and of every page): the first run creates the store, later
    runs keep its state, history and subscriptions and adopt this run's reducer and middleware
    (edit the app while it runs: the state stays). ``devtools=True`` (or ``"auto"``: in
    development only) draws the devtools panel in the sidebar.

    >>> # store = get_store(todos.reducer)
    """
    if runtime.script_context() is None:
        raise NotInScriptRunError(
            f'get_store(key="{key}") was called outside a Streamlit script run; it keeps the '
            "store in st.session_state. Outside Streamlit (tests, scripts), use "
            "streamlit_redux.Store(reducer) directly."
        )
    slot = SESSION_KEY_PREFIX + key
    middleware = tuple(middleware)
    store = st.session_state.get(slot)
    if not isinstance(store, SessionStore):
        store = SessionStore(reducer, initial_state, middleware, name=key)
        st.session_state[slot] = store
    store._adopt_run(reducer, middleware)
    if devtools:
        from streamlit_redux.devtools.panel import sidebar  # the one binding -> devtools import

        sidebar(store, enabled=devtools)
    return store
