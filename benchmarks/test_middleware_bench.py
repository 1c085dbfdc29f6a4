"""Middleware cost, as ratios to a bare dispatch measured in the same run.

- middleware-stack (a 200-todo slice, one counter bumped per dispatch): the production stack
  (logging configured off + undoable + persist debounced, on SQLite and in memory), target
  <= 1.5x; the development stack (the same plus checks_middleware), target <= 2x; and the
  checks alone.
- middleware-counter / middleware-todo: the peers' workloads (benchmarks/test_peers_bench.py)
  with the same stacks.
- undo-by-history-length: one recorded step at a full history (the oldest state dropped) and
  one undo + redo, at 10 and at 10,000 states; target: flat.
- checks-by-state-size: checks on states of 1e4 and 1e6 items after the first dispatch;
  target: independent of the size (checked subtrees are remembered by identity).
"""

import logging

import pytest
from pyrsistent import freeze, pmap

from streamlit_redux import Store, combine_reducers, create_slice
from streamlit_redux.middleware import checks_middleware, logger_middleware, persist, undoable
from streamlit_redux.middleware.undo import redo, undo
from streamlit_redux.storage import MemoryStorage, SQLiteStorage

todos = create_slice(
    name="todos",
    initial_state={"items": [{"title": f"todo {i}", "done": False} for i in range(200)], "n": 0},
    reducers={"bumped": lambda s, a: s.set("n", s["n"] + 1)},
)
bump = todos.actions.bumped()
counter = create_slice(name="counter", initial_state=0, reducers={"incremented": lambda s, a: s + 1})
todo_list = create_slice(
    name="todos",
    initial_state=[],
    reducers={
        "added": lambda s, a: s.append(freeze({"title": a.payload, "done": False})),
        "toggled": lambda s, a: s.set(a.payload, s[a.payload].set("done", not s[a.payload]["done"])),
    },
)


def stacked_store(slices, *, stack, tmp_path=None, key="bench"):
    """A store over ``slices`` with ``stack``: "bare", "production", "production-sqlite",
    "checks" (alone) or "development" (production + checks). Returns (store, persistor)."""
    if stack == "bare":
        return Store(combine_reducers(**slices)), None
    if stack == "checks":
        return Store(combine_reducers(**slices), middleware=[checks_middleware(enabled=True)]), None
    storage = SQLiteStorage(tmp_path / "bench.db") if stack == "production-sqlite" else MemoryStorage()
    persistor = persist(storage, key=key, debounce_s=60)
    quiet = logging.getLogger("streamlit_redux.bench")
    quiet.setLevel(logging.WARNING)  # logging as production configures it: the level is off
    middleware = [logger_middleware(logger=quiet), persistor]
    if stack == "development":
        middleware.insert(1, checks_middleware(enabled=True))
    undone = {name: undoable(reducer, limit=100) for name, reducer in slices.items()}
    return Store(combine_reducers(**undone), middleware=middleware), persistor


STACKS = ["bare", "production", "production-sqlite", "checks", "development"]


@pytest.mark.parametrize("stack", STACKS)
@pytest.mark.benchmark(group="middleware-stack")
def test_stack_dispatch(benchmark, stack, tmp_path):
    store, persistor = stacked_store({"todos": todos.reducer}, stack=stack, tmp_path=tmp_path)
    benchmark.extra_info["baseline"] = stack == "bare"
    benchmark(store.dispatch, bump)
    if persistor is not None:
        persistor.flush()


@pytest.mark.parametrize("stack", STACKS)
@pytest.mark.benchmark(group="middleware-counter")
def test_stack_counter(benchmark, stack, tmp_path):
    store, persistor = stacked_store({"counter": counter.reducer}, stack=stack, tmp_path=tmp_path)
    benchmark.extra_info["baseline"] = stack == "bare"
    benchmark(store.dispatch, counter.actions.incremented())
    if persistor is not None:
        persistor.flush()


@pytest.mark.parametrize("stack", STACKS)
@pytest.mark.benchmark(group="middleware-todo")
def test_stack_todo(benchmark, stack, tmp_path):
    """20 todos added then toggled (the peers' workload), each round on a fresh store."""
    added, toggled = todo_list.actions.added, todo_list.actions.toggled
    made = []

    def fresh_store():
        if made:  # the previous round's debounced write, outside the timing
            persistor = made[-1][1]
            if persistor is not None:
                persistor.flush()
        slices = {"todos": todo_list.reducer}
        made.append(stacked_store(slices, stack=stack, tmp_path=tmp_path, key=f"b{len(made)}"))
        return (made[-1][0].dispatch,), {}

    def workload(dispatch):
        for i in range(20):
            dispatch(added(f"t{i}"))
        for i in range(20):
            dispatch(toggled(i))

    benchmark.extra_info["baseline"] = stack == "bare"
    benchmark.pedantic(workload, setup=fresh_store, rounds=150, warmup_rounds=5)
    fresh_store()


def full_history(length):
    """A store whose undoable history already holds ``length`` states (its limit)."""
    store = Store(undoable(counter.reducer, limit=length))
    for _ in range(length + 1):
        store.dispatch(counter.actions.incremented())
    assert len(store.state["past"]) == length - 1
    return store


@pytest.mark.parametrize("length", [10, 10_000])
@pytest.mark.benchmark(group="undo-by-history-length")
def test_undo_record_step(benchmark, length):
    store = full_history(length)
    benchmark.extra_info["baseline"] = length == 10
    benchmark(store.dispatch, counter.actions.incremented())


@pytest.mark.parametrize("length", [10, 10_000])
@pytest.mark.benchmark(group="undo-by-history-length")
def test_undo_then_redo(benchmark, length):
    store = full_history(length)
    undo_action, redo_action = undo(), redo()

    def undo_redo():
        store.dispatch(undo_action)
        store.dispatch(redo_action)

    benchmark(undo_redo)
    assert len(store.state["past"]) == length - 1


def sized(size):
    big = create_slice(
        name="big",
        initial_state={"rows": pmap({i: {"v": i} for i in range(size)}), "n": 0},
        reducers={"bumped": lambda s, a: s.set("n", s["n"] + 1)},
    )
    store = Store(big.reducer, middleware=[checks_middleware(enabled=True)])
    store.dispatch(big.actions.bumped())  # the first dispatch checks everything once
    return store, big.actions.bumped()


@pytest.mark.parametrize("size", [10_000, 1_000_000])
@pytest.mark.benchmark(group="checks-by-state-size")
def test_checks_after_first_dispatch(benchmark, size):
    store, bumped = sized(size)
    benchmark.extra_info["baseline"] = size == 10_000
    benchmark(store.dispatch, bumped)
