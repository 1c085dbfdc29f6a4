"""The development checks' walk over a state: the first mutable or non-serializable value.

Two walks: one without paths for the usual shapes (pyrsistent containers, tuples, plain
scalars), which is all a dispatch usually needs, and one that knows every value's path, for
anything else and for the report. Both skip subtrees checked before, remembered by identity in
:class:`CheckedSubtrees` (pyrsistent values never change).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable, Mapping
from operator import itemgetter
from typing import Any

from pyrsistent import PMap, PSet, PVector, pvector

from streamlit_redux.middleware.undo import HISTORY_SIZE, present_and_group
from streamlit_redux.store._pmap_fast import items as pmap_items
from streamlit_redux.store._pmap_fast import size as pmap_size
from streamlit_redux.store.codec import (
    CONTAINER_TYPES,
    INT_LIMIT,
    INT_LOW,
    NATIVE_CLASSES,
    SCALAR_TYPES,
    is_scalar,
)

_MUTABLE = (list, dict, set, bytearray)
_VECTOR_CLASS: type = type(pvector())
"""What ``pvector()`` makes: the C extension's class when installed (``PVector`` is an ABC)."""
_second = itemgetter(1)
_EMPTY_OK = (PMap, PVector, PSet)


class CheckedSubtrees:
    """Immutable subtrees already checked, by identity, held by weak references.

    A weak reference keeps old states collectable, and an id cannot be mistaken for a new
    object that reuses it: an entry counts only while its reference still gives that very
    object. Dead entries are swept out when the table has doubled since the last sweep, which
    costs less than a callback per collected subtree (most states live for one dispatch).
    """

    _FIRST_SWEEP = 1024

    def __init__(self) -> None:
        self._refs: dict[int, weakref.ref[Any]] = {}
        self._sweep_at = self._FIRST_SWEEP
        # The last state found clean, held (one state, which the store holds anyway): the
        # next one is walked from it (see checks_trust), as an id could not be trusted.
        self.last: Any = None

    def __contains__(self, value: object) -> bool:
        ref = self._refs.get(id(value))
        return ref is not None and ref() is value

    def __len__(self) -> int:
        """Entries, dead ones included until the next sweep."""
        return len(self._refs)

    def remember(self, containers: Iterable[Any]) -> None:
        """Add every one of ``containers`` (immutable and checked clean)."""
        refs, ref = self._refs, weakref.ref
        for container in containers:
            refs[id(container)] = ref(container)
        if len(refs) >= self._sweep_at:
            for key in [key for key, entry in refs.items() if entry() is None]:
                del refs[key]
            self._sweep_at = 2 * len(refs) + self._FIRST_SWEEP


# What the walk does with a value, decided once per class (a state holds few classes, often).
_SKIP, _BY_VALUE, _REMEMBERED, _CONTAINER, _LEAF, _MUTABLE_CONTAINER, _MUTABLE_LEAF, _ODD = (
    range(8)
)
_kinds: dict[type, int] = {}
_MAX_KINDS = 1024
"""Classes defined in a Streamlit script are new objects on every rerun: the table starts over
when it is full, so it never holds on to old ones for long."""


def _kind_of(cls: type) -> int:
    if len(_kinds) >= _MAX_KINDS:
        _kinds.clear()
    if cls in NATIVE_CLASSES:
        _kinds[cls] = _SKIP
        return _SKIP
    traits = (
        issubclass(cls, SCALAR_TYPES),
        issubclass(cls, _MUTABLE),
        issubclass(cls, _EMPTY_OK),
        issubclass(cls, CONTAINER_TYPES),
    )
    kind = {
        (True, False, False, False): _BY_VALUE,  # is_scalar decides: big ints, nan, Decimal
        (False, False, True, True): _REMEMBERED,
        (False, False, False, True): _CONTAINER,
        (False, False, False, False): _LEAF,
        (False, True, False, True): _MUTABLE_CONTAINER,
        (False, True, False, False): _MUTABLE_LEAF,
    }.get(traits, _ODD)  # a class of two natures: the general rules below, in full
    _kinds[cls] = kind
    return kind


def _first_problem(
    value: Any,
    seen: CheckedSubtrees,
    serializable: bool,
    immutable: bool,
    skip_paths: frozenset[str],
    accepts: Callable[[Any], bool],
    *,
    root: str = "",
) -> tuple[str, Any, str] | None:
    """Depth-first search for the first bad value: (path, value, "mutable" | "serializable").

    Subtrees in ``seen`` are skipped (checked before, and immutable); what is clean here is
    added to it. The usual shapes are walked without paths first (see
    :func:`_clean_in_usual_shapes`); the walk with paths runs only when that one cannot tell.
    """
    if not skip_paths and _clean_in_usual_shapes(value, seen):
        return None
    return _first_problem_with_paths(
        value, seen, serializable, immutable, skip_paths, accepts, root=root
    )


def _first_problem_with_paths(
    value: Any,
    seen: CheckedSubtrees,
    serializable: bool,
    immutable: bool,
    skip_paths: frozenset[str],
    accepts: Callable[[Any], bool],
    *,
    root: str = "",
) -> tuple[str, Any, str] | None:
    """:func:`_first_problem`'s walk for any shape, which knows the path of each value.

    Paths are built only when needed (a report, or ignored paths to compare with): formatting
    one per visited node would cost more than the check itself.
    """
    refs, kinds = seen._refs, _kinds
    # `is_scalar(value) or value in seen`, by the class table and without a method call.
    kind = kinds.get(value.__class__)
    if kind is None:
        kind = _kind_of(value.__class__)
    if kind == _SKIP or (kind in (_BY_VALUE, _ODD) and is_scalar(value)):
        return None
    ref = refs.get(id(value))
    if ref is not None and ref() is value:
        return None
    stack: list[tuple[_Where, Any]] = [((None, root), value)]
    clean: list[Any] = []
    # With ignored paths, a container above one is clean only at this path: not remembered.
    owners: dict[int, Any] = {}
    tainted: set[int] = set()
    while stack:
        where, current = stack.pop()
        if skip_paths and _format(where) in skip_paths:
            _taint(where[0], owners, tainted)
            continue
        cls = current.__class__
        kind = kinds.get(cls)
        if kind is None:
            kind = _kind_of(cls)
        if kind == _ODD:
            kind = _odd_kind(current, immutable)
        if kind >= _MUTABLE_CONTAINER:
            if immutable:
                return _format(where) or "<root>", current, "mutable"
            kind = _CONTAINER if kind == _MUTABLE_CONTAINER else _LEAF
        if kind == _REMEMBERED:
            clean.append(current)  # weak-referenceable and immutable: remembered when clean
        elif kind != _CONTAINER:
            if serializable and not accepts(current):
                return _format(where) or "<root>", current, "serializable"
            continue
        if skip_paths:
            owners[id(where)] = current
        for key, child in _children(current):
            # Cheapest first: most children are plain leaves or subtrees checked before.
            cls = child.__class__
            kind = kinds.get(cls)
            if kind is None:
                kind = _kind_of(cls)
            if kind == _SKIP or (kind == _BY_VALUE and is_scalar(child)):
                continue  # a non-finite float is no scalar: it goes on the stack to be reported
            if kind in (_REMEMBERED, _ODD):
                ref = refs.get(id(child))
                if ref is not None and ref() is child:
                    continue
                if kind == _ODD and is_scalar(child):
                    continue
            stack.append(((where, key), child))
    seen.remember(clean if not tainted else [c for c in clean if id(c) not in tainted])
    return None


def _clean_in_usual_shapes(value: Any, seen: CheckedSubtrees) -> bool:
    """True when ``value`` is clean, by a walk without paths that knows only the usual shapes:
    pyrsistent containers, tuples and plain scalars.

    False means "not shown clean": a problem, or a value it leaves to the full walk (a class
    not seen yet, a leaf only the encoder hook may accept); the caller then walks again with
    paths, which reports exactly what it would have reported alone. What this walk finds clean
    it remembers, as the full walk would: the same containers, since it visits the same ones.
    """
    refs, kinds = seen._refs, _kinds
    kind = kinds.get(value.__class__)
    if kind == _REMEMBERED:
        ref = refs.get(id(value))
        if ref is not None and ref() is value:
            return True  # the state of the last dispatch, unchanged
    elif kind != _CONTAINER:
        return False
    # The containers to look into, in the order found: the loop runs on as the list grows, and
    # the list is what gets remembered at the end (no stack to pop, no second list to fill).
    found = [value]
    unreferenceable = kind == _CONTAINER  # a tuple (no weak reference): left out at the end
    for current in found:
        # _children without the keys (no path to build), written out for the usual containers:
        # a vector's isinstance tests against pyrsistent's ABCs cost more than its walk.
        cls = current.__class__
        if cls is PMap:
            fields = present_and_group(current) if pmap_size(current) == HISTORY_SIZE else None
            children: Iterable[Any] = (
                map(_second, pmap_items(current)) if fields is None else fields
            )
        elif cls is _VECTOR_CLASS or cls is tuple:
            children = current
        else:
            children = [child for _, child in _children(current)]
        for child in children:
            kind = kinds.get(child.__class__)
            if kind == _SKIP:
                continue
            if kind == _REMEMBERED:
                ref = refs.get(id(child))
                if ref is not None and ref() is child:
                    continue
            elif kind == _BY_VALUE:  # is_scalar, without a call for the usual int
                if (child.__class__ is int and INT_LOW < child < INT_LIMIT) or is_scalar(child):
                    continue
                return False
            elif kind == _CONTAINER:
                unreferenceable = True
            else:
                return False
            found.append(child)
    if unreferenceable:
        found = [container for container in found if kinds[container.__class__] == _REMEMBERED]
    seen.remember(found)
    return True


def _taint(where: _Where | None, owners: dict[int, Any], tainted: set[int]) -> None:
    """Mark the containers along ``where`` (the parents of a skipped path) as not remembered."""
    while where is not None:
        tainted.add(id(owners[id(where)]))
        where = where[0]


def _odd_kind(value: Any, immutable: bool) -> int:
    """The kind of a value whose class has two natures, by the general rules in their order."""
    if isinstance(value, _MUTABLE) and immutable:
        return _MUTABLE_LEAF
    if isinstance(value, _EMPTY_OK):
        return _REMEMBERED
    return _CONTAINER if isinstance(value, CONTAINER_TYPES) else _LEAF


# A path as a chain of (parent, key) links, formatted only on demand.
_Where = tuple[Any, Any]


def _children(container: Any) -> Iterable[tuple[Any, Any]]:
    if isinstance(container, PMap):
        fields = present_and_group(container)
        if fields is not None:
            # An undoable history: every state in it was checked when it was the present
            # (and reporting the present's path does not depend on hash order).
            return (("present", fields[0]), ("group", fields[1]))
        return pmap_items(container)
    if isinstance(container, Mapping):
        return container.items()
    if isinstance(container, (PVector, list, tuple)):
        return enumerate(container)
    return ((_SET_MEMBER, v) for v in container)


_SET_MEMBER = object()


def _format(where: _Where) -> str:
    keys: list[Any] = []
    node: Any = where
    while node is not None:
        node, key = node
        keys.append(key)
    text = ""
    for key in reversed(keys):
        if key == "" and not text:
            continue
        if key is _SET_MEMBER:
            text += "{}"
        else:
            text = f"{text}.{key}" if text else str(key)
    return text
