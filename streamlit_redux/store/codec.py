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
from typing import Any

from streamlit_redux.store._codec_read import Reader, parse_json
from streamlit_redux.store._codec_text import refuse_lone_surrogates
from streamlit_redux.store._codec_values import (
    CONTAINER_TYPES,
    INT_LIMIT,
    INT_LOW,
    MAX_DEPTH,
    MAX_INT_BITS,
    NATIVE_CLASSES,
    SCALAR_TYPES,
    Decoder,
    Encoder,
    SerializationError,
    is_scalar,
    json_summary,
)
from streamlit_redux.store._codec_write import Writer

__all__ = [
    "CONTAINER_TYPES",
    "INT_LIMIT",
    "INT_LOW",
    "MAX_DEPTH",
    "MAX_INT_BITS",
    "NATIVE_CLASSES",
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
    "refuse_lone_surrogates",
    "to_json_value",
]


def to_json_value(
    value: Any, *, encoder_hook: Encoder | None = None, path: str = "", max_depth: int = MAX_DEPTH
) -> Any:
    """Return plain JSON data (dict, list, str, int, float, bool, None) for ``value``.

    >>> from decimal import Decimal
    >>> to_json_value((1, Decimal("2.50")))
    {'__tuple__': [1, {'__decimal__': '2.50'}]}
    """
    return Writer(encoder_hook, max_depth).write(value, path, 1)


def dumps_state(state: Any, *, encoder_hook: Encoder | None = None) -> str:
    """The state as JSON text (compact, keys in order)."""
    data = to_json_value(state, encoder_hook=encoder_hook)
    text = json.dumps(data, separators=(",", ":"))
    refuse_lone_surrogates(text, data, writing=True)
    return text


def loads_state(text: str, *, decoder_hook: Decoder | None = None) -> Any:
    """The pyrsistent value for JSON ``text`` written by :func:`dumps_state`.

    ``decoder_hook(obj)`` sees every JSON object first; return it unchanged to keep the default.
    """
    return from_json_value(parse_json(text), decoder_hook=decoder_hook)


def from_json_value(
    data: Any, *, decoder_hook: Decoder | None = None, max_depth: int = MAX_DEPTH
) -> Any:
    """The pyrsistent value for plain JSON data (the inverse of :func:`to_json_value`).

    Malformed tags, non-finite numbers and data nested deeper than ``max_depth`` raise
    :class:`SerializationError`.

    >>> from_json_value({"__tuple__": [{"__date__": "2026-11-24"}, [1]]})
    (datetime.date(2026, 11, 24), pvector([1]))
    """
    return Reader(decoder_hook, max_depth).read(data, 1)
