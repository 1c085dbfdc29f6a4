"""The checks skip subtrees they checked before (by identity) and decide per class: that fast
walk must find a problem exactly when a plain full walk (written here from the rules) finds
one, and report one of the problems the full walk finds."""

import re
from collections.abc import Mapping
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pyrsistent import pmap, pset, pvector

from streamlit_redux import Store, combine_reducers
from streamlit_redux.middleware.checks import CheckError, _hook_accepts, checks_middleware
from streamlit_redux.middleware.checks_walk import _SET_MEMBER as SET_MEMBER
from streamlit_redux.middleware.checks_walk import CheckedSubtrees, _first_problem, _format
from streamlit_redux.middleware.undo import HISTORY_SIZE, undoable
from streamlit_redux.store.codec import CONTAINER_TYPES, is_scalar


class Opaque:
    """A leaf with no JSON form."""


good = st.one_of(
    st.none(), st.booleans(), st.integers(), st.text(max_size=2),
    st.floats(allow_nan=False, allow_infinity=False),
)
bad = st.one_of(  # rare, so that a state often holds one problem, or one deep down
    st.floats().filter(lambda f: f != f or f in (float("inf"), float("-inf"))),
    st.just(1 << 14_001), st.fractions(), st.binary(max_size=2), st.builds(Opaque),
    st.lists(st.integers(), max_size=2), st.binary(max_size=2).map(bytearray),
    st.dictionaries(st.text(max_size=2), st.integers(), max_size=2),
)
leaves = st.one_of(good, good, good, good, good, bad)
trees = st.recursive(
    leaves,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3).map(pvector),
        st.lists(inner, max_size=3).map(tuple),
        st.dictionaries(st.text(max_size=2), inner, max_size=3).map(pmap),
        st.frozensets(st.integers(), max_size=2).map(pset),
    ),
    max_leaves=10,
)
# Each edit sets one top-level key: to a new tree, to another key's value (shared), or to a
# vector holding the old value and a new tree (shared below a new container).
edits = st.lists(
    st.tuples(st.sampled_from("abcd"), st.sampled_from(["new", "share", "wrap"]), trees, st.sampled_from("abcd")),
    max_size=8,
)


def versions(base, steps):
    state = pmap(base)
    yield state
    for key, how, tree, other in steps:
        if how == "new":
            value = tree
        elif how == "share":
            value = state.get(other)
        else:
            value = pvector([state.get(key), tree])
        state = state.set(key, value)
        yield state


def path(*keys):
    """A path as the checks write it (the path syntax is the checks' own, not this test's)."""
    where = (None, "")
    for key in keys:
        where = (where, key)
    return _format(where)


def found(problem):
    return None if problem is None else (problem[0], id(problem[1]), problem[2])


def every_problem(value, immutable, skip_paths, accepts, where=(None, "")):
    """The rules, recursively, with no memory and no per-class shortcut."""
    if is_scalar(value) or (skip_paths and _format(where) in skip_paths):
        return set()
    if isinstance(value, (list, dict, set, bytearray)) and immutable:
        return {(_format(where) or "<root>", id(value), "mutable")}
    if not isinstance(value, CONTAINER_TYPES):
        return set() if accepts(value) else {(_format(where) or "<root>", id(value), "serializable")}
    if isinstance(value, Mapping):
        children = value.items()
    elif isinstance(value, (list, tuple)) or hasattr(value, "tolist"):
        children = enumerate(value)
    else:
        children = ((SET_MEMBER, member) for member in value)
    problems = set()
    for key, child in children:
        problems |= every_problem(child, immutable, skip_paths, accepts, (where, key))
    return problems


@given(
    st.dictionaries(st.sampled_from("abcd"), trees, max_size=4),
    edits,
    st.booleans(),
    st.booleans(),
    st.sampled_from([frozenset(), frozenset({"a", path("b", 0)})]),
)
@settings(max_examples=300, deadline=None)
def test_the_remembering_walk_reports_what_a_full_walk_reports(
    base, steps, immutable, with_hook, skip_paths
):
    accepts = _hook_accepts((lambda value: float(value)) if with_hook else None)
    seen = CheckedSubtrees()
    for state in versions(base, steps):
        fast = _first_problem(state, seen, True, immutable, skip_paths, accepts)
        full = every_problem(state, immutable, skip_paths, accepts)
        assert (fast is None) == (not full)
        assert fast is None or found(fast) in full


@given(st.dictionaries(st.sampled_from("abcd"), trees, max_size=4), edits)
@settings(max_examples=100, deadline=None)
def test_a_store_with_checks_refuses_exactly_the_states_a_fresh_one_refuses(base, steps):
    """Through the public path: the long-lived store's checks remember subtrees; a fresh store
    per state checks everything; both accept and refuse the same states, with one message."""
    pending = []  # the next state, handed to the reducer outside the (checked) action

    def replace(state, action):
        return pending[-1] if action.type == "replace" else state

    def outcome(store, state):
        pending.append(state)
        try:
            store.dispatch({"type": "replace"})
        except CheckError as error:
            return str(error)
        return None

    long_lived = Store(replace, pmap(), middleware=[checks_middleware(enabled=True)])
    for state in versions(base, steps):
        fresh = Store(replace, pmap(), middleware=[checks_middleware(enabled=True)])
        assert outcome(long_lived, state) == outcome(fresh, state)


def test_a_fraction_accepted_by_the_hook_is_decided_per_value_not_per_class():
    accepts = _hook_accepts(lambda value: float(value) if value.denominator < 10 else Opaque())
    seen = CheckedSubtrees()
    assert _first_problem(pvector([Fraction(1, 2)]), seen, True, True, frozenset(), accepts) is None
    problem = _first_problem(pvector([Fraction(1, 20)]), seen, True, True, frozenset(), accepts)
    assert problem is not None and problem[0] == path(0) and problem[2] == "serializable"


def test_classes_made_on_every_rerun_are_not_kept_forever():
    from streamlit_redux.middleware import checks_walk

    for _ in range(3 * checks_walk._MAX_KINDS):
        fresh = type("Row", (), {})  # what a script rerun does to a class it defines
        _first_problem(pvector([fresh()]), CheckedSubtrees(), True, True, frozenset(), _hook_accepts(None))
    assert len(checks_walk._kinds) <= checks_walk._MAX_KINDS


def test_a_subtree_clean_only_under_an_ignored_path_is_checked_again_elsewhere():
    """Found by the property above: a vector whose bad item sat at an ignored path was
    remembered as clean, so the same vector under another key went unchecked."""
    shared = pvector([Opaque()])
    states = iter([pmap({"cache": shared}), pmap({"cache": shared, "rows": shared})])
    ignored, reported = path("cache", 0), path("rows", 0)
    store = Store(
        lambda s, a: next(states) if a.type == "next" else s,
        pmap(),
        middleware=[checks_middleware(enabled=True, ignored_paths=[ignored])],
    )
    store.dispatch({"type": "next"})
    message = rf'^After "next", the state holds a Opaque at "{re.escape(reported)}"'
    with pytest.raises(CheckError, match=message):
        store.dispatch({"type": "next"})


def live_entries(seen):
    return {key for key, ref in seen._refs.items() if ref() is not None}


@given(st.dictionaries(st.sampled_from("abcd"), trees, max_size=4), edits, st.booleans())
@settings(max_examples=200, deadline=None)
def test_the_walk_without_paths_answers_and_remembers_what_the_walk_with_paths_does(
    base, steps, immutable
):
    """The usual shapes are walked without paths first; forcing every state through the walk
    with paths must give the same reports and remember the same subtrees."""
    from streamlit_redux.middleware import checks_walk

    accepts = _hook_accepts(None)
    fast, full = CheckedSubtrees(), CheckedSubtrees()
    states = list(versions(base, steps))
    reports = [_first_problem(state, fast, True, immutable, frozenset(), accepts) for state in states]
    usual = checks_walk._clean_in_usual_shapes
    checks_walk._clean_in_usual_shapes = lambda value, seen: False
    try:
        expected = [_first_problem(state, full, True, immutable, frozenset(), accepts) for state in states]
    finally:
        checks_walk._clean_in_usual_shapes = usual
    assert [found(report) for report in reports] == [found(report) for report in expected]
    assert live_entries(fast) == live_entries(full)


def test_the_walk_without_paths_is_taken_for_the_usual_shapes():
    """The shortcut is used (not only correct): a pyrsistent state of scalars is shown clean
    without the walk with paths."""
    from streamlit_redux.middleware import checks_walk

    seen = CheckedSubtrees()
    state = pmap({"rows": pvector([pmap({"v": 1, "t": ("a", None)})]), "n": 1.5})
    _first_problem(state, CheckedSubtrees(), True, True, frozenset(), _hook_accepts(None))  # classes seen
    assert checks_walk._clean_in_usual_shapes(state, seen)
    assert state in seen and state["rows"] in seen


def test_dead_entries_are_swept_when_the_table_doubles():
    seen = CheckedSubtrees()
    kept = [pvector([i]) for i in range(10)]
    seen.remember(kept)
    for i in range(5 * CheckedSubtrees._FIRST_SWEEP):
        seen.remember([pvector([i])])  # collected at once: a dead entry
    assert len(seen) < 2 * CheckedSubtrees._FIRST_SWEEP + len(kept)
    assert all(vector in seen for vector in kept)


@given(st.dictionaries(st.sampled_from("abcd"), trees, max_size=4), edits)
@settings(max_examples=100, deadline=None)
def test_a_store_of_undoable_slices_refuses_exactly_the_states_with_a_problem_in_a_present(
    base, steps
):
    """Histories are walked through their present (and group) only: a long-lived store whose
    slices are undoable, one changing and one never changing, refuses a state exactly when the
    rules find a problem in the present, and names one of them."""
    pending = []

    def replace(state, action):
        return pending[-1] if action.type == "replace" else state

    slices = {"edited": undoable(replace, limit=3), "kept": undoable(lambda s, a: s or pmap())}
    store = Store(combine_reducers(**slices), middleware=[checks_middleware(enabled=True)])
    present = (((None, ""), "edited"), "present")
    for state in versions(base, steps):
        pending.append(state)
        problems = every_problem(state, True, frozenset(), _hook_accepts(None), present)
        try:
            store.dispatch({"type": "replace"})
        except CheckError as error:
            assert any(f'at "{where}"' in str(error) for where, _, _ in problems), str(error)
        else:
            assert not problems


def test_a_plain_map_the_size_of_a_history_is_walked_in_full():
    """Only a history is seen through its present: a map with as many keys is not one."""
    state = pmap({f"k{i}": i for i in range(HISTORY_SIZE - 1)}).set("bad", Opaque())
    problem = _first_problem(state, CheckedSubtrees(), True, True, frozenset(), _hook_accepts(None))
    assert problem is not None and problem[0] == path("bad") and problem[2] == "serializable"
