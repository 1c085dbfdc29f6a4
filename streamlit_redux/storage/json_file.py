"""One JSON file holding every key: written atomically (temp file, fsync, rename).

A process killed in the middle of a write leaves either the old file or the new one, never a
half-written file. A file that is not valid JSON is never overwritten: it is moved aside first.
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
import time
from pathlib import Path

from streamlit_redux.storage.base import StorageError


class JSONFileStorage:
    """Keys and string values in one JSON object, in the file at ``path``.

    >>> import tempfile, os
    >>> storage = JSONFileStorage(os.path.join(tempfile.mkdtemp(), "state.json"))
    >>> storage.set("k", "v"); storage.get("k")
    'v'
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()

    def get(self, key: str) -> str | None:
        with self._lock:
            return self._read().get(key)

    def set(self, key: str, value: str) -> None:
        with self._lock:
            values = self._read_or_set_aside()
            values[key] = value
            self._write(values, key)

    def delete(self, key: str) -> None:
        with self._lock:
            values = self._read_or_set_aside()
            if values.pop(key, None) is not None:
                self._write(values, key)

    def _read(self) -> dict[str, str]:
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
        except ValueError as exc:
            raise StorageError(
                f'JSONFileStorage file "{self.path}" is not valid JSON ({exc}); it is kept as it '
                "is and will be moved aside (…corrupt-<time>) before the next write."
            ) from exc
        if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
            raise StorageError(
                f'JSONFileStorage file "{self.path}" does not hold a map of strings; it was '
                "written by something else. Point JSONFileStorage at its own file."
            )
        return data

    def _read_or_set_aside(self) -> dict[str, str]:
        try:
            return self._read()
        except StorageError:
            if not self.path.exists():
                raise
            aside = self.path.with_name(f"{self.path.name}.corrupt-{time.time_ns()}")
            os.replace(self.path, aside)
            return {}

    def _write(self, values: dict[str, str], key: str) -> None:
        directory = self.path.parent
        try:
            directory.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(prefix=f".{self.path.name}.", dir=directory)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    json.dump(values, handle)
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
