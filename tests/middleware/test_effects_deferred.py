"""Synchronous effects run once the dispatch committed, outside the store's lock."""

import threading

import pytest

from streamlit_redux import MiddlewareError, Store, create_slice
from streamlit_redux.middleware import effects_middleware, on, thunk_middleware

WAIT_S = 5  # a bound for an event that comes at once unless the store's lock is still held

doc = create_slice(
    name="doc",
    initial_state={"text": "", "saved": None},
    reducers={
        "edited": lambda s, a: s.set("text", a.payload),
        "saved": lambda s, a: s.set("saved", a.payload),
    },
)
edited, saved = doc.actions.edited, doc.actions.saved


def test_an_effect_waiting_for_another_threads_dispatch_does_not_deadlock():
    other_dispatched, outcome = threading.Event(), []

    @on(edited)
    def wait_for_worker(action, api):
        def worker():
            api.dispatch(saved("from the worker"))
            other_dispatched.set()

        thread = threading.Thread(target=worker)
        thread.start()
        outcome.append(other_dispatched.wait(WAIT_S))
        thread.join(WAIT_S)

    store = Store(doc.reducer, middleware=[effects_middleware(wait_for_worker)])
    store.dispatch(edited("x"))
    assert outcome == [True]
    assert store.state["saved"] == "from the worker"


def test_other_threads_may_dispatch_while_an_effect_runs():
    effect_running, effect_may_end, dispatched = threading.Event(), threading.Event(), threading.Event()

    @on(edited)
    def slow(action, api):
        effect_running.set()
        effect_may_end.wait(WAIT_S)

    store = Store(doc.reducer, middleware=[effects_middleware(slow)])
    caller = threading.Thread(target=store.dispatch, args=(edited("x"),))
    caller.start()
    assert effect_running.wait(WAIT_S)
    other = threading.Thread(target=lambda: (store.dispatch(saved("y")), dispatched.set()))
    other.start()
    assert dispatched.wait(WAIT_S)  # not held up by the effect still running
    effect_may_end.set()
    caller.join(WAIT_S)
    other.join(WAIT_S)
    assert store.state["saved"] == "y"


def test_an_effect_sees_the_committed_state_and_listeners_ran_first():
    order = []
    store = Store(doc.reducer, middleware=[effects_middleware(on(edited, lambda a, api: order.append(("effect", api.get_state()["text"]))))])
    store.subscribe(lambda state: order.append(("listener", state["text"])))
    store.dispatch(edited("x"))
    assert order == [("listener", "x"), ("effect", "x")]


def test_effects_of_a_nested_dispatch_that_failed_are_dropped_and_the_rest_run():
    ran = []

    def failing_thunk(dispatch, get_state):
        dispatch(saved("rolled back"))
        raise RuntimeError("network")

    def outer(dispatch, get_state):
        dispatch(edited("kept"))
        with pytest.raises(MiddlewareError, match=r'^Middleware "thunk_middleware" raised RuntimeError: network'):
            dispatch(failing_thunk)

    listeners = [on(edited, lambda a, api: ran.append(a.payload)), on(saved, lambda a, api: ran.append(a.payload))]
    store = Store(doc.reducer, middleware=[thunk_middleware(), effects_middleware(*listeners)])
    store.dispatch(outer)
    assert ran == ["kept"]
    assert store.state["saved"] is None


def test_an_effect_may_dispatch_and_its_own_effects_follow():
    ran = []
    listeners = [
        on(edited, lambda a, api: (ran.append("edited"), api.dispatch(saved(a.payload)))),
        on(saved, lambda a, api: ran.append("saved")),
    ]
    store = Store(doc.reducer, middleware=[effects_middleware(*listeners)])
    store.dispatch(edited("x"))
    assert ran == ["edited", "saved"]
    assert store.state["saved"] == "x"


def test_defer_outside_a_dispatch_runs_at_once():
    ran = []
    Store(doc.reducer).defer(lambda: ran.append("now"))
    assert ran == ["now"]
