import json
import math
from datetime import UTC, date, datetime, time
from decimal import Decimal
from fractions import Fraction
from uuid import UUID
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pyrsistent import freeze, pmap, pset, pvector

from streamlit_redux import Store
from streamlit_redux.middleware import persist
from streamlit_redux.storage import MemoryStorage
from streamlit_redux.store.codec import (
    MAX_DEPTH,
    SerializationError,
    dumps_state,
    from_json_value,
    is_scalar,
    loads_state,
    to_json_value,
)
from tests.store.matching import exact

json_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.text(max_size=8),
    st.floats(allow_nan=False, allow_infinity=False),
)
codec_scalars = st.one_of(
    json_scalars,
    st.dates(),
    st.times(),
    st.times(timezones=st.timezones()).filter(lambda t: t.utcoffset() is not None),
    st.datetimes(),
    st.datetimes(timezones=st.timezones()),
    st.decimals(allow_nan=False, allow_infinity=False),
    st.uuids(),
)


def containers(inner):
    return st.one_of(
        st.lists(inner, max_size=4).map(pvector),
        st.lists(inner, max_size=4).map(tuple),
        st.dictionaries(st.text(max_size=5), inner, max_size=4).map(pmap),
        st.dictionaries(st.sampled_from(["__pset__", "__date__", "__tuple__", "x"]), inner,
                        max_size=3).map(pmap),
        st.dictionaries(st.integers(), inner, max_size=3).map(pmap),
        st.frozensets(st.integers(), max_size=4).map(pset),
        st.frozensets(st.dates(), max_size=3).map(pset),
    )


states = st.recursive(json_scalars, containers, max_leaves=20)
typed_states = st.recursive(codec_scalars, containers, max_leaves=20)


def nested(depth, wrap):
    value = None
    for _ in range(depth):
        value = wrap(value)
    return value


@given(states)
def test_round_trip_returns_an_equal_pyrsistent_value(state):
    assert loads_state(dumps_state(state)) == state


@given(typed_states)
def test_dates_times_decimals_uuids_and_tuples_round_trip(state):
    assert loads_state(dumps_state(state)) == state


@given(st.one_of(st.dates(), st.times(), st.datetimes(), st.datetimes(timezones=st.timezones()),
                 st.decimals(allow_nan=False, allow_infinity=False), st.uuids()))
def test_each_type_comes_back_as_the_same_type_and_value(value):
    back = loads_state(dumps_state(pmap({"v": value})))["v"]
    assert type(back) is type(value)
    assert back == value
    assert str(back) == str(value)  # Decimal("1.50") keeps its exponent, a datetime its offset


@given(st.datetimes(timezones=st.timezones()))
def test_aware_datetimes_keep_their_zone(value):
    back = loads_state(dumps_state(value))
    assert back.utcoffset() == value.utcoffset()
    assert getattr(back.tzinfo, "key", None) == getattr(value.tzinfo, "key", None)


def test_naive_datetimes_stay_naive():
    back = loads_state(dumps_state(datetime(2026, 11, 24, 9, 30)))
    assert back == datetime(2026, 11, 24, 9, 30)
    assert back.tzinfo is None


@given(st.lists(st.one_of(st.dates(), st.integers()), max_size=4).map(tuple))
def test_a_tuple_comes_back_as_a_tuple(value):
    back = loads_state(dumps_state(pmap({"range": value})))["range"]
    assert type(back) is tuple
    assert back == value


def test_a_date_range_is_a_tuple_of_dates_after_a_round_trip():
    value = (date(2026, 1, 1), date(2026, 1, 31))
    assert loads_state(dumps_state(value)) == value
    assert json.loads(dumps_state(value)) == {
        "__tuple__": [{"__date__": "2026-01-01"}, {"__date__": "2026-01-31"}]
    }


def test_maps_vectors_and_sets_come_back_as_pyrsistent_types():
    state = loads_state(dumps_state(freeze({"a": [1, {"b": 2}], "s": pset([3]), "k": pmap({1: "x"})})))
    assert state == freeze({"a": [1, {"b": 2}], "s": pset([3]), "k": pmap({1: "x"})})
    assert type(state["a"]) is type(pvector())


def test_a_map_using_a_tag_as_a_key_round_trips_as_a_map():
    state = pmap({"__date__": "not a date", "__tuple__": 1})
    assert loads_state(dumps_state(state)) == state


def test_unsupported_value_names_its_path_and_the_fix():
    with pytest.raises(SerializationError, match=exact(
        'State path "todos.items.1.due" holds a bytes (b\'x\'), which has no JSON form; store '
        "plain data (str, numbers, bool, None, dates, times, Decimal, UUID, maps, vectors, "
        "tuples, sets), or pass encoder_hook=/decoder_hook= to convert it."
    )):
        dumps_state(freeze({"todos": {"items": [{}, {"due": b"x"}]}}))


def test_non_finite_floats_are_refused():
    with pytest.raises(SerializationError, match=r'^State path "x" holds nan, which JSON cannot store'):
        dumps_state(pmap({"x": math.nan}))


def test_non_finite_decimals_are_refused():
    with pytest.raises(SerializationError, match=r"^State path \"x\" holds Decimal\('Infinity'\), which JSON cannot store; use None or a string\.$"):
        dumps_state(pmap({"x": Decimal("Infinity")}))


def test_ints_too_long_for_json_readers_are_refused_both_ways():
    with pytest.raises(SerializationError, match=r'^State path "n" holds an int of 16,610 bits, longer than JSON readers accept; store it as a string\.$'):
        dumps_state(pmap({"n": 10**5000}))
    with pytest.raises(SerializationError, match=r"^The JSON data holds an int of 16,610 bits, which the codec does not read back .*store a string\.$"):
        from_json_value([10**5000])


def test_non_finite_numbers_in_json_text_are_refused():
    with pytest.raises(SerializationError, match=r"^The JSON data holds nan, which the codec does not read back"):
        loads_state("[NaN]")


def test_a_lone_surrogate_in_json_text_is_refused_and_a_pair_is_read():
    with pytest.raises(SerializationError, match=exact(
        'A string in the JSON data holds a lone UTF-16 surrogate ("\\ud800" with no pair), '
        "which is not text: no page can show it; only read data written by streamlit-redux."
    )):
        loads_state('{"name": "a\\ud800"}')
    with pytest.raises(SerializationError, match=r'surrogate \("\\udfff" with no pair\)'):
        loads_state('{"tags": {"__pset__": ["\\udfff"]}}')
    assert loads_state('{"name": "\\ud83d\\ude00"}') == pmap({"name": "\U0001f600"})


def test_a_lone_surrogate_in_the_state_is_refused_when_written_and_a_pair_is_written():
    # What the codec writes it must read back: written, "\ud800" would be refused on reading.
    with pytest.raises(SerializationError, match=exact(
        'A string in the state holds a lone UTF-16 surrogate ("\\ud800" with no pair), which is '
        "not text: it cannot be stored or shown. Remove it from the state (one usually comes "
        "from bytes decoded with errors='surrogateescape'; decode with errors='replace')."
    )):
        dumps_state(pmap({"name": "a\ud800"}))
    text = dumps_state(pmap({"name": "\U0001f600", "word": "\ud55c"}))  # an emoji, a Hangul syllable
    assert loads_state(text) == pmap({"name": "\U0001f600", "word": "\ud55c"})


def test_the_shared_scalar_definition():
    assert all(is_scalar(v) for v in (1, 1.5, "a", None, True, date(2026, 1, 1), time(9),
                                       datetime(2026, 1, 1), Decimal("1.5"), UUID(int=1)))
    assert not any(is_scalar(v) for v in (math.inf, Decimal("NaN"), 2**15000, b"x", [1], (1,)))


def test_hooks_carry_custom_types():
    def encode(value):
        return {"fraction": [value.numerator, value.denominator]}

    def decode(obj):
        return Fraction(*obj["fraction"]) if set(obj) == {"fraction"} else obj

    text = dumps_state(pmap({"share": Fraction(1, 3)}), encoder_hook=encode)
    assert loads_state(text, decoder_hook=decode) == pmap({"share": Fraction(1, 3)})


def test_a_failing_hook_is_a_codec_error():
    def encode(value):
        raise KeyError(value)

    with pytest.raises(SerializationError, match=r'^State path "share": encoder_hook raised KeyError \(Fraction\(1, 3\)\) for a Fraction; make the hook return plain data for it\.$'):
        dumps_state(pmap({"share": Fraction(1, 3)}), encoder_hook=encode)

    def decode(obj):
        raise ValueError("boom")

    with pytest.raises(SerializationError, match=r"^decoder_hook raised ValueError \(boom\) for a JSON object of 1 items; make the hook"):
        loads_state('{"a": 1}', decoder_hook=decode)


def test_invalid_json_is_a_clear_error():
    with pytest.raises(SerializationError, match=exact(
        "Stored state is not valid JSON (Expecting value: line 1 column 7 (char 6)); it was "
        "probably cut off or edited by hand."
    )):
        loads_state('{"a": ')


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 350, 420, 499])
def test_exporting_a_state_nested_too_deep_is_a_codec_error(depth):
    for wrap in (lambda v: pvector([v]), lambda v: pmap({"a": v}), lambda v: (v,), lambda v: pmap({1: v})):
        with pytest.raises(SerializationError, match=r'^State path ".*" is nested more than 100 JSON levels deep, which the codec refuses \(deeper data cannot be read back safely\); keep the state flatter, e\.g\. a tree as a map of nodes by id\.$'):
            dumps_state(nested(depth, wrap))


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 350, 5000, 200_000])
def test_reading_json_nested_too_deep_is_a_codec_error(depth):
    text = "[" * depth + "]" * depth
    with pytest.raises(SerializationError, match=r"^The JSON data is nested more than 100 levels deep, which the codec refuses to read"):
        loads_state(text)


def test_data_at_the_depth_limit_round_trips():
    for wrap in (lambda v: pvector([v]), lambda v: pmap({"a": v})):
        state = nested(MAX_DEPTH, wrap)
        assert loads_state(dumps_state(state)) == state


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"__pmap__": 5}, r'^The JSON data has a malformed "__pmap__" tag: expected an array, got 5; only read data written by streamlit-redux\.$'),
        ({"__pmap__": [[1]]}, r'^The JSON data has a malformed "__pmap__" tag: expected an array of \[key, value\] pairs, got a JSON array of 1 items;'),
        ({"__pset__": "x"}, r'^The JSON data has a malformed "__pset__" tag: expected an array, got \'x\';'),
        ({"__date__": 3}, r'^The JSON data has a malformed "__date__" tag: expected a string, got 3;'),
        ({"__date__": "soon"}, r'^The JSON data has a malformed "__date__" tag: expected an ISO 8601 / decimal text, got \'soon\';'),
        ({"__datetime__": "2026-01-01T00:00:00+00:00[Europe]"}, r'^The JSON data has a malformed "__datetime__" tag'),
        ({"__decimal__": "NaN"}, r'^The JSON data has a malformed "__decimal__" tag'),
        ({"__uuid__": "nope"}, r'^The JSON data has a malformed "__uuid__" tag'),
        ({"__tuple__": [], "x": 1}, r'^The JSON data has a malformed "__tuple__" tag: expected a one-key object, got a JSON object of 2 items;'),
    ],
)
def test_malformed_tags_are_codec_errors(data, message):
    with pytest.raises(SerializationError, match=message):
        from_json_value(data)


def test_to_json_value_writes_tags():
    assert to_json_value((1, Decimal("2.50"))) == {"__tuple__": [1, {"__decimal__": "2.50"}]}
    assert to_json_value(datetime(2026, 1, 1, tzinfo=UTC)) == {
        "__datetime__": "2026-01-01T00:00:00+00:00"
    }


json_values = st.recursive(
    st.one_of(json_scalars, st.sampled_from(["__pmap__", "__pset__", "__tuple__", "__date__",
                                              "2026-01-01", "12:00", "1.5", "NaN"])),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(
            st.one_of(st.text(max_size=4), st.sampled_from(
                ["__pmap__", "__pset__", "__tuple__", "__date__", "__time__", "__datetime__",
                 "__decimal__", "__uuid__"])),
            inner, max_size=3),
    ),
    max_leaves=25,
)


@given(st.one_of(json_values.map(json.dumps), st.text(max_size=40)))
def test_any_json_text_round_trips_or_is_a_codec_error(text):
    try:
        value = loads_state(text)
    except SerializationError:
        return
    assert loads_state(dumps_state(value)) == value


def test_a_persisted_copy_nested_too_deep_is_refused_by_the_codec_and_kept_aside(caplog):
    storage = MemoryStorage()
    deep = "[" * 350 + "]" * 350
    storage.set("root", f'{{"version": 0, "state": {{"items": {deep}}}}}')
    store = Store(lambda s, a: s, pmap({"items": ()}), middleware=[persist(storage)])
    assert store.state == pmap({"items": ()})
    assert "SerializationError: The JSON data is nested more than 100 levels deep" in caplog.text
    assert len(storage.keys(prefix="root.corrupt.")) == 1


@pytest.mark.parametrize(
    "value",
    [
        datetime(2016, 3, 27, 2, 0, tzinfo=ZoneInfo("Asia/Chita")),  # found by hypothesis
        datetime(2026, 3, 29, 2, 30, tzinfo=ZoneInfo("Europe/Paris")),  # skipped by DST
        datetime(2026, 10, 25, 2, 30, tzinfo=ZoneInfo("Europe/Paris")),  # ambiguous, fold 0
        datetime(2026, 10, 25, 2, 30, fold=1, tzinfo=ZoneInfo("Europe/Paris")),
    ],
    ids=str,
)
def test_skipped_and_ambiguous_local_times_keep_their_wall_time_offset_and_fold(value):
    back = loads_state(dumps_state(value))
    assert (back, back.utcoffset(), back.fold, back.tzinfo) == (
        value, value.utcoffset(), value.fold, value.tzinfo
    )
