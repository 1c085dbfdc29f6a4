"""Redis storage, for apps that run on several servers: every replica reads the same keys.

Each key is a Redis hash with the fields ``value`` and ``version``. ``compare_and_set`` is one
Lua script, which Redis runs atomically: no other command runs between its version check and
its write, on any replica. Expiry is Redis's own (``PEXPIRE``): expired keys vanish by
themselves, so ``purge_expired`` has nothing to do.

Needs the ``redis`` client (``pip install redis``); it is imported and connected lazily.
"""

from __future__ import annotations

import re
from typing import Any

from streamlit_redux.storage.base import Versioned, expiry
from streamlit_redux.store.errors import StorageError

# KEYS[1]: the key. ARGV: value, expected version, ttl in ms ("" for none), "1" to skip the check.
_WRITE = """
local stored = tonumber(redis.call('HGET', KEYS[1], 'version') or '0')
if ARGV[4] ~= '1' and stored ~= tonumber(ARGV[2]) then return -1 end
redis.call('HSET', KEYS[1], 'value', ARGV[1], 'version', stored + 1)
if ARGV[3] ~= '' then redis.call('PEXPIRE', KEYS[1], ARGV[3])
else redis.call('PERSIST', KEYS[1]) end
return stored + 1
"""


class RedisStorage:
    """Keys and values in Redis at ``url``, under ``prefix`` (default ``streamlit_redux:``).

    >>> storage = RedisStorage("redis://127.0.0.1:6379/0")  # connects on first use
    """

    def __init__(self, url: str, *, prefix: str = "streamlit_redux:") -> None:
        self.url = url
        self.prefix = prefix
        self._client: Any = None
        self._script: Any = None

    def _redis(self) -> Any:
        if self._client is None:
            try:
                import redis
            except ImportError as exc:
                raise StorageError(
                    "RedisStorage needs the redis client; install it with `pip install redis`."
                ) from exc
            self._client = redis.Redis.from_url(self.url, decode_responses=True)
            self._script = self._client.register_script(_WRITE)
        return self._client

    def _call(self, what: str, key: str, run: Any) -> Any:
        try:
            return run(self._redis())
        except StorageError:
            raise
        except Exception as exc:  # redis raises its own hierarchy (ConnectionError, ...)
            raise StorageError(
                f'RedisStorage could not {what} key "{key}" at {self.url} '
                f"({type(exc).__name__}: {exc}); check that redis-server runs there."
            ) from exc

    def close(self) -> None:
        """Close the connections to Redis (the next call connects again), like
        ``SQLiteStorage.close``: a storage that goes out of use leaves no socket open."""
        client, self._client, self._script = self._client, None, None
        if client is not None:
            client.close()

    def get(self, key: str) -> str | None:
        found = self.get_versioned(key)
        return None if found is None else found.value

    def get_versioned(self, key: str) -> Versioned | None:
        value, version = self._call(
            "get", key, lambda r: r.hmget(self.prefix + key, "value", "version")
        )
        if value is None and version is not None:
            # Not "absent": a write would need version 0 and lose every race against it.
            raise StorageError(
                f'RedisStorage found key "{key}" at {self.url} with a version ({version}) but no '
                "value; it was not written by RedisStorage, or was edited: delete it "
                f"(DEL {self.prefix}{key}) or restore its value."
            )
        return None if value is None else Versioned(str(value), int(version))

    def set(self, key: str, value: str, *, ttl_s: float | None = None) -> None:
        self._write(key, value, version=0, ttl_s=ttl_s, check=False)

    def compare_and_set(
        self, key: str, value: str, *, version: int, ttl_s: float | None = None
    ) -> int | None:
        return self._write(key, value, version=version, ttl_s=ttl_s, check=True)

    def _write(
        self, key: str, value: str, *, version: int, ttl_s: float | None, check: bool
    ) -> int | None:
        expiry(ttl_s)  # refuses a bad ttl the same way every backend does
        ttl_ms = "" if ttl_s is None else str(max(1, round(ttl_s * 1000)))
        args = [value, str(version), ttl_ms, "1" if not check else "0"]
        self._redis()
        result = int(
            self._call("set", key, lambda r: self._script(keys=[self.prefix + key], args=args))
        )
        return None if result < 0 else result

    def delete(self, key: str) -> None:
        self._call("delete", key, lambda r: r.delete(self.prefix + key))

    def keys(self, prefix: str = "") -> list[str]:
        """The keys starting with ``prefix``, sorted (a SCAN: no server-wide block)."""
        pattern = _glob_escape(self.prefix + prefix) + "*"
        found = self._call("scan", f"{prefix}*", lambda r: list(r.scan_iter(match=pattern)))
        return sorted(str(k)[len(self.prefix) :] for k in found)

    def delete_prefix(self, prefix: str) -> int:
        keys = [self.prefix + k for k in self.keys(prefix)]
        if not keys:
            return 0
        return int(self._call("delete", f"{prefix}*", lambda r: r.delete(*keys)))

    def purge_expired(self) -> int:
        """Nothing to do: Redis deletes expired keys itself."""
        return 0


def _glob_escape(text: str) -> str:
    return re.sub(r"([*?\[\]\\])", r"\\\1", text)
