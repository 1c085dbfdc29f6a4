"""Shared state across replicas: optimistic commits on storage, followers, Redis outages."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pyrsistent import pmap, pvector

from streamlit_redux import Action, Store
from streamlit_redux.middleware.replicate import replicate
from streamlit_redux.middleware.undo import undo, undoable
from streamlit_redux.storage import MemoryStorage, RedisStorage, SQLiteStorage
from streamlit_redux.store.errors import (
    ReplicaConflictError,
    ReplicaDataError,
    ReplicaUnavailableError,
)
from tests.middleware.redis_server import RedisServer

WORKER = Path(__file__).with_name("replica_worker.py")
ROOT = Path(__file__).resolve().parents[2]


def counter(state: Any, action: Any) -> Any:
    if state is None:
        return 0
    return state + 1 if action.type == "counter/incremented" else state


def appended(state: Any, action: Any) -> Any:
    if state is None:
        return pvector()
    return state.append(action.payload) if action.type == "log/appended" else state


INC = {"type": "counter/incremented"}


def _wait_for(store: Store[Any], value: Any) -> Any:
    """Block (without timing assertions) until ``store`` shows ``value``, or give up at 30 s."""
    changed = threading.Event()
    unsubscribe = store.subscribe(lambda state: changed.set())
    try:
        for _ in range(300):
            if store.state == value:
                break
            changed.wait(0.1)
            changed.clear()
    finally:
        unsubscribe()
    return store.state


# -- one process ------------------------------------------------------------------------------


def test_second_store_starts_from_the_stored_state() -> None:
    storage = MemoryStorage()
    first = Store(counter, None, [replicate(storage, key="clicks", follow=False)])
    first.dispatch(INC)
    second = Store(counter, None, [replicate(storage, key="clicks", follow=False)])
    assert second.state == 1


def test_dispatch_runs_on_the_stored_state_not_a_stale_local_one() -> None:
    storage = MemoryStorage()
    a = Store(counter, None, [replicate(storage, key="clicks", follow=False)])
    b = Store(counter, None, [replicate(storage, key="clicks", follow=False)])
    a.dispatch(INC)
    a.dispatch(INC)
    b.dispatch(INC)  # b never heard of a's commits: it must re-read before reducing
    assert (b.state, storage.get_versioned("clicks")) == (3, ("3", 4))


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.booleans(), st.integers(0, 9)), max_size=20))
def test_interleaved_replicas_equal_one_store_in_dispatch_order(
    steps: list[tuple[bool, int]],
) -> None:
    storage = MemoryStorage()
    replicas = [Store(appended, None, [replicate(storage, key="log", follow=False)])
                for _ in range(2)]
    alone = Store(appended)
    for on_first, item in steps:
        action = {"type": "log/appended", "payload": item}
        replicas[0 if on_first else 1].dispatch(action)
        alone.dispatch(action)
    last = replicas[0 if steps and steps[-1][0] else 1]
    assert last.state == alone.state


class RacingStorage(MemoryStorage):
    """Another replica that always commits between this store's read and its write."""

    def compare_and_set(self, key: str, value: str, *, version: int,
                        ttl_s: float | None = None) -> int | None:
        found = self.get_versioned(key)
        if found is not None:
            self.set(key, found.value)
        return super().compare_and_set(key, value, version=version, ttl_s=ttl_s)


def test_endless_conflicts_raise_and_leave_the_state_unchanged() -> None:
    storage = RacingStorage()
    store = Store(counter, None, [replicate(storage, key="clicks", follow=False,
                                            max_attempts=3)])
    with pytest.raises(
        ReplicaConflictError,
        match=r'^Shared store "clicks" could not commit action "counter/incremented": other '
        r"replicas changed the stored state first 3 times in a row, so it was not applied and "
        r"the state is unchanged\. Dispatch it again; if this repeats, split the state into "
        r"several shared stores so fewer replicas write to one key\.$",
    ):
        store.dispatch(INC)
    assert store.state == 0


def test_unreadable_stored_state_is_refused_and_left_in_place() -> None:
    storage = MemoryStorage()
    store = Store(counter, None, [replicate(storage, key="clicks", follow=False)])
    storage.set("clicks", "{cut off")
    with pytest.raises(
        ReplicaDataError,
        match=r'^Shared store "clicks" cannot read the stored state \(version 2\) while handling '
        r'action "counter/incremented": Stored state is not valid JSON \(.*\); it was probably '
        r"cut off or edited by hand\. Nothing was changed\. Repair or delete that key in the "
        r"storage; replicas keep their state in memory, and the next dispatch after a delete "
        r"stores it again\.$",
    ):
        store.dispatch(INC)
    assert (store.state, storage.get("clicks")) == (0, "{cut off")
    storage.delete("clicks")
    store.dispatch(INC)
    assert storage.get("clicks") == "1"


def test_a_commit_reaches_another_store_without_a_dispatch(redis_server: RedisServer) -> None:
    a = Store(counter, None, [replicate(RedisStorage(redis_server.url), key="clicks")])
    b = Store(counter, None, [replicate(RedisStorage(redis_server.url), key="clicks")])
    a.dispatch(INC)
    a.dispatch(INC)
    assert _wait_for(b, 2) == 2


def test_storage_without_pub_sub_is_followed_by_polling(tmp_path: Path) -> None:
    a, b = (Store(counter, None, [replicate(SQLiteStorage(tmp_path / "shared.db"), key="clicks",
                                            poll_s=0.05)]) for _ in range(2))
    a.dispatch(INC)
    assert _wait_for(b, 1) == 1


def test_the_follower_ends_when_its_stores_are_gone(redis_server: RedisServer) -> None:
    store = Store(counter, None, [replicate(RedisStorage(redis_server.url), key="gone",
                                            poll_s=0.05)])
    (follower,) = [t for t in threading.enumerate() if t.name == "streamlit_redux follower gone"]
    del store
    for _ in range(300):  # the follower may hold the store for one refresh in flight
        gc.collect()
        follower.join(0.1)
        if not follower.is_alive():
            break
    assert not follower.is_alive()


def test_lost_redis_fails_the_dispatch_and_loses_nothing(redis_server: RedisServer) -> None:
    a = Store(counter, None, [replicate(RedisStorage(redis_server.url), key="clicks")])
    b = Store(counter, None, [replicate(RedisStorage(redis_server.url), key="clicks")])
    a.dispatch(INC)
    redis_server.kill()
    with pytest.raises(
        ReplicaUnavailableError,
        match=r'^Shared store "clicks" could not reach its storage while handling action '
        r'"counter/incremented" \(StorageError: RedisStorage could not get key "clicks" .*\); '
        r"the action was not applied and the state is unchanged \(committed changes are safe "
        r"in storage\)\. Check that the storage \(redis-server\) runs and is reachable, then "
        r"dispatch again\.$",
    ):
        a.dispatch(INC)
    assert a.state == 1
    redis_server.start()
    a.dispatch(INC)
    assert (_wait_for(b, 2), RedisStorage(redis_server.url).get("clicks")) == (2, "2")


def test_undo_on_shared_state_is_one_history_for_everyone() -> None:
    storage = MemoryStorage()
    ann, bob = (Store(undoable(counter), None, [replicate(storage, key="n", follow=False)])
                for _ in range(2))
    ann.dispatch(INC)
    bob.dispatch(INC)
    ann.dispatch(undo())  # undoes the newest change, whoever made it: bob's
    assert (ann.state["present"], ann.state["future"]) == (1, pvector([2]))


def by_author(reducer: Any) -> Any:
    """The docs' recipe: one undoable history per author, under the author's id."""
    history = undoable(reducer)
    fresh = history(None, Action("by_author/started"))

    def per_author(state: Any, action: Any) -> Any:
        state = pmap() if state is None else state
        author = action.meta.get("author")
        return state if author is None else state.set(author, history(state.get(author, fresh), action))

    return per_author


def test_per_author_histories_undo_only_the_authors_own_change() -> None:
    storage = MemoryStorage()
    ann, bob = (Store(by_author(counter), None, [replicate(storage, key="n", follow=False)])
                for _ in range(2))
    ann.dispatch({**INC, "meta": {"author": "ann"}})
    bob.dispatch({**INC, "meta": {"author": "bob"}})
    ann.dispatch({"type": undo.type, "meta": {"author": "ann"}})
    assert (ann.state["ann"]["present"], ann.state["bob"]["present"]) == (0, 1)


# -- two server processes ----------------------------------------------------------------------


class Replica:
    """A replica_worker.py process: a store on one shared key in its own interpreter."""

    def __init__(self, url: str, key: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(WORKER), url, key],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT,
        )

    def send(self, command: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()

    def answer(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        assert line, "the replica process died"
        return dict(json.loads(line))

    def ask(self, command: str) -> dict[str, Any]:
        self.send(command)
        return self.answer()

    def close(self) -> None:
        self.process.kill()
        self.process.communicate(timeout=10)  # also closes the pipes


@pytest.fixture
def replicas(redis_server: RedisServer) -> Iterator[list[Replica]]:
    pair = [Replica(redis_server.url, "shared:counter") for _ in range(2)]
    yield pair
    for replica in pair:
        replica.close()


def test_fifty_sessions_on_two_processes_count_exactly(
    redis_server: RedisServer, replicas: list[Replica]
) -> None:
    for replica in replicas:
        replica.send("inc 25 100")  # both processes dispatch at once
    answers = [replica.answer() for replica in replicas]
    assert [answer["errors"] for answer in answers] == [[], []]
    assert max(answer["state"] for answer in answers) == 5000
    assert [replica.ask("wait 5000")["state"] for replica in replicas] == [5000, 5000]
    assert RedisStorage(redis_server.url).get("shared:counter") == "5000"


def test_both_processes_catch_up_after_redis_restarts(
    redis_server: RedisServer, replicas: list[Replica]
) -> None:
    first, second = replicas
    first.ask("inc 5 20")
    assert second.ask("wait 100")["state"] == 100
    redis_server.kill()
    failed = second.ask("try")
    assert (failed["ok"], failed["state"]) == (False, 100)
    assert failed["error"].startswith("ReplicaUnavailableError: ")
    redis_server.start()
    second.ask("inc 2 10")
    first.ask("inc 2 10")
    assert [replica.ask("wait 140")["state"] for replica in replicas] == [140, 140]
    assert RedisStorage(redis_server.url).get("shared:counter") == "140"
