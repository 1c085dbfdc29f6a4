"""What the codec accepts, one definition shared with ``checks_middleware``; its limits.

The development checks refuse, at dispatch time, a state the codec could not persist; if the
two kept their own lists they would drift, and an app passing the checks would fail on its
first persist. Hence one module both import, and no logic here beyond the definitions.

Private: import these names from :mod:`streamlit_redux.store.codec`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Set
from datetime import date, time
from decimal import Decimal
from typing import Any
from uuid import UUID

from pyrsistent import PSet, PVector

from streamlit_redux.store.errors import (  # re-exported: defined with every other error
    SerializationError as SerializationError,
)

MAX_DEPTH = 100
"""JSON nesting levels (objects and arrays, tags included) the codec writes or reads at most."""

MAX_INT_BITS = 14_000
"""Ints longer than this (about 4,200 digits) are refused: Python's JSON reader refuses them."""

INT_LIMIT = 1 << MAX_INT_BITS
"""``INT_LOW < n < INT_LIMIT`` is ``n.bit_length() <= MAX_INT_BITS``, without a call."""
INT_LOW = -INT_LIMIT
"""Named once: ``-INT_LIMIT`` written in a test builds a 14,000-bit int every time it runs."""

NATIVE_CLASSES = frozenset({str, bool, type(None)})
"""Exact classes whose every value is written as it is: the hot paths test these first."""

SCALAR_TYPES: tuple[type, ...] = (str, int, float, bool, type(None), date, time, Decimal, UUID)
"""The leaf types the codec writes without a hook (``datetime`` is a ``date``)."""

CONTAINER_TYPES: tuple[type, ...] = (Mapping, PVector, list, tuple, PSet, Set)
"""The containers the codec writes: maps, vectors (and lists), tuples, sets."""

TAGS = frozenset(
    {
        "__pmap__",
        "__pset__",
        "__tuple__",
        "__date__",
        "__time__",
        "__datetime__",
        "__decimal__",
        "__uuid__",
    }
)
"""The reserved keys of one-key tagged objects."""


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
    cls = value.__class__
    if cls in NATIVE_CLASSES:
        return True
    if cls is int:
        return bool(INT_LOW < value < INT_LIMIT)
    if not isinstance(value, SCALAR_TYPES):
        return False
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return value.bit_length() <= MAX_INT_BITS
    return not isinstance(value, Decimal) or value.is_finite()


def plain_keys(value: Mapping[Any, Any]) -> bool:
    """A map written as a JSON object: only str keys, none of them a tag.

    A map holding a key such as ``"__date__"`` is written as pairs, or it would read back as
    a date. The exact-class test comes first: it is cheaper than ``isinstance`` for the
    plain ``str`` keys nearly every map has.

    >>> plain_keys({"a": 1}), plain_keys({1: "a"}), plain_keys({"__date__": "x"})
    (True, False, False)
    """
    return TAGS.isdisjoint(value) and all(k.__class__ is str or isinstance(k, str) for k in value)


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
