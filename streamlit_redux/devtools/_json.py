"""pyrsistent <-> JSON for the devtools (display and export); a private, minimal codec.

Export is strict: a value JSON cannot hold raises an error naming its path. Display is
lenient: such values show as their ``repr``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Set
from typing import Any, NoReturn

from pyrsistent import PClass, PVector, freeze

from streamlit_redux.devtools.errors import SessionExportError
from streamlit_redux.store.actions import Action

JSONValue = Any


def to_json_value(value: Any, *, strict: bool, path: str = "state") -> JSONValue:
    """``value`` as plain JSON data (dict, list, str, int, float, bool, None)."""
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        if math.isfinite(value) or not strict:
            return value if math.isfinite(value) else repr(value)
        _refuse(value, path, "JSON has no NaN or infinity")
    if isinstance(value, Action):
        return action_to_json(value, strict=strict, path=path)
    if isinstance(value, PClass):
        value = dict(value.serialize())
    if isinstance(value, Mapping):
        return {
            _json_key(key, strict=strict, path=path): to_json_value(
                item, strict=strict, path=f"{path}.{key}"
            )
            for key, item in value.items()
        }
    if isinstance(value, (list, tuple, PVector)):
        return [to_json_value(v, strict=strict, path=f"{path}[{i}]") for i, v in enumerate(value)]
    if isinstance(value, Set):
        return [
            to_json_value(v, strict=strict, path=f"{path}{{}}") for v in sorted(value, key=repr)
        ]
    if strict:
        _refuse(value, path, "JSON cannot hold it")
    return repr(value)


def action_to_json(action: Action, *, strict: bool, path: str = "action") -> dict[str, JSONValue]:
    """An action as ``{"type", "payload", "meta", "error"}``."""
    return {
        "type": action.type,
        "payload": to_json_value(action.payload, strict=strict, path=f"{path}.payload"),
        "meta": to_json_value(action.meta, strict=strict, path=f"{path}.meta"),
        "error": action.error,
    }


def from_json_value(value: JSONValue) -> Any:
    """JSON data as pyrsistent values (objects become PMaps, arrays PVectors)."""
    return freeze(value)


def _json_key(key: Any, *, strict: bool, path: str) -> str:
    if isinstance(key, str):
        return key
    if strict:
        _refuse(key, f"{path} (a key)", "JSON object keys must be strings")
    return repr(key)


def _refuse(value: Any, path: str, why: str) -> NoReturn:
    raise SessionExportError(
        f"Cannot export {path}: it holds {type(value).__name__} {value!r:.60}, and {why}. "
        "Keep the state and actions JSON-friendly (pyrsistent maps, vectors, str, numbers, "
        "bool, None), or pass a state_sanitizer / action_sanitizer that converts it."
    )
