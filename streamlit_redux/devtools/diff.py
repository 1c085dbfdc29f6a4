"""What changed between two states: added, removed and changed paths, with old -> new.

The walk skips every subtree that is the same object in both states. pyrsistent shares
untouched subtrees between a state and the next, so the cost follows what changed, not the
size of the state.

>>> from pyrsistent import freeze
>>> before = freeze({"todos": [{"text": "milk", "done": False}], "filter": "all"})
>>> after = before.transform(["todos", 0, "done"], True).set("user", "ada")
>>> for change in diff(before, after): print(change)
todos.0.done: False -> True
user: added 'ada'

Below :data:`MAX_DEPTH` levels a differing subtree is one "changed" entry, so a state nested
deeper than Python's stack allows is still diffed (and shown) without a ``RecursionError``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence, Set
from dataclasses import dataclass
from itertools import compress
from operator import is_not
from typing import Any, Literal

from pyrsistent import PMap, PVector

Path = tuple[str | int, ...]
Kind = Literal["added", "removed", "changed"]
_MISSING: Any = object()
MAX_DEPTH = 100


@dataclass(frozen=True)
class Change:
    """One difference: at ``path``, ``old`` became ``new`` (``kind`` says which side is empty)."""

    path: Path
    kind: Kind
    old: Any = None
    new: Any = None

    @property
    def dotted(self) -> str:
        """The path as ``todos.0.done``, as ``select_path`` reads it (``(root)``: all of it)."""
        return ".".join(str(part) for part in self.path) or "(root)"

    def __str__(self) -> str:
        if self.kind == "added":
            return f"{self.dotted}: added {self.new!r}"
        if self.kind == "removed":
            return f"{self.dotted}: removed {self.old!r}"
        return f"{self.dotted}: {self.old!r} -> {self.new!r}"


def diff(old: Any, new: Any, *, limit: int | None = None) -> list[Change]:
    """Return the changes from ``old`` to ``new`` sorted by path, at most ``limit`` of them.

    Mappings are compared key by key, sequences index by index, sets by membership; any
    other value changed when it is not equal.
    """
    changes: list[Change] = []
    for change in _walk((), old, new):
        changes.append(change)
        if limit is not None and len(changes) >= limit:
            break
    return sorted(changes, key=_path_order)


def _walk(path: Path, old: Any, new: Any) -> Iterator[Change]:
    if old is new:
        return
    if len(path) >= MAX_DEPTH:
        yield Change(path, "changed", old, new)
    elif isinstance(old, Mapping) and isinstance(new, Mapping):
        yield from _walk_mapping(path, old, new)
    elif _is_sequence(old) and _is_sequence(new):
        yield from _walk_sequence(path, old, new)
    elif isinstance(old, Set) and isinstance(new, Set):
        for item in _ordered(old - new):
            yield Change((*path, _key(item)), "removed", old=item)
        for item in _ordered(new - old):
            yield Change((*path, _key(item)), "added", new=item)
    elif not _equal(old, new):
        yield Change(path, "changed", old, new)


def _walk_mapping(path: Path, old: Mapping[Any, Any], new: Mapping[Any, Any]) -> Iterator[Change]:
    old_buckets, new_buckets = _buckets(old), _buckets(new)
    if old_buckets is not None and new_buckets is not None and len(old_buckets) == len(new_buckets):
        # Two PMaps of the same bucket layout share every untouched bucket: compare buckets by
        # identity (at C speed) and look inside the few that differ.
        for old_bucket, new_bucket in compress(
            zip(old_buckets, new_buckets, strict=True), map(is_not, old_buckets, new_buckets)
        ):
            yield from _walk_pairs(path, old_bucket or (), new_bucket or ())
        return
    yield from _walk_pairs(path, old.items(), new.items())


def _walk_pairs(
    path: Path, old_items: Iterable[tuple[Any, Any]], new_items: Iterable[tuple[Any, Any]]
) -> Iterator[Change]:
    old, new = dict(old_items), dict(new_items)  # small: one bucket, or a non-PMap mapping
    for key, value in old.items():
        other = new.get(key, _MISSING)
        if other is _MISSING:
            yield Change((*path, _key(key)), "removed", old=value)
        elif other is not value:
            yield from _walk((*path, _key(key)), value, other)
    for key, value in new.items():
        if key not in old:
            yield Change((*path, _key(key)), "added", new=value)


def _buckets(mapping: Mapping[Any, Any]) -> Sequence[Any] | None:
    """A PMap's bucket vector (pyrsistent internals), or None for other mappings."""
    buckets = getattr(mapping, "_buckets", None) if isinstance(mapping, PMap) else None
    return buckets if isinstance(buckets, PVector) else None


def _walk_sequence(path: Path, old: Sequence[Any], new: Sequence[Any]) -> Iterator[Change]:
    shared = min(len(old), len(new))
    for index in compress(range(shared), map(is_not, old, new)):
        yield from _walk((*path, index), old[index], new[index])
    for index in range(shared, len(old)):
        yield Change((*path, index), "removed", old=old[index])
    for index in range(shared, len(new)):
        yield Change((*path, index), "added", new=new[index])


def _path_order(change: Change) -> tuple[tuple[int, Any], ...]:
    """Sort key: paths in order, indices numerically (PMap buckets come in hash order)."""
    return tuple((0, part) if isinstance(part, int) else (1, part) for part in change.path)


def _is_sequence(value: Any) -> bool:
    return isinstance(value, Sequence) and not isinstance(value, (str, bytes))


def _key(key: Any) -> str | int:
    return key if isinstance(key, (str, int)) and not isinstance(key, bool) else repr(key)


def _ordered(items: Set[Any]) -> list[Any]:
    return sorted(items, key=repr)


def _equal(old: Any, new: Any) -> bool:
    try:
        return bool(old == new)
    except Exception:  # a value whose __eq__ fails is treated as changed
        return False
