"""Every backend: versioned compare-and-set, expiry, listing and prefix deletes."""

import json
import sqlite3
import threading

import pytest

from streamlit_redux.storage import (
    JSONFileStorage,
    SQLiteStorage,
    StorageError,
    Versioned,
)


def expire():
    """Wait out the 20 ms ttl of the tests below (nothing asserts how long anything took)."""
    threading.Event().wait(0.06)


def test_compare_and_set_creates_with_version_0_then_counts_up(storage):
    assert storage.get_versioned("k") is None
    assert storage.compare_and_set("k", "v1", version=0) == 1
    assert storage.compare_and_set("k", "v2", version=1) == 2
    assert storage.get_versioned("k") == Versioned("v2", 2)


def test_compare_and_set_with_a_stale_version_writes_nothing(storage):
    storage.compare_and_set("k", "first", version=0)
    assert storage.compare_and_set("k", "second", version=0) is None
    storage.set("k", "third")
    assert storage.compare_and_set("k", "stale", version=1) is None
    assert storage.get_versioned("k") == Versioned("third", 2)


def test_set_counts_versions_too(storage):
    storage.set("k", "a")
    storage.set("k", "b")
    assert storage.get_versioned("k") == Versioned("b", 2)


def test_an_expired_value_reads_as_absent_and_purge_deletes_it(storage):
    storage.set("short", "x", ttl_s=0.02)
    storage.compare_and_set("short-cas", "x", version=0, ttl_s=0.02)
    storage.set("long", "y", ttl_s=3600)
    storage.set("forever", "z")
    expire()
    assert storage.get("short") is None
    assert storage.get_versioned("short-cas") is None
    assert storage.keys() == ["forever", "long"]
    storage.purge_expired()
    assert storage.keys() == ["forever", "long"]
    assert storage.get("long") == "y"


def test_an_expired_value_can_be_created_again_without_reusing_its_versions(storage):
    storage.compare_and_set("k", "old", version=0, ttl_s=0.02)
    storage.compare_and_set("k", "old2", version=1, ttl_s=0.02)
    expire()
    version = storage.compare_and_set("k", "new", version=0)
    assert version is not None
    assert storage.get_versioned("k") == Versioned("new", version)


def test_a_write_without_ttl_clears_an_earlier_ttl(storage):
    storage.set("k", "a", ttl_s=0.02)
    storage.set("k", "b")
    expire()
    assert storage.get("k") == "b"


def test_keys_and_delete_prefix(storage):
    for key in ("app:browser:a1", "app:browser:a1.corrupt.5", "app:browser:b2", "other"):
        storage.set(key, "{}")
    assert storage.keys("app:browser:a1") == ["app:browser:a1", "app:browser:a1.corrupt.5"]
    assert storage.delete_prefix("app:browser:a1") == 2
    assert storage.keys() == ["app:browser:b2", "other"]
    assert storage.delete_prefix("nothing*") == 0


@pytest.mark.parametrize("ttl_s", [0, -1.0])
def test_a_ttl_that_is_not_positive_is_refused(storage, ttl_s):
    with pytest.raises(StorageError, match=rf"^ttl_s={ttl_s!r} is not a positive number of seconds; pass e\.g\. 3600\.$"):
        storage.set("k", "v", ttl_s=ttl_s)


def test_json_file_of_the_first_format_reads_as_version_1(tmp_path):
    path = tmp_path / "state.json"
    path.write_text(json.dumps({"k": "v"}))
    storage = JSONFileStorage(path)
    assert storage.get_versioned("k") == Versioned("v", 1)
    assert storage.compare_and_set("k", "w", version=1) == 2
    assert JSONFileStorage(path).get("k") == "w"


def test_sqlite_table_of_the_first_format_gains_versions(tmp_path):
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as old:
        old.execute("CREATE TABLE streamlit_redux (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        old.execute("INSERT INTO streamlit_redux VALUES ('k', 'v')")
    storage = SQLiteStorage(path)
    assert storage.get_versioned("k") == Versioned("v", 1)
    assert storage.compare_and_set("k", "w", version=1) == 2


def test_threads_racing_on_one_key_each_win_once_per_version(storage):
    storage.set("n", "0")
    wins = []

    def increment(times):
        done = 0
        while done < times:
            found = storage.get_versioned("n")
            if storage.compare_and_set("n", str(int(found.value) + 1), version=found.version):
                done += 1
        wins.append(done)

    threads = [threading.Thread(target=increment, args=(25,)) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert storage.get("n") == "100"
