"""Shared stores: one store for every session of the server (a board, a poll, a chat).

The store lives in a process-wide registry; each session holds a :class:`StoreView` of it in
its ``st.session_state``. A view listens to the store's ``state_changed`` signal (weakly: a
session that ended receives nothing and keeps nothing alive) and, when another session changed
data it shows, asks Streamlit to rerun exactly those scopes in that session, without a click.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Mapping
from typing import Any

import streamlit as st

from streamlit_redux.binding import runtime
from streamlit_redux.binding.view import StoreView
from streamlit_redux.middleware.replicate import replicate
from streamlit_redux.storage.base import Storage
from streamlit_redux.store.errors import NotInScriptRunError
from streamlit_redux.store.middleware_api import Middleware
from streamlit_redux.store.reducers import Reducer, combine_reducers
from streamlit_redux.store.store import Store

SHARED_KEY_PREFIX = "streamlit_redux:shared:"

_log = logging.getLogger("streamlit_redux")
_stores: dict[str, Store] = {}
_lock = threading.Lock()


def shared_store(
    key: str,
    reducer: Reducer | Mapping[str, Reducer],
    *,
    initial_state: Any = None,
    middleware: Iterable[Middleware] = (),
    poll_s: float = 1.0,
    storage: Storage | None = None,
) -> StoreView[Any]:
    """Return this session's view of the server-wide store named ``key``.

    Call it on every run, like ``get_store``. The first call in the process creates the store
    with ``middleware`` (later calls adopt new reducer code, but keep the first middleware: a
    middleware that closed over one session's data must never run for another). When a session
    dispatches, every other session showing changed data reruns just those fragments (or its
    app body) at once; where Streamlit's internals for that are missing, a small fragment polls
    every ``poll_s`` seconds instead. With ``storage=RedisStorage(url)`` the state lives in
    Redis under ``shared:<key>`` and every server replica shares it (``middleware.replicate``).

    >>> # board = shared_store("board", board_slice.reducer)
    >>> # st.button("Vote", on_click=board.dispatch, args=(voted("tabs"),))
    """
    if runtime.script_context() is None:
        raise NotInScriptRunError(
            f'shared_store("{key}") was called outside a Streamlit script run; it gives each '
            "session a view kept in st.session_state. Outside Streamlit, use "
            "streamlit_redux.Store(reducer) and share that object."
        )
    if isinstance(reducer, Mapping):
        reducer = combine_reducers(reducer)
    with _lock:
        store = _stores.get(key)
        if store is None:
            chain = tuple(middleware)
            if storage is not None:
                chain = (replicate(storage, key=f"shared:{key}"), *chain)
            store = _stores[key] = Store(reducer, initial_state, chain, name=key)
    if reducer is not store.reducer:
        store.replace_reducer(reducer, quiet=True)
    slot = SHARED_KEY_PREFIX + key
    view = st.session_state.get(slot)
    if not isinstance(view, StoreView) or view.store is not store:
        view = StoreView(store, shared=True)
        st.session_state[slot] = view
    view.begin_run()
    if not runtime.PUSH_RERUNS:
        _poll_for_changes(view, every_s=poll_s)
    return view


def _poll_for_changes(view: StoreView[Any], *, every_s: float) -> None:
    """The fallback: a fragment that reruns the app when another session changed shown data."""
    _warn_polling_once()

    @st.fragment(run_every=every_s)
    def poll() -> None:
        if view.changed_scopes():
            st.rerun()

    with st.container(height=1, border=False):
        poll()


_polling_warned = threading.Event()


def _warn_polling_once() -> None:
    if _polling_warned.is_set():
        return
    _polling_warned.set()
    _log.warning(
        "Shared stores poll for changes (every session reruns when shared data it shows "
        "changed, within poll_s): this Streamlit has no internals to push a rerun into "
        "another session, or STREAMLIT_REDUX_PUSH_RERUNS=0 is set."
    )
