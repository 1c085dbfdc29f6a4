"""Test app: one fragment per row, each reading its own row by index; the body reads the count.

``st.session_state["shared"] = True`` makes the store a shared one (every session's)."""

import streamlit as st

from streamlit_redux import create_slice, get_store, shared_store

todos = create_slice(
    name="todos",
    initial_state={"items": ("milk", "eggs", "tea")},
    reducers={"removed": lambda s, a: s.set("items", s["items"][: a.payload] + s["items"][a.payload + 1:])},
)
store = (shared_store("rows", todos.reducer) if st.session_state.get("shared")
         else get_store(todos.reducer))

count = store.select(lambda s: len(s["items"]))
st.text(f"count={count}")
for index in range(count):

    @store.fragment(key=f"row-{index}")
    def row(index=index):
        st.text(f"item {index}: {store.select(lambda s: s['items'][index], key=('item', index))}")
        st.button("Remove", key=f"remove-{index}", on_click=store.dispatch,
                  args=(todos.actions.removed(index),))

    row()
