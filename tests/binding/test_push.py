"""Pushed reruns: wait for an idle session, rerun only what is still stale, never miss a change.

Streamlit's side (the session's event loop, its script runner) is exercised in Chromium by
tests/browser/test_shared_browser.py and test_soak_browser.py; here the decision itself.
"""

import threading

import pytest

from streamlit_redux import Store, StoreView
from streamlit_redux.binding import runtime
from streamlit_redux.binding.reruns import APP

counter = lambda s, a: s.set("n", s["n"] + 1) if a.type == "inc" else s  # noqa: E731


@pytest.fixture
def idle(monkeypatch):
    """Stands in for the session's event loop: callbacks wait until the test says idle."""
    waiting, reruns = [], []
    monkeypatch.setattr(runtime, "PUSH_RERUNS", True)
    monkeypatch.setattr(runtime, "when_session_idle", lambda sid, cb: waiting.append(cb) or True)
    monkeypatch.setattr(runtime, "rerun_idle_session", lambda s, ids: reruns.append(ids))

    def go_idle():
        callbacks, waiting[:] = list(waiting), []
        for callback in callbacks:
            callback("session")
        return reruns

    go_idle.waiting = waiting
    return go_idle


def viewed(scope="tally"):
    store = Store(counter, {"n": 0, "other": 0})
    view = StoreView(store, session_id="s1")
    with view.tracker.scope(scope):
        view.select(lambda s: s["n"], key="n")
    return store, view


def test_a_burst_of_changes_waits_for_idle_and_reruns_once(idle):
    store, _ = viewed()
    for _ in range(3):
        store.dispatch({"type": "inc"})
    assert len(idle.waiting) == 1  # one pending push, whatever the burst
    assert idle() == [None]  # "tally" is not a fragment this view has seen run: the whole app


def test_a_scope_that_ran_again_before_idle_is_not_rerun(idle):
    store, view = viewed()
    store.dispatch({"type": "inc"})
    with view.tracker.scope("tally"):  # a run started after the change: it shows the change
        view._note_run("tally")
        view.select(lambda s: s["n"], key="n")
    assert idle() == []


def test_a_change_shown_by_one_known_fragment_reruns_only_that_fragment(idle):
    store, view = viewed()
    view._fragment_keys["frag-id"] = "tally"
    store.dispatch({"type": "inc"})
    assert idle() == [["frag-id"]]


def test_a_change_nobody_shows_pushes_nothing(idle):
    store, _ = viewed()
    store.dispatch({"type": "other"})
    assert idle.waiting == []


def test_a_change_committed_between_reading_and_recording_is_still_pushed(idle):
    """The race: the notification looks before the selection is recorded, so only the view's
    own look after recording can see that the scope shows old data."""
    store = Store(counter, {"n": 0, "other": 0})
    view = StoreView(store, session_id="s1")

    committed = []

    def read_then_another_thread_commits(state):
        value = state["n"]
        if not committed:  # once: the view looks again after recording, with this selector
            committed.append(True)
            other = threading.Thread(target=store.dispatch, args=({"type": "inc"},))
            other.start()
            other.join()
        return value

    with view.tracker.scope("tally"):
        shown = view.select(read_then_another_thread_commits, key="n")
    assert shown == 0 and store.state["n"] == 1
    assert idle() == [None]  # pushed: the scope shows 0 while the store holds 1


def test_a_view_outside_any_session_never_pushes(idle):
    store = Store(counter, {"n": 0})
    view = StoreView(store)
    with view.tracker.scope(APP):
        view.select(lambda s: s["n"], key="n")
    store.dispatch({"type": "inc"})
    assert idle.waiting == [] and view.changed_scopes() == [APP]
