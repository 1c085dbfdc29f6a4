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
from streamlit_redux.middleware.undo import undo
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
    with pytest.raises(PersistError, match=r"^persist: give include= or exclude=, not both\.$"):
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
        ("{not json", {}, r'^persist: stored key "app" could not be loaded \(SerializationError: Stored state is not valid JSON \(Expecting property name enclosed in double quotes: line 1 column 2 \(char 1\)\); it was probably cut off or edited by hand\.\); starting from the state in memory\. The stored copy is kept under "app\.corrupt\.\d+"\.$'),
        (json.dumps({"version": 5, "state": {}}), {"version": 2}, r'^persist: stored key "app" could not be loaded \(PersistError: it was written by version 5, newer than this app\'s version 2; deploy the newer app or raise version=\); starting from the state in memory\. The stored copy is kept under "app\.corrupt\.\d+"\.$'),
        (json.dumps({"version": 0, "state": {}}), {"version": 2, "migrations": {2: lambda s: s}}, r'^persist: stored key "app" could not be loaded \(PersistError: no migration to version 1 \(from 0\); add migrations=\{1: fn\}\); starting from the state in memory\. The stored copy is kept under "app\.corrupt\.\d+"\.$'),
        (json.dumps({"version": 0, "state": {}}), {"version": 1, "migrations": {1: lambda s: 1 / 0}}, r'^persist: stored key "app" could not be loaded \(ZeroDivisionError: division by zero\); starting from the state in memory\. The stored copy is kept under "app\.corrupt\.\d+"\.$'),
        (json.dumps([1, 2]), {}, r'^persist: stored key "app" could not be loaded \(PersistError: it is not a \{"version": n, "state": \.\.\.\} envelope\); starting from the state in memory\. The stored copy is kept under "app\.corrupt\.\d+"\.$'),
        (json.dumps({"state": {}}), {}, r'^persist: stored key "app" could not be loaded \(KeyError: \'version\'\); starting from the state in memory\. The stored copy is kept under "app\.corrupt\.\d+"\.$'),
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
    assert re.match(reason, str(failures[0]))
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


# -- the numbered failures of issue 10 -----------------------------------------------------------


from streamlit_redux.middleware import thunk_middleware, undoable  # noqa: E402
from streamlit_redux.middleware.persist import (  # noqa: E402
    PersistenceDisabledWarning,
    forget,
    purge_expired,
)
from streamlit_redux.store.errors import (  # noqa: E402
    InvalidActionError,
    MiddlewareError,
    PersistPathError,
    PersistScopeError,
)


def stored_state(storage, key="app"):
    return json.loads(storage.get(key))["state"]


def test_exclude_sees_through_an_undo_history():
    storage = MemoryStorage()
    store = Store(undoable(root), middleware=[persist(storage, key="app", exclude=["session.token"])])
    store.dispatch(session.actions.token_set("s3cr3t"))
    store.dispatch(todos.actions.added("milk"))
    store.dispatch(todos.actions.added("tea"))
    assert "s3cr3t" not in storage.get("app")
    again = Store(undoable(root), middleware=[persist(storage, key="app", exclude=["session.token"])])
    assert list(again.state["present"]["todos"]["items"]) == ["milk", "tea"]
    assert [s["session"]["token"] for s in again.state["past"]] == [None] * len(again.state["past"])
    assert again.state["present"]["session"]["token"] is None


def test_include_sees_into_the_present_of_an_undo_history():
    storage = MemoryStorage()
    make_one = lambda: Store(undoable(root), middleware=[persist(storage, key="app", include=["todos.items"])])  # noqa: E731
    make_one().dispatch(todos.actions.added("milk"))
    assert stored_state(storage) == {"todos.items": ["milk"]}
    assert list(make_one().state["present"]["todos"]["items"]) == ["milk"]


def test_exclude_path_into_the_history_itself_says_which_path_to_write():
    with pytest.raises(PersistPathError, match=r'^persist\(key="app"\): exclude path "present.session.token" names part of the undo history, so past and future states would still hold the value; write the path inside one state, exclude=\["session.token"\]: it is removed from every state of the history\.$'):
        Store(undoable(root), middleware=[persist(MemoryStorage(), key="app", exclude=["present.session.token"])])


@pytest.mark.parametrize("option", ["include", "exclude"])
def test_a_path_that_matches_nothing_is_an_error_at_install(option):
    with pytest.raises(PersistPathError, match=rf'^persist\(key="app"\): {option} path "session.tokn" matches nothing in the state \(its top-level keys: session, todos\); fix the path \(dotted keys from the root\), or remove it\.$'):
        make(MemoryStorage(), **{option: ["session.tokn"]})


def test_a_path_that_matches_nothing_in_an_undo_history_names_its_present():
    with pytest.raises(PersistPathError, match=r'^persist\(key="app"\): exclude path "todo.items" matches nothing in the present of the undoable history \(its top-level keys: session, todos\)'):
        Store(undoable(root), middleware=[persist(MemoryStorage(), key="app", exclude=["todo.items"])])


class FlakyReadStorage(MemoryStorage):
    """A real MemoryStorage whose reads raise while ``failing``, as during a Redis timeout."""

    failing = False

    def _maybe_fail(self):
        if self.failing:
            raise StorageError("Timeout reading from socket")

    def get(self, key):
        self._maybe_fail()
        return super().get(key)

    def get_versioned(self, key):
        self._maybe_fail()
        return super().get_versioned(key)


def test_a_failed_read_blocks_writes_until_a_read_succeeds(failures):
    storage = FlakyReadStorage()
    make(storage).dispatch(todos.actions.added("milk"))
    stored = storage.get("app")
    storage.failing = True
    store = make(storage)
    assert list(store.state["todos"]["items"]) == []
    store.dispatch(todos.actions.drafted("x"))
    store.dispatch(todos.actions.drafted("y"))
    storage.failing = False
    assert storage.get("app") == stored
    assert len(failures) == 1
    assert isinstance(failures[0], PersistError)
    assert re.match(r'^persist: reading key "app" failed \(Timeout reading from socket\); starting from the state in memory, and nothing is written to that key until a read succeeds', str(failures[0]))
    store.dispatch(todos.actions.added("tea"))
    assert list(store.state["todos"]["items"]) == ["milk", "tea"]
    assert stored_state(storage)["todos"] == {"items": ["milk", "tea"], "draft": "y"}


class AlwaysBeatenStorage(MemoryStorage):
    """Another writer rewrites the key just before each of this store's writes, once ``beaten``."""

    beaten = False

    def compare_and_set(self, key, value, **options):
        if self.beaten and (current := self.get(key)) is not None:
            self.set(key, current)
        return super().compare_and_set(key, value, **options)


def test_losing_every_race_is_reported_and_the_change_stays_in_memory(failures):
    storage = AlwaysBeatenStorage()
    store = make(storage)
    store.dispatch(todos.actions.added("milk"))
    storage.beaten = True
    store.dispatch(todos.actions.added("tea"))
    assert list(store.state["todos"]["items"]) == ["milk", "tea"]
    assert stored_state(storage)["todos"]["items"] == ["milk"]
    [error] = failures
    assert isinstance(error, PersistError)
    assert re.match(r'^persist: key "app" changed under this store 100 times in a row; this change is in memory and is retried on the next one\.$', str(error))


def test_a_thunk_whose_second_dispatch_raises_writes_nothing():
    storage = CountingStorage()
    store = Store(root, middleware=[thunk_middleware(), persist(storage, key="app")])
    store.dispatch(todos.actions.added("milk"))
    writes, stored = storage.writes, storage.get("app")

    def half_done(dispatch, get_state):
        dispatch(todos.actions.added("half"))
        dispatch(42)

    with pytest.raises(InvalidActionError):
        store.dispatch(half_done)
    assert (storage.writes, storage.get("app")) == (writes, stored)
    assert list(make(storage).state["todos"]["items"]) == ["milk"]


def test_a_nested_dispatch_writes_once_after_the_outermost_commits():
    storage = CountingStorage()
    store = Store(root, middleware=[thunk_middleware(), persist(storage, key="app")])
    writes = storage.writes
    store.dispatch(lambda dispatch, get_state: [dispatch(todos.actions.added(t)) for t in "abc"])
    assert storage.writes == writes + 1
    assert stored_state(storage)["todos"]["items"] == ["a", "b", "c"]


@pytest.mark.parametrize(
    ("stored", "options", "where"),
    [
        ('"just a string"', {}, r'at "<root>" the stored data is a scalar where the state has a map'),
        ('{"todos": "oops"}', {}, r'at "todos" the stored data is a scalar where the state has a map'),
        ('{"todos": {"items": {"a": 1}}}', {}, r'at "todos.items" the stored data is a map where the state has a vector'),
        ('{"todos.items": {"a": 1}}', {"include": ["todos.items"]}, r'at "todos.items" the stored data is a map where the state has a vector'),
        ('["todos.items"]', {"include": ["todos.items"]}, r"the stored data is a vector where a map of include paths belongs"),
    ],
)
def test_stored_data_of_the_wrong_shape_is_kept_aside_and_the_app_starts_fresh(stored, options, where, failures):
    storage = MemoryStorage()
    storage.set("app", f'{{"version": 0, "state": {stored}}}')
    store = make(storage, **options)
    assert store.state == root(None, todos.actions.drafted(""))
    store.dispatch(todos.actions.added("milk"))
    assert [a for a in storage.stored_keys() if a.startswith("app.corrupt.")]
    assert isinstance(failures[0], PersistError)
    assert re.match(rf'^persist: stored key "app" could not be loaded \(PersistError: it does not fit the state: {where}; write a migration \(raise version=\) when the state\'s shape changes\); starting from the state in memory\. The stored copy is kept under "app\.corrupt\.\d+"\.$', str(failures[0]))
    assert list(make(storage, **options).state["todos"]["items"]) == ["milk"]


def test_validate_refuses_stored_data(failures):
    storage = MemoryStorage()
    make(storage).dispatch(todos.actions.added("milk"))

    def no_milk(part):
        if "milk" in part["todos"]["items"]:
            raise ValueError("milk is banned")

    store = make(storage, validate=no_milk)
    assert list(store.state["todos"]["items"]) == []
    assert isinstance(failures[0], PersistError)
    assert re.match(r'^persist: stored key "app" could not be loaded \(PersistError: validate= refused it \(ValueError: milk is banned\)\); starting from the state in memory\. The stored copy is kept under "app\.corrupt\.\d+"\.$', str(failures[0]))


def test_two_stores_on_one_key_lose_no_update(tmp_path):
    a = make(SQLiteStorage(tmp_path / "app.db"))
    b = make(SQLiteStorage(tmp_path / "app.db"))
    for i in range(50):
        a.dispatch(todos.actions.added(f"a{i}"))
        b.dispatch(todos.actions.added(f"b{i}"))
    stored = stored_state(SQLiteStorage(tmp_path / "app.db"))["todos"]["items"]
    assert sorted(stored) == sorted([f"a{i}" for i in range(50)] + [f"b{i}" for i in range(50)])
    assert list(b.state["todos"]["items"]) == stored


def test_a_rebase_replays_only_committed_actions():
    storage = MemoryStorage()
    a, b = make(storage), Store(root, middleware=[thunk_middleware(), persist(storage, key="app")])
    a.dispatch(todos.actions.added("from a"))

    def rolled_back(dispatch, get_state):
        dispatch(todos.actions.added("rolled back"))
        raise RuntimeError("no")

    with pytest.raises(MiddlewareError):
        b.dispatch(rolled_back)
    b.dispatch(todos.actions.added("from b"))
    assert stored_state(storage)["todos"]["items"] == ["from a", "from b"]


removable = create_slice(
    name="todos",
    initial_state={"items": ["milk"], "draft": ""},
    reducers={"removed": lambda s, a: s.set("items", s["items"].remove(a.payload))},
)


def test_changes_that_cannot_be_rebased_are_kept_aside_and_reported(failures):
    storage = MemoryStorage()
    made = lambda: Store(combine_reducers(todos=removable.reducer), middleware=[persist(storage, key="app")])  # noqa: E731
    a, b = made(), made()
    a.dispatch(removable.actions.removed("milk"))
    b.dispatch(removable.actions.removed("milk"))
    assert list(b.state["todos"]["items"]) == []
    aside = [k for k in storage.stored_keys() if k.startswith("app.conflict.")]
    assert json.loads(storage.get(aside[0]))["state"]["todos"]["items"] == []
    assert isinstance(failures[-1], PersistError)
    assert re.match(r'^persist: key "app" was changed by another writer and this store\'s changes could not be re-applied onto it \(re-applying them raised ReducerError: Slice "todos" raised ValueError: .*\); the stored copy was adopted and this store\'s version is kept under "app\.conflict\.\d+"\.$', str(failures[-1]))


def test_an_undo_is_not_re_applied_onto_another_writers_copy(tmp_path, failures):
    """Tab B added eggs, tab A then added milk; B's Undo (meant for its eggs) finds A's copy.
    Re-applied there, it would move A's history: milk gone, eggs kept. Not forced: A's copy is
    adopted, B's version kept aside, and the report says why."""
    storage = SQLiteStorage(tmp_path / "app.db")
    made = lambda: Store(undoable(todos.reducer), middleware=[persist(storage, key="app")])  # noqa: E731
    b = made()
    b.dispatch(todos.actions.added("eggs"))
    a = made()
    a.dispatch(todos.actions.added("milk"))
    b.dispatch(undo())
    assert list(b.state["present"]["items"]) == ["eggs", "milk"]
    assert list(made().state["present"]["items"]) == ["eggs", "milk"]
    [aside] = storage.keys(prefix="app.conflict.")
    assert json.loads(storage.get(aside))["state"]["present"]["items"] == []
    assert re.match(r'^persist: key "app" was changed by another writer and this store\'s changes could not be re-applied onto it \(they include "@@streamlit_redux/undo/UNDO", which moves through this store\'s own undo history: re-applied onto another writer\'s copy it would move that history instead\); the stored copy was adopted and this store\'s version is kept under "app\.conflict\.\d+"\.$', str(failures[-1]))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 2), st.booleans()), min_size=1, max_size=30))
def test_interleaved_writers_on_one_key_keep_every_update(steps):
    storage = MemoryStorage()
    persistors = [persist(storage, key="app"), persist(storage, key="app"), persist(storage, key="app", debounce_s=60)]
    stores = [Store(root, middleware=[p]) for p in persistors]
    expected = []
    for n, (which, flush) in enumerate(steps):
        stores[which].dispatch(todos.actions.added(f"{which}-{n}"))
        expected.append(f"{which}-{n}")
        if flush:
            persistors[2].flush()
    persistors[2].flush()
    assert sorted(stored_state(storage)["todos"]["items"]) == sorted(expected)


def test_debounced_writes_land_in_order_and_flush_waits_for_a_write_in_flight():
    started, release, landed = threading.Event(), threading.Event(), threading.Event()

    class SlowFirstWrite(MemoryStorage):
        """The first write (of the initial state) hangs until released, as on a slow disk."""

        calls = 0

        def _written(self, write):
            SlowFirstWrite.calls += 1
            first = SlowFirstWrite.calls == 1
            if first:
                started.set()
                release.wait(10)
            result = write()
            if first:
                landed.set()
            return result

        def compare_and_set(self, key, value, **options):
            return self._written(lambda: super(SlowFirstWrite, self).compare_and_set(key, value, **options))

        def set(self, key, value, **options):
            return self._written(lambda: super(SlowFirstWrite, self).set(key, value, **options))

    storage = SlowFirstWrite()
    persistor = persist(storage, key="app", debounce_s=0.01)
    store = Store(root, middleware=[persistor])
    assert started.wait(10)
    store.dispatch(todos.actions.added("old"))
    store.dispatch(todos.actions.added("new"))
    flusher = threading.Thread(target=persistor.flush)
    flusher.start()
    flusher.join(0.5)  # give a flush that does not wait the time to write "new" first
    release.set()
    flusher.join(10)
    assert landed.wait(10)
    assert stored_state(storage)["todos"]["items"] == ["old", "new"]


# -- scopes, ttl, forget --------------------------------------------------------------------------


class RecordingStorage(MemoryStorage):
    """A real MemoryStorage that notes which keys were read or written."""

    def __init__(self):
        super().__init__()
        self.touched = []

    def get_versioned(self, key):
        self.touched.append(key)
        return super().get_versioned(key)

    def compare_and_set(self, key, value, **options):
        self.touched.append(key)
        return super().compare_and_set(key, value, **options)


@pytest.mark.parametrize(
    ("scope", "expected"),
    [(None, "app:browser:ab12"), ("browser", "app:browser:ab12"), ("user", "app:user:u-77"), ("app", "app")],
)
def test_for_owner_stores_under_the_owner_key(scope, expected):
    storage = RecordingStorage()
    owners = {"browser": "ab12", "user": "u-77"}
    persistor = persist(storage, key="app", scope=scope).for_owner(owners.get)
    assert persistor.storage_key == expected
    Store(root, middleware=[persistor]).dispatch(todos.actions.added("milk"))
    assert set(storage.touched) == {expected}


def test_two_owners_never_see_each_other():
    storage = MemoryStorage()
    persistor = persist(storage, key="app")
    Store(root, middleware=[persistor.for_owner(lambda scope: "alice")]).dispatch(session.actions.token_set("alice's"))
    bob = Store(root, middleware=[persistor.for_owner(lambda scope: "bob")])
    assert bob.state["session"]["token"] is None


@pytest.mark.parametrize(
    ("scope", "message"),
    [
        (None, r'^persist\(key="app", scope="browser"\): this browser has no id, so this state lives for this session only \(nothing is read or written\)\. Serve the app through st\.App with streamlit_redux\.identity\.browser_id_middleware\(\): in serve\.py, app = st\.App\("main\.py", middleware=\[browser_id_middleware\(\)\]\), then run `streamlit run serve\.py`\.$'),
        ("user", r'^persist\(key="app", scope="user"\): nobody is logged in, so this state lives for this session only \(nothing is read or written\)\. Turn on authentication \(st\.login, with \[auth\] in secrets\.toml\) so st\.user identifies the user\.$'),
    ],
)
def test_no_owner_means_session_only_and_one_warning(scope, message):
    storage = RecordingStorage()
    with pytest.warns(PersistenceDisabledWarning, match=message) as warned:
        persistor = persist(storage, key="app", scope=scope).for_owner(lambda scope: None)
    assert len(warned) == 1
    store = Store(root, middleware=[persistor])
    store.dispatch(todos.actions.added("milk"))
    assert list(store.state["todos"]["items"]) == ["milk"]
    assert persistor.storage_key is None
    assert storage.touched == []


def test_session_scope_does_no_storage_io():
    storage = RecordingStorage()
    store = Store(root, middleware=[persist(storage, key="app", scope="session")])
    store.dispatch(todos.actions.added("milk"))
    Store(root, middleware=[persist(storage, key="app", scope="session").for_owner(lambda s: "x")])
    assert storage.touched == []


@pytest.mark.parametrize("scope", ["browser", "user"])
def test_an_owned_scope_in_a_plain_store_is_an_error_at_install(scope):
    with pytest.raises(PersistScopeError, match=rf'^persist\(key="app", scope="{scope}"\) is installed in a plain Store, which cannot tell one {scope} from another; use it through streamlit_redux\.get_store \(it resolves the scope per session\), call persistor\.for_owner\(owner_of\) first, or use scope="app" for one shared copy\.$'):
        make(MemoryStorage(), scope=scope)


def test_an_unknown_scope_is_refused():
    with pytest.raises(PersistScopeError, match=r'^persist\(key="app", scope=\'tab\'\): unknown scope; use one of "browser", "user", "app", "session" \(or None: "browser" in a Streamlit session\)\.$'):
        persist(MemoryStorage(), key="app", scope="tab")


def test_an_owner_id_that_would_break_the_key_layout_is_refused():
    with pytest.raises(PersistScopeError, match=r'^persist\(key="app", scope="browser"\): the owner id \'a:b\' is empty or holds ":" or "\."; owner_of must return an opaque id'):
        persist(MemoryStorage(), key="app").for_owner(lambda scope: "a:b")


def test_forget_deletes_every_copy_of_one_owner_only(failures):
    storage = MemoryStorage()
    for key in ("app", "draft"):
        for owner in ("alice", "bob"):
            Store(root, middleware=[persist(storage, key=key).for_owner(lambda s, o=owner: o)]).dispatch(todos.actions.added(owner))
    storage.set("app:browser:alice.corrupt.1", "{}")
    storage.set("app:user:alice", "{}")
    assert forget(storage, "alice") == 4
    assert storage.stored_keys() == ["app:browser:bob", "draft:browser:bob"]


def test_ttl_expires_the_stored_copy_and_purge_deletes_it():
    storage = MemoryStorage()
    make(storage, ttl=0.02).dispatch(todos.actions.added("milk"))
    assert storage.get("app") is not None
    threading.Event().wait(0.05)  # let the copy expire: no assertion on how long anything took
    assert storage.get("app") is None
    assert purge_expired(storage) == 1
    assert list(make(storage).state["todos"]["items"]) == []


def test_copies_kept_aside_expire_with_the_ttl_like_the_copy_they_came_from(tmp_path, failures):
    """A ttl says how long someone's data may stay stored; the copies kept aside (a conflict,
    data that could not be loaded) hold the same data, so they expire too."""
    storage = SQLiteStorage(tmp_path / "app.db")
    storage.set("app", "{cut off")
    made = lambda: Store(combine_reducers(todos=removable.reducer),  # noqa: E731
                         middleware=[persist(storage, key="app", ttl=0.2)])
    a, b = made(), made()  # a keeps the unreadable copy aside; both start fresh
    a.dispatch(removable.actions.removed("milk"))
    b.dispatch(removable.actions.removed("milk"))  # cannot be re-applied: kept aside
    kept = storage.keys(prefix="app.")
    assert [k.split(".")[1] for k in kept] == ["conflict", "corrupt"]
    threading.Event().wait(0.3)  # let the copies expire: no assertion on how long anything took
    assert storage.keys(prefix="app") == []


def test_flush_on_the_persistor_the_app_made_writes_every_session_s_pending_change(tmp_path):
    """The app holds the persistor ``persist(...)`` returned; each session's store runs the
    copy ``for_owner`` resolved for it. ``flush()`` on the app's (at shutdown, say) must write
    every session's debounced change."""
    storage = SQLiteStorage(tmp_path / "app.db")
    persistor = persist(storage, key="app", debounce_s=600)
    for owner in ("ab12", "cd34"):
        store = Store(root, middleware=[persistor.for_owner(lambda scope, owner=owner: owner)])
        store.dispatch(todos.actions.added(f"{owner}'s"))
    persistor.flush()
    assert stored_state(storage, "app:browser:ab12")["todos"]["items"] == ["ab12's"]
    assert stored_state(storage, "app:browser:cd34")["todos"]["items"] == ["cd34's"]


def test_a_reload_reads_the_change_another_session_of_its_owner_has_not_written_yet(tmp_path):
    """A reload (or a new tab) is a new session of the same browser: it must start from the
    last change of the session it replaces, even while that change waits for its debounce."""
    storage = SQLiteStorage(tmp_path / "app.db")
    persistor = persist(storage, key="app", debounce_s=60)
    before = Store(root, middleware=[persistor.for_owner(lambda scope: "ab12")])
    before.dispatch(todos.actions.added("typed just before the reload"))
    after = Store(root, middleware=[persistor.for_owner(lambda scope: "ab12")])
    assert list(after.state["todos"]["items"]) == ["typed just before the reload"]
    other = Store(root, middleware=[persistor.for_owner(lambda scope: "cd34")])
    assert list(other.state["todos"]["items"]) == []  # another browser's session: not its copy


def test_sessions_of_one_owner_opening_together_lose_no_update(tmp_path):
    """Tabs restored at once: each store that opens writes the others' pending changes first;
    opening together, none waits for another (a deadlock would leave threads running)."""
    storage = SQLiteStorage(tmp_path / "app.db")
    persistor = persist(storage, key="app", debounce_s=60)
    stores = []

    def open_and_add(name):
        store = Store(root, middleware=[persistor.for_owner(lambda scope: "ab12")])
        store.dispatch(todos.actions.added(name))
        stores.append(store)

    for round_ in range(10):
        threads = [threading.Thread(target=open_and_add, args=(f"{round_}-{i}",)) for i in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(120)  # a liveness bound only; no assertion on how long anything took
        assert not any(thread.is_alive() for thread in threads)
    persistor.flush()
    for store in stores:
        store.close()
    assert sorted(stored_state(storage, "app:browser:ab12")["todos"]["items"]) == sorted(
        f"{r}-{i}" for r in range(10) for i in range(4)
    )


def test_a_ttl_that_is_not_positive_is_refused():
    with pytest.raises(PersistError, match=r'^persist\(key="app"\): ttl=0 is not positive; pass seconds > 0\.$'):
        persist(MemoryStorage(), key="app", ttl=0)


def test_a_new_owner_in_the_same_session_replaces_the_old_copy_instead_of_writing_both():
    storage = MemoryStorage()
    Store(root, middleware=[persist(storage, key="app").for_owner(lambda s: "alice")]).dispatch(todos.actions.added("alice's"))
    store = Store(root, middleware=[persist(storage, key="app").for_owner(lambda s: "anon")])
    store.dispatch(todos.actions.drafted("typed before login"))
    before_login = storage.get("app:browser:anon")
    store.replace_middleware([persist(storage, key="app").for_owner(lambda s: "alice")])  # the next rerun
    store.dispatch(todos.actions.drafted("typed after login"))
    assert storage.get("app:browser:anon") == before_login
    assert list(store.state["todos"]["items"]) == ["alice's"]
    assert stored_state(storage, "app:browser:alice")["todos"]["draft"] == "typed after login"


def test_a_session_whose_identity_goes_away_stops_writing():
    storage = MemoryStorage()
    store = Store(root, middleware=[persist(storage, key="app", scope="app")])
    store.dispatch(todos.actions.added("milk"))
    stored = storage.get("app")
    store.replace_middleware([persist(storage, key="app", scope="session")])
    store.dispatch(todos.actions.added("tea"))
    assert storage.get("app") == stored


def test_once_rehydrated_persist_leaves_the_chain_and_still_journals_and_writes():
    from streamlit_redux.store.middleware_api import MiddlewareAPI

    storage = MemoryStorage()
    storage.set("gone", json.dumps({"version": 0, "state": {"n": 5}}))
    persistor = persist(storage, key="gone", debounce_s=60)
    wraps = []

    def spy(api):
        def wrap(next_dispatch):
            wraps.append(next_dispatch)
            return next_dispatch

        return wrap

    store = Store(
        lambda s, a: s.set("n", s["n"] + 1) if a.type == "inc" else s,
        {"n": 0},
        middleware=[spy, persistor],
    )
    assert store.state["n"] == 5  # rehydrated by the link, which then asked for a relink
    assert len(wraps) == 2 and wraps[-1] == store._reduce  # relinked: persist adds no link
    sentinel = object()
    assert persistor(MiddlewareAPI(store, store.dispatch))(sentinel) is sentinel
    store.dispatch({"type": "inc"})
    persistor.flush()
    assert json.loads(storage.get("gone") or "null")["state"] == {"n": 6}
