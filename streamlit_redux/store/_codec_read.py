"""The reading half of the codec: plain JSON data to pyrsistent values, within the limits.

What it reads comes from outside the process (a SQLite row, a redis value, an imported
devtools session, a hand-edited file), so every refusal is a :class:`SerializationError` that
says what is wrong with the data, never a ``RecursionError``, ``KeyError`` or ``TypeError``
from deep inside: the devtools import and replication catch that one type, and persistence
reports its message when it keeps a stored copy aside.

Depth is counted in JSON levels exactly as the writer counts them, so anything the writer
accepted reads back, and nothing deeper than ``max_depth`` reaches the recursive walk.

Private: use :func:`streamlit_redux.store.codec.from_json_value` / ``parse_json``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pyrsistent import pmap, pset, pvector

from streamlit_redux.store._codec_text import refuse_lone_surrogates
from streamlit_redux.store._codec_values import (
    INT_LIMIT,
    INT_LOW,
    MAX_DEPTH,
    NATIVE_CLASSES,
    TAGS,
    Decoder,
    SerializationError,
    is_scalar,
    json_summary,
)

# The tags whose body is one string. The two lambdas look their function up when called, so
# the table can sit above the functions; each parser signals bad text with ValueError (or
# OSError / ZoneInfoNotFoundError from the zone lookup), which ``_tagged`` turns into a
# malformed-tag message.
_PARSERS: dict[str, Callable[[str], Any]] = {
    "__date__": date.fromisoformat,
    "__time__": time.fromisoformat,
    "__datetime__": lambda text: _datetime_from(text),
    "__decimal__": lambda text: _decimal_from(text),
    "__uuid__": UUID,
}


def parse_json(text: str) -> Any:
    """Plain JSON data for ``text``, or :class:`SerializationError` (never ``RecursionError``).

    The first step of reading outside text; :func:`from_json_value` then applies the limits.

    >>> parse_json('{"version": 1}')
    {'version': 1}
    """
    try:
        data = json.loads(text)
    except RecursionError as exc:
        raise SerializationError(_too_deep_to_read(MAX_DEPTH)) from exc
    except (TypeError, ValueError) as exc:
        raise SerializationError(
            f"Stored state is not valid JSON ({exc}); it was probably cut off or edited by hand."
        ) from exc
    refuse_lone_surrogates(text, data)
    return data


class Reader:
    """Reads one JSON node; ``depth`` is its JSON nesting level.

    A class only so the recursion passes ``(data, depth)`` and not the hook and the limit too.
    One reader per call: it keeps no state between nodes, so concurrent reads never meet.
    """

    def __init__(self, hook: Decoder | None, max_depth: int) -> None:
        self.hook, self.max_depth = hook, max_depth

    def read(self, data: Any, depth: int) -> Any:
        """The value for ``data``: maps, vectors and tagged values become pyrsistent ones.

        Members that are plain leaves (str, bool, None, ints in range) are kept inline, without
        a call: a large state is mostly such leaves, and a call each would dominate the read.
        The hook sees a map before the tags are read, so it can claim shapes of its own.
        """
        if isinstance(data, (list, dict)) and depth > self.max_depth:
            raise SerializationError(_too_deep_to_read(self.max_depth))
        if isinstance(data, list):
            return pvector(
                [
                    v
                    if (c := v.__class__) in NATIVE_CLASSES
                    or (c is int and INT_LOW < v < INT_LIMIT)
                    else self.read(v, depth + 1)
                    for v in data
                ]
            )
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
            if tag in TAGS:
                return self._tagged(tag, body, depth)
        elif not TAGS.isdisjoint(data):
            # The writer never mixes a tag with other keys (it writes such a map as pairs),
            # so this was not written by the codec.
            tags = sorted(TAGS.intersection(data))
            raise SerializationError(_malformed(tags[0], data, "a one-key object"))
        return pmap(
            {
                k: v
                if (c := v.__class__) in NATIVE_CLASSES or (c is int and INT_LOW < v < INT_LIMIT)
                else self.read(v, depth + 1)
                for k, v in data.items()
            }
        )

    def _hooked(self, data: dict[str, Any]) -> Any:
        """The hook's answer for ``data``; its failure becomes a :class:`SerializationError`.

        A user's hook can raise anything; wrapped, it reaches the caller as the one error type
        that means "this data cannot be read", naming the hook and the object it choked on.
        """
        try:
            return self.hook(data) if self.hook is not None else data
        except Exception as exc:
            raise SerializationError(
                f"decoder_hook raised {type(exc).__name__} ({exc}) for {json_summary(data)}; make "
                "the hook return objects it does not convert unchanged."
            ) from exc

    def _tagged(self, tag: str, body: Any, depth: int) -> Any:
        """The value of a one-key tagged object at ``depth``; malformed bodies are refused.

        The levels mirror the writer's: ``{"__pmap__": [[k, v]]}`` puts the pairs' array at
        ``depth + 1``, each pair at ``depth + 2`` and its key and value at ``depth + 3``; sets
        and tuples put their members at ``depth + 2``. Checking before recursing keeps a deep
        tagged chain from reaching the stack's limit.
        """
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
        """``build()``, with an unhashable key or member reported as malformed data.

        What the codec itself reads is always hashable (maps and vectors come back as
        pyrsistent values); only a decoder hook can hand back a ``dict`` or ``list`` there.
        """
        try:
            return build()
        except TypeError as exc:  # a decoder_hook returned an unhashable key or member
            raise SerializationError(_malformed(tag, body, "hashable keys and members")) from exc


def _datetime_from(text: str) -> datetime:
    """A ``datetime`` from ISO 8601 text, with an optional ``[Zone/Name]`` suffix.

    The suffix (RFC 9557's form) brings back the ``ZoneInfo`` itself, not only the offset:
    arithmetic on the value read back then follows the zone's daylight-saving rules, as it
    did on the value written.
    """
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
    """A finite ``Decimal`` from its text; anything else raises ``ValueError``.

    ``Decimal("x")`` raises ``InvalidOperation``, an ``ArithmeticError``: converted, so one
    ``except`` in ``_tagged`` covers every parser. NaN and infinity are refused because the
    writer refuses them: what is read can always be written back.
    """
    try:
        value = Decimal(text)
    except ArithmeticError as exc:
        raise ValueError(str(exc)) from exc
    if not value.is_finite():
        raise ValueError("not finite")
    return value


def _too_deep_to_read(max_depth: int) -> str:
    """The one message for data over the limit, from the parser and from the walk alike."""
    return (
        f"The JSON data is nested more than {max_depth} levels deep, which the codec refuses "
        "to read (it could exhaust the stack); only read data written by streamlit-redux."
    )


def _malformed(tag: str, body: Any, expected: str) -> str:
    """The message for a tag whose body the writer would never produce: names tag and shape."""
    return (
        f'The JSON data has a malformed "{tag}" tag: expected {expected}, got '
        f"{json_summary(body)}; only read data written by streamlit-redux."
    )
