from hypothesis import given
from hypothesis import strategies as st
from pyrsistent import freeze, pmap, pset, pvector

from streamlit_redux.devtools.diff import MAX_DEPTH, Change, diff


def test_identical_states_have_no_changes():
    state = freeze({"a": [1, 2], "b": {"c": 3}})
    assert diff(state, state) == []


def test_changed_value_reports_path_old_and_new():
    before = freeze({"todos": [{"text": "milk", "done": False}]})
    after = before.transform(["todos", 0, "done"], True)
    assert diff(before, after) == [Change(("todos", 0, "done"), "changed", False, True)]
    assert str(diff(before, after)[0]) == "todos.0.done: False -> True"


def test_added_and_removed_keys_and_items():
    before = freeze({"a": 1, "items": [1, 2, 3]})
    after = freeze({"b": 2, "items": [1]})
    kinds = {(c.dotted, c.kind) for c in diff(before, after)}
    assert kinds == {
        ("a", "removed"),
        ("b", "added"),
        ("items.1", "removed"),
        ("items.2", "removed"),
    }


def test_sets_report_members_added_and_removed():
    changes = diff(pmap({"tags": pset(["a", "b"])}), pmap({"tags": pset(["b", "c"])}))
    assert [(c.dotted, c.kind) for c in changes] == [("tags.a", "removed"), ("tags.c", "added")]


def test_whole_value_change_at_the_root():
    assert [str(c) for c in diff(1, 2)] == ["(root): 1 -> 2"]


def test_untouched_subtrees_are_never_walked():
    class Exploding(dict):
        def items(self):
            raise AssertionError("walked an untouched subtree")

    big = Exploding(x=1)
    before = pmap({"big": big, "n": 1})
    after = before.set("n", 2)
    assert [c.dotted for c in diff(before, after)] == ["n"]


def test_limit_caps_the_number_of_changes():
    before = freeze({str(i): i for i in range(100)})
    after = freeze({str(i): i + 1 for i in range(100)})
    assert len(diff(before, after, limit=10)) == 10


def test_equal_but_distinct_leaves_are_not_changes():
    assert diff(pmap({"a": 1.0}), pmap({"a": 1})) == []


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=3),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=2), inner, max_size=3)
    ),
    max_leaves=10,
)


@given(json_values, json_values)
def test_no_changes_exactly_when_values_are_equal(a, b):
    assert (diff(freeze(a), freeze(b)) == []) == (freeze(a) == freeze(b))


def test_changes_come_sorted_by_path_with_numeric_indices():
    before = freeze({"b": 1, "a": list(range(12))})
    after = freeze({"b": 2, "a": [-1 if i in (2, 10) else i for i in range(12)]})
    assert [c.dotted for c in diff(before, after)] == ["a.2", "a.10", "b"]


def test_one_change_in_a_large_pmap_is_found_among_shared_buckets():
    before = freeze({f"k{i}": {"v": i} for i in range(5_000)})
    after = before.transform(["k4321", "v"], 0).discard("k7").set("new", 1)
    assert {(c.dotted, c.kind) for c in diff(before, after)} == {
        ("k4321.v", "changed"),
        ("k7", "removed"),
        ("new", "added"),
    }


@given(
    st.dictionaries(st.text(max_size=2), st.integers(0, 3), max_size=30),
    st.dictionaries(st.text(max_size=2), st.integers(0, 3), max_size=30),
)
def test_pmap_bucket_walk_agrees_with_plain_dicts(a, b):
    start = freeze(a)
    end = start.update(b).discard(next(iter(a), "")) if a else freeze(b)
    expected = {(c.dotted, c.kind) for c in diff(dict(start), dict(end))}
    assert {(c.dotted, c.kind) for c in diff(start, end)} == expected


def test_a_state_deeper_than_the_stack_is_diffed_as_one_change_at_the_depth_limit():
    def deep(leaf):
        value = leaf
        for _ in range(2_000):
            value = pvector([value])
        return value

    (change,) = diff(deep(1), deep(2))
    assert change.kind == "changed"
    assert change.path == (0,) * MAX_DEPTH
