"""The one place that reads below pyrsistent's public API, to make a slice update cheap.

``combine_reducers`` replaces one value of the root ``PMap`` on almost every dispatch.
``PMap.set`` does that through an evolver (a copy-on-write vector wrapper, a size check, a
persistent() step): about 1.6 µs. Replacing the one bucket that holds the key costs half.

A ``PMap`` is ``_size`` plus ``_buckets``, a ``PVector`` of buckets, each ``None`` or a list of
``(key, value)`` tuples, chosen by ``hash(key) % len(_buckets)``. Replacing a value of a key
that is already present changes neither the size nor the bucket count, so the result is the
very structure ``PMap.set`` builds. Anything else (a new key, a subclass such as ``PRecord``
with its own checks, a pyrsistent version whose layout we have not read) goes through the
public ``set``. ``tests/store/test_pmap_fast.py`` checks with hypothesis that both agree.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping
from importlib.metadata import PackageNotFoundError, version
from itertools import chain
from operator import attrgetter
from typing import Any

from pyrsistent import PMap, pmap, pvector

_READ_VERSIONS = ("0.19.", "0.20.")
"""pyrsistent releases whose ``PMap`` layout this module was written against."""


def _layout_is_known() -> bool:
    try:
        installed = version("pyrsistent")
    except PackageNotFoundError:
        return False
    return installed.startswith(_READ_VERSIONS) and {"_size", "_buckets"} <= set(
        getattr(PMap, "__slots__", ())
    )


ENABLED = _layout_is_known()
"""False when the installed pyrsistent is not one we read: every call then uses ``set``."""

_allocate: Any = object.__new__


def set_value(mapping: PMap, key: Any, value: Any) -> PMap:  # type: ignore[type-arg]
    """Return ``mapping.set(key, value)``, replacing one bucket when ``key`` is present.

    >>> from pyrsistent import pmap
    >>> set_value(pmap({"a": 1, "b": 2}), "a", 3) == pmap({"a": 3, "b": 2})
    True
    """
    if ENABLED and type(mapping) is PMap:
        buckets = mapping._buckets
        index = hash(key) % len(buckets)
        bucket = buckets[index]
        if bucket:
            for position, (stored_key, stored_value) in enumerate(bucket):
                if stored_key == key:
                    if stored_value is value:
                        return mapping
                    if len(bucket) == 1:
                        fresh = [(stored_key, value)]
                    else:
                        fresh = list(bucket)
                        fresh[position] = (stored_key, value)
                    # PMap.__new__ does just these two assignments, as a Python call.
                    result = _allocate(PMap)
                    result._size = mapping._size
                    result._buckets = buckets.set(index, fresh)
                    return result  # type: ignore[no-any-return]
    return mapping.set(key, value)


def get_value(mapping: PMap, key: Any) -> Any:  # type: ignore[type-arg]
    """Return ``mapping.get(key)`` without the four calls ``Mapping.get`` makes on a ``PMap``.

    >>> from pyrsistent import pmap
    >>> get_value(pmap({"a": 1}), "a"), get_value(pmap({"a": 1}), "b")
    (1, None)
    """
    if ENABLED and type(mapping) is PMap:
        buckets = mapping._buckets
        bucket = buckets[hash(key) % len(buckets)]
        if bucket:
            for stored_key, stored_value in bucket:
                if stored_key == key:
                    return stored_value
        return None
    return mapping.get(key)


size: Callable[[PMap], int] = attrgetter("_size") if ENABLED else len  # type: ignore[type-arg]
"""``len(mapping)`` of a ``PMap``, read from its slot by C code (``len`` calls ``PMap.__len__``,
a Python frame): for walks that ask every map its size."""


def items(mapping: PMap) -> Iterable[tuple[Any, Any]]:  # type: ignore[type-arg]
    """Return ``mapping.items()``'s pairs, in its order, read straight from the buckets.

    For walks over every changed map (the development checks): no view object, no generator
    frame per pair.

    >>> list(items(pmap({"a": 1})))
    [('a', 1)]
    """
    if ENABLED and type(mapping) is PMap:
        return chain.from_iterable(filter(None, mapping._buckets))
    return mapping.items()


def buckets(mapping: PMap) -> list[Any]:  # type: ignore[type-arg]
    """Return the map's pairs as a list of buckets (each None or a list of pairs), in its order.

    For a walk over the values of a small, new map (the development checks' slice maps): one
    list, no iterator objects as ``items`` makes; a loop over it skips the empty buckets.

    >>> [pair for bucket in buckets(pmap({"a": 1})) if bucket for pair in bucket]
    [('a', 1)]
    """
    if ENABLED and type(mapping) is PMap:
        return mapping._buckets.tolist()  # type: ignore[no-any-return]
    return [list(mapping.items())]


def map_builder(
    keys: tuple[Hashable, ...], *, fixed: Mapping[Hashable, Any] | None = None
) -> Callable[..., PMap]:  # type: ignore[type-arg]
    """Return ``build(*values)``, equal to ``pmap(dict(zip(keys, values)))`` in the same layout.

    For maps built again and again with the same keys (an undo history on every step): the
    bucket of each key is worked out once, so a build fills buckets instead of hashing keys
    and sizing a table (about half of ``pmap``'s cost). Keys in ``fixed`` always hold the value
    given there and take no place in ``values``: a bucket holding only such keys is built once
    and shared by every map (pyrsistent copies a bucket before changing it, never in place).

    >>> build = map_builder(("a", "b"))
    >>> build(1, 2) == pmap({"a": 1, "b": 2})
    True
    >>> map_builder(("a", "b"), fixed={"b": 0})(1) == pmap({"a": 1, "b": 0})
    True
    """
    fixed = dict(fixed or {})
    free = tuple(key for key in keys if key not in fixed)
    if not ENABLED or len(set(keys)) != len(keys):

        def public_build(*values: Any) -> PMap:  # type: ignore[type-arg]
            given = dict(zip(free, values, strict=True))
            return pmap({key: fixed[key] if key in fixed else given[key] for key in keys})

        return public_build
    position = {key: index for index, key in enumerate(free)}
    # The layout pmap() gives these keys, inserted in this order; values do not move buckets.
    layout: Any = pmap(dict.fromkeys(keys))._buckets
    fixed_keys = list(fixed)

    def pair(key: Hashable) -> str:
        if key in fixed:
            return f"fixed_pairs[{fixed_keys.index(key)}]"
        return f"(key{position[key]}, value{position[key]})"

    shared: list[list[tuple[Hashable, Any]]] = []
    written = []
    for bucket in layout:
        if not bucket:
            written.append("None")
        elif all(key in fixed for key, _ in bucket):
            written.append(f"shared{len(shared)}")
            shared.append([(key, fixed[key]) for key, _ in bucket])
        else:
            written.append(f"[{', '.join(pair(key) for key, _ in bucket)}]")
    # The buckets written out as one expression: a loop over the layout, with a list built per
    # bucket, costs more than the rest of the build (each comprehension is a call). The source
    # holds only indices. Values come as parameters (no tuple to pack and index), and keys,
    # shared buckets and callables as defaults: local reads, where globals would be dict lookups.
    constants = {
        **{f"key{index}": key for index, key in enumerate(free)},
        **{f"shared{index}": bucket for index, bucket in enumerate(shared)},
        "fixed_pairs": tuple((key, fixed[key]) for key in fixed_keys),
        "allocate": _allocate,
        "PMap": PMap,
        # What pvector(list) does, less its argument-tuple parsing (~15% of a 10-bucket build).
        "vector_of": pvector().extend,
    }
    parameters = [f"value{index}" for index in range(len(free))]
    parameters += [f"{name}={name}" for name in constants]
    source = (
        f"def build({', '.join(parameters)}):\n"
        "    result = allocate(PMap)\n"
        f"    result._size = {len(keys)}\n"
        f"    result._buckets = vector_of([{', '.join(written)}])\n"
        "    return result\n"
    )
    namespace = dict(constants)
    exec(source, namespace)  # generated above from integers only
    build: Callable[..., PMap] = namespace["build"]  # type: ignore[type-arg]
    return build
