import contextlib
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time

import pytest

from streamlit_redux.storage import (
    JSONFileStorage,
    RedisStorage,
    SQLiteStorage,
    Storage,
    StorageError,
)


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
    with pytest.raises(StorageError, match=rf'^SQLiteStorage cannot open "{re.escape(str(path))}" \(file is not a database\); check the path and its permissions, or that the file is an SQLite database\.$'):
        SQLiteStorage(path).get("k")


def test_json_file_that_is_corrupt_is_reported_then_moved_aside_not_overwritten(tmp_path):
    path = tmp_path / "state.json"
    path.write_text('{"k": "cut off')
    storage = JSONFileStorage(path)
    with pytest.raises(StorageError, match=rf'^JSONFileStorage file "{re.escape(str(path))}" is not valid JSON \(Unterminated string starting at: line 1 column 7 \(char 6\)\); it is kept as it is and will be moved aside \(…corrupt-<time>\) before the next write\.$'):
        storage.get("k")
    storage.set("k", "new")
    aside = list(tmp_path.glob("state.json.corrupt-*"))
    assert len(aside) == 1
    assert aside[0].read_text() == '{"k": "cut off'
    assert storage.get("k") == "new"


def test_json_file_of_another_shape_is_refused(tmp_path):
    path = tmp_path / "state.json"
    path.write_text("[1, 2]")
    with pytest.raises(StorageError, match=rf'^JSONFileStorage file "{re.escape(str(path))}" does not hold a map of strings; it was written by something else\. Point JSONFileStorage at its own file\.$'):
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
    with read_only(folder), pytest.raises(StorageError, match=rf'^JSONFileStorage could not write key "k" to "{re.escape(str(folder / "state.json"))}" \(.+\); the previous file is intact\. Check free space and permissions\.$'):
        storage.set("k", "v2")
    assert storage.get("k") == "v1"
    assert sorted(p.name for p in folder.iterdir()) == ["state.json", "state.json.lock"]


def test_json_file_path_under_a_file_is_reported(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StorageError, match=rf'^JSONFileStorage cannot create the lock file "{re.escape(str(blocker / "state.json.lock"))}" \(\[Errno 17\] File exists: .+\); check that "{re.escape(str(blocker))}" is a folder this process can write to\.$'):
        JSONFileStorage(blocker / "state.json").set("k", "v")


def test_json_file_that_cannot_be_read_names_the_file(tmp_path):
    path = tmp_path / "state.json"
    path.mkdir()
    with pytest.raises(StorageError, match=rf'^JSONFileStorage cannot read "{re.escape(str(path))}" \(\[Errno 21\] Is a directory: .+\); check its permissions\.$'):
        JSONFileStorage(path).get("k")


def test_sqlite_read_failure_names_the_key_and_the_file(tmp_path):
    path = tmp_path / "state.db"
    storage = SQLiteStorage(path)
    storage.set("k", "v")
    with contextlib.closing(sqlite3.connect(path)) as other:
        other.execute("DROP TABLE streamlit_redux")
        other.commit()
    with pytest.raises(StorageError, match=rf'^SQLiteStorage could not read key "k" from "{re.escape(str(path))}" \(no such table: streamlit_redux\); check that the file is readable and that only SQLiteStorage writes to it\.$'):
        storage.get("k")


def test_sqlite_write_failure_keeps_the_previous_value(tmp_path):
    path = tmp_path / "state.db"
    storage = SQLiteStorage(path, timeout_s=0)
    storage.set("k", "v")
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as other:
        other.execute("BEGIN IMMEDIATE")
        with pytest.raises(StorageError, match=rf'^SQLiteStorage could not write key "k" to "{re.escape(str(path))}" \(database is locked\); the previous value is intact\. Check free space, permissions and locks\.$'):
            storage.set("k", "w")
        other.execute("ROLLBACK")
    assert storage.get("k") == "v"


def test_redis_unreachable_is_reported_with_the_fix():
    storage = RedisStorage("redis://127.0.0.1:1/0")
    with pytest.raises(StorageError, match=r'^RedisStorage could not get key "k" at redis://127\.0\.0\.1:1/0 \(ConnectionError: Error 111 connecting to 127\.0\.0\.1:1\. Connection refused\.\); check that redis-server runs there\.$'):
        storage.get("k")


def test_redis_hash_with_a_version_but_no_value_is_an_error_not_absent(redis_url):
    import redis

    prefix = f"novalue{time.time_ns()}:"
    redis.Redis.from_url(redis_url).hset(f"{prefix}k", "version", 3)
    storage = RedisStorage(redis_url, prefix=prefix)
    with pytest.raises(StorageError, match=r'^RedisStorage found key "k" at redis://\S+ with a version \(3\) but no value; it was not written by RedisStorage, or was edited: delete it \(DEL novalue\d+:k\) or restore its value\.$'):
        storage.get_versioned("k")
    storage.close()


def test_redis_close_leaves_no_connection_and_the_next_call_connects_again(redis_url):
    import redis

    watcher = redis.Redis.from_url(redis_url)
    storage = RedisStorage(redis_url, prefix=f"close{time.time_ns()}:")
    storage.set("k", "v")
    connected = len(watcher.client_list())
    storage.close()
    deadline = time.monotonic() + 10
    while len(watcher.client_list()) >= connected and time.monotonic() < deadline:
        time.sleep(0.05)  # the server sees the socket close a moment later
    assert len(watcher.client_list()) == connected - 1
    assert storage.get("k") == "v"
    storage.close()
    watcher.close()


def test_redis_without_the_client_package_says_how_to_install_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "redis", None)  # what `import redis` meets when it is absent
    with pytest.raises(StorageError, match=r"^RedisStorage needs the redis client; install it with `pip install redis`\.$"):
        RedisStorage("redis://127.0.0.1:1/0").get("k")


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
