import pytest
from pyrsistent import PMap, PVector, pvector

from streamlit_redux import (
    Action,
    ReducerDefinitionError,
    UnknownSliceMemberError,
    combine_reducers,
    create_action,
    create_slice,
    matches_prefix,
)
from tests.store.matching import exact

todos = create_slice(
    name="todos",
    initial_state={"items": []},
    reducers={
        "added": lambda s, a: s.set("items", s["items"].append(a.payload)),
        "cleared": lambda s, a: s.set("items", pvector()),
    },
    selectors={"count": lambda s: len(s["items"])},
)


def test_slice_action_types_are_prefixed_with_its_name():
    assert todos.name == "todos"
    assert todos.actions.added.type == "todos/added"
    assert todos.actions["cleared"].type == "todos/cleared"


def test_slice_initial_state_is_frozen():
    state = todos.reducer(None, Action("@@init"))
    assert isinstance(state, PMap)
    assert isinstance(state["items"], PVector)


def test_slice_reducer_handles_its_cases():
    state = todos.reducer(None, todos.actions.added("milk"))
    state = todos.reducer(state, todos.actions.added("tea"))
    assert list(state["items"]) == ["milk", "tea"]
    assert todos.reducer(state, todos.actions.cleared())["items"] == pvector()


def test_slice_ignores_other_actions_returning_the_same_object():
    state = todos.reducer(None, Action("@@init"))
    assert todos.reducer(state, Action("other/thing")) is state


def test_slice_extra_reducers_handle_foreign_actions():
    logout = create_action("auth/logged_out")
    session = create_slice(
        name="session", initial_state=1, reducers={}, extra_reducers={logout: lambda s, a: 0}
    )
    assert session.reducer(5, logout()) == 0


def test_slice_selectors_take_the_root_state():
    root = combine_reducers(todos=todos.reducer)
    state = root(None, todos.actions.added("x"))
    assert todos.selectors.count(state) == 1
    assert todos.select_slice(state) is state["todos"]


def test_unknown_action_name_is_an_error_listing_the_known_ones():
    with pytest.raises(UnknownSliceMemberError, match=exact(
        'Slice "todos" has no action "removed"; it has: added, cleared.'
    )):
        todos.actions.removed  # noqa: B018


@pytest.mark.parametrize("bad", ["", "a/b"])
def test_slice_name_must_be_plain(bad):
    with pytest.raises(ReducerDefinitionError, match=exact(
        f"create_slice needs a non-empty name without '/', got {bad!r}; e.g. name='todos'."
    )):
        create_slice(name=bad, initial_state=0, reducers={})


def test_extra_reducers_accept_a_type_prefix_matcher():
    logout = create_action("auth/logged_out")
    expired = create_action("auth/expired")
    session = create_slice(name="session", initial_state=5, reducers={},
                           extra_reducers={matches_prefix("auth/"): lambda s, a: 0})
    assert session.reducer(5, logout()) == 0
    assert session.reducer(5, expired()) == 0
    state = session.reducer(None, Action("other/thing"))
    assert session.reducer(state, Action("authx")) is state


def test_matchers_run_after_the_exact_case_in_table_order():
    seen = []
    log = create_slice(
        name="log",
        initial_state=(),
        reducers={"noted": lambda s, a: (*s, "case")},
        extra_reducers={
            lambda a: a.type.startswith("log/"): lambda s, a: (*s, "first matcher"),
            lambda a: seen.append(a.type) or True: lambda s, a: (*s, "second matcher"),
        },
    )
    assert log.reducer((), log.actions.noted()) == ("case", "first matcher", "second matcher")
    assert log.reducer((), Action("x")) == ("second matcher",)
    assert seen == ["log/noted", "x"]


def test_a_slice_with_matchers_returns_the_same_object_when_none_match():
    counted = create_slice(name="n", initial_state={"k": 1}, reducers={},
                           extra_reducers={matches_prefix("n2/"): lambda s, a: s.set("k", 2)})
    state = counted.reducer(None, Action("@@init"))
    assert counted.reducer(state, Action("n/other")) is state


def test_matches_prefix_accepts_actions_and_mappings():
    is_auth = matches_prefix("auth/")
    assert is_auth(Action("auth/in")) and is_auth({"type": "auth/in"})
    assert not is_auth({"payload": 1}) and not is_auth("auth/in")


def test_a_slices_action_table_can_be_copied():
    import copy

    todos = create_slice(name="todos", initial_state=[], reducers={"added": lambda s, a: s})
    for clone in (copy.copy(todos.actions), copy.deepcopy(todos.actions)):
        assert list(clone) == ["added"] and clone.added.type == "todos/added"
