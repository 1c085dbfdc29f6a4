"""Stored text from outside (a hand-edited file, another app on the same Redis) is read with the
codec's depth-limited parser: a hostile document is kept aside and reported, never a
RecursionError, and the app starts fresh."""

import pytest

from streamlit_redux import Store, combine_reducers, create_slice, signals
from streamlit_redux.middleware.persist import persist
from streamlit_redux.storage import JSONFileStorage, SQLiteStorage

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
