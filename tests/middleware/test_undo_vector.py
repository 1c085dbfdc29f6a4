"""HistoryVector must read exactly like the plain vector of its items, after any moves."""

import copy
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pyrsistent import PVector, pvector

from streamlit_redux.middleware.undo_vector import HistoryVector

moves = st.lists(
    st.one_of(
        st.tuples(st.just("back"), st.integers(0, 9), st.none() | st.integers(0, 12)),
        st.tuples(st.just("front"), st.integers(0, 9), st.none()),
        st.tuples(st.just("drop_front"), st.none(), st.none()),
        st.tuples(st.just("drop_back"), st.none(), st.none()),
    ),
    max_size=300,
)


def moved(start, backwards, steps):
    """Apply ``steps`` to a HistoryVector and to a list, side by side."""
    vector, model = HistoryVector.of(pvector(start), backwards=backwards), list(start)
    versions = [(vector, list(model))]
    for kind, value, at_most in steps:
        if kind == "back":
            vector = vector.pushed_back(value, at_most=at_most)
            model.append(value)
            if at_most is not None and len(model) > at_most:
                model = model[len(model) - at_most :]
        elif kind == "front":
            vector, model = vector.pushed_front(value), [value, *model]
        elif kind == "drop_front":
            vector, model = vector.without_front(), model[1:]
        else:
            vector, model = vector.without_back(), model[:-1]
        versions.append((vector, list(model)))
    return versions


@given(st.lists(st.integers(0, 9), max_size=40), st.booleans(), moves)
def test_every_version_reads_as_its_items(start, backwards, steps):
    # Older versions too: the moves share one PVector, and reusing a slot must not leak into them.
    for vector, model in moved(start, backwards, steps):
        plain = pvector(model)
        assert len(vector) == len(model)
        assert list(vector) == model
        assert [vector[i] for i in range(-len(model), len(model))] == model + model
        assert vector == plain and plain == vector and vector == HistoryVector.of(plain)
        assert vector == model and model == vector and vector != (*model, None)
        assert hash(vector) == hash(plain)
        assert repr(vector) == repr(plain)
        assert vector[1:3] == plain[1:3]
        assert vector.append(1) == plain.append(1)


def test_it_is_a_pvector_that_copies_and_pickles_as_a_plain_one():
    vector = HistoryVector.of(pvector([1, 2])).pushed_front(0)
    assert isinstance(vector, PVector)
    for twin in (copy.copy(vector), copy.deepcopy(vector), pickle.loads(pickle.dumps(vector))):
        assert type(twin) is type(pvector()) and twin == pvector([0, 1, 2])


def test_out_of_range_and_bad_indexes_raise_what_a_pvector_raises():
    vector = HistoryVector.of(pvector([1, 2]), backwards=True)
    for index in (2, -3, "0"):
        with pytest.raises((IndexError, TypeError)) as raised:
            vector[index]
        with pytest.raises(raised.type):
            pvector([2, 1])[index]
    assert not hasattr(vector, "__no_such_thing__")


def test_unused_slots_stay_bounded_by_the_length():
    vector = HistoryVector.of(pvector())
    for i in range(10_000):
        vector = vector.pushed_back(i, at_most=10)
    assert list(vector) == list(range(9_990, 10_000))
    assert len(vector._base) <= 3 * 10 + 32 + 1


@given(
    st.lists(st.integers(0, 9), max_size=40),
    st.booleans(),
    moves,
    st.lists(st.tuples(st.integers(0, 9), st.integers(0, 45)), max_size=120),
)
def test_recorded_is_the_push_undoable_made_before_it(start, backwards, steps, records):
    """``recorded(value, room)`` equals the two-step push it replaces: ``pushed_back`` with
    ``at_most`` the length (at least 1) once ``room`` items are there, after any moves."""
    vector = moved(start, backwards, steps)[-1][0]
    for value, room in records:
        length = len(vector)
        full = room <= length
        expected = vector.pushed_back(value, at_most=max(length, 1) if full else None)
        vector = vector.recorded(value, room)
        assert list(vector) == list(expected)
        assert vector == expected


@given(st.lists(st.integers(0, 9), max_size=20), st.booleans(), moves)
def test_the_rest_of_the_pvector_api_answers_as_a_plain_vector_does(start, backwards, steps):
    vector = moved(start, backwards, steps)[-1][0]
    plain = pvector(list(vector))
    calls = [
        ("append", (7,)),
        ("extend", ([7, 8],)),
        ("set", (0, 7)),
        ("mset", (0, 7)),
        ("delete", (0,)),
        ("delete", (0, 1)),
        ("remove", (3,)),
        ("transform", ([0], 7)),
        ("tolist", ()),
        ("index", (3,)),
        ("count", (3,)),
    ]
    for name, args in calls:
        try:
            expected = getattr(plain, name)(*args)
        except (IndexError, ValueError) as error:
            with pytest.raises(type(error)):
                getattr(vector, name)(*args)
        else:
            assert getattr(vector, name)(*args) == expected, name
    assert vector.evolver().persistent() == plain
