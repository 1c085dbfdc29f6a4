import threading

import pytest
from pyrsistent import PMap, pmap, pvector

from streamlit_redux import (
    Action,
    InvalidActionError,
    InvalidListenerError,
    MiddlewareError,
    ReducerError,
    ReducerSideEffectError,
    Store,
    combine_reducers,
    create_slice,
    signals,
)
from streamlit_redux.store.actions import INIT, REPLACE
from tests.store.matching import exact

counter = create_slice(
    name="counter",
    initial_state=0,
    reducers={
        "incremented": lambda s, a: s + 1,
        "added": lambda s, a: s + a.payload,
        "failed": lambda s, a: 1 / 0,
    },
)
inc, add, fail = counter.actions.incremented, counter.actions.added, counter.actions.failed


def make_store(**kw):
    return Store(combine_reducers(counter=counter.reducer), **kw)


def test_init_action_sets_up_state_from_reducers():
    seen = []

    def reducer(state, action):
        seen.append((state, action.type))
        return 0 if state is None else state

    store = Store(reducer)
    assert seen == [(None, INIT)]
    assert store.state == 0


def test_initial_state_is_frozen_and_passed_to_reducers():
    store = Store(lambda s, a: s, initial_state={"items": [1]})
    assert store.state == pmap({"items": pvector([1])})
    assert isinstance(store.state, PMap)


def test_dispatch_returns_the_action_and_updates_state():
    store = make_store()
    action = inc()
    assert store.dispatch(action) is action
    assert store.state["counter"] == 1


def test_dispatch_accepts_a_mapping_with_a_type():
    store = make_store()
    store.dispatch({"type": "counter/added", "payload": 5})
    assert store.state["counter"] == 5


@pytest.mark.parametrize("bad", [42, "counter/incremented", None, object()])
def test_dispatch_refuses_non_actions_saying_what_it_got(bad):
    store = make_store()
    before = store.state
    with pytest.raises(InvalidActionError, match=exact(
        f"dispatch received {type(bad).__name__} {bad!r:.80}: actions must be Action objects or "
        "mappings with a str 'type'. To dispatch functions, add the thunk middleware: "
        "middleware=[*default_middleware(), ...] or [thunk_middleware()]."
    )):
        store.dispatch(bad)
    assert store.state is before


def test_dispatch_refuses_a_mapping_without_type():
    with pytest.raises(InvalidActionError, match=exact(
        "A dispatched mapping needs a non-empty str 'type', got None in {'payload': 1}; add one, "
        "e.g. {'type': 'todos/added', 'payload': ...}."
    )):
        make_store().dispatch({"payload": 1})


def test_listener_gets_the_new_state():
    store = make_store()
    got = []
    store.subscribe(got.append)
    store.dispatch(inc())
    assert got == [store.state]


def test_listener_not_called_when_state_unchanged():
    store = make_store()
    got = []
    store.subscribe(got.append)
    store.dispatch(Action("unrelated"))
    assert got == []


def test_unsubscribe_twice_is_harmless():
    store = make_store()
    got = []
    unsubscribe = store.subscribe(got.append)
    unsubscribe()
    unsubscribe()
    store.dispatch(inc())
    assert got == []


def test_same_listener_subscribed_twice_is_called_twice_and_unsubscribed_separately():
    store = make_store()
    got = []
    first = store.subscribe(got.append)
    store.subscribe(got.append)
    store.dispatch(inc())
    first()
    store.dispatch(inc())
    assert len(got) == 3


def test_subscribe_refuses_non_callables():
    with pytest.raises(InvalidListenerError, match=exact(
        "Store.subscribe expects a callable listener, got int; pass a function taking the new "
        "state."
    )):
        make_store().subscribe(3)  # type: ignore[arg-type]


def test_uses_the_last_snapshot_of_subscribers_during_nested_dispatch():
    # Redux's createStore test of the same name.
    store = make_store()
    calls = {"l1": 0, "l2": 0, "l3": 0, "l4": 0}
    holder = {}

    def listener1(state):
        calls["l1"] += 1
        unsubscribe1()
        holder["unsubscribe4"] = store.subscribe(lambda s: calls.__setitem__("l4", calls["l4"] + 1))
        store.dispatch(inc())
        assert calls == {"l1": 1, "l2": 1, "l3": 1, "l4": 1}

    unsubscribe1 = store.subscribe(listener1)
    store.subscribe(lambda s: calls.__setitem__("l2", calls["l2"] + 1))
    store.subscribe(lambda s: calls.__setitem__("l3", calls["l3"] + 1))
    store.dispatch(inc())
    assert calls == {"l1": 1, "l2": 2, "l3": 2, "l4": 1}
    holder["unsubscribe4"]()
    store.dispatch(inc())
    assert calls == {"l1": 1, "l2": 3, "l3": 3, "l4": 1}


def test_unsubscribing_during_notification_still_notifies_for_this_dispatch():
    store = make_store()
    calls = []
    unsub_b = None

    def a(state):
        calls.append("a")
        unsub_b()

    store.subscribe(a)
    unsub_b = store.subscribe(lambda s: calls.append("b"))
    store.dispatch(inc())
    store.dispatch(inc())
    assert calls == ["a", "b", "a"]


def test_listener_may_dispatch():
    store = make_store()

    def listener(state):
        if state["counter"] == 1:
            store.dispatch(inc())

    store.subscribe(listener)
    store.dispatch(inc())
    assert store.state["counter"] == 2


def test_reducer_error_leaves_state_unchanged_and_names_the_slice():
    store = make_store()
    store.dispatch(inc())
    before = store.state
    got = []
    store.subscribe(got.append)
    with pytest.raises(ReducerError, match=exact(
        'Slice "counter" raised ZeroDivisionError: division by zero while handling action '
        '"counter/failed"; the state was left unchanged. Fix the "counter" reducer.'
    )) as info:
        store.dispatch(fail())
    assert store.state is before
    assert got == []
    assert info.value.slice_name == "counter"
    store.dispatch(inc())
    assert store.state["counter"] == 2


def test_top_level_reducer_error_names_the_action():
    def reducer(state, action):
        if action.type == "boom":
            raise RuntimeError("nope")
        return 0

    store = Store(reducer)
    with pytest.raises(ReducerError, match=exact(
        'The reducer raised RuntimeError: nope while handling action "boom"; the state was left '
        "unchanged. Fix the reducer."
    )):
        store.dispatch(Action("boom"))
    assert store.state == 0


def test_reducer_returning_none_is_refused():
    store = Store(lambda s, a: None if a.type == "x" else 0)
    with pytest.raises(ReducerError, match=exact(
        'The reducer returned None for action "x"; return the state instead (the unchanged state '
        "when the action is not yours)."
    )):
        store.dispatch(Action("x"))
    assert store.state == 0


def test_dispatch_failed_signal_is_sent_with_the_store():
    store = make_store()
    got = []

    def receiver(sender, **kw):
        got.append((sender, kw["action"].type, type(kw["error"]).__name__))

    with signals.dispatch_failed.connected_to(receiver, sender=store), pytest.raises(ReducerError):
        store.dispatch(fail())
    assert got == [(store, "counter/failed", "ReducerError")]


def test_a_raising_dispatch_failed_receiver_never_replaces_the_dispatch_error(caplog):
    store = make_store()
    heard = []

    def careless(sender, **kw):
        raise AttributeError("no .type here")

    def careful(sender, **kw):
        heard.append(type(kw["error"]).__name__)

    with signals.dispatch_failed.connected_to(careless, sender=store), \
            signals.dispatch_failed.connected_to(careful, sender=store), \
            pytest.raises(InvalidActionError) as raised:
        store.dispatch(3)
    assert heard == ["InvalidActionError"]  # the receiver after the careless one still ran
    assert any("careless" in note and "AttributeError" in note for note in raised.value.__notes__)
    assert "careless" in caplog.text
    assert store.state["counter"] == 0


def test_a_mapping_without_a_type_is_announced_as_a_failed_dispatch():
    store = make_store()
    got = []

    def receiver(sender, **kw):
        got.append((kw["action"], type(kw["error"]).__name__))

    with signals.dispatch_failed.connected_to(receiver, sender=store), \
            pytest.raises(InvalidActionError, match="needs a non-empty str 'type'"):
        store.dispatch({"payload": 1})
    assert got == [({"payload": 1}, "InvalidActionError")]


def test_action_dispatched_and_state_changed_signals():
    store = make_store()
    dispatched, changed = [], []

    def on_dispatched(sender, **kw):
        dispatched.append((kw["action"].type, kw["previous_state"]["counter"], kw["state"]["counter"], kw["duration_s"] >= 0))

    def on_changed(sender, **kw):
        changed.append((kw["previous_state"]["counter"], kw["state"]["counter"]))

    with signals.action_dispatched.connected_to(on_dispatched, sender=store), \
            signals.state_changed.connected_to(on_changed, sender=store):
        store.dispatch(inc())
        store.dispatch(Action("noop"))
    assert dispatched == [("counter/incremented", 0, 1, True), ("noop", 1, 1, True)]
    assert changed == [(0, 1)]


def test_a_store_nobody_listens_to_neither_times_nor_announces_when_another_is_watched(monkeypatch):
    """Devtools (action_dispatched) or a view (state_changed) on one store must not make every
    other store in the process time its reducer and send signals."""
    import streamlit_redux.store.store as store_module

    watched, quiet = make_store(), make_store()
    clock_reads, announced = [], []
    monkeypatch.setattr(store_module, "perf_counter", lambda: clock_reads.append(1) or 0.0)
    real_announce = store_module.announce_commit
    monkeypatch.setattr(
        store_module,
        "announce_commit",
        lambda store, *a, **kw: announced.append(store) or real_announce(store, *a, **kw),
    )
    heard = []
    with signals.action_dispatched.connected_to(lambda sender, **kw: heard.append(sender), sender=watched), \
            signals.state_changed.connected_to(lambda sender, **kw: heard.append(sender), sender=watched):
        quiet.dispatch(inc())
        assert (clock_reads, announced, heard) == ([], [], [])
        watched.dispatch(inc())
    assert clock_reads and announced == [watched] and heard == [watched, watched]


def test_reducer_may_not_dispatch():
    holder = {}

    def reducer(state, action):
        if action.type == "sneaky":
            holder["store"].dispatch(Action("other"))
        return 0

    store = holder["store"] = Store(reducer)
    with pytest.raises(ReducerSideEffectError, match=exact(
        "Reducers may not dispatch: a reducer must be a pure function of (state, action); "
        "dispatch from a callback or a middleware instead."
    )):
        store.dispatch(Action("sneaky"))
    assert store.state == 0


@pytest.mark.parametrize(
    ("what", "call"),
    [
        (
            "read store.state: a reducer must be a pure function of (state, action); use the "
            "state argument the reducer gets.",
            lambda store: store.state,
        ),
        (
            "subscribe: a reducer must be a pure function of (state, action); subscribe outside "
            "reducers, e.g. in your app.",
            lambda store: store.subscribe(lambda s: None),
        ),
    ],
)
def test_reducer_may_not_read_state_or_subscribe(what, call):
    holder = {}

    def reducer(state, action):
        if action.type == "sneaky":
            call(holder["store"])
        return 0

    store = holder["store"] = Store(reducer)
    with pytest.raises(ReducerSideEffectError, match=exact(f"Reducers may not {what}")):
        store.dispatch(Action("sneaky"))


def test_replace_reducer_keeps_state_and_dispatches_replace():
    store = make_store()
    store.dispatch(inc())
    seen = []

    def other(state, action):
        seen.append(action.type)
        return state

    store.replace_reducer(other)
    assert store.state["counter"] == 1
    assert seen == [REPLACE]
    assert store.reducer is other


def test_replace_reducer_lets_new_slices_fill_in_their_initial_state():
    store = make_store()
    store.dispatch(inc())
    extra = create_slice(name="extra", initial_state="hi", reducers={})
    store.replace_reducer(combine_reducers(counter=counter.reducer, extra=extra.reducer))
    assert store.state == pmap({"counter": 1, "extra": "hi"})


def test_wrap_reducer_survives_replace_reducer():
    store = Store(lambda s, a: 0)

    def doubling(reducer):
        return lambda s, a: reducer(s, a) * 2 + (1 if a.type == "x" else 0)

    store.wrap_reducer(doubling, name="d")
    store.dispatch(Action("x"))
    assert store.state == 1
    store.replace_reducer(lambda s, a: 5)
    assert store.state == 10
    store.wrap_reducer(lambda r: r, name="d")
    store.dispatch(Action("y"))
    assert store.state == 5


def test_resources_are_made_once_per_store():
    a, b = make_store(), make_store()
    assert a.resource("k", list) is a.resource("k", list)
    assert a.resource("k", list) is not b.resource("k", list)


def test_concurrent_dispatches_lose_no_update():
    store = make_store()
    threads = [
        threading.Thread(target=lambda: [store.dispatch(inc()) for _ in range(2000)])
        for _ in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert store.state["counter"] == 16000


def test_other_threads_see_only_committed_state():
    started, release = threading.Event(), threading.Event()
    seen = []

    def slow(state, action):
        if action.type == "slow":
            started.set()
            release.wait(5)
            return 1
        return 0

    store = Store(slow)
    worker = threading.Thread(target=store.dispatch, args=(Action("slow"),))
    worker.start()
    started.wait(5)
    seen.append(store.state)
    release.set()
    worker.join()
    assert seen == [0]
    assert store.state == 1


def test_dispatching_the_creator_itself_says_to_call_it():
    with pytest.raises(InvalidActionError, match=(
        r'^dispatch received the action creator "counter/incremented" itself; call it to build '
        r"the action: store\.dispatch\(creator\(payload\)\)\.$"
    )):
        make_store().dispatch(inc)


def test_signals_cover_a_middlewares_nested_dispatch_once_per_action():
    def echo(api):
        def wrap(next_dispatch):
            def dispatch(action):
                result = next_dispatch(action)
                if action.type == "counter/incremented":
                    api.dispatch(add(10))
                return result

            return dispatch

        return wrap

    store = make_store(middleware=[echo])
    dispatched, changed, heard = [], [], []
    store.subscribe(heard.append)

    def on_dispatched(sender, **kw):
        dispatched.append((sender, kw["action"].type, kw["state"]["counter"]))

    def on_changed(sender, **kw):
        changed.append((sender, kw["previous_state"]["counter"], kw["state"]["counter"]))

    with signals.action_dispatched.connected_to(on_dispatched), \
            signals.state_changed.connected_to(on_changed):
        store.dispatch(inc())
    assert dispatched == [(store, "counter/incremented", 1), (store, "counter/added", 11)]
    assert changed == [(store, 0, 11)]
    assert [s["counter"] for s in heard] == [11]


def test_without_receivers_nothing_is_recorded_and_later_receivers_still_hear():
    store = make_store()
    store.dispatch(inc())
    got = []

    def receiver(sender, **kw):
        got.append(kw["action"].type)

    with signals.action_dispatched.connected_to(receiver, sender=store):
        store.dispatch(Action("noop"))
    assert got == ["noop"]


def test_after_commit_hooks_see_each_commit_once_and_never_a_rolled_back_one():
    def reducer(state, action):
        if action.type == "boom":
            raise ValueError("boom")
        return state + 1 if action.type == "inc" else state

    store = Store(reducer, 0)
    inside, outside = [], []
    store.after_commit(lambda s: inside.append((s, store.lock._is_owned())), name="in", locked=True)
    store.after_commit(outside.append, name="out")
    store.dispatch({"type": "inc"})
    with pytest.raises(ReducerError, match=r'^The reducer raised ValueError: boom while handling'):
        store.dispatch({"type": "boom"})
    store.dispatch({"type": "noop"})
    store.after_commit(None, name="in", locked=True)
    store.after_commit(lambda s: outside.append(-s), name="out")  # replaced, not added
    store.dispatch({"type": "inc"})
    assert inside == [(1, True)]
    assert outside == [1, -2]


def test_an_outermost_dispatch_that_raises_drops_its_deferred_work_and_recorded_steps():
    ran, steps = [], []

    def failing_on_boom(api):
        def wrap(next_dispatch):
            def dispatch(action):
                api.defer(lambda: ran.append(action.type))
                result = next_dispatch(action)
                if action.type == "boom":
                    raise ValueError("boom")
                return result

            return dispatch

        return wrap

    store = Store(lambda s, a: s + 1, 0, middleware=[failing_on_boom])
    ran.clear()

    def heard(sender, **kw):
        steps.append(kw["action"].type)

    signals.action_dispatched.connect(heard, sender=store)  # the store records its steps now
    try:
        with pytest.raises(MiddlewareError):
            store.dispatch({"type": "boom"})
        assert store.state == 1 and ran == [] and steps == []
        store.dispatch({"type": "tick"})
    finally:
        signals.action_dispatched.disconnect(heard, sender=store)
    assert store.state == 2
    assert ran == ["tick"] and steps == ["tick"]
