"""Background effects: each store has its own bounded threads, a timeout per effect, a close."""

import re
import threading

import pytest

from streamlit_redux import Store, create_slice, signals
from streamlit_redux.middleware.effects import effects_middleware, on
from streamlit_redux.middleware.effects_runner import THREAD_NAME
from streamlit_redux.store.errors import EffectRefusedError, EffectTimeoutError

WAIT_S = 10  # an upper bound for events that should come at once; never reached when all is well

doc = create_slice(name="doc", initial_state={"text": ""}, reducers={"edited": lambda s, a: s.set("text", a.payload)})
edited = doc.actions.edited


def effect_threads():
    return [thread for thread in threading.enumerate() if thread.name.startswith(THREAD_NAME)]


def join_effect_threads():
    for thread in effect_threads():
        thread.join(WAIT_S)
    assert effect_threads() == []


@pytest.fixture(autouse=True)
def no_threads_left_behind():
    yield
    join_effect_threads()


class Failures:
    """Collects what signals.effect_failed reports; `arrived` is set on each report."""

    def __init__(self):
        self.errors, self.arrived = [], threading.Event()

    def __call__(self, sender, **kw):
        self.errors.append(kw["error"])
        self.arrived.set()


@pytest.fixture
def failures():
    receiver = Failures()
    with signals.effect_failed.connected_to(receiver):
        yield receiver


def hanging(started, release):
    """A background effect that hangs until the test releases it (ignoring its token)."""

    def hang(action, api, token):
        started.release()
        release.wait(WAIT_S)

    return on(edited, hang, background=True)


def test_four_hung_effects_in_one_store_do_not_delay_another_stores_effect():
    started, release, b_ran = threading.Semaphore(0), threading.Event(), threading.Event()
    store_a = Store(doc.reducer, middleware=[effects_middleware(hanging(started, release))])
    store_b = Store(doc.reducer, middleware=[effects_middleware(on(edited, lambda a, api, t: b_ran.set(), background=True))])
    for n in range(6):
        store_a.dispatch(edited(f"a{n}"))
    for _ in range(4):
        assert started.acquire(timeout=WAIT_S)
    store_b.dispatch(edited("b"))
    assert b_ran.wait(WAIT_S)
    release.set()
    store_a.close()
    store_b.close()


def test_a_store_runs_at_most_max_concurrent_effects_and_queues_the_rest():
    started, release = threading.Semaphore(0), threading.Event()
    store = Store(doc.reducer, middleware=[effects_middleware(hanging(started, release), max_concurrent=3)])
    for n in range(7):
        store.dispatch(edited(str(n)))
    for _ in range(3):
        assert started.acquire(timeout=WAIT_S)
    assert len(effect_threads()) == 3 + 1  # three workers and the deadline watcher
    release.set()
    for _ in range(4):  # the queued ones run once the first ones return
        assert started.acquire(timeout=WAIT_S)
    store.close()


def test_an_effect_past_its_timeout_is_cancelled_and_reported(failures):
    saw_cancel = []

    def slow(action, api, token):
        saw_cancel.append(token.wait(WAIT_S))

    store = Store(doc.reducer, middleware=[effects_middleware(on(edited, slow, background=True, timeout_s=0.01))])
    store.dispatch(edited("x"))
    assert failures.arrived.wait(WAIT_S)
    join_effect_threads()
    assert saw_cancel == [True]
    [error] = failures.errors
    assert isinstance(error, EffectTimeoutError)
    assert re.match(
        r'^Background effect "test_an_effect_past_its_timeout_is_cancelled_and_reported\.<locals>\.slow" ran past its '
        r'timeout of 0\.01 s after action "doc/edited"; its token was cancelled\. Return when token\.cancelled is '
        r"set \(sleep with token\.wait\), or raise on\(\.\.\., timeout_s=\.\.\.\)\.$",
        str(error),
    )


def test_a_timed_out_effect_that_ignores_its_token_keeps_its_slot_until_it_returns(failures):
    release, second_ran = threading.Event(), threading.Event()

    def stuck(action, api, token):
        release.wait(WAIT_S)

    def next_one(action, api, token):
        second_ran.set()

    listeners = [
        on(lambda a: a.payload == "first", stuck, background=True, timeout_s=0.01),
        on(lambda a: a.payload == "second", next_one, background=True),
    ]
    store = Store(doc.reducer, middleware=[effects_middleware(*listeners, max_concurrent=1)])
    store.dispatch(edited("first"))
    store.dispatch(edited("second"))
    assert failures.arrived.wait(WAIT_S)
    assert not second_ran.is_set()  # it can only start when "first" returns: bounded threads
    release.set()
    assert second_ran.wait(WAIT_S)
    assert [type(error) for error in failures.errors] == [EffectTimeoutError]
    store.close()


def test_a_full_queue_refuses_the_effect_and_reports_it(failures):
    started, release = threading.Semaphore(0), threading.Event()
    store = Store(doc.reducer, middleware=[effects_middleware(hanging(started, release), max_concurrent=1, max_queued=2)])
    store.dispatch(edited("running"))
    assert started.acquire(timeout=WAIT_S)
    store.dispatch(edited("queued 1"))
    store.dispatch(edited("queued 2"))
    assert failures.errors == []
    store.dispatch(edited("refused"))
    [error] = failures.errors
    assert isinstance(error, EffectRefusedError)
    assert re.match(
        r'^Background effect "hanging\.<locals>\.hang" was not started after action "doc/edited": 2 effects of '
        r"this store are already waiting; dispatch less often, or raise effects_middleware\(max_queued=\.\.\.\)\.$",
        str(error),
    )
    assert store.state["text"] == "refused"  # the dispatch itself went through
    release.set()
    store.close()


def test_close_cancels_running_effects_drops_queued_ones_and_refuses_new_ones(failures):
    started, stopped, ran = threading.Event(), threading.Event(), []

    def polite(action, api, token):
        ran.append(action.payload)
        started.set()
        if token.wait(WAIT_S):
            stopped.set()

    store = Store(doc.reducer, middleware=[effects_middleware(on(edited, polite, background=True), max_concurrent=1)])
    store.dispatch(edited("running"))
    assert started.wait(WAIT_S)
    store.dispatch(edited("queued"))
    store.close()
    assert stopped.wait(WAIT_S)
    store.dispatch(edited("after close"))
    join_effect_threads()
    assert ran == ["running"]
    [error] = failures.errors
    assert isinstance(error, EffectRefusedError)
    assert re.match(
        r'^Background effect "test_close_cancels_running_effects_drops_queued_ones_and_refuses_new_ones\.<locals>\.polite" '
        r'was not started after action "doc/edited": its store was closed \(its session ended\); dispatch to an open store\.$',
        str(error),
    )
    assert store.state["text"] == "after close"
    store.close()  # twice is harmless


def test_threads_return_to_baseline_after_many_stores_come_and_go():
    baseline = set(threading.enumerate())
    for n in range(40):
        started = threading.Semaphore(0)

        def wait_for_cancel(action, api, token, started=started):
            started.release()
            token.wait(WAIT_S)

        store = Store(doc.reducer, middleware=[effects_middleware(on(edited, wait_for_cancel, background=True))])
        for m in range(3):
            store.dispatch(edited(f"{n}.{m}"))
        for _ in range(3):
            assert started.acquire(timeout=WAIT_S)
        store.close()  # what the binding does when the session ends
    join_effect_threads()
    assert set(threading.enumerate()) == baseline


def test_an_idle_store_holds_no_thread():
    done = threading.Semaphore(0)
    store = Store(doc.reducer, middleware=[effects_middleware(on(edited, lambda a, api, t: done.release(), background=True))])
    for n in range(5):
        store.dispatch(edited(str(n)))
    for _ in range(5):
        assert done.acquire(timeout=WAIT_S)
    join_effect_threads()  # ended by themselves: the store was never closed
