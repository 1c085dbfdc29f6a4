"""In-memory storage: for tests, and for state that should outlive reruns but not the process."""

from __future__ import annotations

import threading
import time

from streamlit_redux.storage.base import Versioned, expiry, is_expired

# value, version, expires_at
_Entry = tuple[str, int, float | None]


class MemoryStorage:
    """A thread-safe dict of versioned strings.

    >>> storage = MemoryStorage()
    >>> storage.set("k", "v"); storage.get_versioned("k")
    Versioned(value='v', version=1)
    >>> storage.compare_and_set("k", "w", version=0) is None  # someone wrote since version 0
    True
    """

    def __init__(self) -> None:
        self._values: dict[str, _Entry] = {}
        self._lock = threading.Lock()

    def _live(self, key: str, now: float) -> _Entry | None:
        entry = self._values.get(key)
        return None if entry is None or is_expired(entry[2], now) else entry

    def get(self, key: str) -> str | None:
        found = self.get_versioned(key)
        return None if found is None else found.value

    def get_versioned(self, key: str) -> Versioned | None:
        with self._lock:
            entry = self._live(key, time.time())
        return None if entry is None else Versioned(entry[0], entry[1])

    def set(self, key: str, value: str, *, ttl_s: float | None = None) -> None:
        expires_at = expiry(ttl_s)
        with self._lock:
            previous = self._values.get(key)
            self._values[key] = (value, (previous[1] if previous else 0) + 1, expires_at)

    def compare_and_set(
        self, key: str, value: str, *, version: int, ttl_s: float | None = None
    ) -> int | None:
        expires_at = expiry(ttl_s)
        with self._lock:
            live = self._live(key, time.time())
            if (live[1] if live else 0) != version:
                return None
            previous = self._values.get(key)  # an expired entry still counts its versions
            new_version = (previous[1] if previous else 0) + 1
            self._values[key] = (value, new_version, expires_at)
            return new_version

    def delete(self, key: str) -> None:
        with self._lock:
            self._values.pop(key, None)

    def keys(self, prefix: str = "") -> list[str]:
        """The live keys starting with ``prefix``, sorted."""
        now = time.time()
        with self._lock:
            return sorted(k for k in self._values if k.startswith(prefix) and self._live(k, now))

    def stored_keys(self) -> list[str]:
        """Every live key (for tests and recovery tools)."""
        return self.keys()

    def delete_prefix(self, prefix: str) -> int:
        with self._lock:
            doomed = [k for k in self._values if k.startswith(prefix)]
            for key in doomed:
                del self._values[key]
        return len(doomed)

    def purge_expired(self) -> int:
        now = time.time()
        with self._lock:
            doomed = [k for k, entry in self._values.items() if is_expired(entry[2], now)]
            for key in doomed:
                del self._values[key]
        return len(doomed)
