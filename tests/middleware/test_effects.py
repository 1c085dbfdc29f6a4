import logging
import threading

import pytest

from streamlit_redux import Store, StreamlitReduxError, create_slice, signals
from streamlit_redux.middleware.effects import create_effects, thunk

doc = create_slice(
    name="doc",
    initial_state={"text": "", "saved": None, "status": "idle"},
    reducers={
        "edited": lambda s, a: s.set("text", a.payload),
        "saved": lambda s, a: s.set("saved", a.payload),
        "status_set": lambda s, a: s.set("status", a.payload),
    },
)
edited, saved, status_set = doc.actions.edited, doc.actions.saved, doc.actions.status_set


def make(effects):
    return Store(doc.reducer, middleware=[thunk, effects.middleware])


def test_effect_runs_after_the_reducer_and_may_dispatch():
    effects = create_effects()
    seen = []

    @effects.on(edited)
    def autosave(action, api):
        seen.append(api.get_state()["text"])
        api.dispatch(saved(action.payload))

    store = make(effects)
    store.dispatch(edited("hello"))
    assert seen == ["hello"]
    assert store.state["saved"] == "hello"


def test_matchers_type_string_creator_and_predicate():
    effects = create_effects()
    hits = []
    effects.on("doc/edited", lambda a, api: hits.append("type"))
    effects.on(edited, lambda a, api: hits.append("creator"))
    effects.on(lambda a: a.type.startswith("doc/"), lambda a, api: hits.append("predicate"))
    make(effects).dispatch(edited("x"))
    assert hits == ["type", "creator", "predicate"]


def test_bad_matcher_is_refused():
    with pytest.raises(StreamlitReduxError, match=r"effects.on got 3; pass an action type, an action creator or a predicate"):
        create_effects().on(3, lambda a, api: None)


def test_failing_effect_is_reported_and_breaks_neither_the_dispatch_nor_other_effects(caplog):
    effects = create_effects()
    ran = []

    @effects.on(edited)
    def broken(action, api):
        raise ValueError("smtp down")

    effects.on(edited, lambda a, api: ran.append(a.payload))
    failures = []

    def receiver(sender, **kw):
        failures.append((sender, kw["action"].type, str(kw["error"])))

    store = make(effects)
    with signals.effect_failed.connected_to(receiver), caplog.at_level(logging.ERROR, logger="streamlit_redux"):
        store.dispatch(edited("x"))
    assert store.state["text"] == "x"
    assert ran == ["x"]
    assert failures == [(broken, "doc/edited", "smtp down")]
    assert 'Effect "test_failing_effect_is_reported_and_breaks_neither_the_dispatch_nor_other_effects.<locals>.broken" raised ValueError: smtp down after action "doc/edited"' in caplog.text


def test_thunk_gets_dispatch_and_get_state_and_returns_its_result():
    store = make(create_effects())

    def load(dispatch, get_state):
        dispatch(status_set("loading"))
        dispatch(edited("loaded"))
        dispatch(status_set("done"))
        return get_state()["text"]

    assert store.dispatch(load) == "loaded"
    assert store.state["status"] == "done"


def test_background_effect_runs_off_thread_and_dispatches_back():
    effects = create_effects()
    done = threading.Event()
    threads = []

    @effects.on(edited, background=True)
    def slow_save(action, api, token):
        threads.append(threading.current_thread().name)
        api.dispatch(saved(action.payload))
        done.set()

    store = make(effects)
    store.dispatch(edited("v1"))
    assert done.wait(5)
    effects.shutdown()
    assert store.state["saved"] == "v1"
    assert threads[0].startswith("streamlit_redux-effect")


def test_background_effects_can_be_cancelled():
    effects = create_effects()
    started, stopped = threading.Event(), threading.Event()

    @effects.on(edited, background=True)
    def poll(action, api, token):
        started.set()
        while not token.wait(0.01):
            pass
        stopped.set()

    make(effects).dispatch(edited("x"))
    assert started.wait(5)
    effects.cancel_all()
    assert stopped.wait(5)
    effects.shutdown()


def test_failing_background_effect_is_reported():
    effects = create_effects()
    reported = threading.Event()

    @effects.on(edited, background=True)
    def broken(action, api, token):
        raise RuntimeError("boom")

    def receiver(sender, **kw):
        reported.set()

    with signals.effect_failed.connected_to(receiver):
        make(effects).dispatch(edited("x"))
        assert reported.wait(5)
    effects.shutdown()


def test_no_thread_until_a_background_effect_runs():
    before = threading.active_count()
    effects = create_effects()
    effects.on(edited, lambda a, api: None)
    make(effects).dispatch(edited("x"))
    assert threading.active_count() == before


APP = """
@effects.on(edited)
def autosave(action, api):
    log.append((VERSION, action.payload))
"""


def test_registering_again_on_a_rerun_replaces_the_effect_with_the_new_code():
    effects, log = create_effects(), []
    for version in (1, 2, 3):  # each rerun executes the script anew: new function objects
        exec(compile(APP, "app.py", "exec"), {"effects": effects, "edited": edited, "log": log, "VERSION": version})
    make(effects).dispatch(edited("x"))
    assert log == [(3, "x")]


def make_counter_effect(tally, name):
    def count(action, api):
        tally.append(name)

    return count


def test_effects_made_by_one_factory_for_different_values_stay_apart():
    effects, tally = create_effects(), []
    for name in ("a", "b"):
        effects.on(edited, make_counter_effect(tally, name))
    make(effects).dispatch(edited("x"))
    assert sorted(tally) == ["a", "b"]


def test_explicit_keys_tell_registrations_apart_or_replace_them():
    effects, tally = create_effects(), []
    for n in range(3):
        effects.on(edited, lambda action, api: tally.append("kept"), key=f"k{n}")
    effects.on(edited, lambda action, api: tally.append("first"), key="same")
    effects.on(edited, lambda action, api: tally.append("second"), key="same")
    make(effects).dispatch(edited("x"))
    assert tally == ["kept", "kept", "kept", "second"]


def test_predicate_lambdas_made_in_a_loop_stay_apart():
    effects, tally = create_effects(), []
    for prefix in ("doc/ed", "doc/sa"):
        effects.on(lambda action, p=prefix: action.type.startswith(p), lambda action, api: tally.append(action.type))
    for prefix in ("doc/ed", "doc/sa"):  # closures over the loop variable, too
        effects.on((lambda p: lambda action: action.type.startswith(p))(prefix), lambda action, api: tally.append("c"))
    store = make(effects)
    store.dispatch(edited("x"))
    store.dispatch(saved("x"))
    assert tally == ["doc/edited", "c", "doc/saved", "c"]
