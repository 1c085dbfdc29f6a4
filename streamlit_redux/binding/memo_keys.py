"""Memo keys that survive Streamlit reruns for selectors recreated on every run.

A script defines its inline lambdas and ``create_selector(...)`` calls anew on each run, so the
objects differ; their code and what that code can see do not. Keying the store's memo on those
keeps an expensive selector from recomputing when nothing it depends on changed.

Each key also names its *site*: the same parts with every value that only compares by identity
(a list, a DataFrame, anything unhashable) left out. Such a value is typically rebuilt on
every run (``st.cache_data`` returns a fresh copy), so its key changes every run; the store's
memo keeps one slot per site and replaces it, instead of keeping one entry per run forever.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Hashable
from typing import Any

from streamlit_redux.store.selectors import MemoKey, Selector

_MAX_KEY_DEPTH = 3
_BY_IDENTITY = "streamlit_redux:by-identity"
"""Stands for an identity-compared value in a site: any such value gives the same site."""

_Parts = tuple[Hashable, Hashable]  # (the key, its site)


def stable_key(selector: Callable[[Any], Any], depth: int = 0) -> MemoKey | None:
    """A memo key that survives reruns for functions recreated each run (inline lambdas).

    The key is the code plus every value the code can see besides the state: closure cells,
    defaults and the globals it names (unhashable values by identity, functions by their own
    key). A selector built inline with ``create_selector`` is keyed by its parts' keys.
    ``None`` when the selector is not a plain function (a callable object has no code to key on).

    >>> def make(n):
    ...     return lambda s: s[n]
    >>> stable_key(make(1)) == stable_key(make(1)), stable_key(make(1)) == stable_key(make(2))
    (True, False)
    """
    parts = _parts_of(selector, depth)
    return None if parts is None else MemoKey(parts[0], site=parts[1])


def _parts_of(selector: Callable[[Any], Any], depth: int) -> _Parts | None:
    if isinstance(selector, Selector):
        found = [_parts_of(p, depth) for p in (*selector.dependencies, selector.result_func)]
        known = [piece for piece in found if piece is not None]
        if len(known) < len(found):
            return None
        return (
            ("streamlit_redux:selector", tuple(key for key, _ in known)),
            ("streamlit_redux:selector", tuple(site for _, site in known)),
        )
    if not inspect.isfunction(selector) or depth > _MAX_KEY_DEPTH:
        return None
    code, seen = selector.__code__, selector.__globals__
    try:
        cells = tuple(cell.cell_contents for cell in selector.__closure__ or ())
    except ValueError:  # an empty cell: the closure is not complete yet
        return None
    values = (
        *cells,
        *(selector.__defaults__ or ()),
        *((name, seen[name]) for name in code.co_names if name in seen),
    )
    pieces = [_part(value, depth) for value in values]
    return (
        ("streamlit_redux:code", code, tuple(key for key, _ in pieces)),
        ("streamlit_redux:code", code, tuple(site for _, site in pieces)),
    )


class _Identity:
    """Stands for an unhashable value in a memo key: equal only to the very same object."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value  # a strong reference, so the id is not reused while the key lives

    def __hash__(self) -> int:
        return id(self.value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Identity) and other.value is self.value


def _part(value: Any, depth: int) -> _Parts:
    if inspect.isfunction(value):
        parts = _parts_of(value, depth + 1)
        return parts if parts is not None else (_Identity(value), _BY_IDENTITY)
    if isinstance(value, tuple):
        pieces = [_part(item, depth) for item in value]
        return tuple(key for key, _ in pieces), tuple(site for _, site in pieces)
    try:
        hash(value)
    except TypeError:
        return _Identity(value), _BY_IDENTITY
    return value, value
