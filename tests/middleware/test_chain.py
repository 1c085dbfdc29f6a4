import pytest

from streamlit_redux import (
    Action,
    MiddlewareError,
    MiddlewareSetupError,
    Store,
    combine_reducers,
    create_slice,
)
from streamlit_redux.middleware import apply_middleware, compose

counter = create_slice(name="counter", initial_state=0, reducers={"inc": lambda s, a: s + 1})
inc = counter.actions.inc


def recorder(name, log):
    def middleware(api):
        def wrap(next_dispatch):
            def dispatch(action):
                log.append(f"{name}>{action.type}")
                result = next_dispatch(action)
                log.append(f"{name}<{action.type}")
                return result

            return dispatch

        return wrap

    middleware.__qualname__ = name
    return middleware


def make_store(middleware):
    return Store(combine_reducers(counter=counter.reducer), middleware=middleware)


def test_first_middleware_is_outermost():
    log = []
    store = make_store([recorder("a", log), recorder("b", log)])
    log.clear()
    store.dispatch(inc())
    assert log == ["a>counter/inc", "b>counter/inc", "b<counter/inc", "a<counter/inc"]


def test_middleware_sees_the_init_action():
    log = []
    make_store([recorder("a", log)])
    assert log[0] == "a>@@streamlit_redux/INIT"


def test_apply_middleware_composes_in_order():
    log = []
    store = make_store([apply_middleware(recorder("a", log), recorder("b", log)), recorder("c", log)])
    log.clear()
    store.dispatch(inc())
    assert [entry for entry in log if ">" in entry] == ["a>counter/inc", "b>counter/inc", "c>counter/inc"]


def test_api_dispatch_runs_the_whole_chain():
    log = []

    def doubler(api):
        def wrap(next_dispatch):
            def dispatch(action):
                if action.type == "double":
                    api.dispatch(inc())
                    return api.dispatch(inc())
                return next_dispatch(action)

            return dispatch

        return wrap

    store = make_store([recorder("outer", log), doubler])
    log.clear()
    store.dispatch(Action("double"))
    assert store.state["counter"] == 2
    assert log.count("outer>counter/inc") == 2


def test_api_get_state_sees_the_state_inside_the_transaction():
    seen = []

    def spy(api):
        def wrap(next_dispatch):
            def dispatch(action):
                result = next_dispatch(action)
                seen.append(api.get_state()["counter"])
                return result

            return dispatch

        return wrap

    store = make_store([spy])
    store.dispatch(inc())
    assert seen[-1] == 1


def test_middleware_can_handle_non_actions():
    def thunk(api):
        return lambda next_dispatch: lambda action: (
            action(api.dispatch, api.get_state) if callable(action) else next_dispatch(action)
        )

    store = make_store([thunk])
    assert store.dispatch(lambda dispatch, get_state: dispatch(inc()) and get_state()["counter"]) == 1


def test_dispatch_while_building_the_chain_is_refused():
    def eager(api):
        api.dispatch(inc())
        return lambda next_dispatch: next_dispatch

    with pytest.raises(MiddlewareSetupError, match=r"dispatched .* while the chain was being built"):
        make_store([eager])


def test_failing_middleware_leaves_state_unchanged_and_names_itself():
    def explode_after(api):
        def wrap(next_dispatch):
            def dispatch(action):
                result = next_dispatch(action)
                if action.type == "counter/inc":
                    raise OSError("disk full")
                return result

            return dispatch

        return wrap

    store = make_store([explode_after])
    got = []
    store.subscribe(got.append)
    with pytest.raises(MiddlewareError, match=r'^Middleware ".*explode_after" raised OSError: disk full while handling action "counter/inc"; the state was left unchanged\. Fix the middleware, or catch the error inside it\.$') as info:
        store.dispatch(inc())
    assert store.state["counter"] == 0
    assert got == []
    assert isinstance(info.value.__cause__, OSError)


def test_nested_dispatches_roll_back_with_their_failing_transaction():
    def two_then_fail(api):
        def wrap(next_dispatch):
            def dispatch(action):
                if action.type == "batch":
                    api.dispatch(inc())
                    api.dispatch(inc())
                    raise ValueError("half way")
                return next_dispatch(action)

            return dispatch

        return wrap

    store = make_store([two_then_fail])
    with pytest.raises(MiddlewareError):
        store.dispatch(Action("batch"))
    assert store.state["counter"] == 0


def test_listeners_called_once_for_a_dispatch_with_nested_dispatches():
    def twice(api):
        return lambda next_dispatch: lambda action: (
            [api.dispatch(inc()), api.dispatch(inc())] if action.type == "twice" else next_dispatch(action)
        )

    store = make_store([twice])
    got = []
    store.subscribe(got.append)
    store.dispatch(Action("twice"))
    assert [s["counter"] for s in got] == [2]


def test_replace_middleware_keeps_state_and_kept_data():
    def counting(api):
        seen = api.resource("seen", list)

        def wrap(next_dispatch):
            def dispatch(action):
                seen.append(action.type)
                return next_dispatch(action)

            return dispatch

        return wrap

    store = make_store([counting])
    store.dispatch(inc())
    store.replace_middleware([counting])
    store.dispatch(inc())
    assert store.state["counter"] == 2
    assert store.resource("seen", list) == ["@@streamlit_redux/INIT", "counter/inc", "counter/inc"]


def test_compose():
    assert compose()(3) == 3
    assert compose(lambda x: x + 1)(3) == 4
    assert compose(lambda x: x * 2, lambda x: x + 1)(3) == 8


def once_then_aside(name, log, *, fail_after=None):
    """A middleware with one-off work on the first action: then it asks for a relink and its
    ``wrap`` returns ``next_dispatch`` itself. ``fail_after``: it raises on that action type
    after asking."""
    done = []

    def middleware(api):
        def wrap(next_dispatch):
            log.append(f"wrap {name}")
            if done:
                return next_dispatch

            def dispatch(action):
                log.append(f"{name}>{action.type}")
                result = next_dispatch(action)
                api.relink()
                if action.type == fail_after:
                    raise RuntimeError("boom")
                if fail_after is None:
                    done.append(True)
                return result

            return dispatch

        return wrap

    middleware.__qualname__ = name
    return middleware


def test_relink_runs_the_wraps_again_after_the_commit_and_a_finished_link_steps_aside():
    log = []
    store = make_store([recorder("a", log), once_then_aside("b", log), recorder("c", log)])
    init = "@@streamlit_redux/INIT"
    passed = [f"a>{init}", f"b>{init}", f"c>{init}", f"c<{init}", f"a<{init}"]
    assert log == ["wrap b", *passed, "wrap b"]  # wrapped again once INIT committed
    log.clear()
    store.dispatch(inc())
    assert log == ["a>counter/inc", "c>counter/inc", "c<counter/inc", "a<counter/inc"]
    assert store.state["counter"] == 1


def test_a_relink_asked_by_a_rolled_back_dispatch_is_dropped():
    log = []
    store = make_store([once_then_aside("b", log, fail_after="boom")])
    log.clear()
    with pytest.raises(MiddlewareError, match=r'^Middleware "b" raised RuntimeError: boom'):
        store.dispatch(Action("boom"))
    assert log == ["b>boom"]  # no wrap again
    store.dispatch(inc())
    assert log == ["b>boom", "b>counter/inc", "wrap b"]


def test_a_link_that_steps_aside_leaves_errors_named_by_the_others():
    def broken(api):
        def wrap(next_dispatch):
            def dispatch(action):
                if action.type == "boom":
                    raise ValueError("no")
                return next_dispatch(action)

            return dispatch

        return wrap

    broken.__qualname__ = "broken"
    store = make_store([once_then_aside("first", []), broken, once_then_aside("last", [])])
    with pytest.raises(MiddlewareError, match=r'^Middleware "broken" raised ValueError: no'):
        store.dispatch(Action("boom"))
    assert store.dispatch(inc()).type == "counter/inc"


def test_a_relink_asked_in_a_setup_leaves_dispatch_refused_during_the_build():
    def asks_early(api):
        api.relink()  # outside a dispatch: runs at once, inside the build
        return lambda next_dispatch: next_dispatch

    def dispatches_in_setup(api):
        api.dispatch(inc())
        return lambda next_dispatch: next_dispatch

    store = make_store([asks_early])
    with pytest.raises(MiddlewareSetupError):
        store.replace_middleware([asks_early, dispatches_in_setup])
    assert store.state["counter"] == 0
