"""A store with 10,000 recorded actions; the panel is on when DEVTOOLS_BENCH_PANEL=1."""

import os

import streamlit as st

from streamlit_redux import Store, combine_reducers, create_slice, devtools

todos = create_slice(
    name="todos",
    initial_state=[],
    reducers={"added": lambda s, a: s.append(a.payload)},
)
counter = create_slice(name="counter", initial_state=0, reducers={"inc": lambda s, a: s + 1})

if "bench_store" not in st.session_state:
    store = Store(combine_reducers(todos=todos.reducer, counter=counter.reducer), name="bench")
    devtools.instrument(store, max_age=None)
    for i in range(10_000):
        store.dispatch(todos.actions.added(f"todo {i}") if i % 10 == 0 else counter.actions.inc())
    st.session_state.bench_store = store
store = st.session_state.bench_store
if os.environ.get("DEVTOOLS_BENCH_PANEL") == "1":
    devtools.sidebar(store, enabled=True, max_age=None)
st.markdown(f"count={store.state['counter']} todos={len(store.state['todos'])}")
