"""pyrsistent values <-> JSON text, for persistence and devtools export. Never pickle.

Maps with only string keys become JSON objects and vectors become arrays. Everything else is
written as a one-key tagged object, so it comes back as it was:

==============================  ==========================================================
value                           JSON
==============================  ==========================================================
set (``PSet``, ``frozenset``)   ``{"__pset__": [...]}``
map with other keys             ``{"__pmap__": [[key, value], ...]}``
``tuple``                       ``{"__tuple__": [...]}`` (comes back a tuple, not a vector)
``date``                        ``{"__date__": "2026-11-24"}``
``time``                        ``{"__time__": "09:30:00"}`` (a UTC offset is kept)
``datetime``                    ``{"__datetime__": "2026-11-24T09:30:00+01:00[Europe/Paris]"}``
``Decimal``                     ``{"__decimal__": "12.50"}`` (finite only; exponent kept)
``UUID``                        ``{"__uuid__": "…"}``
==============================  ==========================================================

:data:`SCALAR_TYPES` and :func:`is_scalar` are the one definition of what the codec accepts,
shared with ``checks_middleware``. Both directions refuse data nested more than
:data:`MAX_DEPTH` JSON levels, so outside data can never exhaust Python's stack; every refusal
is a :class:`SerializationError`.

>>> from pyrsistent import freeze
>>> from datetime import date
>>> state = freeze({"todos": [{"title": "milk", "due": date(2026, 11, 24)}], "range": (1, 5)})
>>> loads_state(dumps_state(state)) == state
True
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping, Set
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pyrsistent import PSet, PVector, pmap, pset, pvector

from streamlit_redux.store.errors import StreamlitReduxError

__all__ = [
    "CONTAINER_TYPES",
    "MAX_DEPTH",
    "SCALAR_TYPES",
    "Decoder",
    "Encoder",
    "SerializationError",
    "dumps_state",
    "from_json_value",
    "is_scalar",
    "json_summary",
    "loads_state",
    "parse_json",
    "to_json_value",
]

MAX_DEPTH = 100
"""JSON nesting levels (objects and arrays, tags included) the codec writes or reads at most."""

MAX_INT_BITS = 14_000
"""Ints longer than this (about 4,200 digits) are refused: Python's JSON reader refuses them."""

SCALAR_TYPES: tuple[type, ...] = (str, int, float, bool, type(None), date, time, Decimal, UUID)
"""The leaf types the codec writes without a hook (``datetime`` is a ``date``)."""

CONTAINER_TYPES: tuple[type, ...] = (Mapping, PVector, list, tuple, PSet, Set)
"""The containers the codec writes: maps, vectors (and lists), tuples, sets."""

_PARSERS: dict[str, Callable[[str], Any]] = {
    "__date__": date.fromisoformat,
    "__time__": time.fromisoformat,
    "__datetime__": lambda text: _datetime_from(text),
    "__decimal__": lambda text: _decimal_from(text),
    "__uuid__": UUID,
}
_TAGS = frozenset({"__pmap__", "__pset__", "__tuple__", *_PARSERS})


class SerializationError(StreamlitReduxError, ValueError):
    """A value cannot be written as JSON (or read back); the message names its path."""


Encoder = Callable[[Any], Any]
"""``encoder_hook(value) -> data``: called with a value the codec has no form for; returns
data the codec can write (plain JSON, pyrsistent values, or the types above)."""

Decoder = Callable[[Mapping[str, Any]], Any]
"""``decoder_hook(obj) -> value``: sees every JSON object (a ``dict``) before the codec does;
return it unchanged (the same object) to keep the default reading."""


def is_scalar(value: Any) -> bool:
    """True for a leaf the codec writes as it is: JSON scalars (finite floats, ints up to
    :data:`MAX_INT_BITS`), ``date``, ``time``, ``datetime``, finite ``Decimal``, ``UUID``.

    >>> is_scalar(Decimal("1.5")), is_scalar(float("nan")), is_scalar([1])
    (True, False, False)
    """
    if not isinstance(value, SCALAR_TYPES):
        return False
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return value.bit_length() <= MAX_INT_BITS
    return not isinstance(value, Decimal) or value.is_finite()


def to_json_value(
    value: Any, *, encoder_hook: Encoder | None = None, path: str = "", max_depth: int = MAX_DEPTH
) -> Any:
    """Return plain JSON data (dict, list, str, int, float, bool, None) for ``value``.

    >>> to_json_value((1, Decimal("2.50")))
    {'__tuple__': [1, {'__decimal__': '2.50'}]}
    """
    return _Writer(encoder_hook, max_depth).write(value, path, 1)


class _Writer:
    def __init__(self, hook: Encoder | None, max_depth: int) -> None:
        self.hook, self.max_depth = hook, max_depth

    def write(self, value: Any, path: str, depth: int) -> Any:
        if value is None or isinstance(value, (bool, str)):
            return value
        if isinstance(value, (int, float)):
            if not is_scalar(value):
                raise SerializationError(_unstorable(value, path))
            return value
        if isinstance(value, (date, time, Decimal, UUID)):
            return self._tagged_scalar(value, path)
        if isinstance(value, CONTAINER_TYPES):
            return self._container(value, path, depth)
        if self.hook is not None:
            try:
                converted = self.hook(value)
            except Exception as exc:
                raise SerializationError(
                    f"{_where(path)}: encoder_hook raised {type(exc).__name__} ({exc}) for a "
                    f"{type(value).__name__}; make the hook return plain data for it."
                ) from exc
            return _Writer(None, self.max_depth).write(converted, path, depth)
        raise SerializationError(
            f"{_where(path)} holds a {type(value).__name__} ({value!r:.60}), which has no JSON "
            "form; store plain data (str, numbers, bool, None, dates, times, Decimal, UUID, "
            "maps, vectors, tuples, sets), or pass encoder_hook=/decoder_hook= to convert it."
        )

    def _tagged_scalar(self, value: Any, path: str) -> Any:
        if isinstance(value, Decimal):
            if not value.is_finite():
                raise SerializationError(_unstorable(value, path))
            return {"__decimal__": str(value)}
        if isinstance(value, UUID):
            return {"__uuid__": str(value)}
        tag = "__datetime__" if isinstance(value, datetime) else _temporal_tag(value)
        text = value.isoformat()
        zone = getattr(value, "tzinfo", None)
        if isinstance(value, datetime) and isinstance(zone, ZoneInfo) and zone.key:
            text += f"[{zone.key}]"
        return {tag: text}

    def _container(self, value: Any, path: str, depth: int) -> Any:
        plain_map = isinstance(value, Mapping) and _plain_keys(value)
        levels = 1 if plain_map or isinstance(value, (PVector, list)) else _tag_levels(value)
        if depth + levels - 1 > self.max_depth:
            raise SerializationError(_too_deep_to_write(path, self.max_depth))
        if isinstance(value, Mapping):
            if plain_map:
                return {k: self.write(v, _join(path, k), depth + 1) for k, v in value.items()}
            pairs = [
                [
                    self.write(k, f"{path}<key>", depth + 3),
                    self.write(v, _join(path, str(k)), depth + 3),
                ]
                for k, v in value.items()
            ]
            return {"__pmap__": pairs}
        if isinstance(value, tuple):
            items = [self.write(v, f"{path}[{i}]", depth + 2) for i, v in enumerate(value)]
            return {"__tuple__": items}
        if isinstance(value, (PVector, list)):
            return [self.write(v, f"{path}[{i}]", depth + 1) for i, v in enumerate(value)]
        items = [self.write(v, f"{path}{{}}", depth + 2) for v in value]
        return {"__pset__": sorted(items, key=json.dumps)}


def dumps_state(state: Any, *, encoder_hook: Encoder | None = None) -> str:
    """The state as JSON text (compact, keys in order)."""
    return json.dumps(to_json_value(state, encoder_hook=encoder_hook), separators=(",", ":"))


def loads_state(text: str, *, decoder_hook: Decoder | None = None) -> Any:
    """The pyrsistent value for JSON ``text`` written by :func:`dumps_state`.

    ``decoder_hook(obj)`` sees every JSON object first; return it unchanged to keep the default.
    """
    return from_json_value(parse_json(text), decoder_hook=decoder_hook)


def parse_json(text: str) -> Any:
    """Plain JSON data for ``text``, or :class:`SerializationError` (never ``RecursionError``).

    The first step of reading outside text; :func:`from_json_value` then applies the limits.

    >>> parse_json('{"version": 1}')
    {'version': 1}
    """
    try:
        return json.loads(text)
    except RecursionError as exc:
        raise SerializationError(_too_deep_to_read(MAX_DEPTH)) from exc
    except (TypeError, ValueError) as exc:
        raise SerializationError(
            f"Stored state is not valid JSON ({exc}); it was probably cut off or edited by hand."
        ) from exc


def from_json_value(
    data: Any, *, decoder_hook: Decoder | None = None, max_depth: int = MAX_DEPTH
) -> Any:
    """The pyrsistent value for plain JSON data (the inverse of :func:`to_json_value`).

    Malformed tags, non-finite numbers and data nested deeper than ``max_depth`` raise
    :class:`SerializationError`.

    >>> from_json_value({"__tuple__": [{"__date__": "2026-11-24"}, [1]]})
    (datetime.date(2026, 11, 24), pvector([1]))
    """
    return _Reader(decoder_hook, max_depth).read(data, 1)


class _Reader:
    def __init__(self, hook: Decoder | None, max_depth: int) -> None:
        self.hook, self.max_depth = hook, max_depth

    def read(self, data: Any, depth: int) -> Any:
        if isinstance(data, (list, dict)) and depth > self.max_depth:
            raise SerializationError(_too_deep_to_read(self.max_depth))
        if isinstance(data, list):
            return pvector([self.read(v, depth + 1) for v in data])
        if not isinstance(data, dict):
            if data is None or isinstance(data, str) or is_scalar(data):
                return data
            raise SerializationError(
                f"The JSON data holds {json_summary(data)}, which the codec does not read back "
                "(JSON has no NaN or infinity; ints stop at about 4,200 digits); store a string."
            )
        if self.hook is not None:
            converted = self._hooked(data)
            if converted is not data:
                return converted
        if len(data) == 1:
            ((tag, body),) = data.items()
            if tag in _TAGS:
                return self._tagged(tag, body, depth)
        elif not _plain_keys(data):
            # The writer never mixes a tag with other keys (it writes such a map as pairs),
            # so this was not written by the codec.
            tags = sorted(_TAGS.intersection(data))
            raise SerializationError(_malformed(tags[0], data, "a one-key object"))
        return pmap({k: self.read(v, depth + 1) for k, v in data.items()})

    def _hooked(self, data: dict[str, Any]) -> Any:
        try:
            return self.hook(data) if self.hook is not None else data
        except Exception as exc:
            raise SerializationError(
                f"decoder_hook raised {type(exc).__name__} ({exc}) for {json_summary(data)}; make "
                "the hook return objects it does not convert unchanged."
            ) from exc

    def _tagged(self, tag: str, body: Any, depth: int) -> Any:
        parse = _PARSERS.get(tag)
        if parse is not None:
            if not isinstance(body, str):
                raise SerializationError(_malformed(tag, body, "a string"))
            try:
                return parse(body)
            except (ValueError, OSError, ZoneInfoNotFoundError) as exc:
                raise SerializationError(
                    _malformed(tag, body, "an ISO 8601 / decimal text")
                ) from exc
        if not isinstance(body, list):
            raise SerializationError(_malformed(tag, body, "an array"))
        if tag == "__pmap__":
            if not all(isinstance(pair, list) and len(pair) == 2 for pair in body):
                raise SerializationError(_malformed(tag, body, "an array of [key, value] pairs"))
            if depth + (2 if body else 1) > self.max_depth:
                raise SerializationError(_too_deep_to_read(self.max_depth))
            items = [(self.read(k, depth + 3), self.read(v, depth + 3)) for k, v in body]
            return self._hashed(tag, body, lambda: pmap(dict(items)))
        if depth + 1 > self.max_depth:
            raise SerializationError(_too_deep_to_read(self.max_depth))
        values = [self.read(v, depth + 2) for v in body]
        if tag == "__tuple__":
            return tuple(values)
        return self._hashed(tag, body, lambda: pset(values))

    @staticmethod
    def _hashed(tag: str, body: Any, build: Callable[[], Any]) -> Any:
        try:
            return build()
        except TypeError as exc:  # a decoder_hook returned an unhashable key or member
            raise SerializationError(_malformed(tag, body, "hashable keys and members")) from exc


def _plain_keys(value: Mapping[Any, Any]) -> bool:
    return all(isinstance(k, str) for k in value) and not any(k in _TAGS for k in value)


def _tag_levels(value: Any) -> int:
    """JSON levels a tagged container takes: ``{"__pmap__": [[k, v]]}`` three, others two."""
    return 3 if isinstance(value, Mapping) and value else 2


def _temporal_tag(value: date | time) -> str:
    return "__date__" if isinstance(value, date) else "__time__"


def _datetime_from(text: str) -> datetime:
    zone = None
    if text.endswith("]") and "[" in text:
        text, _, name = text[:-1].partition("[")
        zone = ZoneInfo(name)
    value = datetime.fromisoformat(text)
    if zone is None:
        return value
    if value.tzinfo is None:
        raise ValueError("a zone name needs a UTC offset")
    # The same wall time in the zone, with the fold whose offset was written: this keeps
    # ambiguous and skipped (DST) times exactly as they were.
    for fold in (0, 1):
        candidate = value.replace(tzinfo=zone, fold=fold)
        if candidate.utcoffset() == value.utcoffset():
            return candidate
    return value.astimezone(zone)  # an offset the zone never had there: keep the instant


def _decimal_from(text: str) -> Decimal:
    try:
        value = Decimal(text)
    except ArithmeticError as exc:
        raise ValueError(str(exc)) from exc
    if not value.is_finite():
        raise ValueError("not finite")
    return value


def _unstorable(value: Any, path: str) -> str:
    if isinstance(value, int):
        return (
            f"{_where(path)} holds an int of {value.bit_length():,} bits, longer than JSON "
            "readers accept; store it as a string."
        )
    return f"{_where(path)} holds {value!r}, which JSON cannot store; use None or a string."


def _too_deep_to_write(path: str, max_depth: int) -> str:
    return (
        f"{_where(_short_path(path))} is nested more than {max_depth} JSON levels deep, which "
        "the codec refuses (deeper data cannot be read back safely); keep the state flatter, "
        "e.g. a tree as a map of nodes by id."
    )


def _too_deep_to_read(max_depth: int) -> str:
    return (
        f"The JSON data is nested more than {max_depth} levels deep, which the codec refuses "
        "to read (it could exhaust the stack); only read data written by streamlit-redux."
    )


def _malformed(tag: str, body: Any, expected: str) -> str:
    return (
        f'The JSON data has a malformed "{tag}" tag: expected {expected}, got '
        f"{json_summary(body)}; only read data written by streamlit-redux."
    )


def json_summary(value: Any) -> str:
    """A JSON value named without walking it (outside data may be huge or deep).

    >>> json_summary([[1], 2]), json_summary("x")
    ('a JSON array of 2 items', "'x'")
    """
    if isinstance(value, (list, dict)):
        kind = "array" if isinstance(value, list) else "object"
        return f"a JSON {kind} of {len(value)} items"
    if isinstance(value, int) and value.bit_length() > MAX_INT_BITS:
        return f"an int of {value.bit_length():,} bits"
    text = repr(value)
    return text if len(text) <= 60 else text[:59] + "…"


def _short_path(path: str) -> str:
    return path if len(path) <= 80 else path[:79] + "…"


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _where(path: str) -> str:
    return f'State path "{path}"' if path else "The state"
