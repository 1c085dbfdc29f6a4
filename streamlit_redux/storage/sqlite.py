"""SQLite storage, the default: keys, values and versions in one table, WAL, a transaction a write.

WAL with synchronous=NORMAL: a committed write survives the process being killed (tested with
SIGKILL); only a power cut may lose the latest writes. That is SQLite's recommended WAL setting.

``compare_and_set`` reads the version and writes in one ``BEGIN IMMEDIATE`` transaction, which
takes the database's write lock first: two processes cannot both see version n and both write.
Safe for many sessions (threads) and processes; the database opens lazily, on the first read
or write, never at import or construction. Tables made by older versions (no version or
expiry column) gain the columns on first use; their rows count as version 1.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from streamlit_redux.storage.base import Versioned, expiry, is_expired
from streamlit_redux.store.errors import StorageError

DEFAULT_PATH = ".streamlit_redux.db"
_TABLE = "streamlit_redux"
_COLUMNS = {"version": "INTEGER NOT NULL DEFAULT 1", "expires_at": "REAL"}


class SQLiteStorage:
    """Keys and values in the SQLite database at ``path`` (table ``streamlit_redux``).

    >>> import tempfile, os
    >>> storage = SQLiteStorage(os.path.join(tempfile.mkdtemp(), "state.db"))
    >>> storage.compare_and_set("k", "v", version=0), storage.get("k")
    (1, 'v')
    """

    def __init__(
        self, path: str | os.PathLike[str] = DEFAULT_PATH, *, timeout_s: float = 30.0
    ) -> None:
        self.path = Path(path)
        self._timeout_s = timeout_s
        self._local = threading.local()

    def _connection(self) -> sqlite3.Connection:
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                connection = self._open()
            except sqlite3.Error as exc:
                raise StorageError(
                    f'SQLiteStorage cannot open "{self.path}" ({exc}); check the path and its '
                    "permissions, or that the file is an SQLite database."
                ) from exc
            self._local.connection = connection
        return connection

    def _open(self) -> sqlite3.Connection:
        """Connect, switch to WAL and create the table, retrying "database is locked".

        Switching a new database to WAL needs it to itself, and SQLite answers "locked" at once
        there instead of waiting out ``timeout``: several sessions or replicas opening one new
        file together failed about one start in eight (six threads, measured).
        """
        deadline = time.monotonic() + self._timeout_s
        pause_s = 0.005
        while True:
            connection = sqlite3.connect(self.path, timeout=self._timeout_s, isolation_level=None)
            try:
                connection.execute("PRAGMA journal_mode=WAL")
                connection.execute("PRAGMA synchronous=NORMAL")
                _create_or_upgrade(connection)
                return connection
            except sqlite3.Error as exc:
                connection.close()
                locked = isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc)
                if not locked or time.monotonic() + pause_s > deadline:
                    raise
            time.sleep(pause_s)
            pause_s = min(pause_s * 2, 0.1)

    def get(self, key: str) -> str | None:
        found = self.get_versioned(key)
        return None if found is None else found.value

    def get_versioned(self, key: str) -> Versioned | None:
        try:
            row = (
                self._connection()
                .execute(f"SELECT value, version, expires_at FROM {_TABLE} WHERE key = ?", (key,))
                .fetchone()
            )
        except sqlite3.Error as exc:
            raise StorageError(
                f'SQLiteStorage could not read key "{key}" from "{self.path}" ({exc}); check that '
                "the file is readable and that only SQLiteStorage writes to it."
            ) from exc
        if row is None or is_expired(row[2], time.time()):
            return None
        return Versioned(str(row[0]), int(row[1]))

    def set(self, key: str, value: str, *, ttl_s: float | None = None) -> None:
        self._transaction(key, lambda c: _upsert(c, key, value, expiry(ttl_s), _version(c, key)))

    def compare_and_set(
        self, key: str, value: str, *, version: int, ttl_s: float | None = None
    ) -> int | None:
        expires_at = expiry(ttl_s)

        def write(connection: sqlite3.Connection) -> int | None:
            row = connection.execute(
                f"SELECT version, expires_at FROM {_TABLE} WHERE key = ?", (key,)
            ).fetchone()
            live = 0 if row is None or is_expired(row[1], time.time()) else int(row[0])
            if live != version:
                return None
            return _upsert(connection, key, value, expires_at, 0 if row is None else int(row[0]))

        result: int | None = self._transaction(key, write)
        return result

    def delete(self, key: str) -> None:
        self._execute(key, f"DELETE FROM {_TABLE} WHERE key = ?", (key,))

    def keys(self, prefix: str = "") -> list[str]:
        """The live keys starting with ``prefix``, sorted."""
        rows = self._connection().execute(
            f"SELECT key FROM {_TABLE} WHERE substr(key, 1, ?) = ? "
            "AND (expires_at IS NULL OR expires_at > ?) ORDER BY key",
            (len(prefix), prefix, time.time()),
        )
        return [str(row[0]) for row in rows]

    def delete_prefix(self, prefix: str) -> int:
        sql = f"DELETE FROM {_TABLE} WHERE substr(key, 1, ?) = ?"
        return self._execute(f"{prefix}*", sql, (len(prefix), prefix))

    def purge_expired(self) -> int:
        sql = f"DELETE FROM {_TABLE} WHERE expires_at IS NOT NULL AND expires_at <= ?"
        return self._execute("(expired)", sql, (time.time(),))

    def _execute(self, key: str, sql: str, params: Sequence[Any]) -> int:
        count: int = self._transaction(key, lambda c: c.execute(sql, params).rowcount)
        return count

    def _transaction(self, key: str, body: Any) -> Any:
        connection = self._connection()
        try:
            connection.execute("BEGIN IMMEDIATE")
            try:
                result = body(connection)
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            connection.execute("COMMIT")
        except sqlite3.Error as exc:
            raise StorageError(
                f'SQLiteStorage could not write key "{key}" to "{self.path}" ({exc}); the '
                "previous value is intact. Check free space, permissions and locks."
            ) from exc
        return result

    def close(self) -> None:
        """Close this thread's connection (others close when their threads end)."""
        connection = getattr(self._local, "connection", None)
        if connection is not None:
            connection.close()
            self._local.connection = None


def _create_or_upgrade(connection: sqlite3.Connection) -> None:
    connection.execute("BEGIN IMMEDIATE")  # two processes upgrading at once: one waits
    try:
        connection.execute(
            f"CREATE TABLE IF NOT EXISTS {_TABLE} (key TEXT PRIMARY KEY, value TEXT NOT NULL, "
            "version INTEGER NOT NULL DEFAULT 1, expires_at REAL)"
        )
        present = {row[1] for row in connection.execute(f"PRAGMA table_info({_TABLE})")}
        for name, declaration in _COLUMNS.items():
            if name not in present:
                connection.execute(f"ALTER TABLE {_TABLE} ADD COLUMN {name} {declaration}")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def _version(connection: sqlite3.Connection, key: str) -> int:
    row = connection.execute(f"SELECT version FROM {_TABLE} WHERE key = ?", (key,)).fetchone()
    return 0 if row is None else int(row[0])


def _upsert(
    connection: sqlite3.Connection, key: str, value: str, expires_at: float | None, stored: int
) -> int:
    """Write ``value`` as version ``stored + 1`` (an expired row still counts its versions)."""
    connection.execute(
        f"INSERT INTO {_TABLE} (key, value, version, expires_at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value, version = excluded.version, "
        "expires_at = excluded.expires_at",
        (key, value, stored + 1, expires_at),
    )
    return stored + 1
