"""pyrsistent values as plain JSON data for display (st.json, diff tables); never raises.

Export and import use the store's codec (``streamlit_redux.store.codec``), which round-trips
sets and non-string keys; display only needs something readable, so a value JSON cannot hold
shows as its ``repr``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Set
from typing import Any

from pyrsistent import PClass, PVector

from streamlit_redux.store.actions import Action

JSONValue = Any


def to_display_value(value: Any) -> JSONValue:
    """``value`` as plain JSON data (dict, list, str, int, float, bool, None)."""
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
            key if isinstance(key, str) else repr(key): to_display_value(item)
            for key, item in value.items()
        }
    if isinstance(value, (list, tuple, PVector)):
        return [to_display_value(item) for item in value]
    if isinstance(value, Set):
        return [to_display_value(item) for item in sorted(value, key=repr)]
    return repr(value)


def action_to_display(action: Action) -> dict[str, JSONValue]:
    """An action as ``{"type", "payload", "meta", "error"}``."""
    return {
        "type": action.type,
        "payload": to_display_value(action.payload),
        "meta": to_display_value(action.meta),
        "error": action.error,
    }
