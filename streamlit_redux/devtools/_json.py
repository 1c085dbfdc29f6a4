"""pyrsistent values as plain JSON data for display (st.json, diff tables); never raises.

Export and import use the store's codec (``streamlit_redux.store.codec``), which round-trips
sets and non-string keys; display only needs something readable, so a value JSON cannot hold
shows as its ``repr``, and what lies deeper than :data:`MAX_DEPTH` levels shows as ``"…"``
(a state of any depth is displayed without exhausting the stack).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Set
from typing import Any

from pyrsistent import PClass, PVector

from streamlit_redux.store.actions import Action

JSONValue = Any
MAX_DEPTH = 100


def to_display_value(value: Any, *, depth: int = 0) -> JSONValue:
    """``value`` as plain JSON data (dict, list, str, int, float, bool, None)."""
    if depth > MAX_DEPTH:
        return "…"
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else repr(value)
    if isinstance(value, Action):
        return action_to_display(value)
    if isinstance(value, PClass):
        value = dict(value.serialize())
    if isinstance(value, Mapping):
        return {
            key if isinstance(key, str) else _label(key): to_display_value(item, depth=depth + 1)
            for key, item in value.items()
        }
    if isinstance(value, (list, tuple, PVector)):
        return [to_display_value(item, depth=depth + 1) for item in value]
    if isinstance(value, Set):
        items = [to_display_value(item, depth=depth + 1) for item in value]
        return sorted(items, key=repr)
    return _label(value)


def _label(value: Any) -> str:
    """A short repr of a key or leaf; a repr that fails or recurses too deep is named by type."""
    try:
        text = repr(value)
    except Exception:  # RecursionError included: a repr of a deep value
        return f"<{type(value).__name__}>"
    return text if len(text) <= 200 else text[:199] + "…"


def action_to_display(action: Action) -> dict[str, JSONValue]:
    """An action as ``{"type", "payload", "meta", "error"}``."""
    return {
        "type": action.type,
        "payload": to_display_value(action.payload),
        "meta": to_display_value(action.meta),
        "error": action.error,
    }
