import math
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pyrsistent import freeze, pmap, pset, pvector

from streamlit_redux.store.codec import SerializationError, dumps_state, loads_state

json_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.text(max_size=8),
    st.floats(allow_nan=False, allow_infinity=False),
)
states = st.recursive(
    json_scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4).map(pvector),
        st.dictionaries(st.text(max_size=5), inner, max_size=4).map(pmap),
        st.dictionaries(st.integers(), inner, max_size=3).map(pmap),
        st.frozensets(st.integers(), max_size=4).map(pset),
    ),
    max_leaves=20,
)


@given(states)
def test_round_trip_returns_an_equal_pyrsistent_value(state):
    assert loads_state(dumps_state(state)) == state


def test_maps_vectors_and_sets_come_back_as_pyrsistent_types():
    state = loads_state(dumps_state(freeze({"a": [1, {"b": 2}], "s": pset([3]), "k": pmap({1: "x"})})))
    assert state == freeze({"a": [1, {"b": 2}], "s": pset([3]), "k": pmap({1: "x"})})
    assert type(state["a"]) is type(pvector())


def test_unsupported_value_names_its_path_and_the_fix():
    with pytest.raises(SerializationError, match=r'State path "todos.items\[1\].due" holds a date.*encoder_hook'):
        dumps_state(freeze({"todos": {"items": [{}, {"due": date(2026, 1, 1)}]}}))


def test_non_finite_floats_are_refused():
    with pytest.raises(SerializationError, match=r'State path "x" holds nan, which JSON cannot store'):
        dumps_state(pmap({"x": math.nan}))


def test_hooks_carry_custom_types():
    def encode(value):
        return {"__date__": value.isoformat()}

    def decode(obj):
        return date.fromisoformat(obj["__date__"]) if set(obj) == {"__date__"} else obj

    text = dumps_state(pmap({"due": date(2026, 11, 24)}), encoder_hook=encode)
    assert loads_state(text, decoder_hook=decode) == pmap({"due": date(2026, 11, 24)})


def test_invalid_json_is_a_clear_error():
    with pytest.raises(SerializationError, match=r"Stored state is not valid JSON .*cut off"):
        loads_state('{"a": ')
