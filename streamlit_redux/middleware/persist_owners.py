"""The open stores of each owner in this process, so that ``forget`` reaches them too.

Deleting an owner's stored copies is not enough while a session of that owner is open: its
store still holds the data in memory, and its next write (a change, a debounced timer, the
flush when the session ends) would store it again. So every persisted store registers its
bookkeeping under its owner id, and ``forget`` first marks each open one forgotten (under the
lock its writes hold, so no write is in flight across the mark), then deletes. A forgotten
store never writes again; the session keeps what it shows until it ends, and a reload starts
empty and persists as usual.

A store that opens reads its owner's copy after the owner's other open stores of that key have
written what a debounce still holds (``open_books``), so a reload starts from the last change.

Only stores of this process are reached: with several server replicas, call ``forget`` on
each (or end the sessions) as well.
"""

from __future__ import annotations

import re
import threading
import weakref

from streamlit_redux.middleware.persist_book import Book
from streamlit_redux.storage.base import Storage

_lock = threading.Lock()
_open: dict[str, weakref.WeakSet[Book]] = {}


def register(book: Book, owner: str) -> None:
    """Note that ``book`` (one store's copy) belongs to ``owner``; harmless to repeat."""
    with _lock:
        for emptied in [name for name, books in _open.items() if not books]:
            del _open[emptied]  # owners whose stores all ended
        _open.setdefault(owner, weakref.WeakSet()).add(book)


def open_books(owner: str) -> list[Book]:
    """The bookkeeping of ``owner``'s open stores in this process (every key)."""
    with _lock:
        return list(_open.get(owner, ()))


def forget(storage: Storage, owner: str) -> int:
    """Delete everything stored for ``owner`` (every key and scope, and copies kept aside).

    The "forget me" of a browser or a user; returns how many stored keys were deleted. The
    open sessions of that owner in this process stop writing, so none of them stores the data
    again.

    >>> from streamlit_redux.storage import MemoryStorage
    >>> storage = MemoryStorage()
    >>> storage.set("draft:browser:ab12", "{}"); storage.set("draft:browser:cd34", "{}")
    >>> forget(storage, "ab12"), storage.keys()
    (1, ['draft:browser:cd34'])
    """
    for book in open_books(owner):
        with book.write_lock:  # waits for a write in flight; later ones see the mark
            book.forgotten = True
    mine = re.compile(rf":(?:browser|user):{re.escape(owner)}(?:\.|$)")
    stored = storage.keys()
    doomed = [key for key in stored if mine.search(key)]
    for key in doomed:
        storage.delete(key)
    return len(doomed)
