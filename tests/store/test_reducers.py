import pytest
from hypothesis import given
from hypothesis import strategies as st
from pyrsistent import PMap, pmap, pvector

from streamlit_redux import (
    Action,
    ReducerDefinitionError,
    ReducerError,
    SliceReturnedNoneError,
    combine_reducers,
    create_action,
    create_reducer,
)
from streamlit_redux.store.reducers import unchanged
from tests.store.matching import exact

inc = create_action("inc")


def count(state, action):
    state = 0 if state is None else state
    return state + 1 if action.type == "inc" else state


def name(state, action):
    return "anon" if state is None else state


def test_combined_state_has_one_key_per_reducer():
    root = combine_reducers(count=count, name=name)
    assert root(None, Action("@@init")) == pmap({"count": 0, "name": "anon"})


def test_combined_returns_same_object_when_no_slice_changed():
    root = combine_reducers(count=count, name=name)
    state = root(None, Action("@@init"))
    assert root(state, Action("other")) is state


def test_combined_shares_untouched_slices():
    root = combine_reducers(count=count, other=lambda s, a: s or pmap({"deep": 1}))
    state = root(None, Action("@@init"))
    following = root(state, inc())
    assert following["count"] == 1
    assert following["other"] is state["other"]


def test_combined_accepts_a_mapping():
    root = combine_reducers({"count": count})
    assert root(None, inc()) == pmap({"count": 1})


def test_combined_keeps_keys_it_does_not_own():
    root = combine_reducers(count=count)
    state = root(pmap({"count": 0, "persisted": "x"}), inc())
    assert state == pmap({"count": 1, "persisted": "x"})


def test_slice_returning_none_is_an_error_naming_the_slice():
    root = combine_reducers(count=count, broken=lambda s, a: None)
    with pytest.raises(SliceReturnedNoneError, match=exact(
        'Slice "broken" returned None for action "inc"; return the state instead (the unchanged '
        "state when the action is not yours)."
    )):
        root(None, inc())


def test_slice_error_names_slice_and_action_and_keeps_cause():
    def failing(state, action):
        raise ValueError("bad payload")

    root = combine_reducers(count=count, todos=failing)
    with pytest.raises(ReducerError, match=exact(
        'Slice "todos" raised ValueError: bad payload while handling action "inc"; the state was '
        'left unchanged. Fix the "todos" reducer.'
    )) as info:
        root(None, inc())
    assert info.value.slice_name == "todos"
    assert info.value.action_type == "inc"
    assert isinstance(info.value.__cause__, ValueError)


def test_nested_slice_error_names_the_full_path():
    def failing(state, action):
        raise KeyError("k")

    root = combine_reducers(app=combine_reducers(todos=failing))
    with pytest.raises(ReducerError, match=exact(
        'Slice "app.todos" raised KeyError: \'k\' while handling action "inc"; the state was left '
        'unchanged. Fix the "app.todos" reducer.'
    )) as info:
        root(None, inc())
    assert info.value.slice_name == "app.todos"


def test_nested_slice_returning_none_names_the_full_path():
    root = combine_reducers(app=combine_reducers(todos=lambda s, a: None))
    with pytest.raises(SliceReturnedNoneError, match=exact(
        'Slice "app.todos" returned None for action "inc"; return the state instead (the '
        "unchanged state when the action is not yours)."
    )):
        root(None, inc())


def test_combine_reducers_needs_reducers():
    with pytest.raises(ReducerDefinitionError, match=exact(
        "combine_reducers got no reducers; pass them as keywords, e.g. "
        "combine_reducers(todos=todos.reducer)."
    )):
        combine_reducers()


def test_create_reducer_dispatches_by_type_and_creator():
    reducer = create_reducer(0, {inc: lambda s, a: s + 1, "add": lambda s, a: s + a.payload})
    assert reducer(None, inc()) == 1
    assert reducer(5, Action("add", 3)) == 8


def test_create_reducer_returns_same_state_for_unknown_actions():
    state = pmap({"a": 1})
    reducer = create_reducer(pmap(), {inc: lambda s, a: s})
    assert reducer(state, Action("unknown")) is state


def test_create_reducer_freezes_initial_state():
    state = create_reducer({"items": [1, 2]}, {})(None, Action("x"))
    assert isinstance(state, PMap)
    assert state["items"] == pvector([1, 2])


def test_case_reducer_returning_none_is_an_error():
    reducer = create_reducer(0, {inc: lambda s, a: None})
    with pytest.raises(SliceReturnedNoneError, match=exact(
        'The case reducer for action "inc" returned None; return the new state (state objects '
        "are immutable: build a new one)."
    )):
        reducer(None, inc())


def test_create_reducer_refuses_bad_keys():
    with pytest.raises(ReducerDefinitionError, match=exact(
        "A reducer handler is keyed by 3; key handlers by an action type string, an action "
        'creator from create_action, or a matcher such as matches_prefix("todos/").'
    )):
        create_reducer(0, {3: lambda s, a: s})  # type: ignore[dict-item]


slice_names = st.sampled_from(["a", "b", "c", "d", "e"])
slice_values = st.one_of(st.integers(-3, 3), st.text(max_size=2), st.tuples(st.integers(0, 2)))


@given(
    st.dictionaries(slice_names, slice_values, min_size=5, max_size=5),
    st.dictionaries(st.text(min_size=1, max_size=3), st.integers(), max_size=5),
    st.dictionaries(slice_names, slice_values),
)
def test_combined_state_equals_setting_each_changed_slice_with_the_public_api(start, extra, moves):
    def slice_reducer(name):
        return lambda s, a: moves.get(name, s) if a.type == "move" else s

    root = combine_reducers({name: slice_reducer(name) for name in start})
    state = pmap({**extra, **start})
    following = root(state, Action("move"))
    expected = state
    for name, value in moves.items():
        if not unchanged(value, state[name]):
            expected = expected.set(name, value)
    assert following == expected
    assert (following is state) == (expected is state)
    for name in start:
        if name not in moves or unchanged(moves[name], state[name]):
            assert following[name] is state[name]
