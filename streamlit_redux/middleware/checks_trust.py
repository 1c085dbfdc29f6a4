"""The development checks' walk over a new state, trusting what the library built.

After the first dispatch, a state is usually the last one with one slice replaced: a root
built by ``combine_reducers`` (which records how, in ``reducers.last_combined``), whose new
slice is often an undoable history (whose new part is its present). Walking those wrappers
costs more than the rest of the check: their only new parts are known, so the walk goes
straight to them, and does not remember the wrappers (the next dispatch replaces them).
Whatever a reducer of the app built is walked by :func:`_clean_in_usual_shapes`, which
remembers what it finds clean.
"""

from __future__ import annotations

from typing import Any

from pyrsistent import PMap

from streamlit_redux.middleware import undo
from streamlit_redux.middleware.checks_walk import (
    _BY_VALUE,
    _CONTAINER,
    _REMEMBERED,
    _SKIP,
    CheckedSubtrees,
    _clean_in_usual_shapes,
    _kinds,
)
from streamlit_redux.middleware.undo import HISTORY_SIZE, present_and_group
from streamlit_redux.store import reducers
from streamlit_redux.store._pmap_fast import buckets as pmap_buckets
from streamlit_redux.store._pmap_fast import size as pmap_size
from streamlit_redux.store.codec import INT_LIMIT, INT_LOW, is_scalar


def _clean_state(value: Any, seen: CheckedSubtrees) -> bool:
    """True when the state ``value`` is clean; False when not shown clean (as
    :func:`_clean_in_usual_shapes`: the caller then walks with paths, for the report).

    The state found clean is kept in ``seen.last``: a root ``combine_reducers`` built from it
    is clean when its new slice values are. Nothing else is trusted: a root built otherwise (a
    replaced reducer, a plain reducer, another store's root) is walked as any value.
    """
    last = seen.last
    if value is last:
        return True  # the state of the last dispatch, unchanged
    built, base, slice_value, more = reducers.last_combined
    if built is not value or base is not last:
        if not _clean_in_usual_shapes(value, seen):
            return False
    elif more is None:
        if not _clean_slice(slice_value, seen):
            return False
    elif not all(_clean_slice(slice_value, seen) for slice_value in more.values()):
        return False
    seen.last = value
    return True


def _clean_slice(value: Any, seen: CheckedSubtrees) -> bool:
    """True when a new slice state is clean: an undoable history by its present and group,
    a map by its values, without remembering the map.

    A history's past and future were each checked when they were the present (the walk in
    ``checks_walk`` trusts them in the same way). A slice's map is new on every dispatch that
    changes the slice, and the next one replaces it: an entry for it (a weak reference) would
    cost more than looking at its values again. What is below it is remembered as usual.
    """
    if value.__class__ is PMap:
        built = undo.last_built  # the history undoable built last: no lookup, no size
        if built[0] is value:
            value, group = built[2], built[5]
        elif pmap_size(value) == HISTORY_SIZE and (fields := present_and_group(value)) is not None:
            value, group = fields
        else:
            group = None
        if group is not None and not _clean_slice(group, seen):
            return False
        # A present that is a history too (undoable twice) is looked at as any map below:
        # all of it is walked, which is slower, not weaker.
    if value.__class__ is not PMap:
        kind = _kinds.get(value.__class__)
        if kind == _SKIP or (kind == _BY_VALUE and is_scalar(value)):
            return True  # a slice of one scalar: a counter, a flag
        return _clean_in_usual_shapes(value, seen)
    refs, kinds = seen._refs, _kinds
    for bucket in pmap_buckets(value):
        if bucket:
            for _, child in bucket:
                cls = child.__class__
                if cls is int:  # the usual number (a count, an id): no table lookup
                    if INT_LOW < child < INT_LIMIT:
                        continue
                    return False
                kind = kinds.get(cls)
                if kind == _SKIP:
                    continue
                if kind == _REMEMBERED:
                    ref = refs.get(id(child))
                    if ref is not None and ref() is child:
                        continue
                elif kind == _BY_VALUE:
                    if is_scalar(child):
                        continue
                    return False
                elif kind != _CONTAINER:
                    return False
                if not _clean_in_usual_shapes(child, seen):
                    return False
    return True
