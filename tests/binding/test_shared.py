"""Shared stores without a browser: one store for every session, views held weakly."""

import gc
import threading
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from streamlit_redux import NotInScriptRunError, Store, StoreView, shared_store, signals
from streamlit_redux.binding import shared

APP = Path(__file__).parents[1] / "browser" / "apps" / "shared_poll.py"
DRAFTS = APP.parent / "shared_drafts.py"


@pytest.fixture(autouse=True)
def fresh_registry(monkeypatch):
    monkeypatch.syspath_prepend(APP.parent)  # the app imports a sibling, as `streamlit run` allows
    shared._stores.clear()
    yield
    shared._stores.clear()


def session(who):
    app = AppTest.from_file(str(APP), default_timeout=10)
    app.query_params["who"] = who
    app.run()
    assert not app.exception, app.exception
    return app


def test_two_sessions_share_one_store_and_keep_their_own():
    alice, bob = session("A"), session("B")
    alice.button[0].click().run()  # Vote tabs
    bob.run()
    assert "tabs=1 spaces=0" in [m.value for m in bob.markdown]
    alice.run()  # AppTest's tree holds only what a keyed rerun ran
    alice.button[1].click().run()  # Click me: alice's own store
    alice.run()
    bob.run()
    assert "my clicks=0" in [m.value for m in bob.markdown]
    assert "my clicks=1" in [m.value for m in alice.markdown]
    assert alice.session_state["streamlit_redux:shared:poll"].store is (
        bob.session_state["streamlit_redux:shared:poll"].store
    )


def test_removing_a_row_another_session_shows_does_not_break_the_click():
    # Bob's row fragment read items[2]; Alice removes it. Bob's view checks his scopes on
    # Alice's thread, and his selector now raises: that is a change for Bob (his page reruns),
    # never an error in Alice's click.
    rows = Path(__file__).parent / "apps" / "row_fragments.py"
    alice, bob = (AppTest.from_file(str(rows), default_timeout=10) for _ in range(2))
    for app in (alice, bob):
        app.session_state["shared"] = True
        app.run()
    alice.button(key="remove-2").click().run()
    assert not alice.exception, alice.exception
    bob.run()
    assert [t.value for t in bob.text] == ["count=2", "item 0: milk", "item 1: eggs"]


def test_a_session_never_gets_the_selection_another_session_made():
    """A selector may read who the session is (``user_id()``, a widget): its result on one
    shared state differs per session, so one session's memo must not answer another."""
    sessions = {}
    for who in ("A", "B"):
        app = sessions[who] = AppTest.from_file(str(DRAFTS), default_timeout=10)
        app.query_params["who"] = who
        app.run()
        assert not app.exception, app.exception
    shown = {who: [m.value for m in app.markdown][1:] for who, app in sessions.items()}
    assert shown == {"A": ["mine=alice's"], "B": ["mine=bob's"]}


def test_shared_store_outside_a_script_run_says_what_to_use():
    with pytest.raises(NotInScriptRunError, match=r'^shared_store\("poll"\) was called outside a Streamlit script run; .* use streamlit_redux\.Store\(reducer\) and share that object\.$'):
        shared_store("poll", lambda s, a: s)


def test_views_of_ended_sessions_are_dropped_from_the_subscribers():
    store = Store(lambda s, a: (s or 0) + (a.type == "inc"))

    def subscribers():
        gc.collect()
        return len(list(signals.state_changed.receivers_for(store)))

    baseline = subscribers()
    views = [StoreView(store) for _ in range(100)]
    assert subscribers() == baseline + 100
    del views[:90]
    assert subscribers() == baseline + 10
    store.dispatch({"type": "inc"})  # the survivors still receive without error
    assert store.state == 1


def test_concurrent_dispatches_to_a_shared_store_lose_nothing():
    store = Store(lambda s, a: (s or 0) + (a.type == "inc"))
    views = [StoreView(store) for _ in range(8)]

    def hammer(view):
        for _ in range(2000):
            view.dispatch({"type": "inc"})

    threads = [threading.Thread(target=hammer, args=(view,)) for view in views]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert store.state == 16_000


def test_a_session_store_and_a_shared_store_bind_the_same_path_on_one_page():
    """Both widgets keyed by the path alone collided (Streamlit's duplicate key error)."""
    shared._stores.pop("team-note", None)
    app = AppTest.from_file(str(Path(__file__).parent / "apps" / "two_stores.py"), default_timeout=10)
    app.run()
    assert not app.exception, app.exception
    assert [t.key for t in app.text_input] == [
        "streamlit_redux:bind:title", "streamlit_redux:bind:team-note:title"]
    app.text_input[0].input("mine").run()
    app.text_input[1].input("ours").run()
    assert [t.value for t in app.text] == ["mine=mine team=ours"]
    shared._stores.pop("team-note", None)
