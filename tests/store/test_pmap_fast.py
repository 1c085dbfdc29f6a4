"""The private PMap fast path must build exactly what pyrsistent's public ``set`` builds."""

from hypothesis import given
from hypothesis import strategies as st
from pyrsistent import PMap, PRecord, field, pmap

from streamlit_redux.store import _pmap_fast
from streamlit_redux.store._pmap_fast import get_value, set_value

# Small ints and short strings collide in buckets often; tuples hash like their items.
keys = st.one_of(st.integers(-50, 50), st.text(max_size=3), st.tuples(st.integers(0, 3)))
values = st.one_of(st.integers(), st.text(max_size=3), st.none())
maps = st.dictionaries(keys, values, max_size=40).map(pmap)


def test_the_installed_pyrsistent_is_one_the_fast_path_was_written_for():
    assert _pmap_fast.ENABLED


@given(maps, keys, values)
def test_set_value_equals_public_set(mapping, key, value):
    fast, public = set_value(mapping, key, value), mapping.set(key, value)
    assert type(fast) is PMap
    assert fast == public
    assert dict(fast.items()) == dict(public.items())
    assert len(fast) == len(public)
    assert hash(fast) == hash(public)


@given(maps, keys, values, keys, values)
def test_maps_built_by_set_value_keep_working_with_the_public_api(m, k1, v1, k2, v2):
    fast = set_value(set_value(m, k1, v1), k2, v2)
    public = m.set(k1, v1).set(k2, v2)
    assert fast == public
    assert fast.remove(k2) == public.remove(k2)
    assert fast.set("extra", 1) == public.set("extra", 1)
    assert fast.evolver().persistent() == public


@given(maps, keys)
def test_get_value_equals_public_get(mapping, key):
    assert get_value(mapping, key) == mapping.get(key)


@given(maps, keys, values)
def test_set_value_leaves_its_input_unchanged(mapping, key, value):
    before = dict(mapping.items())
    set_value(mapping, key, value)
    assert dict(mapping.items()) == before


def test_setting_the_same_value_returns_the_same_map():
    mapping = pmap({"a": (1,)})
    assert set_value(mapping, "a", mapping["a"]) is mapping


def test_subclasses_go_through_their_own_checked_set():
    class Point(PRecord):  # type: ignore[type-arg]
        x = field(type=int)

    point = Point(x=1)
    moved = set_value(point, "x", 2)
    assert type(moved) is Point
    assert moved.x == 2


def test_without_a_known_layout_the_public_set_is_used(monkeypatch):
    monkeypatch.setattr(_pmap_fast, "ENABLED", False)
    mapping = pmap({"a": 1})
    assert set_value(mapping, "a", 2) == pmap({"a": 2})
    assert get_value(mapping, "a") == 1


@given(st.lists(keys, unique=True, max_size=12), st.data())
def test_map_builder_builds_what_pmap_builds(key_list, data):
    keys_ = tuple(key_list)
    values_ = data.draw(st.lists(values, min_size=len(keys_), max_size=len(keys_)))
    built, public = _pmap_fast.map_builder(keys_)(*values_), pmap(dict(zip(keys_, values_, strict=True)))
    assert type(built) is PMap
    assert built == public
    assert list(built.items()) == list(public.items())  # the same layout, so the same order
    assert hash(built) == hash(public)
    assert built.set("extra", 1) == public.set("extra", 1)
    for key in keys_:
        assert set_value(built, key, "new") == public.set(key, "new")


@given(maps, st.lists(keys, max_size=5))
def test_items_reads_the_pairs_of_public_items_in_order(mapping, removed):
    for key in removed:  # removals leave empty buckets behind
        mapping = mapping.discard(key)
    assert list(_pmap_fast.items(mapping)) == list(mapping.items())


@given(st.lists(keys, unique=True, max_size=12), st.data())
def test_map_builder_with_fixed_keys_builds_what_pmap_builds(key_list, data):
    keys_ = tuple(key_list)
    fixed = {key: data.draw(values) for key in keys_ if data.draw(st.booleans())}
    free = [key for key in keys_ if key not in fixed]
    given_values = data.draw(st.lists(values, min_size=len(free), max_size=len(free)))
    given = dict(zip(free, given_values, strict=True))
    expected = pmap({key: fixed[key] if key in fixed else given[key] for key in keys_})
    build = _pmap_fast.map_builder(keys_, fixed=fixed)
    first, second = build(*given_values), build(*given_values)
    assert type(first) is PMap
    assert first == expected
    assert list(first.items()) == list(expected.items())  # the same layout, so the same order
    for key in keys_:
        assert set_value(first, key, "new") == expected.set(key, "new")
        assert first.set(key, "new") == expected.set(key, "new")
    assert second == expected  # changing the first built map left the shared buckets alone


def test_map_builder_with_fixed_keys_falls_back_to_pmap_without_a_known_layout(monkeypatch):
    monkeypatch.setattr(_pmap_fast, "ENABLED", False)
    build = _pmap_fast.map_builder(("a", "b", "c"), fixed={"b": 0})
    assert build(1, 2) == pmap({"a": 1, "b": 0, "c": 2})


@given(maps, keys, values)
def test_size_equals_len(mapping, key, value):
    assert _pmap_fast.size(mapping) == len(mapping)
    assert _pmap_fast.size(set_value(mapping, key, value)) == len(mapping.set(key, value))
