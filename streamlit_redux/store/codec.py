"""pyrsistent values <-> JSON text, for persistence and devtools export. Never pickle.

Maps with only string keys become JSON objects and vectors become arrays; sets and maps with
other keys are tagged (``{"__pset__": [...]}``, ``{"__pmap__": [[k, v], ...]}``) so they come
back as they were. Hooks handle custom types:

>>> from pyrsistent import freeze
>>> text = dumps_state(freeze({"todos": [{"title": "milk", "done": False}]}))
>>> loads_state(text) == freeze({"todos": [{"title": "milk", "done": False}]})
True
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping, Set
from typing import Any

from pyrsistent import PSet, PVector, pmap, pset, pvector

from streamlit_redux.store.errors import StreamlitReduxError

__all__ = ["SerializationError", "dumps_state", "from_json_value", "loads_state", "to_json_value"]

_TAGS = ("__pmap__", "__pset__")


class SerializationError(StreamlitReduxError, ValueError):
    """A value cannot be written as JSON (or read back); the message names its path."""


Encoder = Callable[[Any], Any]
Decoder = Callable[[Mapping[str, Any]], Any]


def to_json_value(value: Any, *, encoder_hook: Encoder | None = None, path: str = "") -> Any:
    """Return plain JSON data (dict, list, str, int, float, bool, None) for ``value``."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise SerializationError(
                f"{_where(path)} holds {value!r}, which JSON cannot store; use None or a string."
            )
        return value
    if isinstance(value, Mapping):
        return _map_to_json(value, encoder_hook, path)
    if isinstance(value, (PVector, list, tuple)):
        return [
            to_json_value(v, encoder_hook=encoder_hook, path=f"{path}[{i}]")
            for i, v in enumerate(value)
        ]
    if isinstance(value, (PSet, Set)):
        items = [to_json_value(v, encoder_hook=encoder_hook, path=f"{path}{{}}") for v in value]
        return {"__pset__": sorted(items, key=json.dumps)}
    if encoder_hook is not None:
        return to_json_value(encoder_hook(value), path=path)
    raise SerializationError(
        f"{_where(path)} holds a {type(value).__name__} ({value!r:.60}), which has no JSON form; "
        "store plain data (str, numbers, bool, None, maps, vectors, sets), or pass "
        "encoder_hook=/decoder_hook= to convert it."
    )


def _map_to_json(value: Mapping[Any, Any], hook: Encoder | None, path: str) -> Any:
    if all(isinstance(k, str) for k in value) and not any(k in _TAGS for k in value):
        return {
            k: to_json_value(v, encoder_hook=hook, path=_join(path, k)) for k, v in value.items()
        }
    pairs = [
        [
            to_json_value(k, encoder_hook=hook, path=f"{path}<key>"),
            to_json_value(v, encoder_hook=hook, path=_join(path, str(k))),
        ]
        for k, v in value.items()
    ]
    return {"__pmap__": pairs}


def dumps_state(state: Any, *, encoder_hook: Encoder | None = None) -> str:
    """The state as JSON text (compact, keys in order)."""
    return json.dumps(to_json_value(state, encoder_hook=encoder_hook), separators=(",", ":"))


def loads_state(text: str, *, decoder_hook: Decoder | None = None) -> Any:
    """The pyrsistent value for JSON ``text`` written by :func:`dumps_state`.

    ``decoder_hook(obj)`` sees every JSON object first; return it unchanged to keep the default.
    """
    try:
        data = json.loads(text)
    except (TypeError, ValueError) as exc:
        raise SerializationError(
            f"Stored state is not valid JSON ({exc}); it was probably cut off or edited by hand."
        ) from exc
    return from_json_value(data, decoder_hook=decoder_hook)


def from_json_value(data: Any, *, decoder_hook: Decoder | None = None) -> Any:
    """The pyrsistent value for plain JSON data (the inverse of :func:`to_json_value`)."""
    return _from_json(data, decoder_hook)


def _from_json(data: Any, hook: Decoder | None) -> Any:
    if isinstance(data, list):
        return pvector(_from_json(v, hook) for v in data)
    if not isinstance(data, dict):
        return data
    if hook is not None:
        converted = hook(data)
        if converted is not data:
            return converted
    if set(data) == {"__pset__"}:
        return pset(_from_json(v, hook) for v in data["__pset__"])
    if set(data) == {"__pmap__"}:
        return pmap({_from_json(k, hook): _from_json(v, hook) for k, v in data["__pmap__"]})
    return pmap({k: _from_json(v, hook) for k, v in data.items()})


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _where(path: str) -> str:
    return f'State path "{path}"' if path else "The state"
