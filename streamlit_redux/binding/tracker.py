"""Which part of the page read what: the data behind minimal, never-stale reruns.

Each scope (the app body, ``"app"``, or a fragment key) records the selections it made during
its last run. After a callback's dispatches, re-evaluating those selections on the new state
tells exactly which scopes show data that changed.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from pyrsistent import thaw

APP = "app"


@dataclass
class _Selection:
    selector: Callable[[Any], Any]
    key: Hashable
    value: Any
    shown: Callable[[], Any] | None = None  # for bound widgets: the value the widget holds now

    def changed(self, new: Any) -> bool:
        if self.shown is not None:
            # A widget that already holds the new value (the user just typed it) is not stale.
            return not _same(thaw(new), self.shown())
        return not _same(new, self.value)


@dataclass
class _Scope:
    selections: dict[object, _Selection] = field(default_factory=dict)


class SelectionTracker:
    """Per-store record of the selections each scope made in its latest run."""

    def __init__(self) -> None:
        self._scopes: dict[str, _Scope] = {}
        self._lock = threading.Lock()
        self._current = threading.local()

    @property
    def current_scope(self) -> str | None:
        """The scope running on this thread, or None (callbacks, other threads)."""
        stack: list[str] = getattr(self._current, "stack", [])
        return stack[-1] if stack else None

    def begin_app_run(self) -> None:
        """A full run starts: forget every scope (fragments re-register as they render)."""
        with self._lock:
            self._scopes = {APP: _Scope()}
        self._current.stack = [APP]

    @contextmanager
    def scope(self, name: str) -> Iterator[None]:
        """Record selections made inside the block under ``name`` (a fragment's key)."""
        with self._lock:
            self._scopes[name] = _Scope()
        stack: list[str] = getattr(self._current, "stack", [])
        self._current.stack = [*stack, name]
        try:
            yield
        finally:
            self._current.stack = stack

    def record(
        self,
        selector: Callable[[Any], Any],
        key: Hashable,
        value: Any,
        *,
        shown: Callable[[], Any] | None = None,
    ) -> None:
        """Note that the current scope read ``value`` through ``selector``.

        ``shown`` returns what a bound widget holds now; the scope is stale only if it differs.
        """
        name = self.current_scope
        if name is None:
            return
        with self._lock:
            scope = self._scopes.setdefault(name, _Scope())
            scope.selections[key if key is not None else id(selector)] = _Selection(
                selector, key, value, shown
            )

    def changed_scopes(self, select: Callable[[Callable[[Any], Any], Hashable], Any]) -> list[str]:
        """The scopes whose recorded selections now select something else."""
        with self._lock:
            scopes = list(self._scopes.items())
        return [
            name
            for name, scope in scopes
            if any(s.changed(select(s.selector, s.key)) for s in scope.selections.values())
        ]

    def scopes(self) -> list[str]:
        """The scopes rendered since the last full run."""
        with self._lock:
            return list(self._scopes)


def _same(new: Any, old: Any) -> bool:
    if new is old:
        return True
    try:
        return bool(new == old)
    except Exception:  # values without a usable ==, e.g. numpy arrays: treat as changed
        return False
