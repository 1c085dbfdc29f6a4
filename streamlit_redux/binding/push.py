"""Pushed reruns: rerun a session whose shown data changed without a click from it.

A change may come from another session, a background thread, or land while this session's own
script is between a ``select`` and its recording. Streamlit can only be asked to rerun a
session from its event loop, and a request that arrives while a run is under way would stop
that run and restart it from an older client state (a click lost). So a push waits until the
session is idle, and then reruns only the scopes that have not run again since the change:
a run that started after the change already shows it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from streamlit_redux.binding import runtime
from streamlit_redux.binding.reruns import APP, RerunDecision

PUSH_REASON = "another session or thread changed the data"


class Pusher:
    """One session's pending pushed rerun, for one view.

    ``note_run(scope)`` is called whenever a scope starts a run; ``push(changed)`` asks for a
    rerun of the ``changed`` scopes once the session is idle. Pushes that arrive while one is
    pending merge into it, so a burst of changes costs one rerun.
    """

    def __init__(
        self,
        session_id: str,
        *,
        fragment_keys: Callable[[], Mapping[str, str]],
        decided: Callable[[RerunDecision], None],
    ) -> None:
        self._session_id = session_id
        self._fragment_keys = fragment_keys
        self._decided = decided
        self._runs: dict[str, int] = {}
        self._pending: dict[str, int] = {}  # scope -> its run count when the change was seen
        self._lock = threading.Lock()

    def note_run(self, scope: str) -> None:
        """A scope starts a run: it will read the state as it is from now on."""
        with self._lock:
            self._runs[scope] = self._runs.get(scope, 0) + 1

    def push(self, changed: Iterable[str]) -> None:
        """Rerun the ``changed`` scopes once the session is idle (unless they ran meanwhile)."""
        with self._lock:
            scheduled = bool(self._pending)
            for scope in changed:
                self._pending.setdefault(scope, self._runs.get(scope, 0))
            if scheduled or not self._pending:
                return
        if not runtime.when_session_idle(self._session_id, self._rerun_stale_scopes):
            with self._lock:
                self._pending = {}  # the session is gone: nothing to rerun

    def _rerun_stale_scopes(self, session: Any) -> None:
        """On the session's event loop, with no script running: rerun what is still stale."""
        with self._lock:
            pending, self._pending = self._pending, {}
            stale = {scope for scope, seen in pending.items() if self._runs.get(scope, 0) == seen}
        if not stale:
            return
        fragment_keys = self._fragment_keys()
        ids = [fragment_id for fragment_id, scope in fragment_keys.items() if scope in stale]
        # One request names one fragment, and two in a row can preempt each other's run (seen
        # in Chromium: one of two columns stayed stale), so a change shown by several
        # fragments reruns the app once instead.
        if APP in stale or not stale <= set(fragment_keys.values()) or len(stale) > 1:
            decision = RerunDecision("app", (APP,), PUSH_REASON)
            runtime.rerun_idle_session(session, None)
        else:
            decision = RerunDecision("fragments", tuple(sorted(stale)), PUSH_REASON)
            runtime.rerun_idle_session(session, ids)
        self._decided(decision)
