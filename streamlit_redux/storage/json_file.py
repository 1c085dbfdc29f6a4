"""One JSON file holding every key: written atomically (temp file, fsync, rename), under a lock.

A process killed in the middle of a write leaves either the old file or the new one, never a
half-written file. A file that is not valid JSON is never overwritten: it is moved aside first.
Every write reads, changes and replaces the file while holding an exclusive ``fcntl.flock`` on
the sidecar ``<name>.lock``, so writers in several processes take turns and a
``compare_and_set`` cannot interleave with another write. Readers take no lock: the rename
makes each file they see whole.

The file is ``{"format": "streamlit_redux/2", "entries": {key: {"value", "version",
"expires_at"}}}``; a file of plain ``{key: value}`` strings (the first format) reads as
version 1 of each key.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from streamlit_redux.storage.base import Versioned, expiry, is_expired
from streamlit_redux.store.errors import StorageError

T = TypeVar("T")
_FORMAT = "streamlit_redux/2"
Entries = dict[str, dict[str, Any]]


class JSONFileStorage:
    """Keys and string values in one JSON file at ``path``.

    >>> import tempfile, os
    >>> storage = JSONFileStorage(os.path.join(tempfile.mkdtemp(), "state.json"))
    >>> storage.set("k", "v"); storage.get("k")
    'v'
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()

    def get(self, key: str) -> str | None:
        found = self.get_versioned(key)
        return None if found is None else found.value

    def get_versioned(self, key: str) -> Versioned | None:
        entry = self._read().get(key)
        if entry is None or is_expired(entry["expires_at"], time.time()):
            return None
        return Versioned(entry["value"], entry["version"])

    def set(self, key: str, value: str, *, ttl_s: float | None = None) -> None:
        expires_at = expiry(ttl_s)

        def change(entries: Entries) -> None:
            stored = entries.get(key, {}).get("version", 0)
            entries[key] = {"value": value, "version": stored + 1, "expires_at": expires_at}

        self._update(key, change)

    def compare_and_set(
        self, key: str, value: str, *, version: int, ttl_s: float | None = None
    ) -> int | None:
        expires_at = expiry(ttl_s)

        def change(entries: Entries) -> int | None:
            entry = entries.get(key)
            stored = 0 if entry is None else int(entry["version"])
            live = 0 if entry is None or is_expired(entry["expires_at"], time.time()) else stored
            if live != version:
                return None
            entries[key] = {"value": value, "version": stored + 1, "expires_at": expires_at}
            return stored + 1

        return self._update(key, change)

    def delete(self, key: str) -> None:
        self._update(key, lambda entries: entries.pop(key, None))

    def keys(self, prefix: str = "") -> list[str]:
        """The live keys starting with ``prefix``, sorted."""
        now = time.time()
        entries = self._read()
        return sorted(
            k
            for k, e in entries.items()
            if k.startswith(prefix) and not is_expired(e["expires_at"], now)
        )

    def delete_prefix(self, prefix: str) -> int:
        return self._remove(f"{prefix}*", lambda key, entry: key.startswith(prefix))

    def purge_expired(self) -> int:
        now = time.time()
        return self._remove("(expired)", lambda key, entry: is_expired(entry["expires_at"], now))

    def _remove(self, what: str, doomed: Callable[[str, dict[str, Any]], bool]) -> int:
        def change(entries: Entries) -> int:
            keys = [k for k, e in entries.items() if doomed(k, e)]
            for key in keys:
                del entries[key]
            return len(keys)

        return self._update(what, change)

    def _update(self, key: str, change: Callable[[Entries], T]) -> T:
        """Read, ``change`` in place and write back, holding the thread and the file lock."""
        with self._lock, self._file_lock(key):
            entries = self._read_or_set_aside()
            before = json.dumps(entries, sort_keys=True)
            result = change(entries)
            if json.dumps(entries, sort_keys=True) != before:
                self._write(entries, key)
            return result

    @contextlib.contextmanager
    def _file_lock(self, key: str) -> Iterator[None]:
        lock_path = self.path.with_name(f"{self.path.name}.lock")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle = open(lock_path, "a+b")  # noqa: SIM115 - held for the whole block
        except OSError as exc:
            raise StorageError(
                f'JSONFileStorage cannot create the lock file "{lock_path}" ({exc}); check that '
                f'"{self.path.parent}" is a folder this process can write to.'
            ) from exc
        with handle:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
            yield  # the lock goes with the file handle when it closes

    def _read(self) -> Entries:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {}
        except OSError as exc:
            raise StorageError(
                f'JSONFileStorage cannot read "{self.path}" ({exc}); check its permissions.'
            ) from exc
        try:
            data = json.loads(text)
        except (ValueError, RecursionError) as exc:  # RecursionError: hostile, deep nesting
            raise StorageError(
                f'JSONFileStorage file "{self.path}" is not valid JSON ({exc}); it is kept as it '
                "is and will be moved aside (…corrupt-<time>) before the next write."
            ) from exc
        return _entries(data, self.path)

    def _read_or_set_aside(self) -> Entries:
        try:
            return self._read()
        except StorageError:
            if not self.path.exists():
                raise
            aside = self.path.with_name(f"{self.path.name}.corrupt-{time.time_ns()}")
            os.replace(self.path, aside)
            return {}

    def _write(self, entries: Entries, key: str) -> None:
        directory = self.path.parent
        try:
            fd, temp = tempfile.mkstemp(prefix=f".{self.path.name}.", dir=directory)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    json.dump({"format": _FORMAT, "entries": entries}, handle)
                    handle.flush()
                    os.fsync(handle.fileno())
                os.replace(temp, self.path)
            except BaseException:
                Path(temp).unlink(missing_ok=True)
                raise
            _fsync_directory(directory)
        except OSError as exc:
            raise StorageError(
                f'JSONFileStorage could not write key "{key}" to "{self.path}" ({exc}); the '
                "previous file is intact. Check free space and permissions."
            ) from exc


def _entries(data: Any, path: Path) -> Entries:
    """The entries of either file format, or an error when the file is something else."""
    if isinstance(data, dict) and data.get("format") == _FORMAT:
        entries = data.get("entries")
        if isinstance(entries, dict) and all(_is_entry(e) for e in entries.values()):
            return entries
    elif isinstance(data, dict) and all(isinstance(v, str) for v in data.values()):
        return {k: {"value": v, "version": 1, "expires_at": None} for k, v in data.items()}
    raise StorageError(
        f'JSONFileStorage file "{path}" does not hold a map of strings; it was '
        "written by something else. Point JSONFileStorage at its own file."
    )


def _is_entry(entry: Any) -> bool:
    return (
        isinstance(entry, dict)
        and isinstance(entry.get("value"), str)
        and isinstance(entry.get("version"), int)
        and isinstance(entry.get("expires_at"), (int, float, type(None)))
    )


def _fsync_directory(directory: Path) -> None:
    """Make the rename itself durable (POSIX); a no-op where directories cannot be opened."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
