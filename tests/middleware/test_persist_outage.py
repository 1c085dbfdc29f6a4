"""A storage outage: a real redis-server killed while stores keep dispatching, then restarted.

While writes fail, persist keeps the actions since the last write (a later conflict re-applies
them). An outage is not bounded in time, so that journal is: memory stays flat however long
the storage is away, nothing committed is lost once it is back, and a conflict after a long
outage keeps this store's copy aside and says why.
"""

from __future__ import annotations

import json
import re
import tracemalloc
from collections.abc import Iterator
from typing import Any

import pytest

from streamlit_redux import Store, signals
from streamlit_redux.middleware.persist import PersistError, persist
from streamlit_redux.middleware.persist_book import JOURNAL_LIMIT
from streamlit_redux.storage import RedisStorage
from tests.middleware.redis_server import RedisServer

NOTE = "notes/added"


def notes(state: Any, action: Any) -> Any:
    """A count of notes and their total length: the payloads themselves are not kept."""
    if state is None:
        return {"count": 0, "length": 0}
    if action.type != NOTE:
        return state
    return {"count": state["count"] + 1, "length": state["length"] + len(action.payload)}


@pytest.fixture
def failures() -> Iterator[list[BaseException]]:
    seen: list[BaseException] = []

    def receiver(sender: Any, **kw: Any) -> None:
        seen.append(kw["error"])

    signals.persist_failed.connect(receiver)
    yield seen
    signals.persist_failed.disconnect(receiver)


def made(url: str) -> tuple[Store[Any], RedisStorage]:
    storage = RedisStorage(url)
    return Store(notes, None, [persist(storage, key="notes", debounce_s=60)]), storage


def add_notes(store: Store[Any], count: int, *, size: int = 1) -> None:
    """``count`` notes of ``size`` characters each, written (or tried) every 100."""
    for index in range(count):
        store.dispatch({"type": NOTE, "payload": f"{index:08d}".ljust(size, ".")})
        if index % 100 == 99:
            store.close()  # a debounced store writes what it holds on close, as at session end


def outage_then_another_writer(redis_server: RedisServer, notes_during: int) -> tuple[Any, Any]:
    """Ours stores one note, adds ``notes_during`` while redis-server is down, and once it is
    back another store writes first; then ours writes (and conflicts). Returns (ours, storage)."""
    ours, storage = made(redis_server.url)
    theirs, _ = made(redis_server.url)
    add_notes(ours, 1)
    ours.close()
    redis_server.kill()
    add_notes(ours, notes_during)
    redis_server.start()
    theirs.dispatch({"type": NOTE, "payload": "theirs"})
    theirs.close()
    ours.close()
    return ours, storage


def stored(storage: RedisStorage, key: str = "notes") -> Any:
    raw = storage.get(key)
    assert raw is not None
    return json.loads(raw)["state"]


def test_a_long_outage_keeps_memory_flat_and_the_next_write_loses_nothing(
    redis_server: RedisServer, failures: list[BaseException]
) -> None:
    store, storage = made(redis_server.url)
    add_notes(store, 1)
    store.close()
    redis_server.kill()
    tracemalloc.start()
    try:
        before = tracemalloc.take_snapshot()
        # 6 MB of payloads: a journal keeping every action would hold all of them.
        add_notes(store, 3 * JOURNAL_LIMIT, size=2000)
        grown = sum(
            stat.size_diff for stat in tracemalloc.take_snapshot().compare_to(before, "filename")
        )
    finally:
        tracemalloc.stop()
    assert failures, "the failed writes were reported"
    assert grown < 3_000_000, f"{grown} bytes kept for {3 * JOURNAL_LIMIT} actions"
    redis_server.start()
    store.close()
    assert stored(storage) == {"count": 1 + 3 * JOURNAL_LIMIT, "length": 8 + 6 * 10**6}


def test_a_conflict_after_a_long_outage_keeps_this_copy_aside_and_says_why(
    redis_server: RedisServer, failures: list[BaseException]
) -> None:
    # Its last failed write saw more than the limit: no actions to re-apply in the conflict.
    ours, storage = outage_then_another_writer(redis_server, JOURNAL_LIMIT + 100)
    assert ours.state == {"count": 2, "length": 14}, "the stored copy was adopted"
    assert stored(storage) == ours.state
    aside = storage.keys("notes.conflict.")
    assert len(aside) == 1
    assert stored(storage, aside[0]) == {"count": JOURNAL_LIMIT + 101, "length": 8 * (JOURNAL_LIMIT + 101)}
    assert isinstance(failures[-1], PersistError)
    assert re.fullmatch(
        r'persist: key "notes" was changed by another writer and this store\'s changes could '
        rf"not be re-applied onto it \(more than {JOURNAL_LIMIT} actions were made while the "
        r"stored copy could not be written, and the journal of them was dropped\); the stored "
        r'copy was adopted and this store\'s version is kept under "notes\.conflict\.\d+"\.',
        str(failures[-1]),
    )


def test_a_short_outage_is_rebased_onto_another_writer_action_by_action(
    redis_server: RedisServer, failures: list[BaseException]
) -> None:
    ours, storage = outage_then_another_writer(redis_server, JOURNAL_LIMIT - 1)
    assert ours.state == {"count": JOURNAL_LIMIT + 1, "length": 14 + 8 * (JOURNAL_LIMIT - 1)}
    assert stored(storage) == ours.state
    assert not storage.keys("notes.conflict.")
