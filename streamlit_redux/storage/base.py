"""What every persistence backend implements: string values under string keys."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from streamlit_redux.store.errors import StreamlitReduxError


@runtime_checkable
class Storage(Protocol):
    """A key-value store of strings: ``get`` (None when absent), ``set``, ``delete``."""

    def get(self, key: str) -> str | None: ...

    def set(self, key: str, value: str) -> None: ...

    def delete(self, key: str) -> None: ...


class StorageError(StreamlitReduxError, OSError):
    """A backend could not read or write; the message names the backend, the key and the fix."""
