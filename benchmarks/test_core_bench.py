"""Core store benchmarks: store overhead, state-size scaling, combine_reducers, selector memo.

Targets (report, not asserts): the store's fixed cost per dispatch (dispatch minus calling the
reducer directly, group store-overhead) <= 0.5 us; dispatch time on 1e6 items <= 2x that on
1e2 items; combine_reducers changing one slice of five cheaper than the same walk written with
pyrsistent's public API; a selector flipping between recent inputs served from the memo.
Run: make bench
"""

import pytest
from pyrsistent import PMap, pmap

from streamlit_redux import Action, Store, combine_reducers, create_selector, create_slice, signals

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


@pytest.mark.benchmark(group="store-overhead")
def test_dispatch_with_a_listener_and_signal_receivers(benchmark):
    from streamlit_redux import signals

    store = Store(counter.reducer)
    store.subscribe(lambda state: None)

    def receiver(sender, **kw):
        return None

    with signals.state_changed.connected_to(receiver), signals.action_dispatched.connected_to(receiver):
        benchmark(store.dispatch, inc)
    assert store.state > 0


FIVE = {name: create_slice(name=name, initial_state={"n": 0},
                           reducers={"bumped": lambda s, a: s.set("n", s["n"] + 1)})
        for name in ("a", "b", "c", "d", "e")}
BUMP_C = FIVE["c"].actions.bumped()


def public_api_combine(reducers):
    """combine_reducers' walk written with pyrsistent's public API only: the baseline."""
    items = tuple(reducers.items())

    def combined(state: PMap, action: Action) -> PMap:
        changed = [(k, r(state.get(k), action)) for k, r in items]
        changed = [(k, v) for k, v in changed if v is not state.get(k)]
        if not changed:
            return state
        return state.set(*changed[0]) if len(changed) == 1 else state.update(dict(changed))

    return combined


@pytest.mark.parametrize("variant", ["public-api", "combine_reducers"])
@pytest.mark.benchmark(group="combine-one-slice-of-five")
def test_combine_changing_one_slice(benchmark, variant):
    reducers = {name: piece.reducer for name, piece in FIVE.items()}
    root = public_api_combine(reducers) if variant == "public-api" else combine_reducers(reducers)
    benchmark.extra_info["baseline"] = variant == "public-api"
    box = [combine_reducers(reducers)(None, Action("@@init"))]

    def step():
        box[0] = root(box[0], BUMP_C)

    benchmark(step)
    assert box[0]["c"]["n"] > 0 and box[0]["a"]["n"] == 0


REGIONS = pmap({"region": "North", "sales": pmap({"North": tuple(range(20_000)),
                                                  "South": tuple(range(10_000))})})


def pick_region(state, action):
    return state.set("region", action.payload) if action.type == "pick" else state


@pytest.mark.parametrize("memo_size", [1, 4])
@pytest.mark.benchmark(group="selector-memo-switching")
def test_selector_switching_between_two_inputs(benchmark, memo_size):
    """North, South, North...: with one entry every switch recomputes; with four, none does."""
    benchmark.extra_info["baseline"] = memo_size == 1
    total = create_selector(lambda s: s["region"], lambda s: s["sales"],
                            lambda region, sales: sum(sales[region]), memo_size=memo_size)
    store = Store(pick_region, REGIONS)
    north, south = {"type": "pick", "payload": "North"}, {"type": "pick", "payload": "South"}

    def switch_twice():
        store.dispatch(south)
        store.select(total)
        store.dispatch(north)
        return store.select(total)

    assert benchmark(switch_twice) == sum(range(20_000))


@pytest.mark.parametrize("others", ["none watched", "another store watched"])
@pytest.mark.benchmark(group="store-overhead-others-watched")
def test_dispatch_while_another_store_is_watched(benchmark, others):
    """A session's store while another session's store has devtools and a view connected: the
    same cost as with nobody watching (receivers are looked up for the sending store)."""
    benchmark.extra_info["baseline"] = others == "none watched"
    store, other = Store(counter.reducer), Store(counter.reducer)
    heard = []

    def hear(sender, **_):
        heard.append(sender)

    if others == "another store watched":
        signals.action_dispatched.connect(hear, sender=other, weak=False)
        signals.state_changed.connect(hear, sender=other, weak=False)
    try:
        benchmark(store.dispatch, inc)
    finally:
        signals.action_dispatched.disconnect(hear, sender=other)
        signals.state_changed.disconnect(hear, sender=other)
    assert store.state > 0 and heard == []
