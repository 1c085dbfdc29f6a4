"""Test app: an expensive selector written inline (a new object every run)."""

import streamlit as st

from streamlit_redux import combine_reducers, create_selector, create_slice, get_store

items = create_slice(name="items", initial_state=[3, 1, 2], reducers={"added": lambda s, a: s.append(a.payload)})
clicks = create_slice(name="clicks", initial_state=0, reducers={"clicked": lambda s, a: s + 1})
store = get_store(combine_reducers(items=items.reducer, clicks=clicks.reducer))
calls = st.session_state.setdefault("sort_calls", [])


def expensive_sort(values):
    calls.append(1)
    return sorted(values)


st.write(f"sorted={store.select(create_selector(lambda s: s['items'], expensive_sort))}")
st.write(f"clicks={store.select(lambda s: s['clicks'])}")
st.button("click", key="click", on_click=store.dispatch, args=(clicks.actions.clicked(),))
st.button("add", key="add", on_click=store.dispatch, args=(items.actions.added(0),))
