"""Reading, writing and rebasing one stored key: what keeps storage in step with the store.

Writes happen after a dispatch committed (never from inside a transaction), one at a time per
store, each of the newest committed state, with a compare-and-set against the version last
read or written. When another writer came first, the store reads its copy and dispatches a
rebasing REHYDRATE: the reducer re-applies this store's un-persisted actions onto it (see
``persist_book``), and the loop writes the result. A read that fails blocks writing until a
read succeeds, so an unreadable copy is never replaced by a fresh state.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from pyrsistent import pmap

from streamlit_redux.middleware.persist_book import NOTHING, REHYDRATE, Book
from streamlit_redux.middleware.persist_codec import Envelope
from streamlit_redux.middleware.persist_paths import persisted_part
from streamlit_redux.storage.base import Storage
from streamlit_redux.store.actions import Action
from streamlit_redux.store.errors import PersistError

MAX_ATTEMPTS = 100
_timer = threading.local()
"""On a debounce timer's thread, ``_timer.book`` is the book whose write it is doing."""
Report = Callable[[str, BaseException], None]
Loaded = tuple[Any, int, bool]
"""(stored part or None when absent / unusable, its version, whether it was migrated)."""


@dataclass(frozen=True)
class Sync:
    """The storage side of one persistor."""

    storage: Storage
    envelope: Envelope
    include: Sequence[str] | None
    exclude: Sequence[str]
    ttl_s: float | None
    debounce_s: float
    report: Report
    recovered: Callable[[str], None]
    """Told the stored key when a write succeeds after failures."""

    # -- reading ---------------------------------------------------------------------------

    def load(self, book: Book, state: Any) -> Loaded | None:
        """The stored copy opened for ``state``; None when the read itself failed."""
        try:
            found = self.storage.get_versioned(book.key)
        except Exception as exc:
            book.note_failure()  # a read that fails blocks writing
            if not book.blocked:
                self.report(
                    f'reading key "{book.key}" failed ({exc}); starting from the state in '
                    "memory, and nothing is written to that key until a read succeeds (retried "
                    "on each change); the stored copy is left where it is",
                    exc,
                )
            return None
        if found is None:
            return None, 0, False
        try:
            part, migrated = self.envelope.opened(found.value, state, self.include)
        except Exception as exc:
            problem = f'stored key "{book.key}" could not be loaded ({type(exc).__name__}: {exc})'
            aside = self.keep_aside(book.key, found.value, "corrupt", problem)
            if aside is None:
                book.note_failure()  # the only copy is under the key: block writing, like a
                return None  # failed read, until a later change copies it aside
            self.report(
                f"{problem}; starting from the state in memory. The stored copy is kept under "
                f'"{aside}"',
                exc,
            )
            return None, found.version, False
        return part, found.version, migrated

    def keep_aside(self, key: str, raw: str, why: str, problem: str) -> str | None:
        """Copy ``raw`` to ``<key>.<why>.<time>`` and return that key; None (reported, with
        ``problem``, the reason for the copy) when the copy could not be written.

        The copy lives as long as a write of the key would (``ttl=``): it holds the same
        owner's data, which the app promised to keep no longer than that.
        """
        aside = f"{key}.{why}.{time.time_ns()}"
        try:
            self.storage.set(aside, raw, ttl_s=self.ttl_s)
        except Exception as exc:  # the original key is still untouched: say so
            self.report(
                f"{problem}, and copying it aside failed ({exc}); it is left as it is, and "
                "nothing is written to that key until a later change copies it aside",
                exc,
            )
            return None
        return aside

    # -- writing ---------------------------------------------------------------------------

    def committed(self, book: Book) -> None:
        """A dispatch committed: write now, or start the debounce timer."""
        if self.debounce_s <= 0:
            self.sync(book)
            return
        if book.timer is not None:
            # A pending timer writes the newest committed state when it fires (it reads the
            # state after clearing book.timer), so this commit is covered: no lock to take.
            return
        with book.lock:
            if book.timer is None:
                book.timer = threading.Timer(self.debounce_s, self._timer_fired, args=(book,))
                book.timer.daemon = True
                book.timer.start()

    def _timer_fired(self, book: Book) -> None:
        with book.lock:
            book.timer = None
        _timer.book = book
        try:
            self.sync(book)
        finally:
            _timer.book = None

    def flush(self, book: Book) -> None:
        with book.lock:
            timer, book.timer = book.timer, None
        if timer is not None:
            timer.cancel()
        self.sync(book)

    def sync(self, book: Book) -> None:
        """Make storage hold the store's committed state; one writer per store at a time."""
        if book.writer == threading.get_ident():
            return  # our own rebase committed: the loop below writes it
        with book.write_lock:
            book.writer = threading.get_ident()
            try:
                for attempt in range(MAX_ATTEMPTS):
                    if self._synced_once(book):
                        return
                    _back_off(attempt)
                self.report(
                    f'key "{book.key}" changed under this store {MAX_ATTEMPTS} times in a row; '
                    "this change is in memory and is retried on the next one",
                    PersistError("too many compare-and-set conflicts"),
                )
            finally:
                book.writer = None

    def _synced_once(self, book: Book) -> bool:
        """One attempt; True when done (written, unchanged, or reported), False to retry."""
        if book.forgotten:
            return True  # its owner asked to be forgotten: storing this state would undo that
        state = book.api.get_state()
        if book.blocked:
            return self._unblocked(book, state)
        part = persisted_part(state, self.include, self.exclude)
        if book.last_part is not NOTHING and part == book.last_part:
            book.mark_synced(state)  # the stored copy holds it already
            self._stored_again(book)
            return True
        try:
            body = self.envelope.sealed(part)
            version = self.storage.compare_and_set(
                book.key, body, version=book.version, ttl_s=self.ttl_s
            )
        except Exception as exc:
            book.note_failure()
            self.report(
                f'writing key "{book.key}" failed ({exc}); the state in memory is fine and '
                "the previous stored copy is intact; the next change retries",
                exc,
            )
            return True
        if version is None:
            return self._conflicted(book, state, part)
        book.version, book.last_part = version, part
        book.mark_synced(state)
        self._stored_again(book)
        return True

    def _stored_again(self, book: Book) -> None:
        """The stored copy holds the state: if reads or writes had failed, say it is over."""
        if book.failing:
            book.failing = False
            self.recovered(book.key)

    def _unblocked(self, book: Book, state: Any) -> bool:
        loaded = self.load(book, state)
        if loaded is None:
            return True
        book.blocked = False
        stored, book.version, _ = loaded
        if stored is not None:
            self.rebase(book, stored, persisted_part(state, self.include, self.exclude))
        return False

    def _conflicted(self, book: Book, state: Any, mine: Any) -> bool:
        """Another writer came first: read its copy and re-apply our actions onto it."""
        loaded = self.load(book, state)
        if loaded is None:
            book.blocked = True
            return True
        stored, book.version, _ = loaded
        if stored is not None:
            book.last_part = stored
            self.rebase(book, stored, mine)
        return False

    def rebase(self, book: Book, stored: Any, mine: Any) -> None:
        """Dispatch the rebasing REHYDRATE; keep ``mine`` aside if it cannot be re-applied."""
        book.unrebased = None
        meta = pmap({"key": book.key, "version": self.envelope.version, "rebase": True})
        book.api.dispatch(Action(REHYDRATE, stored, meta))
        if book.unrebased is None:
            return
        problem = f'key "{book.key}" was changed by another writer'
        try:
            kept = self.keep_aside(book.key, self.envelope.sealed(mine), "conflict", problem)
            aside = f'"{kept}"' if kept is not None else "nowhere (copying it aside failed)"
        except Exception as exc:  # ours has no JSON form: it cannot be stored at all
            aside = f"nowhere ({exc})"
        self.report(
            f'key "{book.key}" was changed by another writer and this store\'s changes could '
            f"not be re-applied onto it ({book.unrebased}); the stored copy was adopted and "
            f"this store's version is kept under {aside}",
            PersistError(book.unrebased),
        )


def timer_book() -> Book | None:
    """The book whose debounced write this thread is doing (None off a timer thread).

    Its failures reach no session where they happen, so the reporter notes them in the store.
    """
    book: Book | None = getattr(_timer, "book", None)
    return book


def _back_off(attempt: int) -> None:
    """Wait a random moment after a lost race, longer each time, so no writer starves.

    Without it, a writer whose rebase is slower than another's whole write loop can lose every
    race (measured: 100 conflicts in a row between two processes on Redis). The cap allows the
    retries about 10 s in all: with a 50 ms cap, a loaded machine still saw a writer lose every
    race while another process wrote 500 times in a tight loop.
    """
    if attempt:
        time.sleep(random.uniform(0, min(0.2, 0.0005 * 2**attempt)))
