import json
import logging
import re
import threading

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pyrsistent import freeze, pmap, pvector

from streamlit_redux import Store, combine_reducers, create_slice, signals
from streamlit_redux.middleware.persist import REHYDRATE, PersistError, persist
from streamlit_redux.storage import MemoryStorage, SQLiteStorage, StorageError
from streamlit_redux.testing import captured_actions

todos = create_slice(
    name="todos",
    initial_state={"items": [], "draft": ""},
    reducers={
        "added": lambda s, a: s.set("items", s["items"].append(a.payload)),
        "drafted": lambda s, a: s.set("draft", a.payload),
    },
)
session = create_slice(name="session", initial_state={"token": None}, reducers={"token_set": lambda s, a: s.set("token", a.payload)})
root = combine_reducers(todos=todos.reducer, session=session.reducer)


class CountingStorage(MemoryStorage):
    """A real MemoryStorage that also counts writes."""

    def __init__(self):
        super().__init__()
        self.writes = 0

    def compare_and_set(self, key, value, **options):
        self.writes += 1
        return super().compare_and_set(key, value, **options)


class FullDiskStorage(MemoryStorage):
    """A storage whose writes fail the way a full disk does, after ``ok`` successful ones."""

    def __init__(self, ok):
        super().__init__()
        self.ok = ok

    def compare_and_set(self, key, value, **options):
        if self.ok <= 0:
            raise StorageError("No space left on device")
        self.ok -= 1
        return super().compare_and_set(key, value, **options)


def make(storage, **options):
    return Store(root, middleware=[persist(storage, key="app", **options)])


@pytest.fixture
def failures():
    seen = []

    def receiver(sender, **kw):
        seen.append(kw["error"])

    signals.persist_failed.connect(receiver)
    yield seen
    signals.persist_failed.disconnect(receiver)


def test_state_survives_a_new_store_on_the_same_storage(tmp_path):
    storage = SQLiteStorage(tmp_path / "app.db")
    make(storage).dispatch(todos.actions.added("milk"))
    assert list(make(SQLiteStorage(tmp_path / "app.db")).state["todos"]["items"]) == ["milk"]


def test_rehydrate_is_an_action_right_after_init():
    storage = MemoryStorage()
    make(storage).dispatch(todos.actions.added("milk"))
    store = Store(root)
    with captured_actions(store) as actions:
        store.replace_middleware([persist(storage, key="app")])
        store.dispatch({"type": "any"})
    assert [a.type for a in actions] == ["any", REHYDRATE]
    assert list(store.state["todos"]["items"]) == ["milk"]


def test_writes_only_when_the_persisted_part_changed():
    storage = CountingStorage()
    store = make(storage, include=["todos.items"])
    writes = storage.writes
    store.dispatch(todos.actions.drafted("typing..."))
    store.dispatch(session.actions.token_set("t"))
    assert storage.writes == writes
    store.dispatch(todos.actions.added("milk"))
    assert storage.writes == writes + 1


def test_include_persists_only_those_paths():
    storage = MemoryStorage()
    store = make(storage, include=["todos.items"])
    store.dispatch(todos.actions.added("milk"))
    store.dispatch(todos.actions.drafted("draft"))
    stored = json.loads(storage.get("app"))
    assert stored == {"version": 0, "state": {"todos.items": ["milk"]}}
    again = make(storage, include=["todos.items"]).state
    assert list(again["todos"]["items"]) == ["milk"]
    assert again["todos"]["draft"] == ""


def test_exclude_keeps_secrets_out_of_storage():
    storage = MemoryStorage()
    store = make(storage, exclude=["session.token"])
    store.dispatch(session.actions.token_set("s3cr3t"))
    store.dispatch(todos.actions.added("milk"))
    assert "s3cr3t" not in storage.get("app")
    again = make(storage, exclude=["session.token"]).state
    assert again["session"]["token"] is None
    assert list(again["todos"]["items"]) == ["milk"]


def test_include_and_exclude_together_are_refused():
    with pytest.raises(PersistError, match="give include= or exclude=, not both"):
        persist(MemoryStorage(), include=["a"], exclude=["b"])


def test_migrations_run_in_order_from_the_stored_version():
    storage = MemoryStorage()
    storage.set("app", json.dumps({"version": 1, "state": {"todos": {"items": ["a"]}}}))
    steps = []
    migrations = {
        1: lambda s: steps.append(1) or s,
        2: lambda s: steps.append(2) or s.set("todos", s["todos"].set("items", s["todos"]["items"].append("from-v2"))),
        3: lambda s: steps.append(3) or s.set("todos", s["todos"].set("draft", "v3")),
    }
    store = make(storage, version=3, migrations=migrations)
    assert steps == [2, 3]
    assert list(store.state["todos"]["items"]) == ["a", "from-v2"]
    assert store.state["todos"]["draft"] == "v3"
    assert json.loads(storage.get("app"))["version"] == 3


@pytest.mark.parametrize(
    ("stored", "options", "reason"),
    [
        ("{not json", {}, r"could not be loaded \(JSONDecodeError"),
        (json.dumps({"version": 5, "state": {}}), {"version": 2}, r"written by version 5, newer than this app's version 2"),
        (json.dumps({"version": 0, "state": {}}), {"version": 2, "migrations": {2: lambda s: s}}, r"no migration to version 1"),
        (json.dumps({"version": 0, "state": {}}), {"version": 1, "migrations": {1: lambda s: 1 / 0}}, r"ZeroDivisionError"),
        (json.dumps({"state": {}}), {}, r"KeyError"),
    ],
)
def test_unloadable_stored_state_starts_fresh_keeps_the_copy_and_reports(stored, options, reason, failures, caplog):
    storage = MemoryStorage()
    storage.set("app", stored)
    with caplog.at_level(logging.ERROR, logger="streamlit_redux"):
        store = make(storage, **options)
    assert store.state == root(None, todos.actions.drafted(""))
    aside = [k for k in storage.stored_keys() if k.startswith("app.corrupt.")]
    assert len(aside) == 1
    assert storage.get(aside[0]) == stored
    assert len(failures) == 1
    assert isinstance(failures[0], PersistError)
    assert failures[0].__cause__ is not None
    assert re.search(reason, str(failures[0]))
    assert f'kept under "{aside[0]}"' in str(failures[0])
    assert caplog.records and "persist:" in caplog.records[0].getMessage()


def test_unreadable_storage_is_reported_and_left_alone(tmp_path, failures):
    path = tmp_path / "broken.db"
    path.write_text("not a database " * 50)
    store = make(SQLiteStorage(path))
    assert store.state["todos"]["items"] == pvector()
    assert 'reading key "app" failed' in str(failures[0])
    assert path.read_text().startswith("not a database")


def test_failed_write_is_reported_keeps_the_previous_copy_and_retries(failures):
    storage = FullDiskStorage(ok=1)
    store = make(storage)
    store.dispatch(todos.actions.added("milk"))
    previous = storage.get("app")
    store.dispatch(todos.actions.added("tea"))
    assert list(store.state["todos"]["items"]) == ["milk", "tea"]
    assert storage.get("app") == previous
    assert 'writing key "app" failed (No space left on device)' in str(failures[-1])
    storage.ok = 5
    store.dispatch(todos.actions.drafted("x"))
    assert json.loads(storage.get("app"))["state"]["todos"]["items"] == ["milk", "tea"]


def test_non_serializable_state_is_reported_not_raised(failures):
    store = make(MemoryStorage())
    store.dispatch(todos.actions.added(object()))
    assert len(store.state["todos"]["items"]) == 1
    assert "has no JSON form" in str(failures[-1])


def test_debounced_writes_coalesce_and_flush():
    storage = CountingStorage()
    persistor = persist(storage, key="app", debounce_s=60)
    store = Store(root, middleware=[persistor])
    for title in ["a", "b", "c"]:
        store.dispatch(todos.actions.added(title))
    assert storage.writes == 0
    persistor.flush()
    assert storage.writes == 1
    assert json.loads(storage.get("app"))["state"]["todos"]["items"] == ["a", "b", "c"]


def test_debounced_write_happens_after_the_delay():
    storage = CountingStorage()
    written = threading.Event()
    original = storage.compare_and_set
    storage.compare_and_set = lambda k, v, **o: (original(k, v, **o), written.set())[0]
    store = Store(root, middleware=[persist(storage, key="app", debounce_s=0.05)])
    store.dispatch(todos.actions.added("a"))
    assert written.wait(5)


def test_no_thread_without_debounce():
    before = threading.active_count()
    make(MemoryStorage()).dispatch(todos.actions.added("a"))
    assert threading.active_count() == before


def test_rehydrates_once_per_store_across_reruns():
    storage = MemoryStorage()
    make(storage).dispatch(todos.actions.added("milk"))
    store = make(storage)
    store.dispatch(todos.actions.added("tea"))
    with captured_actions(store) as actions:
        store.replace_middleware([persist(storage, key="app")])  # what a Streamlit rerun does
        store.dispatch(todos.actions.drafted("x"))
    assert REHYDRATE not in [a.type for a in actions]
    assert list(store.state["todos"]["items"]) == ["milk", "tea"]


json_states = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=6)),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=4), inner, max_size=3)),
    max_leaves=15,
)


@settings(max_examples=100, deadline=None)
@given(json_states)
def test_persist_then_rehydrate_gives_the_same_state(value):
    storage = MemoryStorage()
    set_all = {"type": "set"}
    reducer = lambda s, a: freeze({"value": value}) if a.type == "set" else (s if s is not None else pmap({"value": None}))  # noqa: E731
    Store(reducer, middleware=[persist(storage, key="k")]).dispatch(set_all)
    assert Store(reducer, middleware=[persist(storage, key="k")]).state == freeze({"value": value})
