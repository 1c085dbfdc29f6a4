"""Core store benchmarks: store overhead, state-size scaling, selector memo.

Targets (report, not asserts): dispatch overhead over calling the reducer <= 30%;
dispatch time on 1e6 items <= 2x that on 1e2 items; a memo hit far cheaper than a recompute.
Run: make bench
"""

import pytest
from pyrsistent import pmap

from streamlit_redux import Store, combine_reducers, create_selector, create_slice

counter = create_slice(name="counter", initial_state=0, reducers={"incremented": lambda s, a: s + 1})
inc = counter.actions.incremented()


@pytest.mark.benchmark(group="store-overhead")
def test_reducer_called_directly(benchmark):
    benchmark.extra_info["baseline"] = True
    reducer, box = counter.reducer, [0]

    def step():
        box[0] = reducer(box[0], inc)

    benchmark(step)
    assert box[0] > 0


@pytest.mark.benchmark(group="store-overhead")
def test_dispatch_without_middleware(benchmark):
    store = Store(counter.reducer)
    benchmark(store.dispatch, inc)
    assert store.state > 0


todos = create_slice(
    name="todos",
    initial_state={"items": [], "filter": "all"},
    reducers={"added": lambda s, a: s.set("items", s["items"].append(a.payload))},
)
app_reducer = combine_reducers(counter=counter.reducer, todos=todos.reducer)
added = todos.actions.added("milk")


@pytest.mark.benchmark(group="store-overhead-app")
def test_app_reducer_called_directly(benchmark):
    benchmark.extra_info["baseline"] = True
    box = [app_reducer(None, inc)]

    def step():
        box[0] = app_reducer(box[0], added)

    benchmark(step)
    assert len(box[0]["todos"]["items"]) > 0


@pytest.mark.benchmark(group="store-overhead-app")
def test_app_dispatch_without_middleware(benchmark):
    store = Store(app_reducer)
    benchmark(store.dispatch, added)
    assert len(store.state["todos"]["items"]) > 0


def sized_store(size):
    items = create_slice(
        name="items",
        initial_state=pmap({f"k{i}": i for i in range(size)}),
        reducers={"touched": lambda s, a: s.set("k0", s["k0"] + 1)},
    )
    return Store(combine_reducers(items=items.reducer, counter=counter.reducer)), items.actions.touched()


@pytest.mark.parametrize("size", [100, 10_000, 1_000_000])
@pytest.mark.benchmark(group="state-size")
def test_dispatch_on_state_of_size(benchmark, size):
    store, touched = sized_store(size)
    benchmark.extra_info["baseline"] = size == 100
    benchmark(store.dispatch, touched)
    assert store.state["items"]["k0"] > 0


ROWS = pmap({"rows": tuple(range(10_000)), "other": 0})


def total_of(rows):
    return sum(rows)


@pytest.mark.benchmark(group="selectors")
def test_selector_recompute(benchmark):
    benchmark.extra_info["baseline"] = True
    benchmark(total_of, ROWS["rows"])


@pytest.mark.benchmark(group="selectors")
def test_selector_memo_hit_after_unrelated_change(benchmark):
    total = create_selector(lambda s: s["rows"], total_of)
    store = Store(lambda s, a: s.set("other", s["other"] + 1) if a.type == "bump" else s, ROWS)
    store.select(total)
    bump = {"type": "bump"}

    def step():
        store.dispatch(bump)
        return store.select(total)

    assert benchmark(step) == sum(range(10_000))
    assert total.recomputations() == 1
