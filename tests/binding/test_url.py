import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pyrsistent import pvector

from streamlit_redux.binding.url import url_value


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
