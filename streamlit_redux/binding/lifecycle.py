"""Release a session's store when the session really ends, not when its tab disconnects.

Streamlit has no session-end hook. ``st.cache_resource(scope="session", on_release=...)`` fires
when the websocket disconnects, but the session may resume within
``server.disconnectedSessionTTL`` with its state intact. So the release starts a lease: when it
runs out and Streamlit no longer keeps the session, the store is closed (``Store.close()``:
background effects cancelled, debounced writes flushed). Debounced writes are also flushed at
once when the websocket disconnects (``Store.flush()``): a server that stops disconnects every
session first, and its timers do not outlive the process. A session that came back renews its
lease on its next run; one that dropped again is kept for the TTL after that later disconnect,
so the lease looks again then. A reconnect does not rerun the script, so a lease whose session
came back keeps watching until a run takes a newer one.
"""

from __future__ import annotations

import threading
import weakref

import streamlit as st

from streamlit_redux.binding import runtime
from streamlit_redux.store.store import Store

_MARGIN_S = 5.0
_newest: weakref.WeakValueDictionary[tuple[str, str], _Lease] = weakref.WeakValueDictionary()
"""The newest lease of each (store name, session): the one the session cache holds, or, after
its release, the one still watching the session."""


class _Lease:
    """What the session cache holds for one session's store of one name."""

    def __init__(self, store: Store, session_id: str) -> None:
        self.key = (store.name, session_id)
        # Every store the session had under this name: one cleared from st.session_state
        # (a "start over" button) is replaced by a new one, and the cache keeps this lease.
        self.stores: weakref.WeakSet[Store] = weakref.WeakSet([store])
        self.session_id = session_id


def hold_lease(store: Store) -> None:
    """Call on every run: ties ``store``'s release to the end of this session."""
    session_id = runtime.current_session_id()
    if session_id is not None:
        _lease_for(store.name, session_id, store).stores.add(store)


def _release(lease: _Lease) -> None:
    # The session may come back, but its server may also be stopping (a deploy closes every
    # websocket first): write what a debounce holds now, on a thread the interpreter waits
    # for at exit, so the change is stored either way.
    stores = list(lease.stores)
    if stores:
        threading.Thread(target=_flush_all, args=(stores,), name="streamlit_redux flush").start()
    _watch(lease)


def _watch(lease: _Lease) -> None:
    """Look at the session again when a disconnect now would have run out (TTL + margin)."""
    timer = threading.Timer(runtime.disconnected_session_ttl_s() + _MARGIN_S, _expire, (lease,))
    timer.daemon = True
    timer.start()


def _expire(lease: _Lease) -> None:
    stores = list(lease.stores)
    if not stores or _newest.get(lease.key) is not lease:
        return  # nothing to release, or a later run took a newer lease: it watches from here
    if runtime.session_is_active(lease.session_id):
        # It came back. A reconnect does not rerun the script, so no new lease (which the
        # cache would release at the next disconnect) is taken before the next run: keep
        # watching until then.
        _watch(lease)
        return
    if runtime.session_is_resumable(lease.session_id):
        # It came back and disconnected again after this lease began: its TTL runs from that
        # later disconnect, so look again then.
        _watch(lease)
        return
    for store in stores:
        store.close()


def _flush_all(stores: list[Store]) -> None:
    for store in stores:
        store.flush()


@st.cache_resource(scope="session", on_release=_release, show_spinner=False)
def _lease_for(store_name: str, session_id: str, _store: Store) -> _Lease:
    # A leading underscore keeps the store out of Streamlit's cache key.
    lease = _Lease(_store, session_id)
    previous = _newest.get(lease.key)
    if previous is not None:  # the session came back and ran: this lease takes over
        lease.stores.update(previous.stores)
    _newest[lease.key] = lease
    return lease
