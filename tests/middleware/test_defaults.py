"""default_middleware(): thunks always, the dev checks in development only, each one optional."""

import pytest

from streamlit_redux import (
    CheckError,
    InvalidActionError,
    MiddlewareOptionError,
    Store,
    create_slice,
    default_middleware,
)
from streamlit_redux.middleware import checks_middleware, thunk

todos = create_slice(
    name="todos",
    initial_state={"items": []},
    reducers={"added_raw": lambda s, a: s.set("items", s["items"].append(a.payload))},
)
added_raw = todos.actions.added_raw


def bump_thunk(dispatch, get_state):
    dispatch(added_raw("milk"))
    return len(get_state()["items"])


def test_thunks_work_with_the_defaults(monkeypatch):
    monkeypatch.setenv("STREAMLIT_REDUX_DEV", "0")
    store = Store(todos.reducer, middleware=[*default_middleware()])
    assert store.dispatch(bump_thunk) == 1


def test_in_development_the_defaults_refuse_a_mutable_value_and_roll_back(monkeypatch):
    monkeypatch.setenv("STREAMLIT_REDUX_DEV", "1")
    store = Store(todos.reducer, middleware=[*default_middleware()])
    with pytest.raises(CheckError, match=r'^After "todos/added_raw", the state holds a mutable list'):
        store.dispatch(added_raw(["a"]))
    assert store.state["items"] == []


def test_in_production_the_checks_are_left_out_entirely(monkeypatch):
    monkeypatch.setenv("STREAMLIT_REDUX_DEV", "0")
    chain = default_middleware()
    assert len(chain) == 1
    store = Store(todos.reducer, middleware=[*chain])
    store.dispatch(added_raw(["a"]))
    assert store.state["items"][0] == ["a"]


def test_checks_false_leaves_them_out_even_in_development(monkeypatch):
    monkeypatch.setenv("STREAMLIT_REDUX_DEV", "1")
    store = Store(todos.reducer, middleware=[*default_middleware(checks=False)])
    store.dispatch(added_raw(["a"]))
    assert store.state["items"][0] == ["a"]


def test_a_configured_checks_middleware_replaces_the_default_one(monkeypatch):
    monkeypatch.setenv("STREAMLIT_REDUX_DEV", "0")
    mine = checks_middleware(enabled=True, ignored_paths=["items"])
    chain = default_middleware(checks=mine)
    assert chain[-1] is mine
    store = Store(todos.reducer, middleware=[*chain])
    store.dispatch(added_raw(["a"]))  # ignored path: passes
    assert store.state["items"][0] == ["a"]


def test_thunk_false_leaves_thunks_out(monkeypatch):
    monkeypatch.setenv("STREAMLIT_REDUX_DEV", "0")
    store = Store(todos.reducer, middleware=[*default_middleware(thunk=False)])
    with pytest.raises(InvalidActionError, match=r"^dispatch received function "):
        store.dispatch(bump_thunk)


def test_the_defaults_go_first_and_yours_after_them(monkeypatch):
    monkeypatch.setenv("STREAMLIT_REDUX_DEV", "0")
    seen = []

    def spy(api):
        def wrap(next_dispatch):
            def dispatch(action):
                seen.append(getattr(action, "type", "a function"))
                return next_dispatch(action)

            return dispatch

        return wrap

    store = Store(todos.reducer, middleware=[*default_middleware(), spy])
    store.dispatch(bump_thunk)
    assert seen[1:] == ["todos/added_raw"]  # the thunk was consumed before reaching the spy


def test_a_dict_of_options_is_refused_with_the_fix():
    with pytest.raises(MiddlewareOptionError, match=(
        r"^default_middleware\(checks=\.\.\.\) got dict \{'ignored_paths': \['a'\]\}; pass "
        r"True, False, or checks_middleware\(\.\.\.\) with your options\.$"
    )):
        default_middleware(checks={"ignored_paths": ["a"]})


def test_a_non_bool_thunk_option_is_refused_with_the_fix():
    with pytest.raises(MiddlewareOptionError, match=(
        r"^default_middleware\(thunk=\.\.\.\) got str 'yes'; pass True or False\.$"
    )):
        default_middleware(thunk="yes")


def test_the_old_thunk_name_still_works_and_says_it_is_deprecated():
    with pytest.warns(DeprecationWarning, match=(
        r"^streamlit_redux\.middleware\.thunk is deprecated; write "
        r"middleware=\[thunk_middleware\(\)\]"
    )):
        store = Store(todos.reducer, middleware=[thunk])
    assert store.dispatch(bump_thunk) == 1


def test_forgetting_to_spread_the_defaults_is_refused_with_the_fix():
    with pytest.raises(MiddlewareOptionError, match=(
        r"^middleware= holds tuple \(.*\), which is not a middleware; spread a tuple of "
        r"middleware into the list: middleware=\[\*default_middleware\(\), \.\.\.\]\.$"
    )):
        Store(todos.reducer, middleware=[default_middleware()])


def test_a_non_callable_middleware_is_refused_with_the_fix():
    with pytest.raises(MiddlewareOptionError, match=(
        r"^middleware= holds str 'logger', which is not a middleware; pass middleware made by "
        r"their factories, e\.g\. logger_middleware\(\)\.$"
    )):
        Store(todos.reducer, middleware=["logger"])
