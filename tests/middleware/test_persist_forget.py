"""``forget`` reaches the open sessions of its owner: none of them stores the data again, not by
a change, a debounced timer or the flush when its session ends (real SQLite)."""

import threading

from streamlit_redux import Store, combine_reducers, create_slice
from streamlit_redux.middleware.persist import forget, persist
from streamlit_redux.storage import SQLiteStorage

notes = create_slice(name="notes", initial_state={"items": []},
                     reducers={"added": lambda s, a: s.set("items", s["items"].append(a.payload))})
root = combine_reducers(notes=notes.reducer)


def open_session(storage, owner, **options):
    return Store(root, middleware=[persist(storage, key="notes", **options).for_owner(lambda scope: owner)])


def test_an_open_session_does_not_write_the_forgotten_data_back(tmp_path):
    storage = SQLiteStorage(tmp_path / "app.db")
    alice, bob = open_session(storage, "alice"), open_session(storage, "bob")
    alice.dispatch(notes.actions.added("alice's secret"))
    bob.dispatch(notes.actions.added("bob's"))
    assert forget(storage, "alice") == 1
    alice.dispatch(notes.actions.added("typed after forget"))
    bob.dispatch(notes.actions.added("bob's second"))
    assert storage.keys() == ["notes:browser:bob"]
    assert list(alice.state["notes"]["items"]) == ["alice's secret", "typed after forget"]
    reloaded = open_session(storage, "alice")  # a reload starts empty and persists again
    assert list(reloaded.state["notes"]["items"]) == []
    reloaded.dispatch(notes.actions.added("a new start"))
    assert list(open_session(storage, "alice").state["notes"]["items"]) == ["a new start"]


def test_a_pending_debounced_write_and_the_flush_at_session_end_write_nothing(tmp_path):
    storage = SQLiteStorage(tmp_path / "app.db")
    tabs = [open_session(storage, "alice", debounce_s=600) for _ in range(2)]
    for tab in tabs:
        tab.dispatch(notes.actions.added("held in a debounce"))
        tab.resource("streamlit_redux:persist:notes:browser:alice", object).flush()
    tabs[0].dispatch(notes.actions.added("pending when forgotten"))
    assert forget(storage, "alice") == 1
    for tab in tabs:
        tab.dispatch(notes.actions.added("after"))
        tab.close()  # the session ended: Store.close() flushes its debounced writes
    assert storage.keys() == []


def test_forget_while_other_threads_are_writing_leaves_nothing_stored(tmp_path):
    storage = SQLiteStorage(tmp_path / "app.db")
    tabs = [open_session(storage, "alice") for _ in range(3)]
    started, stop = threading.Barrier(len(tabs) + 1), threading.Event()

    def keep_writing(tab):
        started.wait()
        while not stop.is_set():
            tab.dispatch(notes.actions.added("x"))

    writers = [threading.Thread(target=keep_writing, args=(tab,)) for tab in tabs]
    for writer in writers:
        writer.start()
    started.wait()
    forget(storage, "alice")
    for tab in tabs:  # every tab wrote at least once more after the forget
        tab.dispatch(notes.actions.added("after"))
    stop.set()
    for writer in writers:
        writer.join(30)
    assert storage.keys() == []
