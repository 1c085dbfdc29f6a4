"""The checks walk a root that ``combine_reducers`` built from the last clean state through its
new slices only, and an undoable history through its present: a bad value must still be caught
at the dispatch that brought it in, with the message a store checking everything would give."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pyrsistent import pmap, pvector

from streamlit_redux import Store, combine_reducers
from streamlit_redux.middleware.checks import CheckError, checks_middleware
from streamlit_redux.middleware.undo import group_by_action_types, undo, undoable
from streamlit_redux.store import reducers

from .test_checks_sharing import Opaque, trees

SEEN = "streamlit_redux:checks:seen"


def fed_slice(name, pending):
    """A slice reducer that takes its next state from ``pending[-1]`` (outside the action, so
    the action check does not see it), or keeps its state."""

    def reducer(state, action):
        if state is None:
            return pmap({"n": 0})
        return pending[-1].get(name, state) if action.type == "feed" else state

    return reducer


def checked_store(slices, **options):
    return Store(combine_reducers(**slices), middleware=[checks_middleware(enabled=True, **options)])


def message(store, action_type="feed"):
    try:
        store.dispatch({"type": action_type})
    except CheckError as error:
        return str(error)
    return None


def refused_alone(state):
    """What a store with checks says of ``state`` reached by a plain reducer (no trust)."""
    store = Store(
        lambda s, a: state if a.type == "feed" else s,
        pmap(),
        middleware=[checks_middleware(enabled=True)],
    )
    return message(store)


def test_a_mutable_value_in_a_changed_slice_is_caught_through_the_combined_root():
    pending = [{}]
    store = checked_store({"a": fed_slice("a", pending), "b": fed_slice("b", pending)})
    pending.append({"a": pmap({"n": 1})})
    assert message(store) is None
    assert reducers.last_combined[0] is store.state  # the trusted path was the one taken
    pending.append({"a": pmap({"n": 2, "rows": pvector([pmap({"tags": ["x"]})])})})
    with pytest.raises(CheckError, match=re.escape('mutable list at "a.rows.0.tags"')):
        store.dispatch({"type": "feed"})


def test_a_bad_value_in_the_present_of_a_history_is_caught():
    pending = [{}]
    store = checked_store({"todos": undoable(fed_slice("todos", pending), limit=5)})
    pending.append({"todos": pmap({"n": 1})})
    assert message(store) is None
    pending.append({"todos": pmap({"n": 2, "cache": Opaque()})})
    with pytest.raises(CheckError, match=re.escape('Opaque at "todos.present.cache"')):
        store.dispatch({"type": "feed"})
    assert store.state["todos"]["present"] == pmap({"n": 1})  # rolled back


def test_a_bad_group_key_of_a_history_is_caught():
    def grouped(state, action):
        return (state or 0) + (action.type == "typed")

    keyed = {"typed": float("nan")}  # a group key the codec cannot write
    store = checked_store(
        {"text": undoable(grouped, group_by=lambda a, s, h: keyed.get(a.type))}
    )
    with pytest.raises(CheckError, match=re.escape('float (nan) at "text.group"')):
        store.dispatch({"type": "typed"})


def test_a_clean_grouped_history_passes_and_undo_brings_back_a_checked_present():
    def typed(state, action):
        return (state or pmap({"n": 0})).set("n", (state or {}).get("n", 0) + 1)

    store = checked_store({"text": undoable(typed, group_by=group_by_action_types("typed"))})
    for _ in range(3):
        store.dispatch({"type": "typed"})
    store.dispatch({"type": "other"})
    store.dispatch(undo())
    assert store.state["text"]["present"]["n"] >= 1


def test_a_bad_value_in_a_history_of_histories_is_caught():
    pending = [{}]
    store = checked_store({"doc": undoable(undoable(fed_slice("doc", pending)))})
    pending.append({"doc": pmap({"n": 1})})
    assert message(store) is None
    pending.append({"doc": pmap({"n": 2, "bad": bytearray(b"x")})})
    with pytest.raises(CheckError, match=re.escape('bytearray at "doc.present.present.bad"')):
        store.dispatch({"type": "feed"})


def test_every_changed_slice_is_walked_when_several_change_in_one_dispatch():
    pending = [{}]
    names = ("a", "b", "c")
    store = checked_store({name: fed_slice(name, pending) for name in names})
    pending.append({name: pmap({"n": 1}) for name in names})
    assert message(store) is None
    pending.append({"a": pmap({"n": 2}), "b": pmap({"n": 2}), "c": pmap({"n": 2, "x": {1: 2}})})
    with pytest.raises(CheckError, match=re.escape('mutable dict at "c.x"')):
        store.dispatch({"type": "feed"})


def test_a_slice_of_a_bad_scalar_is_caught():
    pending = [{}]
    store = checked_store({"level": fed_slice("level", pending)})
    pending.append({"level": float("inf")})
    with pytest.raises(CheckError, match=re.escape('float (inf) at "level"')):
        store.dispatch({"type": "feed"})


def test_a_root_a_replaced_reducer_built_is_walked_in_full():
    store = checked_store({"a": lambda s, a: s or pmap({"n": 0})})
    store.dispatch({"type": "warm"})
    store.replace_reducer(lambda s, a: s.set("new", [1]) if a.type == "spoil" else s, quiet=True)
    with pytest.raises(CheckError, match=re.escape('mutable list at "new"')):
        store.dispatch({"type": "spoil"})


def test_a_new_key_at_the_root_of_a_plain_reducer_is_caught():
    def root(state, action):
        return state.set(action.type, Opaque()) if action.type == "spoil" else state.set("n", 1)

    store = Store(root, pmap(), middleware=[checks_middleware(enabled=True)])
    store.dispatch({"type": "fine"})
    with pytest.raises(CheckError, match=re.escape('Opaque at "spoil"')):
        store.dispatch({"type": "spoil"})


def test_a_value_let_in_by_an_ignored_action_is_caught_at_the_next_checked_dispatch():
    """The root of the next dispatch is built from a state that was never checked: nothing
    is trusted from it."""
    pending = [{}]
    store = checked_store(
        {"a": fed_slice("a", pending), "b": fed_slice("b", pending)},
        ignored_actions=["feed"],
    )
    pending.append({"a": pmap({"bad": [1]})})
    store.dispatch({"type": "feed"})  # ignored: not checked
    pending.append({"b": pmap({"n": 1})})
    store.replace_reducer(
        combine_reducers(
            a=fed_slice("a", pending), b=lambda s, a: s.set("n", 2) if a.type == "go" else s
        ),
        quiet=True,
    )
    with pytest.raises(CheckError, match=re.escape('mutable list at "a.bad"')):
        store.dispatch({"type": "go"})


def test_the_slice_map_is_not_remembered_but_what_is_new_below_it_is():
    pending = [{}]
    store = checked_store({"a": fed_slice("a", pending)})
    rows = pvector([pmap({"t": 1})])
    pending.append({"a": pmap({"n": 1, "rows": rows})})
    store.dispatch({"type": "feed"})
    pending.append({"a": pmap({"n": 2, "rows": rows.append(pmap({"t": 2}))})})
    store.dispatch({"type": "feed"})
    seen = store.resource(SEEN, dict)
    assert seen.last is store.state
    assert store.state["a"] not in seen and store.state["a"]["rows"] in seen


slice_values = trees.filter(lambda value: value is not None)


@given(
    st.lists(
        st.dictionaries(
            st.sampled_from(["plain", "other", "history"]),
            st.one_of(
                st.tuples(st.just("new"), slice_values),
                st.tuples(st.just("share"), st.sampled_from(["plain", "other", "history"])),
            ),
            min_size=1,
            max_size=3,
        ),
        min_size=1,
        max_size=8,
    )
)
@settings(max_examples=150, deadline=None)
def test_a_combined_store_refuses_exactly_what_a_store_checking_everything_refuses(steps):
    """Each step sets some slices to a new tree or to another slice's present value (shared);
    the long-lived store (trusting its roots and histories) and a fresh store given the very
    state it built (a plain reducer: nothing trusted) must give the same message, or none."""
    pending = [{}]
    built = []

    def recorder(api):
        def wrap(next_dispatch):
            def dispatch(action):
                result = next_dispatch(action)
                built.append(api.get_state())
                return result

            return dispatch

        return wrap

    slices = {
        "plain": fed_slice("plain", pending),
        "other": fed_slice("other", pending),
        "history": undoable(fed_slice("history", pending), limit=3),
    }
    store = Store(
        combine_reducers(**slices), middleware=[checks_middleware(enabled=True), recorder]
    )
    for step in steps:
        current = store.state
        presents = {
            name: current[name]["present"] if name == "history" else current[name]
            for name in slices
        }
        pending.append(
            {name: presents[what] if how == "share" else what for name, (how, what) in step.items()}
        )
        assert message(store) == refused_alone(built[-1])
