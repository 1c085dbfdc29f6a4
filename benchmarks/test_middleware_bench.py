"""Middleware cost.

- full stack: bare dispatch vs logging (level off) + undoable + persist (debounced) + checks;
  target <= 2x. Also the production stack, the same without the (development-only) checks.
- checks cost on states of 1e4 and 1e6 items after the first dispatch; target: independent of
  the size (checked subtrees are remembered by identity).
"""

import logging

import pytest
from pyrsistent import pmap

from streamlit_redux import Store, combine_reducers, create_slice
from streamlit_redux.middleware import checks_middleware, logger_middleware, persist, undoable
from streamlit_redux.storage import MemoryStorage

todos = create_slice(
    name="todos",
    initial_state={"items": [{"title": f"todo {i}", "done": False} for i in range(200)], "n": 0},
    reducers={"bumped": lambda s, a: s.set("n", s["n"] + 1)},
)
bump = todos.actions.bumped()


@pytest.mark.benchmark(group="middleware-stack")
def test_bare_dispatch(benchmark):
    benchmark.extra_info["baseline"] = True
    store = Store(combine_reducers(todos=todos.reducer))
    benchmark(store.dispatch, bump)


def stacked_store(*, checks):
    """logging (level off) + undoable + persist (debounced), and the checks when asked."""
    persistor = persist(MemoryStorage(), key="bench", debounce_s=60)
    quiet = logging.getLogger("streamlit_redux.bench")
    quiet.setLevel(logging.WARNING)
    middleware = [logger_middleware(logger=quiet), persistor]
    if checks:
        middleware.insert(1, checks_middleware(enabled=True))
    return Store(combine_reducers(todos=undoable(todos.reducer, limit=100)), middleware=middleware), persistor


@pytest.mark.benchmark(group="middleware-stack")
def test_logging_off_undo_persist_debounced_checks(benchmark):
    store, persistor = stacked_store(checks=True)
    benchmark(store.dispatch, bump)
    persistor.flush()


@pytest.mark.benchmark(group="middleware-stack")
def test_production_stack_logging_off_undo_persist_debounced(benchmark):
    store, persistor = stacked_store(checks=False)
    benchmark(store.dispatch, bump)
    persistor.flush()


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
