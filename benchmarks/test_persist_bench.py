"""Dispatch cost with persistence: bare store vs persist with compare-and-set writes.

Every dispatch here changes the persisted part, so each undebounced one writes: a versioned
compare-and-set (SQLite: one BEGIN IMMEDIATE transaction; Redis: one Lua script round trip)
after the dispatch committed. Debounced stores pay the journal entry and the timer check only.
Ratios are against the bare dispatch measured in the same run.
"""

import pytest

from streamlit_redux import Store, combine_reducers, create_slice
from streamlit_redux.middleware import persist
from streamlit_redux.storage import MemoryStorage, RedisStorage, SQLiteStorage
from tests.storage.conftest import redis_url  # noqa: F401 - the real redis-server fixture

todos = create_slice(
    name="todos",
    initial_state={"items": [f"todo {i}" for i in range(100)], "count": 0},
    reducers={"bumped": lambda s, a: s.set("count", s["count"] + 1)},
)
root = combine_reducers(todos=todos.reducer)
bump = todos.actions.bumped()


@pytest.mark.benchmark(group="persist")
def test_bare_dispatch(benchmark):
    benchmark.extra_info["baseline"] = True
    store = Store(root)
    benchmark(store.dispatch, bump)


@pytest.mark.benchmark(group="persist")
def test_persist_memory(benchmark):
    store = Store(root, middleware=[persist(MemoryStorage(), key="b")])
    benchmark(store.dispatch, bump)


def storage_of(kind, tmp_path, request):
    if kind == "sqlite":
        return SQLiteStorage(tmp_path / "b.db")
    return RedisStorage(request.getfixturevalue("redis_url"), prefix=f"bench-{tmp_path.name}:")


@pytest.mark.parametrize("kind", ["sqlite", "redis"])
@pytest.mark.benchmark(group="persist")
def test_persist_cas(benchmark, kind, tmp_path, request):
    storage = storage_of(kind, tmp_path, request)
    store = Store(root, middleware=[persist(storage, key="b")])
    benchmark(store.dispatch, bump)
    storage.close()  # an open socket left for the collector fails a later test's setup


@pytest.mark.parametrize("kind", ["sqlite", "redis"])
@pytest.mark.benchmark(group="persist")
def test_persist_cas_debounced(benchmark, kind, tmp_path, request):
    storage = storage_of(kind, tmp_path, request)
    persistor = persist(storage, key="b", debounce_s=0.5)
    store = Store(root, middleware=[persistor])
    benchmark(store.dispatch, bump)
    persistor.flush()
    storage.close()
