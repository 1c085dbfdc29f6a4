import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pyrsistent import pvector

from streamlit_redux.binding.url import url_text, url_value


@given(st.one_of(st.integers(), st.booleans(), st.text(min_size=1), st.dates()))
def test_a_value_written_as_text_reads_back_as_the_stored_type(value):
    text = str(value).lower() if isinstance(value, bool) else str(value)
    assert url_value([text], value) == value


@pytest.mark.parametrize(
    ("raw", "current", "expected"),
    [
        (["b", "c"], ("a",), ("b", "c")),  # a tuple stays a tuple
        (["b"], ["a"], ["b"]),
        (["2", "5"], pvector([1, 9]), [2, 5]),  # a vector is read as a list
        ([], (), ()),  # an emptied multiselect
        (["2.5"], 1.0, 2.5),
        (["09:30:00"], dt.time(8), dt.time(9, 30)),
        (["2026-01-06T08:00:00"], dt.datetime(2026, 1, 5), dt.datetime(2026, 1, 6, 8)),
        (["Lyon"], None, "Lyon"),  # nothing chosen yet: the option as written
    ],
)
def test_parameters_read_as_the_stored_value_type(raw, current, expected):
    assert url_value(raw, current) == expected
    assert type(url_value(raw, current)) is type(expected)


@pytest.mark.parametrize(("raw", "current"), [(["x"], 1), (["yes"], False), ([], "Paris")])
def test_a_parameter_of_another_type_is_not_read(raw, current):
    with pytest.raises(ValueError):
        url_value(raw, current)


scalars = st.one_of(
    st.integers(),
    st.booleans(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(min_size=1),
    st.dates(),
    st.times(),
    st.datetimes(),
)


@given(scalars)
def test_a_value_written_to_the_url_reads_back_as_itself(value):
    assert url_value(url_text(value), value, home=value) == value


@given(st.lists(st.text(min_size=1), max_size=4).map(tuple))
def test_a_tuple_written_to_the_url_reads_back_as_the_same_tuple(value):
    assert url_value(url_text(value), value, home=value) == value


@pytest.mark.parametrize(
    ("value", "current", "home"),
    [
        (None, "blue", None),  # pills emptied: back to None, whatever is chosen now
        ("", "Ann", ""),  # a cleared text input
        ((), ("a",), ("a",)),  # an emptied multiselect
    ],
)
def test_an_empty_value_reads_as_none_empty_text_or_an_empty_sequence(value, current, home):
    assert url_text(value) == [""]
    assert url_value([""], current, home=home) == value


def test_a_range_and_dates_are_written_as_repeated_iso_values():
    days = (dt.date(2026, 1, 5), dt.date(2026, 1, 9))
    assert url_text(days) == ["2026-01-05", "2026-01-09"]
    assert url_text((20, 80)) == ["20", "80"]
    assert url_text(dt.datetime(2026, 1, 5, 8)) == ["2026-01-05T08:00:00"]
