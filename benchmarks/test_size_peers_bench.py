"""Dispatch time against state size: streamlit_redux, python-redux and pydux, one key of an
N-key state changed per dispatch, each library written the way its users would.

streamlit_redux keeps the keys in a pyrsistent map (``PMap.set`` shares the untouched keys);
python-redux (an ``Immutable`` dataclass) and pydux (plain dicts) copy the dict. Baseline of
each size's group: python-redux. ``make bench-report`` plots these on log scales.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from pyrsistent import pmap

from streamlit_redux import Store, create_slice

SIZES = [10, 1_000, 100_000]


def keys(size):
    return {f"k{i}": i for i in range(size)}


@pytest.mark.parametrize("size", SIZES)
def test_size_streamlit_redux(benchmark, size):
    benchmark.group = f"size-{size:>7}"
    items = create_slice(
        name="items", initial_state=pmap(keys(size)), reducers={"touched": lambda s, a: s.set("k0", s["k0"] + 1)}
    )
    store = Store(items.reducer)
    benchmark(store.dispatch, items.actions.touched())
    assert store.state["k0"] > 0


@pytest.mark.parametrize("size", SIZES)
def test_size_pydux(benchmark, size):
    pydux = pytest.importorskip("pydux")
    benchmark.group = f"size-{size:>7}"

    def reducer(state, action):
        state = state if state is not None else keys(size)
        if action["type"] == "touched":
            return {**state, "k0": state["k0"] + 1}
        return state

    store = pydux.create_store(reducer)
    benchmark(store.dispatch, {"type": "touched"})
    assert store.get_state()["k0"] > 0


@pytest.mark.parametrize("size", SIZES)
def test_size_python_redux(benchmark, size):
    redux = pytest.importorskip("redux")
    from immutable import Immutable

    benchmark.group = f"size-{size:>7}"
    benchmark.extra_info["baseline"] = True

    class Touched(redux.BaseAction):
        pass

    class Items(Immutable):
        data: dict

    def reducer(state, action):
        if state is None:
            return Items(data=keys(size))
        if isinstance(action, Touched):
            return replace(state, data={**state.data, "k0": state.data["k0"] + 1})
        return state

    store = redux.Store(reducer, options=redux.StoreOptions(auto_init=True))
    try:
        benchmark(store.dispatch, Touched())
        assert store._state.data["k0"] > 0
    finally:
        store.clean_up()
