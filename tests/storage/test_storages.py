import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import threading
import time

import pytest

from streamlit_redux.storage import (
    JSONFileStorage,
    MemoryStorage,
    RedisStorage,
    SQLiteStorage,
    Storage,
    StorageError,
)


@pytest.fixture(params=["memory", "json", "sqlite", "redis"])
def storage(request, tmp_path):
    if request.param == "memory":
        return MemoryStorage()
    if request.param == "json":
        return JSONFileStorage(tmp_path / "state.json")
    if request.param == "sqlite":
        return SQLiteStorage(tmp_path / "state.db")
    return RedisStorage(request.getfixturevalue("redis_url"), prefix=f"t{time.time_ns()}:")


def test_every_backend_is_a_storage(storage):
    assert isinstance(storage, Storage)


def test_get_set_overwrite_delete(storage):
    assert storage.get("k") is None
    storage.set("k", "v1")
    storage.set("k", "välue 2 ✓")
    storage.set("other", "x")
    assert storage.get("k") == "välue 2 ✓"
    storage.delete("k")
    storage.delete("k")
    assert storage.get("k") is None
    assert storage.get("other") == "x"


def test_sqlite_opens_nothing_until_first_use(tmp_path):
    path = tmp_path / "lazy.db"
    SQLiteStorage(path)
    assert not path.exists()


def test_sqlite_keeps_every_write_of_concurrent_sessions(tmp_path):
    storage = SQLiteStorage(tmp_path / "shared.db")

    def session(n):
        for i in range(100):
            storage.set(f"session-{n}", str(i))
            storage.set(f"session-{n}-{i}", "x")

    threads = [threading.Thread(target=session, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    reader = SQLiteStorage(tmp_path / "shared.db")
    assert [reader.get(f"session-{n}") for n in range(8)] == ["99"] * 8
    assert all(reader.get(f"session-{n}-{i}") == "x" for n in range(8) for i in range(100))


def test_sqlite_refuses_a_file_that_is_not_a_database(tmp_path):
    path = tmp_path / "not.db"
    path.write_text("hello, I am text " * 100)
    with pytest.raises(StorageError, match=r'SQLiteStorage cannot open ".*not.db".*SQLite database'):
        SQLiteStorage(path).get("k")


def test_json_file_that_is_corrupt_is_reported_then_moved_aside_not_overwritten(tmp_path):
    path = tmp_path / "state.json"
    path.write_text('{"k": "cut off')
    storage = JSONFileStorage(path)
    with pytest.raises(StorageError, match=r"is not valid JSON.*moved aside"):
        storage.get("k")
    storage.set("k", "new")
    aside = list(tmp_path.glob("state.json.corrupt-*"))
    assert len(aside) == 1
    assert aside[0].read_text() == '{"k": "cut off'
    assert storage.get("k") == "new"


def test_json_file_of_another_shape_is_refused(tmp_path):
    path = tmp_path / "state.json"
    path.write_text("[1, 2]")
    with pytest.raises(StorageError, match="does not hold a map of strings"):
        JSONFileStorage(path).get("k")


@contextlib.contextmanager
def read_only(directory):
    """Make ``directory`` read-only for real: chmod for users, the immutable flag for root."""
    if os.geteuid() != 0:
        directory.chmod(0o500)
        try:
            yield
        finally:
            directory.chmod(0o700)
        return
    if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(directory)]).returncode:
        pytest.skip("root needs chattr (e2fsprogs) on a filesystem with the immutable flag")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(directory)], check=True)


def test_json_file_write_failure_keeps_the_previous_file(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    storage = JSONFileStorage(folder / "state.json")
    storage.set("k", "v1")
    with read_only(folder), pytest.raises(StorageError, match=r'could not write key "k".*previous file is intact'):
        storage.set("k", "v2")
    assert storage.get("k") == "v1"
    assert sorted(p.name for p in folder.iterdir()) == ["state.json", "state.json.lock"]


def test_json_file_path_under_a_file_is_reported(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StorageError, match=r'JSONFileStorage cannot read ".*state.json".*permissions'):
        JSONFileStorage(blocker / "state.json").set("k", "v")


def test_redis_unreachable_is_reported_with_the_fix():
    storage = RedisStorage("redis://127.0.0.1:1/0")
    with pytest.raises(StorageError, match=r'could not get key "k" at redis://127.0.0.1:1/0.*redis-server'):
        storage.get("k")


WRITER = textwrap.dedent(
    """
    import json, sys
    from streamlit_redux.storage import JSONFileStorage, SQLiteStorage
    kind, path = sys.argv[1], sys.argv[2]
    storage = JSONFileStorage(path) if kind == "json" else SQLiteStorage(path)
    i = 0
    while True:
        storage.set("state", json.dumps({"i": i, "rows": [i] * 5000}))
        if i == 3:
            print("ready", flush=True)
        i += 1
    """
)


@pytest.mark.parametrize("kind", ["json", "sqlite"])
def test_a_process_killed_mid_write_loses_nothing(kind, tmp_path):
    path = tmp_path / ("state.json" if kind == "json" else "state.db")
    for attempt in range(3):
        process = subprocess.Popen([sys.executable, "-c", WRITER, kind, str(path)], stdout=subprocess.PIPE)
        assert process.stdout.readline().strip() == b"ready"
        time.sleep(0.05 * (attempt + 1))  # let it get well into a later write before the kill
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        process.stdout.close()
        storage = JSONFileStorage(path) if kind == "json" else SQLiteStorage(path)
        value = json.loads(storage.get("state"))
        assert value["rows"] == [value["i"]] * 5000
        assert value["i"] >= 3
