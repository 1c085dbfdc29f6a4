"""The writing half of the codec: Python values to plain JSON data, within the limits.

Every refusal names the state path of the value, because the writer runs on a whole state at
once (a persist, an export) and "an object has no JSON form" alone would leave the user
searching. The path strings cost time, so the common leaves skip the
call that would build them. Depth is refused before a container is walked, so the error
names the container that is too deep, not a leaf a hundred levels below it.

Private: use :func:`streamlit_redux.store.codec.to_json_value`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

from pyrsistent import PVector

from streamlit_redux.store._codec_values import (
    CONTAINER_TYPES,
    INT_LIMIT,
    INT_LOW,
    NATIVE_CLASSES,
    Encoder,
    SerializationError,
    is_scalar,
    plain_keys,
)


class Writer:
    """Writes one value; ``depth`` is the JSON nesting level of the node being written.

    Levels are counted as the reader counts them (tags included), so the writer never
    produces data that :class:`~streamlit_redux.store._codec_read.Reader` would refuse.
    """

    def __init__(self, hook: Encoder | None, max_depth: int) -> None:
        self.hook, self.max_depth = hook, max_depth

    def write(self, value: Any, path: str, depth: int) -> Any:
        """Plain JSON data for ``value`` found at ``path``.

        The hook is asked last, only about values the codec has no form for, so it cannot
        change how the built-in types are written and round trips stay stable. Its answer is
        written without the hook: a hook that returns another unknown value fails with a
        message instead of recursing until the stack runs out.
        """
        if value.__class__ in NATIVE_CLASSES:
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
            return Writer(None, self.max_depth).write(converted, path, depth)
        raise SerializationError(
            f"{_where(path)} holds a {type(value).__name__} ({value!r:.60}), which has no JSON "
            "form; store plain data (str, numbers, bool, None, dates, times, Decimal, UUID, "
            "maps, vectors, tuples, sets), or pass encoder_hook=/decoder_hook= to convert it."
        )

    def _tagged_scalar(self, value: Any, path: str) -> Any:
        """The tagged form of a ``Decimal``, ``UUID``, date, time or datetime.

        ``datetime`` is tested before ``date`` because it is a ``date``. A ``ZoneInfo`` zone is
        written by name after the offset: the offset alone would bring back a fixed-offset
        value whose arithmetic ignores daylight saving.
        """
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
        """A map, vector, tuple or set as JSON; anything JSON cannot say is tagged.

        A tuple is tagged because a JSON array reads back as a vector; a map with a key that
        is not a str (or is a tag) becomes pairs. A set's members are sorted by their JSON
        text: set order follows hashes, which for strings change from one process to the
        next, and the same state must give the same text (stable files, diffable exports).
        """
        plain_map = isinstance(value, Mapping) and plain_keys(value)
        levels = 1 if plain_map or isinstance(value, (PVector, list)) else _tag_levels(value)
        if depth + levels - 1 > self.max_depth:
            raise SerializationError(_too_deep_to_write(path, self.max_depth))
        if isinstance(value, Mapping):
            if plain_map:
                # Leaves of the common classes skip the call (and the path it would format).
                return {
                    k: v
                    if (c := v.__class__) in NATIVE_CLASSES
                    or (c is int and INT_LOW < v < INT_LIMIT)
                    else self.write(v, _join(path, k), depth + 1)
                    for k, v in value.items()
                }
            pairs = [
                [
                    self.write(k, f"{path}<key>", depth + 3),
                    self.write(v, _join(path, str(k)), depth + 3),
                ]
                for k, v in value.items()
            ]
            return {"__pmap__": pairs}
        if isinstance(value, tuple):
            items = [self.write(v, _join(path, str(i)), depth + 2) for i, v in enumerate(value)]
            return {"__tuple__": items}
        if isinstance(value, (PVector, list)):
            return [
                v
                if (c := v.__class__) in NATIVE_CLASSES or (c is int and INT_LOW < v < INT_LIMIT)
                else self.write(v, _join(path, str(i)), depth + 1)
                for i, v in enumerate(value)
            ]
        items = [self.write(v, f"{path}{{}}", depth + 2) for v in value]
        return {"__pset__": sorted(items, key=json.dumps)}


def _tag_levels(value: Any) -> int:
    """JSON levels a tagged container takes: ``{"__pmap__": [[k, v]]}`` three, others two."""
    return 3 if isinstance(value, Mapping) and value else 2


def _temporal_tag(value: date | time) -> str:
    """The tag of a date or a time; datetimes are tagged before they get here."""
    return "__date__" if isinstance(value, date) else "__time__"


def _unstorable(value: Any, path: str) -> str:
    """The message for a number JSON cannot hold: NaN, infinity, or an int past the limit."""
    if isinstance(value, int):
        return (
            f"{_where(path)} holds an int of {value.bit_length():,} bits, longer than JSON "
            "readers accept; store it as a string."
        )
    return f"{_where(path)} holds {value!r}, which JSON cannot store; use None or a string."


def _too_deep_to_write(path: str, max_depth: int) -> str:
    """The message for a container past ``max_depth``, with the usual way out (flatten)."""
    return (
        f"{_where(_short_path(path))} is nested more than {max_depth} JSON levels deep, which "
        "the codec refuses (deeper data cannot be read back safely); keep the state flatter, "
        "e.g. a tree as a map of nodes by id."
    )


def _short_path(path: str) -> str:
    """``path`` cut to 80 characters: at the depth limit it is a hundred parts long."""
    return path if len(path) <= 80 else path[:79] + "…"


def _join(path: str, key: str) -> str:
    """The path of map key ``key`` inside ``path``, for messages; the root's path is empty."""
    return f"{path}.{key}" if path else key


def _where(path: str) -> str:
    """How a message opens: the path, or "The state" for the root (whose path is empty)."""
    return f'State path "{path}"' if path else "The state"
