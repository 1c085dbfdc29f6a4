"""Stored text from outside (a hand-edited file, another app on the same Redis) is read with the
codec's depth-limited parser: a hostile document is kept aside and reported, never a
RecursionError, and the app starts fresh."""

import re

import pytest

from streamlit_redux import Store, combine_reducers, create_slice, signals
from streamlit_redux.middleware.persist import persist
from streamlit_redux.storage import JSONFileStorage, RedisStorage, SQLiteStorage

DEPTH = 10_000
notes = create_slice(name="notes", initial_state={"items": []},
                     reducers={"added": lambda s, a: s.set("items", s["items"].append(a.payload))})
root = combine_reducers(notes=notes.reducer)
HOSTILE = '{"version": 0, "state": ' + "[" * DEPTH + "]" * DEPTH + "}"


@pytest.fixture
def reports():
    """Failures reported by the persistors made in this test (not a late timer of another)."""
    seen, mine = [], []

    def receiver(sender, **kw):
        if any(sender is persistor for persistor in mine):
            seen.append(kw["error"])

    def persisted(storage, **options):
        persistor = persist(storage, **options)
        mine.append(persistor)
        return persistor

    signals.persist_failed.connect(receiver)
    yield seen, persisted
    signals.persist_failed.disconnect(receiver)


def test_a_10000_deep_stored_document_is_kept_aside_and_the_app_starts_fresh(tmp_path, reports):
    storage = SQLiteStorage(tmp_path / "app.db")
    storage.set("app", HOSTILE)
    reports, persisted = reports
    store = Store(root, middleware=[persisted(storage, key="app")])
    assert store.state["notes"]["items"] == []
    [error] = reports
    assert str(error).startswith('persist: stored key "app" could not be loaded (SerializationError: '
                                 "The JSON data is nested more than 100 levels deep")
    assert "RecursionError" not in str(error)
    [aside] = storage.keys(prefix="app.corrupt.")
    assert storage.get(aside) == HOSTILE
    store.dispatch(notes.actions.added("fresh"))  # the fresh state is stored under the key
    assert '"fresh"' in storage.get("app")


def test_a_10000_deep_json_storage_file_is_reported_not_a_recursion_error(tmp_path, reports):
    path = tmp_path / "store.json"
    path.write_text("[" * DEPTH + "]" * DEPTH)
    reports, persisted = reports
    store = Store(root, middleware=[persisted(JSONFileStorage(path), key="app")])
    assert store.state["notes"]["items"] == []
    [error] = reports
    assert str(error).startswith('persist: reading key "app" failed (JSONFileStorage file ')
    assert "is not valid JSON" in str(error)


def test_a_state_with_a_lone_surrogate_is_not_written_and_the_stored_copy_stays(tmp_path, reports):
    """Written, the text would be refused on the next load and kept aside: the whole copy lost to
    one bad string. Refused on writing, the stored copy keeps the last state that had none."""
    storage = SQLiteStorage(tmp_path / "app.db")
    reports, persisted = reports
    store = Store(root, middleware=[persisted(storage, key="app")])
    store.dispatch(notes.actions.added("kept"))
    stored = storage.get("app")
    store.dispatch(notes.actions.added("bad\udcff"))
    [error] = reports
    assert "lone UTF-16 surrogate" in str(error) and '"\\udcff"' in str(error)
    assert storage.get("app") == stored
    again = Store(root, middleware=[persisted(storage, key="app")])
    assert list(again.state["notes"]["items"]) == ["kept"]
    assert storage.keys(prefix="app.corrupt.") == []


def test_a_copy_that_could_not_be_kept_aside_is_never_written_over(redis_server, reports):
    """Redis refuses writes for a while (a primary that lost its replicas answers NOREPLICAS)
    just as a store opens a copy it cannot load (written by a newer app): the copy is not kept
    aside, so nothing may be written over it until it is."""
    redis = pytest.importorskip("redis")
    storage = RedisStorage(redis_server.url)
    newer = '{"version": 2, "state": {"notes": {"items": ["written by the newer app"]}}}'
    storage.set("app", newer)
    admin = redis.Redis.from_url(redis_server.url)
    admin.config_set("min-replicas-to-write", 1)  # reads work, every write is refused
    reports, persisted = reports
    store = Store(root, middleware=[persisted(storage, key="app", version=1)])
    admin.config_set("min-replicas-to-write", 0)  # writes work again
    store.dispatch(notes.actions.added("fresh"))
    assert store.state["notes"]["items"] == ["fresh"]
    [aside] = storage.keys(prefix="app.corrupt.")  # copied aside by the change, then written
    assert storage.get(aside) == newer
    assert '"fresh"' in storage.get("app")
    assert re.match(
        r'^persist: stored key "app" could not be loaded \(PersistError: it was written by '
        r"version 2, newer than this app's version 1; deploy the newer app or raise version=\), "
        r"and copying it aside failed \(RedisStorage could not set key \"app\.corrupt\.\d+\" .*"
        r"NOREPLICAS.*\); it is left as it is, and nothing is written to that key until a later "
        r"change copies it aside\.$",
        str(reports[0]),
    )


def test_a_redis_key_with_a_version_but_no_value_is_reported_and_left_alone(redis_server, reports):
    """Someone deleted the ``value`` field of a stored hash (its ``version`` is left): that is
    unreadable data, not "absent", so it is reported and nothing is written over it."""
    redis = pytest.importorskip("redis")
    admin = redis.Redis.from_url(redis_server.url)
    admin.hset("streamlit_redux:app", "version", 3)
    reports, persisted = reports
    store = Store(root, middleware=[persisted(RedisStorage(redis_server.url), key="app")])
    store.dispatch(notes.actions.added("fresh"))
    assert store.state["notes"]["items"] == ["fresh"]
    assert admin.hgetall("streamlit_redux:app") == {b"version": b"3"}
    [error] = reports  # one report: not one per failed compare-and-set
    assert re.match(
        r'^persist: reading key "app" failed \(RedisStorage found key "app" at redis://\S+ with a '
        r'version \(3\) but no value; it was not written by RedisStorage, or was edited: delete it '
        r"\(DEL streamlit_redux:app\) or restore its value\.\); starting from the state in memory, "
        r"and nothing is written to that key until a read succeeds",
        str(error),
    )
