"""Dispatch cost with persistence: bare store vs persist on memory, SQLite, and debounced SQLite.

Every dispatch here changes the persisted part, so each (undebounced) one writes.
"""

import pytest

from streamlit_redux import Store, combine_reducers, create_slice
from streamlit_redux.middleware import persist
from streamlit_redux.storage import MemoryStorage, SQLiteStorage

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


@pytest.mark.benchmark(group="persist")
def test_persist_sqlite(benchmark, tmp_path):
    store = Store(root, middleware=[persist(SQLiteStorage(tmp_path / "b.db"), key="b")])
    benchmark(store.dispatch, bump)


@pytest.mark.benchmark(group="persist")
def test_persist_sqlite_debounced(benchmark, tmp_path):
    persistor = persist(SQLiteStorage(tmp_path / "b.db"), key="b", debounce_s=0.5)
    store = Store(root, middleware=[persistor])
    benchmark(store.dispatch, bump)
    persistor.flush()
