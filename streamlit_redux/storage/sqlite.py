"""SQLite storage, the default: one table of keys and values, WAL, one transaction per write.

WAL with synchronous=NORMAL: a committed write survives the process being killed (tested with
SIGKILL); only a power cut may lose the latest writes. That is SQLite's recommended WAL setting.

Safe for many sessions (threads) writing different keys at once; the database opens lazily, on
the first read or write, never at import or construction.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path

from streamlit_redux.storage.base import StorageError

DEFAULT_PATH = ".streamlit_redux.db"


class SQLiteStorage:
    """Keys and values in the SQLite database at ``path`` (table ``streamlit_redux``).

    >>> import tempfile, os
    >>> storage = SQLiteStorage(os.path.join(tempfile.mkdtemp(), "state.db"))
    >>> storage.set("k", "v"); storage.get("k")
    'v'
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
                connection = sqlite3.connect(
                    self.path, timeout=self._timeout_s, isolation_level=None
                )
                connection.execute("PRAGMA journal_mode=WAL")
                connection.execute("PRAGMA synchronous=NORMAL")
                connection.execute(
                    "CREATE TABLE IF NOT EXISTS streamlit_redux "
                    "(key TEXT PRIMARY KEY, value TEXT NOT NULL)"
                )
            except sqlite3.Error as exc:
                raise StorageError(
                    f'SQLiteStorage cannot open "{self.path}" ({exc}); check the path and its '
                    "permissions, or that the file is an SQLite database."
                ) from exc
            self._local.connection = connection
        return connection

    def get(self, key: str) -> str | None:
        try:
            row = (
                self._connection()
                .execute("SELECT value FROM streamlit_redux WHERE key = ?", (key,))
                .fetchone()
            )
        except sqlite3.Error as exc:
            raise StorageError(
                f'SQLiteStorage could not read key "{key}" from "{self.path}" ({exc}).'
            ) from exc
        return None if row is None else str(row[0])

    def set(self, key: str, value: str) -> None:
        self._write(
            key,
            "INSERT INTO streamlit_redux (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def delete(self, key: str) -> None:
        self._write(key, "DELETE FROM streamlit_redux WHERE key = ?", (key,))

    def _write(self, key: str, sql: str, params: tuple[str, ...]) -> None:
        connection = self._connection()
        try:
            connection.execute("BEGIN IMMEDIATE")
            try:
                connection.execute(sql, params)
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            connection.execute("COMMIT")
        except sqlite3.Error as exc:
            raise StorageError(
                f'SQLiteStorage could not write key "{key}" to "{self.path}" ({exc}); the '
                "previous value is intact. Check free space, permissions and locks."
            ) from exc

    def close(self) -> None:
        """Close this thread's connection (others close when their threads end)."""
        connection = getattr(self._local, "connection", None)
        if connection is not None:
            connection.close()
            self._local.connection = None
