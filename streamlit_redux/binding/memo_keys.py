"""Memo keys that survive Streamlit reruns for selectors recreated on every run.

A script defines its inline lambdas and ``create_selector(...)`` calls anew on each run, so the
objects differ; their code and what that code can see do not. Keying the store's memo on those
keeps an expensive selector from recomputing when nothing it depends on changed.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Hashable
from typing import Any

from streamlit_redux.store.selectors import Selector


def stable_key(selector: Callable[[Any], Any], depth: int = 0) -> Hashable:
    """A memo key that survives reruns for functions recreated each run (inline lambdas).

    The key is the code plus every value the code can see besides the state: closure cells,
    defaults and the globals it names (unhashable values by identity, functions by their own
    key). A selector built inline with ``create_selector`` is keyed by its parts' keys.
    """
    if isinstance(selector, Selector):
        parts = tuple(stable_key(p, depth) for p in (*selector.dependencies, selector.result_func))
        return None if None in parts else ("streamlit_redux:selector", parts)
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
    return ("streamlit_redux:code", code, tuple(_part_key(v, depth) for v in values))


_MAX_KEY_DEPTH = 3


class _Identity:
    """Stands for an unhashable value in a memo key: equal only to the very same object."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value  # a strong reference, so the id is not reused while the key lives

    def __hash__(self) -> int:
        return id(self.value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Identity) and other.value is self.value


def _part_key(value: Any, depth: int) -> Hashable:
    if inspect.isfunction(value):
        return stable_key(value, depth + 1) or _Identity(value)
    if isinstance(value, tuple):
        return tuple(_part_key(item, depth) for item in value)
    try:
        hash(value)
    except TypeError:
        return _Identity(value)
    return value  # type: ignore[no-any-return]
