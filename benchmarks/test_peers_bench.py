"""The same counter and todo workloads on streamlit_redux, python-redux and pydux.

Baseline: python-redux (target: streamlit_redux faster per dispatch). Needs the `bench` extra.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from pyrsistent import freeze

from streamlit_redux import Store, combine_reducers, create_slice

counter = create_slice(name="counter", initial_state=0, reducers={"incremented": lambda s, a: s + 1})
todos = create_slice(
    name="todos",
    initial_state=[],
    reducers={
        "added": lambda s, a: s.append(freeze({"title": a.payload, "done": False})),
        "toggled": lambda s, a: s.set(a.payload, s[a.payload].set("done", not s[a.payload]["done"])),
    },
)


def todo_workload(dispatch, added, toggled):
    for i in range(20):
        dispatch(added(f"t{i}"))
    for i in range(20):
        dispatch(toggled(i))


@pytest.mark.benchmark(group="peers-counter")
def test_counter_streamlit_redux(benchmark):
    store = Store(combine_reducers(counter=counter.reducer))
    benchmark(store.dispatch, counter.actions.incremented())
    assert store.state["counter"] > 0


@pytest.mark.benchmark(group="peers-todo")
def test_todo_streamlit_redux(benchmark):
    def run():
        store = Store(combine_reducers(todos=todos.reducer))
        todo_workload(store.dispatch, todos.actions.added, todos.actions.toggled)
        return store.state

    assert all(t["done"] for t in benchmark(run)["todos"])


def pydux_counter():
    pydux = pytest.importorskip("pydux")

    def reducer(state, action):
        state = state if state is not None else {"counter": 0}
        if action["type"] == "incremented":
            return {**state, "counter": state["counter"] + 1}
        return state

    return pydux.create_store(reducer)


@pytest.mark.benchmark(group="peers-counter")
def test_counter_pydux(benchmark):
    store = pydux_counter()
    benchmark(store.dispatch, {"type": "incremented"})
    assert store.get_state()["counter"] > 0


@pytest.mark.benchmark(group="peers-todo")
def test_todo_pydux(benchmark):
    pydux = pytest.importorskip("pydux")

    def reducer(state, action):
        state = state if state is not None else ()
        if action["type"] == "added":
            return (*state, {"title": action["payload"], "done": False})
        if action["type"] == "toggled":
            i = action["payload"]
            return (*state[:i], {**state[i], "done": not state[i]["done"]}, *state[i + 1 :])
        return state

    def run():
        store = pydux.create_store(reducer)
        todo_workload(
            store.dispatch,
            lambda t: {"type": "added", "payload": t},
            lambda i: {"type": "toggled", "payload": i},
        )
        return store.get_state()

    assert all(t["done"] for t in benchmark(run))


def python_redux_types():
    redux = pytest.importorskip("redux")
    from immutable import Immutable

    class Incremented(redux.BaseAction):
        pass

    class Added(redux.BaseAction):
        title: str

    class Toggled(redux.BaseAction):
        index: int

    class Todo(Immutable):
        title: str
        done: bool

    class CounterState(Immutable):
        counter: int

    class TodoState(Immutable):
        todos: tuple

    return redux, Incremented, Added, Toggled, Todo, CounterState, TodoState


@pytest.mark.benchmark(group="peers-counter")
def test_counter_python_redux(benchmark):
    redux, Incremented, _, _, _, CounterState, _ = python_redux_types()
    benchmark.extra_info["baseline"] = True

    def reducer(state, action):
        if state is None:
            return CounterState(counter=0)
        if isinstance(action, Incremented):
            return replace(state, counter=state.counter + 1)
        return state

    store = redux.Store(reducer, options=redux.StoreOptions(auto_init=True))
    action = Incremented()
    try:
        benchmark(store.dispatch, action)
        assert store._state.counter > 0
    finally:
        store.clean_up()


@pytest.mark.benchmark(group="peers-todo")
def test_todo_python_redux(benchmark):
    redux, _, Added, Toggled, Todo, _, TodoState = python_redux_types()
    benchmark.extra_info["baseline"] = True

    def reducer(state, action):
        if state is None:
            return TodoState(todos=())
        if isinstance(action, Added):
            return replace(state, todos=(*state.todos, Todo(title=action.title, done=False)))
        if isinstance(action, Toggled):
            i, items = action.index, state.todos
            return replace(state, todos=(*items[:i], replace(items[i], done=not items[i].done), *items[i + 1 :]))
        return state

    stores = []

    def run():
        store = redux.Store(reducer, options=redux.StoreOptions(auto_init=True))
        stores.append(store)
        todo_workload(store.dispatch, lambda t: Added(title=t), lambda i: Toggled(index=i))
        return store._state

    try:
        assert all(t.done for t in benchmark(run).todos)
    finally:
        for store in stores:
            store.clean_up()
