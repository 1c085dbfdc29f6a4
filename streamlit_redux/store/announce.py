"""What a store tells the world after a transaction: signals first, then listeners, once.

Redux's notification rules, in one place: listeners hear only about committed states (never a
rolled-back one), after the lock is released (so a listener in one session cannot stall another
session's dispatch to a shared store, and may dispatch again), and not at all when the state
object did not change. A failed dispatch is announced once, however many nested dispatches its
error passes through. The store calls these; nothing else should.
"""

from __future__ import annotations

import contextlib
import logging
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
_log = logging.getLogger("streamlit_redux")


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
    keeps devtools from logging it twice. Not for ``KeyboardInterrupt`` and kin. A receiver
    that raises is logged and noted on the error: it never replaces the dispatch's own error,
    and the receivers after it still hear of the failure.
    """
    if getattr(exc, "_streamlit_redux_reported", False) or not isinstance(exc, Exception):
        return
    with contextlib.suppress(AttributeError):
        exc._streamlit_redux_reported = True  # type: ignore[attr-defined]
    if not _dispatch_failed.receivers or _dispatch_failed.is_muted:
        return
    for receiver in _dispatch_failed.receivers_for(store):
        try:
            receiver(store, action=action, error=exc)
        except Exception as hook_error:  # the dispatch's own error must reach its caller
            name = getattr(receiver, "__qualname__", repr(receiver))
            _log.exception("dispatch_failed receiver %s raised; the dispatch error stands", name)
            exc.add_note(
                f"The dispatch_failed receiver {name} raised {type(hook_error).__name__}: "
                f"{hook_error} (logged by the streamlit_redux logger); fix that receiver."
            )
