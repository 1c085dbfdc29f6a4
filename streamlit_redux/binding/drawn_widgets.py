"""Which widgets the browser showed in the run before: a widget missing from a run was unmounted.

Streamlit normally forgets the value of a widget that a run did not draw, but not when that
run was stopped for a rerun: a file uploader hidden and shown again then comes back with its
old file on the server while the browser's new, empty widget has none, and the next click
anywhere reports the file as removed. Uploads cannot be re-seeded like other widgets, so the
upload binding asks here whether its widget is new in the browser and drops the stale value.

Runs are seen from the server: a run stopped by a click before it reached a widget counts as
not drawing it, although the browser keeps showing it (Streamlit clears what a run did not
draw only when the run completes). The upload then returns ``None`` for one run while the store
keeps its record; the next change reports the same file and dispatches nothing. That is the
cheaper mistake: the other one dispatched a removal the user never made.

>>> drawn = DrawnWidgets()
>>> drawn.full_run(); drawn.note("receipt", scope="app")   # first run: nothing known before
>>> drawn.full_run(); drawn.note("receipt", scope="app")   # drawn in the run before
True
>>> drawn.full_run()                                       # a run that hides it
>>> drawn.full_run(); drawn.note("receipt", scope="app")   # shown again: a new widget
False
"""

from __future__ import annotations

import threading


class DrawnWidgets:
    """The widget keys drawn in the latest run of their scope, and in the run before it.

    A full run redraws every scope; a fragment run redraws its own scope and keeps what the
    other scopes drew. A fragment hidden by a fragment around it is not tracked (its widgets
    count as still drawn): nested fragments are redrawn by their parent.
    """

    def __init__(self) -> None:
        self._before: dict[str, str] | None = None  # None: no run seen before this one
        self._now: dict[str, str] | None = None
        self._lock = threading.Lock()  # fragments of one run may run on several threads

    def full_run(self) -> None:
        """A run of the whole script starts."""
        with self._lock:
            self._before, self._now = self._now, {}

    def fragment_run(self, scope: str) -> None:
        """A run of the fragment ``scope`` alone starts."""
        with self._lock:
            drawn = self._now or {}
            self._before = None if self._now is None else dict(drawn)
            self._now = {key: owner for key, owner in drawn.items() if owner != scope}

    def note(self, key: str, *, scope: str) -> bool | None:
        """Note ``key`` drawn in this run by ``scope``; return whether the run before drew it
        too (``None`` on the first run seen, when nothing is known)."""
        with self._lock:
            if self._now is None:
                self._now = {}
            self._now[key] = scope
            return None if self._before is None else key in self._before
