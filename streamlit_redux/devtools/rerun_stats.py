"""Reruns per scope and rerun decisions of one session's view, gathered from the binding's
signals (``scope_ran``, ``rerun_decided``): the devtools read what the binding publishes,
never the view's insides."""

from __future__ import annotations

import threading
import weakref
from collections import Counter, deque
from typing import Any

from streamlit_redux.binding.reruns import RerunDecision
from streamlit_redux.binding.view import StoreView
from streamlit_redux.store import signals

_by_view: weakref.WeakKeyDictionary[StoreView[Any], RerunStats] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


class RerunStats:
    """What one view ran and decided since the panel was first drawn for it."""

    def __init__(self, *, max_decisions: int = 200) -> None:
        self.scope_runs: Counter[str] = Counter()
        self.decisions: deque[RerunDecision] = deque(maxlen=max_decisions)

    def on_scope_ran(self, sender: StoreView[Any], *, scope: str) -> None:
        self.scope_runs[scope] += 1

    def on_rerun_decided(self, sender: StoreView[Any], *, decision: RerunDecision) -> None:
        self.decisions.append(decision)


def rerun_stats(view: StoreView[Any]) -> RerunStats:
    """The stats of ``view``, connected to its signals on first use (kept while it lives)."""
    with _lock:
        stats = _by_view.get(view)
        if stats is None:
            stats = _by_view[view] = RerunStats()
            signals.scope_ran.connect(stats.on_scope_ran, sender=view)
            signals.rerun_decided.connect(stats.on_rerun_decided, sender=view)
        return stats
