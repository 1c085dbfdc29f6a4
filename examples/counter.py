"""The smallest streamlit-redux app: a counter. Run: streamlit run examples/counter.py"""

import streamlit as st

from streamlit_redux import create_slice, get_store

counter = create_slice(
    name="counter",
    initial_state=0,
    reducers={
        "incremented": lambda count, action: count + 1,
        "added": lambda count, action: count + action.payload,
        "reset": lambda count, action: 0,
    },
)
inc, add, reset = counter.actions.incremented, counter.actions.added, counter.actions.reset

store = get_store(counter.reducer)  # one store per browser session, kept across reruns

st.title("Counter")
st.metric("Count", store.select(lambda count: count))
# Dispatch from callbacks: they run before the script body, so the body sees the new state.
st.button("+1", on_click=store.dispatch, args=(inc(),))
st.button("+10", on_click=store.dispatch, args=(add(10),))
st.button("Reset", on_click=store.dispatch, args=(reset(),))
