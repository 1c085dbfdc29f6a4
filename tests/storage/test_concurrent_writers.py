"""Two OS processes persisting one key: compare-and-set plus rebase lose no update.

SQLite and JSON files on one machine, and a real redis-server.
"""

import json
import subprocess
import sys
import textwrap
import time

from streamlit_redux.storage import JSONFileStorage, RedisStorage, SQLiteStorage

WRITER = textwrap.dedent(
    """
    import sys
    from streamlit_redux import Store, combine_reducers, create_slice, signals
    from streamlit_redux.middleware import persist
    from streamlit_redux.storage import JSONFileStorage, RedisStorage, SQLiteStorage

    kind, where, prefix, name, count = sys.argv[1:6]
    storages = {"sqlite": SQLiteStorage, "json": JSONFileStorage}
    storage = storages[kind](where) if kind in storages else RedisStorage(where, prefix=prefix)
    log = create_slice(
        name="log",
        initial_state={"entries": [], "count": 0},
        reducers={"added": lambda s, a: s.set("entries", s["entries"].append(a.payload))
                                         .set("count", s["count"] + 1)},
    )
    failures = []
    signals.persist_failed.connect(lambda sender, **kw: failures.append(kw["error"]), weak=False)
    store = Store(combine_reducers(log=log.reducer), middleware=[persist(storage, key="shared")])
    print("ready", flush=True)
    sys.stdin.readline()  # both processes start writing together
    for i in range(int(count)):
        store.dispatch(log.actions.added(f"{name}-{i}"))
    print("failures", len(failures), flush=True)
    """
)
PER_PROCESS = 500


def run_two_writers(kind, where, prefix=""):
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, kind, str(where), prefix, name, str(PER_PROCESS)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for name in ("a", "b")
    ]
    for process in processes:
        assert process.stdout.readline().strip() == "ready"
    for process in processes:
        process.stdin.write("go\n")
        process.stdin.flush()
    outputs = [process.communicate(timeout=300)[0] for process in processes]
    assert [p.returncode for p in processes] == [0, 0]
    assert outputs == ["failures 0\n", "failures 0\n"]


def assert_nothing_lost(stored):
    state = json.loads(stored)["state"]["log"]
    entries = state["entries"]
    assert state["count"] == len(entries) == 2 * PER_PROCESS
    for name in ("a", "b"):
        assert [e for e in entries if e.startswith(f"{name}-")] == [f"{name}-{i}" for i in range(PER_PROCESS)]


def test_two_processes_on_one_sqlite_key_lose_no_update(tmp_path):
    run_two_writers("sqlite", tmp_path / "shared.db")
    assert_nothing_lost(SQLiteStorage(tmp_path / "shared.db").get("shared"))


def test_two_processes_on_one_redis_key_lose_no_update(redis_url):
    prefix = f"two{time.time_ns()}:"
    run_two_writers("redis", redis_url, prefix)
    assert_nothing_lost(RedisStorage(redis_url, prefix=prefix).get("shared"))



def test_two_processes_on_one_json_file_key_lose_no_update(tmp_path):
    run_two_writers("json", tmp_path / "shared.json")
    assert_nothing_lost(JSONFileStorage(tmp_path / "shared.json").get("shared"))
