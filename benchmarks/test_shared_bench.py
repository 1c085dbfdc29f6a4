"""Shared stores: what one dispatch costs when 1, 10 or 50 sessions view the store.

Each view has one fragment that shows the changed data (so it decides a pushed rerun) or shows
unrelated data (so it reruns nothing). Outside a Streamlit server the push itself is a no-op,
so this measures the fan-out: re-evaluating every session's selections. Baseline: the same
dispatch with no view. Run: make bench
"""

import pytest

from streamlit_redux import Store, StoreView
from streamlit_redux.binding import runtime

counter = lambda s, a: s.set("n", s["n"] + 1) if a.type == "inc" else s  # noqa: E731


def viewed_store(sessions: int, *, shows_changed: bool):
    store = Store(counter, {"n": 0, "other": 0})
    views = []
    for i in range(sessions):
        view = StoreView(store, session_id=f"session-{i}")  # as if in a running server
        with view.tracker.scope("tally"):
            view.select(lambda s: s["n"] if shows_changed else s["other"], key="tally")
        views.append(view)
    return store, views


@pytest.mark.benchmark(group="shared-fanout")
def test_shared_dispatch_no_views(benchmark):
    benchmark.extra_info["baseline"] = True
    store, _ = viewed_store(0, shows_changed=True)
    benchmark(store.dispatch, {"type": "inc"})


@pytest.mark.parametrize("sessions", [1, 10, 50])
@pytest.mark.benchmark(group="shared-fanout")
def test_shared_dispatch_views_showing_the_change(benchmark, sessions, monkeypatch):
    pushed = []
    monkeypatch.setattr(runtime, "PUSH_RERUNS", True)
    monkeypatch.setattr(runtime, "when_session_idle", lambda sid, rerun: pushed.append(sid))
    store, _views = viewed_store(sessions, shows_changed=True)
    benchmark(store.dispatch, {"type": "inc"})
    assert len(set(pushed)) == sessions


@pytest.mark.parametrize("sessions", [10, 50])
@pytest.mark.benchmark(group="shared-fanout")
def test_shared_dispatch_views_showing_other_data(benchmark, sessions, monkeypatch):
    pushed = []
    monkeypatch.setattr(runtime, "PUSH_RERUNS", True)
    monkeypatch.setattr(runtime, "when_session_idle", lambda sid, rerun: pushed.append(sid))
    store, _views = viewed_store(sessions, shows_changed=False)
    benchmark(store.dispatch, {"type": "inc"})
    assert pushed == []  # a session that shows none of the change reruns nothing
