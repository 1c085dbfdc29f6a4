"""What every persistence backend implements: string values under string keys, with versions.

Each stored value carries a version that grows by one with every write. ``compare_and_set``
writes only if the version is still the one the writer read, so several writers of one key
(tabs, sessions, server replicas) notice each other instead of overwriting each other. A value
may expire (``ttl_s``): an expired value reads as absent, and ``purge_expired`` deletes it.
"""

from __future__ import annotations

import time
from typing import NamedTuple, Protocol, runtime_checkable

from streamlit_redux.store.errors import StorageError


class Versioned(NamedTuple):
    """A stored value and its version (1 for the first write, +1 for each later one)."""

    value: str
    version: int


@runtime_checkable
class Storage(Protocol):
    """A key-value store of versioned strings.

    ``get`` returns None when absent or expired; ``compare_and_set(key, value, version=n)``
    writes only if the key's version is still ``n`` (0: absent) and returns the new version,
    or None when another writer came first.
    """

    def get(self, key: str) -> str | None: ...

    def set(self, key: str, value: str, *, ttl_s: float | None = None) -> None: ...

    def delete(self, key: str) -> None: ...

    def get_versioned(self, key: str) -> Versioned | None: ...

    def compare_and_set(
        self, key: str, value: str, *, version: int, ttl_s: float | None = None
    ) -> int | None: ...

    def keys(self, prefix: str = "") -> list[str]: ...

    def delete_prefix(self, prefix: str) -> int: ...

    def purge_expired(self) -> int: ...


def expiry(ttl_s: float | None) -> float | None:
    """The wall-clock time (``time.time()``) when a value written now with ``ttl_s`` expires.

    Wall-clock, not monotonic: other processes sharing the file or database compare it too.
    """
    if ttl_s is None:
        return None
    if not ttl_s > 0:
        raise StorageError(f"ttl_s={ttl_s!r} is not a positive number of seconds; pass e.g. 3600.")
    return time.time() + ttl_s


def is_expired(expires_at: float | None, now: float) -> bool:
    return expires_at is not None and expires_at <= now
