"""Redis storage, for apps that run on several servers: every replica reads the same keys.

Needs the ``redis`` client (``pip install redis``); it is imported and connected lazily.
"""

from __future__ import annotations

from typing import Any

from streamlit_redux.storage.base import StorageError


class RedisStorage:
    """Keys and values in Redis at ``url``, under ``prefix`` (default ``streamlit_redux:``).

    >>> storage = RedisStorage("redis://127.0.0.1:6379/0")  # connects on first use
    """

    def __init__(self, url: str, *, prefix: str = "streamlit_redux:") -> None:
        self.url = url
        self.prefix = prefix
        self._client: Any = None

    def _redis(self) -> Any:
        if self._client is None:
            try:
                import redis
            except ImportError as exc:
                raise StorageError(
                    "RedisStorage needs the redis client; install it with `pip install redis`."
                ) from exc
            self._client = redis.Redis.from_url(self.url, decode_responses=True)
        return self._client

    def _call(self, what: str, key: str, *args: Any) -> Any:
        try:
            return getattr(self._redis(), what)(self.prefix + key, *args)
        except StorageError:
            raise
        except Exception as exc:  # redis raises its own hierarchy (ConnectionError, ...)
            raise StorageError(
                f'RedisStorage could not {what} key "{key}" at {self.url} '
                f"({type(exc).__name__}: {exc}); check that redis-server runs there."
            ) from exc

    def get(self, key: str) -> str | None:
        value = self._call("get", key)
        return None if value is None else str(value)

    def set(self, key: str, value: str) -> None:
        self._call("set", key, value)

    def delete(self, key: str) -> None:
        self._call("delete", key)
