"""Changing the reducer: replace_reducer (Redux), inject_slice (RTK's inject), and the named
wrappers middleware and devtools use (wrap_reducer), which survive both."""

from hypothesis import given, settings
from hypothesis import strategies as st
from pyrsistent import pmap

from streamlit_redux import Action, Store, combine_reducers, create_slice
from streamlit_redux.store.actions import REPLACE

counter = create_slice(name="counter", initial_state=0, reducers={"inc": lambda s, a: s + 1})
notes = create_slice(name="notes", initial_state="", reducers={"set": lambda s, a: a.payload})
inc = counter.actions.inc


def recording_store(reducer, **kw):
    seen = []

    def spy(api):
        def wrap(next_dispatch):
            def dispatch(action):
                seen.append(action.type)
                return next_dispatch(action)

            return dispatch

        return wrap

    return Store(reducer, middleware=[spy], **kw), seen


def test_quiet_replace_with_equivalent_code_dispatches_nothing_and_keeps_the_state_object():
    store, seen = recording_store(combine_reducers(counter=counter.reducer))
    store.dispatch(inc())
    before, seen[:] = store.state, []
    store.replace_reducer(combine_reducers(counter=counter.reducer), quiet=True)
    assert seen == []
    assert store.state is before
    store.dispatch(inc())
    assert store.state["counter"] == 2


def test_quiet_replace_still_dispatches_replace_when_a_new_slice_needs_its_initial_state():
    store, seen = recording_store(combine_reducers(counter=counter.reducer))
    seen[:] = []
    store.replace_reducer(combine_reducers(counter=counter.reducer, notes=notes.reducer), quiet=True)
    assert seen == [REPLACE]
    assert store.state == pmap({"counter": 0, "notes": ""})


def test_replace_reducer_always_dispatches_replace_by_default():
    store, seen = recording_store(combine_reducers(counter=counter.reducer))
    seen[:] = []
    store.replace_reducer(combine_reducers(counter=counter.reducer))
    assert seen == [REPLACE]


def test_an_injected_slice_appears_at_once_and_answers_its_actions():
    store = Store(combine_reducers(counter=counter.reducer))
    store.inject_slice("notes", notes.reducer)
    assert store.state == pmap({"counter": 0, "notes": ""})
    store.dispatch(notes.actions.set("hi"))
    assert store.state["notes"] == "hi"


def test_injecting_the_same_slice_again_dispatches_nothing():
    store, seen = recording_store(combine_reducers(counter=counter.reducer))
    store.inject_slice("notes", notes.reducer)
    seen[:] = []
    store.inject_slice("notes", notes.reducer)
    assert seen == []


def test_an_injected_slice_survives_replace_reducer():
    store = Store(combine_reducers(counter=counter.reducer))
    store.inject_slice("notes", notes.reducer)
    store.dispatch(notes.actions.set("kept"))
    store.replace_reducer(combine_reducers(counter=counter.reducer))
    store.dispatch(notes.actions.set("still answered"))
    assert store.state["notes"] == "still answered"


def test_injecting_new_code_under_the_same_name_replaces_the_slice_reducer():
    store = Store(combine_reducers(counter=counter.reducer))
    store.inject_slice("notes", notes.reducer)
    shouting = create_slice(
        name="notes", initial_state="", reducers={"set": lambda s, a: a.payload.upper()}
    )
    store.inject_slice("notes", shouting.reducer)
    store.dispatch(shouting.actions.set("hi"))
    assert store.state["notes"] == "HI"


def test_a_rewrapped_name_keeps_its_place_among_the_wrappers():
    store = Store(lambda s, a: "")
    store.wrap_reducer(lambda inner: lambda s, a: inner(s, a) + "a", name="first")
    store.wrap_reducer(lambda inner: lambda s, a: inner(s, a) + "b", name="second")
    store.wrap_reducer(lambda inner: lambda s, a: inner(s, a) + "A", name="first")
    store.dispatch(Action("x"))
    assert store.state == "Ab"


def test_the_wrapped_reducer_is_what_the_store_runs():
    store = Store(combine_reducers(counter=counter.reducer))
    store.inject_slice("notes", notes.reducer)
    store.wrap_reducer(lambda inner: lambda s, a: inner(s, a).set("wrapped", True), name="w")
    store.dispatch(inc())
    assert store.wrapped_reducer(None, Action("@@probe")) == pmap(
        {"counter": 0, "notes": "", "wrapped": True}
    )
    assert store.reducer(None, Action("@@probe")) == pmap({"counter": 0})


def test_middleware_wrap_the_reducer_and_keep_resources_through_their_api():
    made = []

    def answering_ping(api):
        api.resource("pings", lambda: made.append(1) or [])
        api.wrap_reducer(
            lambda inner: lambda s, a: "pong" if a.type == "ping" else inner(s, a), name="ping"
        )
        return lambda next_dispatch: next_dispatch

    store = Store(lambda s, a: s, "start", middleware=[answering_ping])
    store.replace_middleware([answering_ping])  # a Streamlit rerun rebuilds the chain
    store.dispatch(Action("ping"))
    assert store.state == "pong"
    assert made == [1]


def test_the_store_offers_one_way_for_each_need():
    store = Store(lambda s, a: s, 0)
    for gone in ("adopt_reducer", "enhance_reducer", "kept", "get_state"):
        assert not hasattr(store, gone)


@settings(max_examples=50, deadline=None)
@given(st.lists(st.one_of(st.tuples(st.just("inject"), st.sampled_from("abc")),
                          st.tuples(st.just("replace"), st.booleans())), max_size=12))
def test_every_injected_slice_stays_in_the_state_whatever_is_replaced(steps):
    store = Store(combine_reducers(counter=counter.reducer))
    injected = set()
    for kind, value in steps:
        if kind == "inject":
            store.inject_slice(value, lambda s, a: 0 if s is None else s)
            injected.add(value)
        else:
            store.replace_reducer(combine_reducers(counter=counter.reducer), quiet=value)
    assert injected <= set(store.state)
    assert store.state["counter"] == 0


def test_a_store_takes_a_dict_of_slice_reducers_like_configure_store():
    counter = create_slice(name="counter", initial_state=0, reducers={"inc": lambda s, a: s + 1})
    flag = create_slice(name="flag", initial_state=False, reducers={"on": lambda s, a: True})
    store = Store({"counter": counter.reducer, "flag": flag.reducer})
    store.dispatch(counter.actions.inc())
    assert dict(store.state) == {"counter": 1, "flag": False}
