"""A small app for the devtools panel tests: a counter and a todo list with get_store."""

import streamlit as st

from streamlit_redux import combine_reducers, create_slice, devtools, get_store

counter = create_slice(
    name="counter",
    initial_state={"value": 0, "password": "hunter2"},
    reducers={"incremented": lambda s, a: s.set("value", s["value"] + (a.payload or 1))},
)
todos = create_slice(
    name="todos",
    initial_state=[],
    reducers={"added": lambda s, a: s.append(a.payload)},
)

store = get_store(combine_reducers(counter=counter.reducer, todos=todos.reducer))
devtools.sidebar(
    store,
    enabled=True,
    state_sanitizer=lambda s: s.transform(["counter", "password"], "***"),
    page_size=5,
)

st.button("+1", key="inc", on_click=store.dispatch, args=(counter.actions.incremented(),))
st.button("add todo", key="add", on_click=store.dispatch, args=(todos.actions.added("milk"),))
st.markdown(f"count={store.select(lambda s: s['counter']['value'])}")
st.markdown(f"todos={len(store.select(lambda s: s['todos']))}")
