"""After a refresh, the panel's log starts with the REHYDRATE that brought the stored state
back (it was dispatched when the store was created, before the panel existed), masked by the
sanitizers like any action."""

import json

from streamlit_redux import Store, create_slice
from streamlit_redux.devtools import actions as ops
from streamlit_redux.devtools import instrument
from streamlit_redux.middleware import persist
from streamlit_redux.storage import MemoryStorage
from tests.devtools.panel_apps import K, click, markdown, recorder_of, run_app

REHYDRATE = "@@streamlit_redux/REHYDRATE"
CARD = "4111-1111-1111-1111"


def test_after_a_refresh_the_log_shows_the_rehydrate_masked(tmp_path, monkeypatch):
    monkeypatch.setenv("WALLET_DB", str(tmp_path / "wallet.db"))
    first = run_app("persisted_app.py")
    click(first, "card")
    click(first, "pay")
    refreshed = run_app("persisted_app.py")  # a new session: the page was refreshed
    assert markdown(refreshed) == ["paid=1, card=True"]
    captions = [c.value for c in refreshed.sidebar.caption]
    assert "No actions recorded yet." not in captions
    options = refreshed.sidebar.radio(key=K + "selected").options
    assert options == [f"#1 `{REHYDRATE}`", "#0 (committed state)"]
    action, state_after = (json.loads(j.value) for j in refreshed.sidebar.json)
    assert action["type"] == REHYDRATE and action["payload"] == {"card": "****", "paid": 1}
    assert state_after == {"card": "****", "paid": 1}
    recorder = recorder_of(refreshed)
    assert recorder.state_before(1)["paid"] == 0  # the log starts from the fresh state
    assert recorder.current_state["card"] == CARD  # masked for display only
    click(refreshed, "pay")  # later actions follow it in the log
    assert refreshed.sidebar.radio(key=K + "selected").options[:2] == ["#2 wallet/paid", f"#1 `{REHYDRATE}`"]


def plain_store(storage):
    counter = create_slice(name="n", initial_state={"n": 0}, reducers={"inc": lambda s, a: s.set("n", s["n"] + 1)})
    return Store(counter.reducer, middleware=[persist(storage, key="n")]), counter.actions.inc


def test_a_recorder_installed_on_a_rehydrated_store_starts_with_the_rehydrate():
    storage = MemoryStorage()
    store, inc = plain_store(storage)
    store.dispatch(inc())
    recorder = instrument(plain_store(storage)[0]).recorder
    assert (recorder.last_index, recorder.action_at(1).type) == (1, REHYDRATE)
    assert (recorder.committed_state["n"], recorder.current_state["n"]) == (0, 1)
    recorder.reset()  # Reset goes back to the app's fresh state, before the stored one
    assert recorder.current_state["n"] == 0


def test_a_recorder_installed_after_later_changes_does_not_invent_history():
    storage = MemoryStorage()
    store, inc = plain_store(storage)
    store.dispatch(inc())
    later, inc = plain_store(storage)
    later.dispatch(inc())
    recorder = instrument(later).recorder
    assert recorder.last_index == 0 and recorder.current_state["n"] == 2


def test_replaying_the_history_with_the_rehydrate_leaves_rebasing_intact():
    notes = create_slice(name="notes", initial_state={"items": []},
                         reducers={"added": lambda s, a: s.set("items", s["items"].append(a.payload))})
    storage = MemoryStorage()

    def tab():
        return Store(notes.reducer, middleware=[persist(storage, key="notes")])

    tab().dispatch(notes.actions.added("stored"))
    a, b = tab(), tab()
    instrument(a)
    a.dispatch(notes.actions.added("a1"))
    b.dispatch(notes.actions.added("b1"))  # b writes after a: a's next write conflicts
    a.dispatch(ops.replay())  # devtools recompute a's history, REHYDRATE included
    a.dispatch(notes.actions.added("a2"))  # rebased onto b's copy
    assert storage.keys(prefix="notes.conflict") == []
    assert list(tab().state["items"]) == ["stored", "a1", "b1", "a2"]
