"""The end of a script run in a store's session: Streamlit's post-run collection, made cheap.

Streamlit 1.67 calls ``gc.collect(2)`` after every script run (``runner.postScriptGC``). It
walks every object of the process (about 90,000 on a pandas app, 50 to 80 ms on a shared
core) holding the GIL, so the run's last messages wait behind it, and a keyed rerun from a
callback pays it twice: once for the run it interrupts before the body starts, once for the
fragments. In the sessions of a store (only there) this module:

- skips the collection after a run that the store's own callback rerun interrupted before its
  body started (that run ran callbacks only; the next run's collection, a moment later,
  covers whatever they left);
- lets the run's messages out to the browser before collecting (a bounded wait), so the user
  sees the result while the collector works instead of after it.

Every other run, and every session without a store, is collected as Streamlit does.
``STREAMLIT_REDUX_RUN_END=streamlit`` keeps Streamlit's behaviour for every run.
"""

from __future__ import annotations

import gc
import inspect
import os
import threading
from typing import Any

from streamlit_redux.binding import runtime
from streamlit_redux.binding.outbox import attached_outbox, outbox_of

_SEND_WAIT_S = 0.05
"""At most this long for the run's messages to leave before collecting (a browser that reads
slowly must not hold the script thread)."""


_install_lock = threading.Lock()
_in_place: bool | None = None


def note_store_session(session_id: str) -> None:
    """A store's view lives in this session: its run ends send first, then collect."""
    if _install():
        outbox_of(session_id)


class _RunEndCollector:
    """Stands in for the ``gc`` module in Streamlit's script runner; only ``collect`` differs."""

    def __getattr__(self, name: str) -> Any:
        return getattr(gc, name)

    def collect(self, generation: int = 2) -> int:
        interrupted = runtime.library_rerun_ended_this_run()
        ctx = runtime.script_context()
        if ctx is None:
            return gc.collect(generation)
        if interrupted and not ctx.has_script_started:
            return 0
        outbox = attached_outbox(str(ctx.session_id))
        if outbox is not None:
            outbox.wait_sent(_SEND_WAIT_S)
        return gc.collect(generation)


def _runner_module() -> Any:
    """Streamlit's script runner module, when it collects at run end the way 1.67 does."""
    try:
        from streamlit.runtime.scriptrunner import script_runner
    except ImportError:
        return None
    try:
        source = inspect.getsource(script_runner.ScriptRunner._on_script_finished)
    except (OSError, TypeError, AttributeError):
        return None
    if getattr(script_runner, "gc", None) is not gc or "gc.collect(2)" not in source:
        return None
    return script_runner


def _install() -> bool:
    """Put the stand-in in place (once); whether it is in place."""
    global _in_place
    if os.environ.get("STREAMLIT_REDUX_RUN_END") == "streamlit":
        return False
    with _install_lock:
        if _in_place is None:
            module = _runner_module()
            if module is not None:
                module.gc = _RunEndCollector()
            _in_place = module is not None
        return _in_place
