"""One follower thread per stored key and process: other replicas' commits reach local stores.

A commit is announced on a Redis pub/sub channel (the new version). The follower listens and,
on a version its stores do not have, dispatches REFRESH to each of them: the ``replicate``
middleware re-reads the stored state inside the store's transaction and adopts it, so every
local listener (a session's ``StoreView``) sees an ordinary state change. Pub/sub drops
messages while disconnected, so the follower re-reads after every (re)connect and every
``poll_s`` seconds as a safety net; while storage is unreachable it retries with back-off.
Storages without pub/sub (SQLite, files) are followed by the periodic re-read alone.
"""

from __future__ import annotations

import logging
import threading
import time
import weakref
from typing import Any

from pyrsistent import pmap

from streamlit_redux.storage.base import Storage
from streamlit_redux.storage.redis import RedisStorage
from streamlit_redux.store.actions import Action
from streamlit_redux.store.errors import ReplicaUnavailableError
from streamlit_redux.store.middleware_api import MiddlewareAPI

REFRESH = "@@streamlit_redux/REPLICA_REFRESH"
"""Asks a store to adopt the stored state if it is newer (meta: the key)."""

MAX_BACK_OFF_S = 5.0
_log = logging.getLogger("streamlit_redux")
_followers: dict[tuple[object, str], Follower] = {}
_lock = threading.Lock()


class Book:
    """What one store knows about its stored key: the version its state corresponds to."""

    def __init__(self) -> None:
        self.version = 0
        self.depth = 0
        self.api: MiddlewareAPI | None = None


def follow(storage: Storage, key: str, book: Book, *, poll_s: float) -> None:
    """Have this process's follower of ``key`` in ``storage`` keep ``book``'s store current."""
    where: object = (storage.url, storage.prefix) if isinstance(storage, RedisStorage) else storage
    with _lock:  # one lock with the follower's decision to stop: no book joins a quitting one
        follower = _followers.get((where, key))
        if follower is None:
            follower = Follower(storage, key, where=where, poll_s=poll_s)
            _followers[(where, key)] = follower
        follower.books.add(book)
        if follower.thread.ident is None:
            follower.thread.start()


def announce(storage: Storage, key: str, version: int) -> None:
    """Tell every replica that ``key`` now has ``version`` (best effort: they also poll)."""
    if not isinstance(storage, RedisStorage):
        return
    try:
        _publisher(storage.url).publish(channel(storage, key), str(version))
    except Exception as exc:  # the commit stands; the followers' re-read picks it up
        _log.warning('Announcing version %s of shared key "%s" failed (%s).', version, key, exc)


def channel(storage: RedisStorage, key: str) -> str:
    """The pub/sub channel of ``key`` (channels do not share Redis's key space)."""
    return f"{storage.prefix}{key}"


_publishers: dict[str, Any] = {}


def _publisher(url: str) -> Any:
    with _lock:
        client = _publishers.get(url)
        if client is None:
            # one retry: after a Redis restart the pooled connection is stale, not the server
            client = _publishers[url] = _connect(url, retries=1)
        return client


def _connect(url: str, *, retries: int = 0) -> Any:
    """A client that fails at once when Redis is gone (the follower does its own retrying)."""
    import redis
    from redis.backoff import NoBackoff
    from redis.retry import Retry

    return redis.Redis.from_url(
        url, decode_responses=True, socket_connect_timeout=2, retry=Retry(NoBackoff(), retries)
    )


class Follower:
    """The thread that keeps one key's local stores in step with storage (a daemon)."""

    def __init__(self, storage: Storage, key: str, *, where: object, poll_s: float) -> None:
        self.storage, self.key, self.poll_s = storage, key, poll_s
        self.books: weakref.WeakSet[Book] = weakref.WeakSet()
        self.down_since: float | None = None
        self.registered_as = (where, key)
        self.thread = threading.Thread(
            target=self._run, name=f"streamlit_redux follower {key}", daemon=True
        )

    def _quit_if_unused(self) -> bool:
        """True (and unregistered) once every store it served is gone: it keeps none alive."""
        with _lock:
            if self.books:
                return False
            if _followers.get(self.registered_as) is self:
                del _followers[self.registered_as]
            return True

    def _run(self) -> None:
        back_off = 0.05
        while not self._quit_if_unused():
            try:
                self._follow()
            except Exception as exc:
                if self.down_since is None:
                    self.down_since = time.monotonic()
                    cause = exc.__cause__ if isinstance(exc, ReplicaUnavailableError) else None
                    _log.warning(
                        'Shared key "%s" lost its storage (%s); retrying with back-off, local '
                        "stores catch up when it returns.",
                        self.key,
                        cause or exc,
                    )
                time.sleep(back_off)
                back_off = min(back_off * 2, MAX_BACK_OFF_S)
            else:
                back_off = 0.05

    def _follow(self) -> None:
        """Listen (or, without pub/sub, poll) until the connection fails or no store is left."""
        pubsub = None
        if isinstance(self.storage, RedisStorage):
            pubsub = _connect(self.storage.url).pubsub(ignore_subscribe_messages=True)
            pubsub.subscribe(channel(self.storage, self.key))
        try:
            self.refresh_all()  # messages sent while we were away are lost: re-read
            self._recovered()
            due = time.monotonic() + self.poll_s
            while self.books:
                if pubsub is None:
                    time.sleep(self.poll_s)
                else:
                    message = pubsub.get_message(timeout=min(self.poll_s, 1.0))
                    if message is not None and message.get("type") == "message":
                        self.refresh_all(announced=int(message["data"]))
                if time.monotonic() >= due:
                    self.refresh_all()
                    due = time.monotonic() + self.poll_s
        finally:
            if pubsub is not None:
                pubsub.close()

    def _recovered(self) -> None:
        if self.down_since is not None:
            _log.warning(
                'Shared key "%s" reached its storage again after %.1f s and caught up.',
                self.key,
                time.monotonic() - self.down_since,
            )
            self.down_since = None

    def refresh_all(self, *, announced: int | None = None) -> None:
        """Ask each local store to adopt the stored state (unless it has ``announced``)."""
        refresh = Action(REFRESH, None, pmap({"key": self.key}))
        for book in list(self.books):
            if book.api is None or (announced is not None and book.version == announced):
                continue
            try:
                book.api.dispatch(refresh)
            except ReplicaUnavailableError:
                raise
            except Exception:  # one store's reducer must not stop the others' updates
                _log.exception('A store following shared key "%s" failed to catch up.', self.key)
