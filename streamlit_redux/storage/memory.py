"""In-memory storage: for tests, and for state that should outlive reruns but not the process."""

from __future__ import annotations

import threading


class MemoryStorage:
    """A thread-safe dict of strings.

    >>> storage = MemoryStorage()
    >>> storage.set("k", "v"); storage.get("k")
    'v'
    """

    def __init__(self) -> None:
        self._values: dict[str, str] = {}
        self._lock = threading.Lock()

    def get(self, key: str) -> str | None:
        with self._lock:
            return self._values.get(key)

    def set(self, key: str, value: str) -> None:
        with self._lock:
            self._values[key] = value

    def delete(self, key: str) -> None:
        with self._lock:
            self._values.pop(key, None)

    def stored_keys(self) -> list[str]:
        """Every stored key (for tests and recovery tools)."""
        with self._lock:
            return sorted(self._values)
