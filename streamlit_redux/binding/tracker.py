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

from streamlit_redux.binding.reruns import APP


@dataclass
class _Selection:
    selector: Callable[[Any], Any]
    key: Hashable
    value: Any
    holds: Callable[[Any], bool] | None = None  # bound widgets: does it hold this value now?

    def changed(self, new: Any) -> bool:
        if not _same(new, self.value):
            # The scope used the old value (a bound widget's return value counts): it is stale,
            # even when the widget itself already shows the new value.
            return True
        # The store kept its value but the widget shows another (a reducer refused or
        # normalised the input): rerun so the widget is re-seeded from the store.
        return self.holds is not None and not self.holds(new)


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
        holds: Callable[[Any], bool] | None = None,
    ) -> None:
        """Note that the current scope read ``value`` through ``selector``.

        ``holds`` (bound widgets) tells whether the widget holds a given store value now.
        """
        name = self.current_scope
        if name is None:
            return
        with self._lock:
            scope = self._scopes.setdefault(name, _Scope())
            scope.selections[key if key is not None else id(selector)] = _Selection(
                selector, key, value, holds
            )

    def changed_scopes(self, select: Callable[[Callable[[Any], Any], Hashable], Any]) -> list[str]:
        """The scopes whose recorded selections now select something else."""
        with self._lock:
            scopes = list(self._scopes.items())
        return [
            name
            for name, scope in scopes
            if any(_changed(s, select) for s in scope.selections.values())
        ]


def _changed(
    selection: _Selection, select: Callable[[Callable[[Any], Any], Hashable], Any]
) -> bool:
    try:
        new = select(selection.selector, selection.key)
    except Exception:
        # The selection no longer applies to the new state (React-Redux's "zombie child": a
        # fragment reading row 3 of a list whose row 3 was just removed). Its scope reruns:
        # the run draws it from the new state, or no longer draws it, and a selector that
        # still fails then raises there, in the user's own code.
        return True
    return selection.changed(new)


def _same(new: Any, old: Any) -> bool:
    if new is old:
        return True
    try:
        return bool(new == old)
    except Exception:  # values without a usable ==, e.g. numpy arrays: treat as changed
        return False
