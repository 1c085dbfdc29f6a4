"""``get_store``: the session's store, created on the first run and adopted on every rerun."""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Mapping
from typing import Any, Literal

import streamlit as st

from streamlit_redux.binding import runtime
from streamlit_redux.binding.alerts import show_alerts
from streamlit_redux.binding.identity import owner_for_scope
from streamlit_redux.binding.lifecycle import hold_lease
from streamlit_redux.binding.view import StoreView
from streamlit_redux.binding.widgets import DEFAULT_STORE_NAME
from streamlit_redux.middleware.persist import Persistor
from streamlit_redux.store import signals
from streamlit_redux.store.errors import NotInScriptRunError
from streamlit_redux.store.middleware_api import Middleware
from streamlit_redux.store.reducers import Reducer, combine_reducers
from streamlit_redux.store.store import Store

SESSION_KEY_PREFIX = "streamlit_redux:"

_PANEL_MODULE = "streamlit_redux.devtools.panel"
"""Answers ``signals.panel_requested``; loaded by name so the binding never imports devtools."""


def get_store(
    reducer: Reducer | Mapping[str, Reducer],
    *,
    key: str = DEFAULT_STORE_NAME,
    initial_state: Any = None,
    middleware: Iterable[Middleware] = (),
    devtools: bool | Literal["auto"] = False,
    alerts: bool = True,
) -> StoreView[Any]:
    """Return this session's store, kept in ``st.session_state["streamlit_redux:<key>"]``.

    Call it at the top of every run (and of every page): the first run creates the store, later
    runs keep its state, history and subscriptions and adopt this run's reducer and middleware
    (edit the app while it runs: the state stays). ``reducer`` may be a dict of slice reducers
    (combined with ``combine_reducers``). ``devtools=True`` (or ``"auto"``: in development
    only) draws the devtools panel in the sidebar. ``alerts`` shows the user, where
    ``get_store`` is called, a toast per refused action and a banner while saving fails
    (``alerts=False`` and ``show_alerts(store)`` elsewhere to place them yourself).

    >>> # store = get_store({"todos": todos.reducer, "filter": filter_.reducer})
    """
    if runtime.script_context() is None:
        raise NotInScriptRunError(
            f'get_store(key="{key}") was called outside a Streamlit script run; it keeps the '
            "store in st.session_state. Outside Streamlit (tests, scripts), use "
            "streamlit_redux.Store(reducer) directly."
        )
    if isinstance(reducer, Mapping):
        reducer = combine_reducers(reducer)
    slot = SESSION_KEY_PREFIX + key
    middleware = for_this_session(middleware)
    view = st.session_state.get(slot)
    if not isinstance(view, StoreView):
        view = StoreView(Store(reducer, initial_state, middleware, name=key))
        st.session_state[slot] = view
    else:
        view.store.replace_middleware(middleware)
        if reducer is not view.store.reducer:
            view.store.replace_reducer(reducer, quiet=True)
    view.begin_run()
    hold_lease(view.store)
    if alerts:
        show_alerts(view)
    if devtools:
        if not signals.panel_requested.receivers:
            importlib.import_module(_PANEL_MODULE)
        signals.panel_requested.send(view, enabled=devtools)
    return view


def for_this_session(middleware: Iterable[Middleware]) -> tuple[Middleware, ...]:
    """Resolve each ``persist`` middleware's scope to this session's owner (browser by default).

    Without the identity a scope needs, that persistor reads and writes nothing (the state
    lives for the session) and warns once how to turn persistence on.
    """
    return tuple(
        mw.for_owner(owner_for_scope) if isinstance(mw, Persistor) else mw for mw in middleware
    )
