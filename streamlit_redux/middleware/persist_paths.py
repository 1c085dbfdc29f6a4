"""Which part of the state is persisted (include / exclude dotted paths) and how it merges back."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pyrsistent import PMap, pmap

_ABSENT: Any = object()


def _split(path: str) -> tuple[str, ...]:
    return tuple(path.split("."))


def get_path(state: Any, path: str) -> Any:
    """The value at dotted ``path`` in nested maps, or a marker object when it is absent."""
    current = state
    for part in _split(path):
        if not isinstance(current, PMap) or part not in current:
            return _ABSENT
        current = current[part]
    return current


def set_path(state: Any, path: str, value: Any) -> Any:
    """``state`` with ``value`` at dotted ``path`` (missing maps on the way are created)."""
    head, *rest = _split(path)
    current = state if isinstance(state, PMap) else pmap()
    if not rest:
        return current.set(head, value)
    return current.set(head, set_path(current.get(head), ".".join(rest), value))


def remove_path(state: Any, path: str) -> Any:
    head, *rest = _split(path)
    if not isinstance(state, PMap) or head not in state:
        return state
    if not rest:
        return state.discard(head)
    return state.set(head, remove_path(state[head], ".".join(rest)))


def persisted_part(state: Any, include: Sequence[str] | None, exclude: Sequence[str]) -> Any:
    """What gets written: the included paths (as ``{path: value}``), or the state minus excluded."""
    if include is not None:
        values = ((path, get_path(state, path)) for path in include)
        return pmap({path: value for path, value in values if value is not _ABSENT})
    for path in exclude:
        state = remove_path(state, path)
    return state


def merged(state: Any, stored: Any, include: Sequence[str] | None) -> Any:
    """The state with the stored part put back (maps merge key by key, the rest is replaced)."""
    if include is not None:
        for path, value in stored.items():
            state = set_path(state, path, value)
        return state
    return _deep_merge(state, stored)


def _deep_merge(current: Any, stored: Any) -> Any:
    if isinstance(current, PMap) and isinstance(stored, PMap):
        return current.update({k: _deep_merge(current.get(k), v) for k, v in stored.items()})
    return stored
