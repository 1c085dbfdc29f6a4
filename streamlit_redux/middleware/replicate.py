"""Shared state across server replicas: the authoritative state and its version live in storage.

Each dispatch is an optimistic transaction against the stored copy: read the stored version,
bring the local state up to it (an internal SYNCED action, answered by a reducer enhancer),
run the action, and write the result with ``compare_and_set``. When another replica wrote
first, re-read and run the action again on its state, a bounded number of times. Everything
happens inside the store's own transaction, so a dispatch that finally fails leaves the local
state (and its known version) exactly as it was. A commit is then announced (Redis pub/sub);
one follower thread per key and process (``replica_follower``) brings the other replicas'
stores up to date, so their sessions rerun exactly as for an in-process change.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pyrsistent import pmap

from streamlit_redux.middleware import replica_follower
from streamlit_redux.storage.base import Storage, Versioned
from streamlit_redux.store.actions import Action
from streamlit_redux.store.codec import SerializationError, dumps_state, loads_state
from streamlit_redux.store.errors import (
    ReplicaConflictError,
    ReplicaDataError,
    ReplicaUnavailableError,
)
from streamlit_redux.store.middleware_api import Dispatch, Middleware, MiddlewareAPI

SYNCED = "@@streamlit_redux/REPLICA_SYNCED"
"""The local state becomes the stored one (payload: the state; meta: key and version)."""

REFRESH = replica_follower.REFRESH
Book = replica_follower.Book
MAX_ATTEMPTS = 100


def replicate(
    storage: Storage,
    *,
    key: str,
    max_attempts: int = MAX_ATTEMPTS,
    follow: bool = True,
    poll_s: float = 5.0,
) -> Middleware:
    """Keep the store's state in ``storage`` under ``key``, shared by every process using it.

    Put it first (outermost). The state must have a JSON form (see ``store.codec``).
    ``follow`` starts this process's follower thread for ``key`` (one per key, a daemon), which
    applies other replicas' commits as they are announced and re-reads every ``poll_s``
    seconds as a safety net. ``shared_store(..., storage=RedisStorage(url))`` uses it for you.

    >>> from streamlit_redux import Store
    >>> from streamlit_redux.storage import MemoryStorage
    >>> storage = MemoryStorage()
    >>> store = Store(lambda s, a: s + 1 if a.type == "tick" else s, 0,
    ...               [replicate(storage, key="clicks", follow=False)])
    >>> _ = store.dispatch({"type": "tick"})
    >>> storage.get_versioned("clicks")
    Versioned(value='1', version=2)
    """

    def middleware(api: MiddlewareAPI) -> Callable[[Dispatch], Dispatch]:
        book = api.resource(f"streamlit_redux:replicate:{key}", Book)
        book.api = api
        api.wrap_reducer(_answering_synced(key), name=f"streamlit_redux:replicate:{key}")
        if follow:
            replica_follower.follow(storage, key, book, poll_s=poll_s)

        def wrap(next_dispatch: Dispatch) -> Dispatch:
            replica = _Replica(storage, key, book, api, next_dispatch)

            def dispatch(action: Any) -> Any:
                if not isinstance(action, Action) or book.depth:
                    return next_dispatch(action)  # thunks, and nested: the outermost commits
                if action.type == SYNCED:
                    return next_dispatch(action)
                saved = book.version
                book.depth += 1
                try:
                    if action.type == REFRESH and action.meta.get("key") == key:
                        return replica.refresh(action)
                    return replica.commit(action, max_attempts=max_attempts)
                except BaseException:
                    book.version = saved  # the store rolls the state back to match
                    raise
                finally:
                    book.depth -= 1

            return dispatch

        return wrap

    return middleware


class _Replica:
    """The transaction steps of one store on one key (runs under the store's lock)."""

    def __init__(
        self, storage: Storage, key: str, book: Book, api: MiddlewareAPI, next_: Dispatch
    ) -> None:
        self.storage, self.key, self.book, self.api, self.next = storage, key, book, api, next_

    def refresh(self, action: Action) -> Action:
        """The follower's request: adopt the stored state if its version differs."""
        found = self.read(action)
        if found is not None and found.version != self.book.version:
            self.adopt(self.decode(action, found), found.version)
        return action

    def commit(self, action: Action, *, max_attempts: int) -> Any:
        base, base_version = self.api.get_state(), self.book.version
        for attempt in range(max_attempts):
            found = self.read(action)
            if found is not None and found.version != base_version:
                base, base_version = self.decode(action, found), found.version
                self.adopt(base, base_version)
            elif attempt:
                self.adopt(base, base_version)  # drop the previous attempt's result
            result = self.next(action)
            state = self.api.get_state()
            if found is not None and state is base:
                return result  # nothing changed: nothing to write
            version = self.write(action, state, expected=0 if found is None else found.version)
            if version is not None:
                self.book.version = version
                replica_follower.announce(self.storage, self.key, version)
                return result
            # No back-off: some replica won this round, so the system progresses; a loser that
            # slept would start behind the winner's next transaction and lose again (starve).
        raise ReplicaConflictError(
            f'Shared store "{self.key}" could not commit action "{action.type}": other replicas '
            f"changed the stored state first {max_attempts} times in a row, so it was not "
            "applied and the state is unchanged. Dispatch it again; if this repeats, split "
            "the state into several shared stores so fewer replicas write to one key."
        )

    def adopt(self, state: Any, version: int) -> None:
        self.next(Action(SYNCED, state, pmap({"key": self.key, "version": version})))
        self.book.version = version

    def decode(self, action: Action, found: Versioned) -> Any:
        try:
            return loads_state(found.value)
        except SerializationError as exc:
            raise ReplicaDataError(
                f'Shared store "{self.key}" cannot read the stored state (version '
                f'{found.version}) while handling action "{action.type}": {exc} Nothing was '
                "changed. Repair or delete that key in the storage; replicas keep their state "
                "in memory, and the next dispatch after a delete stores it again."
            ) from exc

    def read(self, action: Action) -> Versioned | None:
        try:
            return self.storage.get_versioned(self.key)
        except Exception as exc:
            raise self.unavailable(action, exc) from exc

    def write(self, action: Action, state: Any, *, expected: int) -> int | None:
        text = dumps_state(state)
        try:
            return self.storage.compare_and_set(self.key, text, version=expected)
        except Exception as exc:
            raise self.unavailable(action, exc) from exc

    def unavailable(self, action: Action, exc: Exception) -> ReplicaUnavailableError:
        return ReplicaUnavailableError(
            f'Shared store "{self.key}" could not reach its storage while handling action '
            f'"{action.type}" ({type(exc).__name__}: {exc}); the action was not applied and '
            "the state is unchanged (committed changes are safe in storage). Check that the "
            "storage (redis-server) runs and is reachable, then dispatch again."
        )


def _answering_synced(key: str) -> Callable[[Any], Any]:
    """A reducer enhancer: SYNCED for ``key`` replaces the state; everything else passes."""

    def enhancer(reducer: Callable[[Any, Action], Any]) -> Callable[[Any, Action], Any]:
        def reducer_with_sync(state: Any, action: Action) -> Any:
            if action.type == SYNCED and action.meta.get("key") == key:
                return action.payload
            return reducer(state, action)

        return reducer_with_sync

    return enhancer
