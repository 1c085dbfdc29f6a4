"""Persist part of the state and rehydrate it when the store starts (redux-persist parity).

>>> from streamlit_redux import Store
>>> from streamlit_redux.middleware import persist
>>> from streamlit_redux.storage import MemoryStorage
>>> storage = MemoryStorage()
>>> store = Store(lambda s, a: s.set("n", s["n"] + 1) if a.type == "inc" else s, {"n": 0},
...               middleware=[persist(storage, key="demo")])
>>> _ = store.dispatch({"type": "inc"})
>>> Store(lambda s, a: s, {"n": 0}, middleware=[persist(storage, key="demo")]).state["n"]
1

Nothing is ever lost silently: stored data that cannot be read or migrated is kept aside under
``<key>.corrupt.<time>``, a failed write leaves the previous copy, and both are reported on the
``streamlit_redux`` logger and the ``signals.persist_failed`` signal.
"""

from __future__ import annotations

import json
import logging
import threading
import time
import weakref
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pyrsistent import pmap

from streamlit_redux.middleware.persist_paths import merged, persisted_part
from streamlit_redux.storage.base import Storage
from streamlit_redux.storage.sqlite import SQLiteStorage
from streamlit_redux.store import signals
from streamlit_redux.store.actions import Action
from streamlit_redux.store.codec import Decoder, Encoder, from_json_value, to_json_value
from streamlit_redux.store.errors import StreamlitReduxError
from streamlit_redux.store.middleware_api import Dispatch, MiddlewareAPI

__all__ = ["REHYDRATE", "PersistError", "Persistor", "persist"]

REHYDRATE = "@@streamlit_redux/REHYDRATE"
Migration = Callable[[Any], Any]
_log = logging.getLogger("streamlit_redux")


class PersistError(StreamlitReduxError):
    """Stored state could not be read, migrated or written; the message says what was kept."""


@dataclass(eq=False)
class _Book:
    """Per-store bookkeeping (kept in the store, so it survives Streamlit reruns)."""

    rehydrated: bool = False
    last_part: Any = None
    last_state: Any = None
    pending: Any = None
    timer: threading.Timer | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)


class Persistor:
    """The middleware ``persist`` returns; ``flush()`` writes debounced changes now."""

    def __init__(
        self,
        storage: Storage,
        *,
        key: str,
        version: int,
        migrations: Mapping[int, Migration],
        include: Sequence[str] | None,
        exclude: Sequence[str],
        debounce_s: float,
        encoder_hook: Encoder | None,
        decoder_hook: Decoder | None,
    ) -> None:
        self.storage, self.key, self.version = storage, key, version
        self.migrations, self.include, self.exclude = dict(migrations), include, tuple(exclude)
        self.debounce_s = debounce_s
        self._encoder, self._decoder = encoder_hook, decoder_hook
        self._books: weakref.WeakSet[_Book] = weakref.WeakSet()
        self.__qualname__ = f"persist(key={key!r})"

    def __call__(self, api: MiddlewareAPI) -> Callable[[Dispatch], Dispatch]:
        book = api.kept(f"streamlit_redux:persist:{self.key}", _Book)
        self._books.add(book)
        api.enhance_reducer(self._answering_rehydrate, name=f"streamlit_redux:persist:{self.key}")

        def wrap(next_dispatch: Dispatch) -> Dispatch:
            def dispatch(action: Any) -> Any:
                result = next_dispatch(action)
                if not book.rehydrated:
                    book.rehydrated = True
                    self._rehydrate(api, book)
                self._changed(book, api.get_state())
                return result

            return dispatch

        return wrap

    # -- rehydrating -----------------------------------------------------------------------

    def _answering_rehydrate(self, reducer: Callable[[Any, Action], Any]) -> Any:
        def reducer_with_rehydrate(state: Any, action: Action) -> Any:
            if action.type == REHYDRATE and action.meta.get("key") == self.key:
                return merged(state, action.payload, self.include)
            return reducer(state, action)

        return reducer_with_rehydrate

    def _rehydrate(self, api: MiddlewareAPI, book: _Book) -> None:
        stored = self._load()
        if stored is None:
            return
        part, migrated = stored
        if not migrated:
            book.last_part = part  # already stored as it is: no write back
        api.dispatch(Action(REHYDRATE, part, pmap({"key": self.key, "version": self.version})))

    def _load(self) -> tuple[Any, bool] | None:
        try:
            raw = self.storage.get(self.key)
        except Exception as exc:
            self._report(
                f'reading key "{self.key}" failed ({exc}); starting from the '
                "initial state, the stored copy is left where it is",
                exc,
            )
            return None
        if raw is None:
            return None
        try:
            envelope = json.loads(raw)
            stored_version = int(envelope["version"])
            part = from_json_value(envelope["state"], decoder_hook=self._decoder)
            return self._migrated(part, stored_version), stored_version != self.version
        except Exception as exc:
            aside = self._keep_aside(raw)
            self._report(
                f'stored key "{self.key}" could not be loaded ({type(exc).__name__}: '
                f"{exc}); starting from the initial state. The stored copy is kept "
                f'under "{aside}"',
                exc,
            )
            return None

    def _migrated(self, part: Any, stored_version: int) -> Any:
        if stored_version > self.version:
            raise PersistError(
                f"it was written by version {stored_version}, newer than this app's version "
                f"{self.version}; deploy the newer app or raise version="
            )
        for step in range(stored_version + 1, self.version + 1):
            migration = self.migrations.get(step)
            if migration is None:
                raise PersistError(
                    f"no migration to version {step} (from {stored_version}); add "
                    f"migrations={{{step}: fn}}"
                )
            part = migration(part)
        return part

    def _keep_aside(self, raw: str) -> str:
        aside = f"{self.key}.corrupt.{time.time_ns()}"
        try:
            self.storage.set(aside, raw)
        except Exception as exc:  # the original key is still untouched: say so
            self._report(f'could not copy key "{self.key}" aside ({exc}); it is left as it is', exc)
            return self.key
        return aside

    # -- writing ---------------------------------------------------------------------------

    def _changed(self, book: _Book, state: Any) -> None:
        if state is book.last_state:
            return
        book.last_state = state
        part = persisted_part(state, self.include, self.exclude)
        if book.last_part is not None and part == book.last_part:
            return
        if self.debounce_s > 0:
            self._schedule(book, part)
        else:
            self._write(book, part)

    def _schedule(self, book: _Book, part: Any) -> None:
        with book.lock:
            book.pending = part
            if book.timer is None:
                book.timer = threading.Timer(self.debounce_s, self._flush_book, args=(book,))
                book.timer.daemon = True
                book.timer.start()

    def _flush_book(self, book: _Book) -> None:
        with book.lock:
            part, book.pending = book.pending, None
            if book.timer is not None:
                book.timer.cancel()
            book.timer = None
        if part is not None:
            self._write(book, part)

    def flush(self) -> None:
        """Write every debounced change now (call before the process exits)."""
        for book in list(self._books):
            self._flush_book(book)

    def _write(self, book: _Book, part: Any) -> None:
        try:
            body = to_json_value(part, encoder_hook=self._encoder)
            self.storage.set(self.key, json.dumps({"version": self.version, "state": body}))
        except Exception as exc:
            self._report(
                f'writing key "{self.key}" failed ({exc}); the state in memory is '
                "fine and the previous stored copy is intact; the next change retries",
                exc,
            )
            return
        book.last_part = part

    def _report(self, message: str, cause: BaseException) -> None:
        error = PersistError(f"persist: {message}.")
        error.__cause__ = cause
        _log.error("%s", error)
        signals.persist_failed.send(self, key=self.key, error=error)


def persist(
    storage: Storage | None = None,
    *,
    key: str = "root",
    version: int = 0,
    migrations: Mapping[int, Migration] | None = None,
    include: Sequence[str] | None = None,
    exclude: Sequence[str] = (),
    debounce_s: float = 0.0,
    encoder_hook: Encoder | None = None,
    decoder_hook: Decoder | None = None,
) -> Persistor:
    """Return a middleware that writes the state (or part of it) to ``storage`` as JSON.

    - ``storage``: default ``SQLiteStorage(".streamlit_redux.db")`` in the working directory.
    - ``key``: where in the storage; make it per user (``f"user:{st.user.email}"``) to survive
      browser refreshes, or shared for app-wide state.
    - ``include`` / ``exclude``: dotted paths; only the persisted part is written, and only when
      it changed.
    - ``version`` + ``migrations={v: fn}``: stored data of an older version runs through
      ``migrations[v]`` for each version up to ``version``, in order.
    - ``debounce_s``: coalesce writes (a timer thread starts only then); ``flush()`` forces them.

    The stored state is merged back by a ``@@streamlit_redux/REHYDRATE`` action, dispatched right
    after the init action, so the first state the app sees is the rehydrated one.
    """
    if include is not None and exclude:
        raise PersistError("persist: give include= or exclude=, not both.")
    return Persistor(
        storage if storage is not None else SQLiteStorage(),
        key=key,
        version=version,
        migrations=migrations or {},
        include=tuple(include) if include is not None else None,
        exclude=exclude,
        debounce_s=debounce_s,
        encoder_hook=encoder_hook,
        decoder_hook=decoder_hook,
    )
