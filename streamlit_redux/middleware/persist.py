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

Nothing is ever lost silently: stored data that cannot be read, migrated or does not fit the
state is kept aside under ``<key>.corrupt.<time>``; a failed write leaves the previous copy; a
failed read blocks writes until a read succeeds; only committed state is written, with a
compare-and-set, and a store that finds another writer's newer copy rebases its own changes
onto it. Every failure is reported on the ``streamlit_redux`` logger and ``signals.persist_failed``.
"""

from __future__ import annotations

import logging
import warnings
import weakref
from collections.abc import Callable, Mapping, Sequence
from datetime import timedelta
from typing import Any

from pyrsistent import pmap

from streamlit_redux.middleware.persist_book import (
    FAILURES_SLOT,
    REHYDRATE,
    REHYDRATIONS_SLOT,
    Book,
    Failures,
)
from streamlit_redux.middleware.persist_codec import Envelope, Migration
from streamlit_redux.middleware.persist_owners import forget, open_books, register
from streamlit_redux.middleware.persist_paths import check_paths, merged, persisted_part
from streamlit_redux.middleware.persist_scope import (
    OWNED_SCOPES,
    OwnerOf,
    PersistenceDisabledWarning,
    check_scope,
    disabled_message,
    purge_expired,
    stored_key,
)
from streamlit_redux.middleware.persist_sync import Sync, timer_book
from streamlit_redux.middleware.undo import MOVE_TYPES
from streamlit_redux.storage.base import Storage
from streamlit_redux.storage.sqlite import SQLiteStorage
from streamlit_redux.store import signals
from streamlit_redux.store.actions import Action
from streamlit_redux.store.codec import Decoder, Encoder
from streamlit_redux.store.errors import PersistError, PersistScopeError
from streamlit_redux.store.middleware_api import Dispatch, MiddlewareAPI
from streamlit_redux.store.paths import split_path

__all__ = [
    "REHYDRATE",
    "PersistError",
    "PersistenceDisabledWarning",
    "Persistor",
    "forget",
    "persist",
    "purge_expired",
]

_log = logging.getLogger("streamlit_redux")


class Persistor:
    """The middleware ``persist`` returns; ``flush()`` writes debounced changes now.

    ``for_owner(owner_of)`` gives the copy resolved for one session's owner (the binding calls
    it); ``storage_key`` is the key it reads and writes (None: nothing is stored).
    """

    def __init__(
        self,
        storage: Storage,
        *,
        key: str,
        scope: str | None,
        storage_key: str | None,
        envelope: Envelope,
        include: Sequence[str] | None,
        exclude: Sequence[str],
        debounce_s: float,
        ttl_s: float | None,
        resolved: bool,
        owner: str | None = None,
        books: weakref.WeakSet[Book] | None = None,
    ) -> None:
        self.storage, self.key, self.scope = storage, key, scope
        self.storage_key, self.owner = storage_key, owner
        self.envelope, self.include, self.exclude = envelope, include, tuple(exclude)
        self.debounce_s, self.ttl_s, self.resolved = debounce_s, ttl_s, resolved
        # Shared with the copies ``for_owner`` resolves from this one: the app holds this
        # persistor, the sessions' stores run those, and ``flush()`` must reach them all.
        self._books: weakref.WeakSet[Book] = weakref.WeakSet() if books is None else books
        self._sync = Sync(
            storage, envelope, include, self.exclude, ttl_s, debounce_s, self._report,
            self._recovered,
        )
        self._paths_checked = False
        self.__qualname__ = f"persist(key={key!r})"

    @property
    def version(self) -> int:
        """The state version this app writes (``persist(version=...)``)."""
        return self.envelope.version

    # -- scopes ----------------------------------------------------------------------------

    def for_owner(self, owner_of: OwnerOf) -> Persistor:
        """This persistor for one session: ``owner_of(scope)`` gives the owner id, or None.

        ``owner_of("browser")`` / ``owner_of("user")`` return an opaque id (an HMAC string) or
        None when the session has no such identity; then nothing is read or written and one
        ``PersistenceDisabledWarning`` says how to turn persistence on. Scope None counts as
        "browser"; "app" and "session" do not call ``owner_of``.

        >>> from streamlit_redux.storage import MemoryStorage
        >>> persist(MemoryStorage(), key="draft").for_owner(lambda scope: "ab12").storage_key
        'draft:browser:ab12'
        """
        scope = self.scope or "browser"
        if scope == "app":
            return self._resolved_as(self.key)
        if scope == "session":
            return self._resolved_as(None)
        owner = owner_of(scope)
        if owner is None:
            warnings.warn(disabled_message(self.key, scope), PersistenceDisabledWarning, 2)
            return self._resolved_as(None)
        return self._resolved_as(stored_key(self.key, scope, owner), owner)

    def _resolved_as(self, storage_key: str | None, owner: str | None = None) -> Persistor:
        return Persistor(
            self.storage,
            key=self.key,
            scope=self.scope or "browser",
            storage_key=storage_key,
            envelope=self.envelope,
            include=self.include,
            exclude=self.exclude,
            debounce_s=self.debounce_s,
            ttl_s=self.ttl_s,
            resolved=True,
            owner=owner,
            books=self._books,
        )

    # -- the middleware --------------------------------------------------------------------

    def __call__(self, api: MiddlewareAPI) -> Callable[[Dispatch], Dispatch]:
        if self.scope in OWNED_SCOPES and not self.resolved:
            raise PersistScopeError(
                f'persist(key="{self.key}", scope="{self.scope}") is installed in a plain Store, '
                f"which cannot tell one {self.scope} from another; use it through "
                "streamlit_redux.get_store (it resolves the scope per session), call "
                'persistor.for_owner(owner_of) first, or use scope="app" for one shared copy.'
            )
        # Named by key, not by stored key: when a session's owner changes (a login), the
        # persistor resolved for the new owner replaces the old one instead of writing beside it.
        name = f"streamlit_redux:persist:{self.key}"
        storage_key = self.storage_key
        if storage_key is None:
            api.wrap_reducer(lambda reducer: reducer, name=name)
            api.on_commit(None, name=name)
            api.after_commit(None, name=name)
            return _passing_through
        book = api.resource(f"streamlit_redux:persist:{storage_key}", Book)
        book.api, book.key, book.owner = api, storage_key, self.owner
        if self.owner is not None:
            register(book, self.owner)
        book.flush = lambda: self._sync.flush(book)
        self._books.add(book)
        api.wrap_reducer(lambda reducer: self._enhanced(reducer, book), name=name)
        # Inside the store's lock as a state commits: the journal follows it, and a debounced
        # store starts its timer there (writing now is I/O: it waits for the lock's release,
        # in after_commit).
        book.start_timer = self._sync.committed if self.debounce_s > 0 else None
        api.on_commit(book.committed, name=name)
        api.after_commit(
            None if self.debounce_s > 0 else (lambda state: self._sync.sync(book)), name=name
        )

        def wrap(next_dispatch: Dispatch) -> Dispatch:
            if book.rehydrated and self._paths_checked:
                return next_dispatch  # nothing left to do on the way: no link at all

            def dispatch(action: Any) -> Any:
                if book.rehydrated and self._paths_checked:  # until the chain is relinked
                    return next_dispatch(action)
                before = None if book.rehydrated else api.get_state()
                result = next_dispatch(action)
                if not self._paths_checked:
                    check_paths(
                        api.get_state(), key=self.key, include=self.include, exclude=self.exclude
                    )
                    self._paths_checked = True
                if not book.rehydrated:
                    book.rehydrated = True
                    self._rehydrate(api, book, before)
                api.relink()  # done after the first action: linked again, this link is gone
                return result

            return dispatch

        return wrap

    def _enhanced(self, reducer: Callable[[Any, Action], Any], book: Book) -> Any:
        pending = book.pending  # never replaced, only emptied

        def reducer_with_persist(state: Any, action: Action) -> Any:
            if action.type == REHYDRATE and action.meta.get("key") == self.storage_key:
                return self._rehydrated(book, state, action, reducer)
            new_state = reducer(state, action)
            if new_state is not state:  # book.record, written out: it runs on every dispatch
                pending.append((state, action, new_state))
            return new_state

        return reducer_with_persist

    def _rehydrated(self, book: Book, state: Any, action: Action, reducer: Any) -> Any:
        if not action.meta.get("rebase"):
            # Pure (the caller notes the sync point): devtools replay this action to recompute
            # history, and a replay must not move the sync point.
            return merged(state, action.payload, self.include)
        actions = book.actions_since_sync(state)  # first: it brings book.synced up to date
        base = merged(book.synced, action.payload, self.include)
        rebased = base
        moves = [a.type for a in actions or () if a.type in MOVE_TYPES]
        if actions is None:
            book.unrebased = book.lost or "the actions since the last write are not known"
        elif moves:
            book.unrebased = (
                f'they include "{moves[0]}", which moves through this store\'s own undo history: '
                "re-applied onto another writer's copy it would move that history instead"
            )
        else:
            try:
                rebased = book.replayed(base, actions, reducer)
            except Exception as exc:  # the stored state wins; ours is kept aside by the caller
                book.unrebased = f"re-applying them raised {type(exc).__name__}: {exc}"
                rebased = base
        book.start_at(base)  # the replayed steps, still pending, lead from here
        return rebased

    def _rehydrate(self, api: MiddlewareAPI, book: Book, before: Any) -> None:
        """Merge the stored copy in, right after the first action this book saw.

        At store creation (no state before the init action) the stored copy is merged into the
        initial state. A store that already had state (a session whose owner just changed) is
        rebased instead: the first action is re-applied on top of the stored copy.
        """
        book.start_at(api.get_state() if before is None else before)
        _flush_others(book)
        try:
            self._load(api, book, before)
        finally:
            book.opened = True

    def _load(self, api: MiddlewareAPI, book: Book, before: Any) -> None:
        """Read the stored copy and merge it in (or rebase onto it); see ``_rehydrate``."""
        loaded = self._sync.load(book, api.get_state())
        if loaded is None:
            book.blocked = True
            return
        part, book.version, migrated = loaded
        if part is None:
            return
        if not migrated:
            book.last_part = part  # already stored as it is: no write back
        if before is None:
            action = Action(REHYDRATE, part, pmap({"key": book.key, "version": self.version}))
            start = api.get_state()
            api.dispatch(action)
            book.start_at(api.get_state())
            startup: list[tuple[Any, Action, Any]] = api.resource(REHYDRATIONS_SLOT, list)
            startup.append((start, action, book.synced))
        else:
            self._sync.rebase(
                book, part, persisted_part(api.get_state(), self.include, self.exclude)
            )

    def flush(self) -> None:
        """Write every debounced change now (call before the process exits).

        Reaches every store that runs this persistor, or a copy ``for_owner`` resolved from it
        (each session's, through ``get_store``). Waits for a write in flight, then writes the
        newest state: storage never ends older than memory.
        """
        for book in list(self._books):
            self._sync.flush(book)

    def _report(self, message: str, cause: BaseException) -> None:
        error = PersistError(f"persist: {message}.")
        error.__cause__ = cause
        _log.error("%s", error)
        failures = _timer_failures()
        if failures is not None:
            failures.add(str(error))
        signals.persist_failed.send(self, key=self.storage_key, error=error)

    def _recovered(self, key: str) -> None:
        _log.info("persist: writing key %r works again; the stored copy is up to date.", key)
        failures = _timer_failures()
        if failures is not None:
            failures.recover()
        signals.persist_recovered.send(self, key=key)


def _flush_others(book: Book) -> None:
    """Before a store reads its owner's copy, write what the owner's other open stores of this
    key (the tab being reloaded, another tab) changed and a debounce still holds: a reload
    starts from the change made just before it.

    Only stores that finished opening are flushed: two stores opening at once never wait for
    each other.
    """
    if book.owner is None:
        return
    for other in open_books(book.owner):
        if other is not book and other.key == book.key and other.opened and other.flush:
            other.flush()


def _timer_failures() -> Failures | None:
    """On a debounce timer's thread (no session listens there), the store's ``Failures``: the
    session that views the store hears of the failure or the recovery on its next run."""
    book = timer_book()
    if book is None or book.api is None:
        return None
    failures: Failures = book.api.resource(FAILURES_SLOT, Failures)
    return failures


def _passing_through(next_dispatch: Dispatch) -> Dispatch:
    return next_dispatch


def persist(
    storage: Storage | None = None,
    *,
    key: str = "root",
    scope: str | None = None,
    ttl: float | timedelta | None = None,
    validate: Callable[[Any], object] | None = None,
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
    - ``key``: the name of the stored copy. ``scope`` says whose copy it is: ``"browser"``
      (the default in a Streamlit session: ``key:browser:<owner>``), ``"user"``, ``"app"``
      (one copy for every visitor, only when named) or ``"session"`` (nothing stored). In a
      plain ``Store``, scope None stores under ``key`` itself.
    - ``ttl``: seconds (or a ``timedelta``) a stored copy lives after its last write.
    - ``validate``: called with the stored part (after migrations); raise to refuse it (it is
      kept aside and the app starts fresh). The shape (map / vector / set / scalar at each
      persisted path) is always checked against the initial state.
    - ``include`` / ``exclude``: dotted paths (they see through an ``undoable`` history); a
      path that names nothing is an error when the store is created.
    - ``version`` + ``migrations={v: fn}``: stored data of an older version runs through
      ``migrations[v]`` for each version up to ``version``, in order.
    - ``debounce_s``: coalesce writes (a timer thread starts only then); ``flush()`` forces them.

    The stored state is merged back by a ``@@streamlit_redux/REHYDRATE`` action, dispatched right
    after the init action, so the first state the app sees is the rehydrated one.
    """
    if include is not None and exclude:
        raise PersistError("persist: give include= or exclude=, not both.")
    for path in (*(include or ()), *exclude):
        split_path(path, where=f'persist(key="{key}")')
    check_scope(scope, key=key)
    ttl_s = ttl.total_seconds() if isinstance(ttl, timedelta) else ttl
    if ttl_s is not None and not ttl_s > 0:
        raise PersistError(f'persist(key="{key}"): ttl={ttl!r} is not positive; pass seconds > 0.')
    envelope = Envelope(
        version=version,
        migrations=dict(migrations or {}),
        validate=validate,
        encoder_hook=encoder_hook,
        decoder_hook=decoder_hook,
    )
    return Persistor(
        storage if storage is not None else SQLiteStorage(),
        key=key,
        scope=scope,
        storage_key=None if scope == "session" else key,
        envelope=envelope,
        include=tuple(include) if include is not None else None,
        exclude=exclude,
        debounce_s=debounce_s,
        ttl_s=ttl_s,
        resolved=False,
    )
