"""What a persist middleware keeps per store: the sync point with storage and a journal.

The journal records each reducer step (previous state, action, next state) since the state was
last in sync with storage. When another writer changed the stored copy first (a failed
compare-and-set), the store rebases: it walks the journal from the sync point to the present
state, which gives exactly the actions that made it (steps of rolled-back dispatches lie on
dead branches and are not on that walk), and re-applies them onto the stored state.
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


@dataclass(eq=False)
class Book:
    """Per-store bookkeeping, kept in the store (``api.resource``) so it survives reruns."""

    key: str = ""
    rehydrated: bool = False
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
    journal: dict[int, tuple[Any, Action, Any]] = field(default_factory=dict)
    api: Any = None
    timer: threading.Timer | None = None
    writer: int | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)
    write_lock: threading.RLock = field(default_factory=threading.RLock)
    flush: Callable[[], None] | None = None
    """Writes a debounced change now (set by the persistor that installed this book)."""

    def close(self) -> None:
        """``Store.close()``: the session ended, so write what a debounce still holds."""
        if self.flush is not None:
            self.flush()

    def record(self, previous: Any, action: Action, state: Any) -> None:
        """Note one reducer step (keyed by the new state's identity, which it keeps alive)."""
        if state is not previous:
            with self.lock:
                self.journal[id(state)] = (previous, action, state)

    def actions_since_sync(self, state: Any) -> list[Action] | None:
        """The actions that led from ``synced`` to ``state``, or None when no path is known."""
        actions: list[Action] = []
        node = state
        with self.lock:
            for _ in range(len(self.journal) + 1):
                if node is self.synced:
                    actions.reverse()
                    return actions
                step = self.journal.get(id(node))
                if step is None or step[2] is not node:
                    return None
                node, action = step[0], step[1]
                actions.append(action)
        return None

    def mark_synced(self, state: Any) -> None:
        """``state`` is stored now: forget the journal up to it (later steps are kept)."""
        with self.lock:
            self.synced = state
            if id(state) not in self.journal:
                return
            keys = list(self.journal)
            for key in keys[: keys.index(id(state)) + 1]:
                del self.journal[key]

    def replayed(
        self, base: Any, actions: list[Action], reducer: Callable[[Any, Action], Any]
    ) -> Any:
        """``base`` with ``actions`` applied by ``reducer``, each step journaled."""
        state = base
        for action in actions:
            previous, state = state, reducer(state, action)
            self.record(previous, action, state)
        return state


class Failures:
    """Failures of a store's debounced writes, kept until the store's session next runs.

    A debounced write runs on a timer thread, where no session is listening: its failure is
    logged and signalled, and also noted here, so the next run of the session that owns the
    store can show it (``streamlit_redux.binding.alerts``). Bounded: the newest are kept.
    """

    KEPT = 20

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._messages: list[str] = []

    def add(self, message: str) -> None:
        with self._lock:
            self._messages = [*self._messages[-(self.KEPT - 1) :], message]

    def drain(self) -> list[str]:
        """The failures not shown yet, oldest first; they are gone from here after this."""
        with self._lock:
            messages, self._messages = self._messages, []
        return messages
