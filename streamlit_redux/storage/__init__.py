"""Persistence backends for the ``persist`` middleware: strings under string keys."""

from streamlit_redux.storage.base import Storage, Versioned
from streamlit_redux.storage.json_file import JSONFileStorage
from streamlit_redux.storage.memory import MemoryStorage
from streamlit_redux.storage.redis import RedisStorage
from streamlit_redux.storage.sqlite import SQLiteStorage
from streamlit_redux.store.errors import StorageError

__all__ = [
    "JSONFileStorage",
    "MemoryStorage",
    "RedisStorage",
    "SQLiteStorage",
    "Storage",
    "StorageError",
    "Versioned",
]
