"""Errors of the core, each through the path a user takes, matched in full."""

import ast
from pathlib import Path

import pytest

from streamlit_redux import (
    Action,
    MiddlewareSetupError,
    ReducerDefinitionError,
    ReducerSideEffectError,
    SliceReturnedNoneError,
    Store,
    UnknownSliceMemberError,
    combine_reducers,
    create_reducer,
    create_slice,
    matches_prefix,
)
from tests.store.matching import exact

broken = create_slice(name="c", initial_state=0, reducers={"x": lambda s, a: None})


def test_case_reducer_returning_none_in_a_combined_store_is_one_clean_error():
    store = Store(combine_reducers(c=broken.reducer))
    before = store.state
    with pytest.raises(SliceReturnedNoneError, match=exact(
        'Slice "c" returned None for action "c/x"; return the state instead (the unchanged '
        "state when the action is not yours)."
    )) as info:
        store.dispatch(broken.actions.x())
    assert (info.value.slice_name, info.value.action_type) == ("c", "c/x")
    assert info.value.__cause__ is None
    assert store.state is before


def test_case_reducer_returning_none_two_levels_down_names_the_path():
    store = Store(combine_reducers(app=combine_reducers(c=broken.reducer)))
    with pytest.raises(SliceReturnedNoneError, match=exact(
        'Slice "app.c" returned None for action "c/x"; return the state instead (the unchanged '
        "state when the action is not yours)."
    )):
        store.dispatch(broken.actions.x())


def test_a_matcher_returning_none_is_the_same_clean_error():
    lenient = create_slice(name="l", initial_state=0, reducers={},
                           extra_reducers={matches_prefix("auth/"): lambda s, a: None})
    store = Store(combine_reducers(l=lenient.reducer))
    with pytest.raises(SliceReturnedNoneError, match=exact(
        'Slice "l" returned None for action "auth/out"; return the state instead (the unchanged '
        "state when the action is not yours)."
    )):
        store.dispatch(Action("auth/out"))


def test_matches_prefix_needs_a_prefix():
    with pytest.raises(ReducerDefinitionError, match=exact(
        "matches_prefix needs a non-empty str prefix, got ''; e.g. 'payments/'."
    )):
        matches_prefix("")


def test_a_handler_must_be_callable():
    with pytest.raises(ReducerDefinitionError, match=exact(
        'The handler for action "inc" is int 3; handlers must be functions taking (state, action) '
        "and returning the state."
    )):
        create_reducer(0, {"inc": 3})  # type: ignore[dict-item]


def test_a_matcher_handler_must_be_callable():
    with pytest.raises(ReducerDefinitionError, match=exact(
        "The handler for matcher \"matches_prefix('a/')\" is str 'x'; handlers must be functions "
        "taking (state, action) and returning the state."
    )):
        create_slice(name="s", initial_state=0, reducers={},
                     extra_reducers={matches_prefix("a/"): "x"})  # type: ignore[dict-item]


def test_unknown_slice_selector_lists_the_known_ones():
    with pytest.raises(UnknownSliceMemberError, match=exact(
        'Slice "c" has no selector "count"; it has: none.'
    )):
        broken.selectors.count  # noqa: B018


def test_a_middleware_may_not_dispatch_while_the_chain_is_built():
    def eager(api):
        api.dispatch(Action("too/early"))
        return lambda next_dispatch: next_dispatch

    with pytest.raises(MiddlewareSetupError, match=exact(
        "A middleware dispatched 'too/early' while the chain was being built; dispatch from "
        "inside the returned dispatch function instead."
    )):
        Store(lambda s, a: 0, middleware=[eager])


def test_a_reducer_may_not_unsubscribe():
    holder = {}

    def reducer(state, action):
        if action.type == "sneaky":
            holder["unsubscribe"]()
        return 0

    store = Store(reducer)
    holder["unsubscribe"] = store.subscribe(lambda s: None)
    with pytest.raises(ReducerSideEffectError, match=exact(
        "Reducers may not unsubscribe: a reducer must be a pure function of (state, action); "
        "unsubscribe outside reducers."
    )):
        store.dispatch(Action("sneaky"))


STORE_PACKAGE = Path(__file__).parents[2] / "streamlit_redux" / "store"


def raised_names(path):
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
            func = node.exc.func
            if isinstance(func, ast.Name):
                yield func.id


@pytest.mark.parametrize("path", sorted(STORE_PACKAGE.glob("*.py")), ids=lambda p: p.name)
def test_the_core_never_raises_the_bare_base_class(path):
    assert "StreamlitReduxError" not in set(raised_names(path))
