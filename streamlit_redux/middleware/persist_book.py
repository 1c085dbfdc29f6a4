"""What a persist middleware keeps per store: the sync point with storage and a journal.

When another writer changed the stored copy first (a failed compare-and-set), the store
rebases: it re-applies the actions that led from the sync point (the state last stored) to the
present state onto the stored copy. The journal keeps exactly what that needs, and no state a
rebase would not use (a debounced store may run thousands of dispatches between two writes):

- ``log``: the actions of the committed states since the sync point, each with the identity of
  the state it made (to trim the log up to the state a write stored), and ``head``, the last
  committed state;
- ``pending``: the reducer steps (previous state, action, next state) of the transaction in
  progress, in order. As a state commits (inside the store's lock, so commits come one at a
  time and in order), the walk from it back to ``head`` gives the steps that made it; steps of
  rolled-back dispatches lie on dead branches, off that walk, and are dropped with the rest of
  ``pending``. Usually that walk is the last step alone, read without a walk.

The journal changes only under the store's lock, so a commit takes no lock of its own: a
write, done on another thread, posts the state it stored (``mark_synced``) and the store's
thread folds it in at the next commit or rebase.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from streamlit_redux.store.actions import Action

REHYDRATE = "@@streamlit_redux/REHYDRATE"
"""The action that merges a stored copy into the state (``meta``: key, version, rebase)."""
REHYDRATIONS_SLOT = "streamlit_redux:persist:rehydrations"
"""The ``store.kept`` slot listing the REHYDRATEs of the store's creation, each as (state
before, action, state after): devtools attach after the store exists, and show them from here."""
FAILURES_SLOT = "streamlit_redux:persist:failures"
"""The ``store.kept`` slot of a store's :class:`Failures` (read by the binding's alerts)."""
NOTHING: Any = object()
"""``last_part`` before anything was read or written."""
JOURNAL_LIMIT = 1000
"""The most actions the journal keeps while writes fail (a storage outage): a failed write
that finds more has the journal dropped, so an outage cannot grow memory without end; a
conflict after that keeps this store's copy aside instead of re-applying its actions."""


@dataclass(eq=False)
class Book:
    """Per-store bookkeeping, kept in the store (``api.resource``) so it survives reruns."""

    key: str = ""
    rehydrated: bool = False
    opened: bool = False
    """The stored copy was read and merged (or found absent): the state is this store's own
    from here, so another store of its owner may flush it before reading (``persist``)."""
    version: int = 0
    owner: str | None = None
    """The browser / user id the stored key belongs to (None: scope "app" or a plain key)."""
    forgotten: bool = False
    """``forget`` deleted this owner's data: never write again (set under ``write_lock``)."""
    blocked: bool = False
    """The read failed: nothing is written until a read succeeds (it is retried on change)."""
    synced: Any = None
    """The state that matched the stored copy at ``version`` (the rebase starts here)."""
    last_part: Any = NOTHING
    unrebased: str | None = None
    head: Any = None
    """The last committed state the journal knows (the sync point until the next commit)."""
    log: list[tuple[Action, int]] | None = field(default_factory=list)
    """(action, id of the state it made) from ``synced`` to ``head``; None: the path is lost."""
    stored: Any = None
    """The state the newest write stored, posted by the writer (``mark_synced``) for the
    store's thread to fold into ``synced`` and ``log``."""
    stored_seen: Any = None
    """The ``stored`` already folded in: another one is news."""
    failing: bool = False
    """A read or write of this key failed and no write has succeeded since."""
    overflowing: bool = False
    """Posted by a failed write that found more than ``JOURNAL_LIMIT`` actions in ``log``."""
    lost: str | None = None
    """Why ``log`` is None, when a rebase has to say it (it outgrew ``JOURNAL_LIMIT``)."""
    pending: list[tuple[Any, Action, Any]] = field(default_factory=list)
    """Emptied in place, never replaced: the persist reducer wrapper appends to this list."""
    api: Any = None
    timer: threading.Timer | None = None
    writer: int | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)
    write_lock: threading.RLock = field(default_factory=threading.RLock)
    flush: Callable[[], None] | None = None
    """Writes a debounced change now (set by the persistor that installed this book)."""
    start_timer: Callable[[Book], None] | None = None
    """Called by a commit when no debounce timer is pending (set by a debounced persistor)."""

    def close(self) -> None:
        """``Store.close()``: the session ended, so write what a debounce still holds."""
        if self.flush is not None:
            self.flush()

    def record(self, previous: Any, action: Action, state: Any) -> None:
        """Note one reducer step of the transaction in progress (the store's lock is held)."""
        if state is not previous:
            self.pending.append((previous, action, state))

    def committed(self, state: Any) -> None:
        """``state`` committed (called inside the store's lock): move its steps to the log, and
        start the debounce timer unless one is pending."""
        if self.stored is not self.stored_seen or self.overflowing:
            self._settle()
        pending = self.pending
        step = pending[-1] if pending else None
        log = self.log
        if step is not None and step[2] is state and step[0] is self.head and log is not None:
            log.append((step[1], id(state)))  # the usual commit: one step from the head
            self.head = state
        else:
            self._fold(pending, state)
        pending.clear()  # emptied in place: no new list per commit (only this thread holds it)
        if self.timer is None and self.start_timer is not None:
            self.start_timer(self)

    def _fold(self, pending: list[tuple[Any, Action, Any]], state: Any) -> None:
        if state is self.head:
            return
        steps = _walk(pending, state, self.head)
        if steps is None or self.log is None:
            self.log = None
        else:
            self.log.extend((action, id(after)) for _, action, after in steps)
        self.head = state

    def start_at(self, state: Any) -> None:
        """``state`` is the sync point and the present: an empty journal from there (the
        store's lock is held; a write posted before is superseded)."""
        self.stored_seen = self.stored
        self.synced = self.head = state
        self.log, self.lost = [], None

    def actions_since_sync(self, state: Any) -> list[Action] | None:
        """The actions that led from ``synced`` to ``state``, or None when no path is known.

        ``state`` is the present state inside a transaction: the log up to ``head``, then the
        transaction's own steps. Called inside the store's lock; ``synced`` is up to date after.
        """
        if self.stored is not self.stored_seen or self.overflowing:
            self._settle()
        steps = _walk(self.pending, state, self.head)
        if steps is None or self.log is None:
            return None
        return [action for action, _ in self.log] + [action for _, action, _ in steps]

    def mark_synced(self, state: Any) -> None:
        """``state`` is stored now: the log up to it goes (later actions are kept).

        Called by the writer, outside the store's lock: it only posts ``state`` (one attribute
        write, atomic); the store's thread folds it in under its lock, at the next commit or
        rebase, so a commit takes no lock of its own. Writes are serialized and each stores the
        newest committed state, so the newest post covers the ones it replaced.
        """
        self.stored = state

    def note_failure(self) -> None:
        """A read or write failed (called by the writer, outside the store's lock): if the
        journal has outgrown ``JOURNAL_LIMIT``, post that, and the store's thread drops it."""
        self.failing = True
        log = self.log
        if log is not None and len(log) > JOURNAL_LIMIT:
            self.overflowing = True

    def _settle(self) -> None:
        """Fold in what writers posted: the newest ``stored``, then an overflow (the store's
        lock is held)."""
        if self.stored is not self.stored_seen:
            self._fold_stored()
        if self.overflowing:
            self.overflowing = False
            if self.log is not None and len(self.log) > JOURNAL_LIMIT:  # not trimmed since
                self.log = None
                self.lost = (
                    f"more than {JOURNAL_LIMIT} actions were made while the stored copy could "
                    "not be written, and the journal of them was dropped"
                )

    def _fold_stored(self) -> None:
        """Fold the newest ``stored`` into ``synced`` and ``log``.

        ``stored`` is a committed state the writer has held since it committed, so no state
        made after it shares its ``id``: the newest log entry with that ``id`` is its own.
        """
        state = self.stored_seen = self.stored  # read once: a post after this is news next time
        if state is self.synced:
            return
        self.synced = state
        if state is self.head:
            self.log, self.lost = [], None
            return
        log = self.log
        if log is not None:
            key = id(state)
            for index in range(len(log) - 1, -1, -1):
                if log[index][1] == key:
                    del log[: index + 1]
                    return
        self.log = None

    def replayed(
        self, base: Any, actions: list[Action], reducer: Callable[[Any, Action], Any]
    ) -> Any:
        """``base`` with ``actions`` applied by ``reducer``, each step journaled."""
        state = base
        for action in actions:
            previous, state = state, reducer(state, action)
            self.record(previous, action, state)
        return state


def _walk(pending: list[tuple[Any, Action, Any]], state: Any, head: Any) -> list[Any] | None:
    """The steps in ``pending`` from ``head`` to ``state``, oldest first; None if none lead."""
    # By the next state's identity; a later step to the same object replaces an earlier one.
    made = {id(step[2]): step for step in pending}
    steps: list[Any] = []
    node = state
    for _ in range(len(made) + 1):
        if node is head:
            steps.reverse()
            return steps
        step = made.get(id(node))
        if step is None or step[2] is not node:
            return None
        steps.append(step)
        node = step[0]
    return None


class Failures:
    """Failures of a store's debounced writes, kept until the store's session next runs.

    A debounced write runs on a timer thread, where no session is listening: its failure is
    logged and signalled, and also noted here, so the next run of the session that owns the
    store can show it (``streamlit_redux.binding.alerts``). Bounded: the newest are kept. A
    later write that succeeds is noted too: the failures before it are over.
    """

    KEPT = 20

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._messages: list[str] = []
        self._recovered = False

    def add(self, message: str) -> None:
        with self._lock:
            self._messages = [*self._messages[-(self.KEPT - 1) :], message]

    def recover(self) -> None:
        """A write succeeded: the failures noted so far are over."""
        with self._lock:
            self._messages, self._recovered = [], True

    def drain(self) -> tuple[bool, list[str]]:
        """Whether a write succeeded after earlier failures, then the failures since (oldest
        first), not shown yet; both are gone from here after this."""
        with self._lock:
            recovered, messages = self._recovered, self._messages
            self._recovered, self._messages = False, []
        return recovered, messages
