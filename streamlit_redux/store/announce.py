"""What a store tells the world after a transaction: signals first, then listeners, once.

Redux's notification rules, in one place: listeners hear only about committed states (never a
rolled-back one), after the lock is released (so a listener in one session cannot stall another
session's dispatch to a shared store, and may dispatch again), and not at all when the state
object did not change. A failed dispatch is announced once, however many nested dispatches its
error passes through. The store calls these; nothing else should.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from streamlit_redux.store import signals
from streamlit_redux.store.actions import Action
from streamlit_redux.store.reducers import unchanged

Listener = Callable[[Any], None]
Reduced = tuple[Action, Any, Any, float]
"""One reducer step of a transaction, kept only while someone listens to ``action_dispatched``:
(action, previous_state, state, duration_s)."""

_action_dispatched = signals.action_dispatched
_state_changed = signals.state_changed
_dispatch_failed = signals.dispatch_failed


def announce_commit(
    store: object,
    previous: Any,
    state: Any,
    reduced: list[Reduced],
    listeners: tuple[tuple[object, Listener], ...],
    *,
    changes_heard: bool,
) -> None:
    """Send ``action_dispatched`` per reducer step, then ``state_changed`` (when
    ``changes_heard``: the store knows whether anyone listens to it), then call listeners.

    >>> seen = []
    >>> announce_commit(None, 1, 2, [], ((object(), seen.append),), changes_heard=False)
    >>> seen
    [2]
    """
    for action, before, after, duration_s in reduced:
        _action_dispatched.send(
            store, action=action, previous_state=before, state=after, duration_s=duration_s
        )
    if unchanged(state, previous):
        return
    if changes_heard:
        _state_changed.send(store, previous_state=previous, state=state)
    for _, listener in listeners:
        listener(state)


def announce_failure(store: object, action: Any, exc: BaseException) -> None:
    """Send ``dispatch_failed`` once per failure, however many dispatches it unwinds.

    A nested dispatch's error passes through every enclosing dispatch; a mark on the exception
    keeps devtools from logging it twice. Not for ``KeyboardInterrupt`` and kin.
    """
    if getattr(exc, "_streamlit_redux_reported", False) or not isinstance(exc, Exception):
        return
    with contextlib.suppress(AttributeError):
        exc._streamlit_redux_reported = True  # type: ignore[attr-defined]
    if _dispatch_failed.receivers:
        _dispatch_failed.send(store, action=action, error=exc)
