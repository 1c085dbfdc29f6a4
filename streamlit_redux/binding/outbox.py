"""Waiting, on a script thread, until what the session's run queued is on its way to the browser.

Streamlit's runtime loop takes a session's queued messages in one batch
(``AppSession.flush_browser_queue``), writes them one by one, then calls
``AppSession.on_flushed_messages_sent``. Some of a run's messages are queued by the event loop
itself (the run's end, handled there after the script thread announces it). An
:class:`Outbox` counts the batches taken and sent, and first lets the event loop handle what was
scheduled before the wait began.
"""

from __future__ import annotations

import threading
import time
import weakref
from typing import Any

from streamlit_redux.binding import runtime

_outboxes: weakref.WeakValueDictionary[str, Outbox] = weakref.WeakValueDictionary()
_attach_lock = threading.Lock()


class Outbox:
    """Counts one session's message batches: taken for sending, and sent."""

    def __init__(self, queue: Any, loop: Any) -> None:
        self._queue = queue
        self._loop = loop
        self._taken = 0
        self._sent = 0

    def all_sent(self) -> bool:
        """True when nothing is queued and every batch taken has been written."""
        return self._queue.is_empty() and self._sent == self._taken

    def wait_sent(self, timeout_s: float, *, poll_s: float = 0.001) -> bool:
        """Wait until the event loop has handled what was scheduled so far and every queued
        message is written; False when ``timeout_s`` passed first (a slow or gone browser)."""
        deadline = time.monotonic() + timeout_s
        handled = threading.Event()
        try:
            self._loop.call_soon_threadsafe(handled.set)
        except RuntimeError:  # the loop is closed: the server is stopping
            return False
        if not handled.wait(timeout_s):
            return False
        while not self.all_sent():
            if time.monotonic() >= deadline:
                return False
            time.sleep(poll_s)
        return True

    def _attach(self, session: Any) -> None:
        # The wrappers live on the session and reach it weakly: no reference cycle, so a
        # session Streamlit drops is freed at once, as without them.
        cls, session_ref = type(session), weakref.ref(session)
        take, taken_sent = cls.flush_browser_queue, cls.on_flushed_messages_sent

        def flush_browser_queue() -> Any:
            messages = take(session_ref())
            if messages:
                self._taken += 1
            return messages

        def on_flushed_messages_sent() -> None:
            self._sent = self._taken
            taken_sent(session_ref())

        session.flush_browser_queue = flush_browser_queue
        session.on_flushed_messages_sent = on_flushed_messages_sent


def _internals_present(session: Any) -> bool:
    """A real AppSession (AppTest's runtime hands out mocks) with what the outbox reads."""
    from streamlit.runtime.app_session import AppSession

    return (
        isinstance(session, AppSession)
        and hasattr(AppSession, "flush_browser_queue")
        and hasattr(AppSession, "on_flushed_messages_sent")
        and hasattr(session, "_browser_queue")
        and hasattr(session, "_event_loop")
    )


def outbox_of(session_id: str) -> Outbox | None:
    """The outbox of a session, attached on first use; None outside a running server."""
    outbox = _outboxes.get(session_id)
    if outbox is not None:
        return outbox
    session = runtime.app_session(session_id)
    if session is None or not _internals_present(session):
        return None
    with _attach_lock:
        outbox = _outboxes.get(session_id)
        if outbox is None:
            outbox = Outbox(session._browser_queue, session._event_loop)
            outbox._attach(session)
            _outboxes[session_id] = outbox
    return outbox


def attached_outbox(session_id: str) -> Outbox | None:
    """The session's outbox if one was attached (never attaches)."""
    return _outboxes.get(session_id)
