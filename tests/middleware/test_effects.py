import logging
import threading

import pytest

from streamlit_redux import (
    EffectDefinitionError,
    MiddlewareError,
    Store,
    create_slice,
    signals,
)
from streamlit_redux.middleware import cancel_effects, effects_middleware, on, thunk_middleware

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


def make(*listeners, **options):
    return Store(doc.reducer, middleware=[thunk_middleware(), effects_middleware(*listeners, **options)])


def test_effect_runs_after_the_reducer_and_may_dispatch():
    seen = []

    @on(edited)
    def autosave(action, api):
        seen.append(api.get_state()["text"])
        api.dispatch(saved(action.payload))

    store = make(autosave)
    store.dispatch(edited("hello"))
    assert seen == ["hello"]
    assert store.state["saved"] == "hello"


def test_matchers_type_string_creator_and_predicate():
    hits = []
    store = make(
        on("doc/edited", lambda a, api: hits.append("type")),
        on(edited, lambda a, api: hits.append("creator")),
        on(lambda a: a.type.startswith("doc/"), lambda a, api: hits.append("predicate")),
    )
    store.dispatch(edited("x"))
    assert hits == ["type", "creator", "predicate"]


def test_bad_matcher_is_refused():
    with pytest.raises(EffectDefinitionError, match=r"^on\(\) got 3; pass an action type, an action creator or a predicate\.$"):
        on(3, lambda a, api: None)


def test_a_bad_matcher_is_refused_by_the_decorator_form_before_it_decorates():
    with pytest.raises(EffectDefinitionError, match=r"^on\(\) got None; pass an action type, an action creator or a predicate\.$"):
        on(None)


def test_a_timeout_on_a_synchronous_effect_is_refused():
    with pytest.raises(EffectDefinitionError, match=r"^on\('doc/edited', \.\.\.\) got timeout_s=5 for effect \"test_a_timeout_on_a_synchronous_effect_is_refused\.<locals>\.<lambda>\", which runs on the dispatching thread and cannot be stopped; pass background=True to give it a timeout, or drop timeout_s\.$"):
        on("doc/edited", lambda a, api: None, timeout_s=5)


def test_a_plain_function_is_refused_with_the_fix():
    def email_copy(action, api): ...

    with pytest.raises(
        EffectDefinitionError,
        match=r"^effects_middleware got 'test_a_plain_function_is_refused_with_the_fix\.<locals>\.email_copy', "
        r"not an effect made by on\(\); wrap it: on\(action_type, effect\), or decorate the function with @on\(\.\.\.\)\.$",
    ):
        effects_middleware(email_copy)


def test_an_effect_that_is_not_callable_is_refused():
    with pytest.raises(EffectDefinitionError, match=r"^on\('doc/edited', \.\.\.\) got 'oops' as the effect; pass a function effect\(action, api\) \(with background=True: effect\(action, api, token\)\)\.$"):
        on("doc/edited", "oops")


@pytest.mark.parametrize("timeout", [0, -1, "5", True, float("nan")])
def test_a_timeout_that_is_not_a_positive_number_is_refused(timeout):
    with pytest.raises(EffectDefinitionError, match=r"^on\('doc/edited', \.\.\.\) got timeout_s=.+ for effect \"test_an?_[a-z_]*\.<locals>\.<lambda>\"; pass a number of seconds above 0\.$"):
        on("doc/edited", lambda a, api, token: None, background=True, timeout_s=timeout)


def test_an_infinite_timeout_is_refused():
    with pytest.raises(EffectDefinitionError, match=r"^on\('doc/edited', \.\.\.\) got timeout_s=inf for effect \"test_an?_[a-z_]*\.<locals>\.<lambda>\"; every background effect needs a finite timeout: pass a number of seconds\.$"):
        on("doc/edited", lambda a, api, token: None, background=True, timeout_s=float("inf"))


@pytest.mark.parametrize("option", ["max_concurrent", "max_queued"])
@pytest.mark.parametrize("value", [0, 1.5, None])
def test_bounds_must_be_whole_numbers_of_at_least_one(option, value):
    with pytest.raises(EffectDefinitionError, match=rf"^effects_middleware got {option}={value!r}; pass a whole number of at least 1\.$"):
        effects_middleware(**{option: value})


def test_decorated_effect_stays_callable():
    @on(edited)
    def shout(action, api):
        return action.payload.upper()

    assert shout(edited("hi"), None) == "HI"


def test_failing_effect_is_reported_and_breaks_neither_the_dispatch_nor_other_effects(caplog):
    ran = []

    @on(edited)
    def broken(action, api):
        raise ValueError("smtp down")

    failures = []

    def receiver(sender, **kw):
        failures.append((sender, kw["action"].type, str(kw["error"])))

    store = make(broken, on(edited, lambda a, api: ran.append(a.payload)))
    with signals.effect_failed.connected_to(receiver), caplog.at_level(logging.ERROR, logger="streamlit_redux"):
        store.dispatch(edited("x"))
    assert store.state["text"] == "x"
    assert ran == ["x"]
    assert failures == [(broken.effect, "doc/edited", "smtp down")]
    assert 'Effect "test_failing_effect_is_reported_and_breaks_neither_the_dispatch_nor_other_effects.<locals>.broken" raised ValueError: smtp down after action "doc/edited"' in caplog.text


def test_thunk_gets_dispatch_and_get_state_and_returns_its_result():
    store = make()

    def load(dispatch, get_state):
        dispatch(status_set("loading"))
        dispatch(edited("loaded"))
        dispatch(status_set("done"))
        return get_state()["text"]

    assert store.dispatch(load) == "loaded"
    assert store.state["status"] == "done"


def test_effects_of_a_thunk_run_once_it_committed_and_not_if_it_failed():
    seen = []
    store = make(on(edited, lambda a, api: seen.append((a.payload, api.get_state()["status"]))))

    def load(dispatch, get_state):
        dispatch(edited("loaded"))
        dispatch(status_set("done"))

    store.dispatch(load)
    assert seen == [("loaded", "done")]  # after the whole transaction, not inside it

    def broken(dispatch, get_state):
        dispatch(edited("lost"))
        raise RuntimeError("network")

    with pytest.raises(MiddlewareError, match=r'^Middleware "thunk_middleware" raised RuntimeError: network'):
        store.dispatch(broken)
    assert store.state["text"] == "loaded"
    assert seen == [("loaded", "done")]  # the rolled-back action ran no effect


def test_effect_of_an_action_that_changes_nothing_still_runs():
    seen = []
    store = make(on("ping", lambda a, api: seen.append(a.type)))
    store.dispatch({"type": "ping"})
    assert seen == ["ping"]


def test_background_effect_runs_off_thread_and_dispatches_back():
    done = threading.Event()
    threads = []

    @on(edited, background=True)
    def slow_save(action, api, token):
        threads.append(threading.current_thread().name)
        api.dispatch(saved(action.payload))
        done.set()

    store = make(slow_save)
    store.dispatch(edited("v1"))
    assert done.wait(5)
    store.close()
    assert store.state["saved"] == "v1"
    assert threads[0].startswith("streamlit_redux-effect")


def test_background_effects_can_be_cancelled():
    started, stopped = threading.Event(), threading.Event()

    @on(edited, background=True)
    def poll(action, api, token):
        started.set()
        while not token.wait(0.01):
            pass
        stopped.set()

    store = make(poll)
    store.dispatch(edited("x"))
    assert started.wait(5)
    cancel_effects(store)
    assert stopped.wait(5)
    store.close()


def test_failing_background_effect_is_reported():
    reported = threading.Event()

    @on(edited, background=True)
    def broken(action, api, token):
        raise RuntimeError("boom")

    def receiver(sender, **kw):
        reported.set()

    store = make(broken)
    with signals.effect_failed.connected_to(receiver):
        store.dispatch(edited("x"))
        assert reported.wait(5)
    store.close()


def test_no_thread_at_store_creation_or_for_synchronous_effects():
    before = threading.active_count()
    store = make(on(edited, lambda a, api: None), on(saved, lambda a, api, token: None, background=True))
    store.dispatch(edited("x"))
    assert threading.active_count() == before


APP = """
@on(edited)
def autosave(action, api):
    log.append((VERSION, action.payload))

store.replace_middleware([effects_middleware(autosave)])
"""


def test_each_rerun_replaces_the_effects_with_the_new_code():
    store, log = make(), []
    for version in (1, 2, 3):  # each rerun executes the script anew: new function objects
        exec(compile(APP, "app.py", "exec"), {"on": on, "effects_middleware": effects_middleware, "store": store, "edited": edited, "log": log, "VERSION": version})
    store.dispatch(edited("x"))
    assert log == [(3, "x")]


def test_effects_listed_twice_run_twice_and_made_in_a_loop_stay_apart():
    tally = []
    listeners = [on(lambda action, p=prefix: action.type.startswith(p), lambda action, api: tally.append(action.type)) for prefix in ("doc/ed", "doc/sa")]
    store = make(*listeners)
    store.dispatch(edited("x"))
    store.dispatch(saved("x"))
    assert tally == ["doc/edited", "doc/saved"]
