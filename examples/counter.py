"""The smallest streamlit-redux app: a counter. Run: streamlit run examples/counter.py"""

import streamlit as st

from streamlit_redux import Store, create_slice

counter = create_slice(
    name="counter",
    initial_state=0,
    reducers={
        "incremented": lambda count, action: count + 1,
        "added": lambda count, action: count + action.payload,
        "reset": lambda count, action: 0,
    },
)

# One store per browser session, kept in session_state so it survives reruns.
if "counter_store" not in st.session_state:
    st.session_state.counter_store = Store(counter.reducer)
store = st.session_state.counter_store

st.title("Counter")
st.metric("Count", store.state)
# Dispatch from callbacks: they run before the script body, so the body sees the new state.
st.button("+1", on_click=store.dispatch, args=(counter.actions.incremented(),))
st.button("+10", on_click=store.dispatch, args=(counter.actions.added(10),))
st.button("Reset", on_click=store.dispatch, args=(counter.actions.reset(),))
