"""A plain core Store kept in session_state by hand, with the panel on "auto"."""

import streamlit as st

from streamlit_redux import Store, create_slice, devtools

counter = create_slice(
    name="counter", initial_state=0, reducers={"incremented": lambda s, a: s + 1}
)
if "plain" not in st.session_state:
    st.session_state.plain = Store(counter.reducer, name="plain")
store = st.session_state.plain
devtools.sidebar(store)
st.button("+1", key="inc", on_click=store.dispatch, args=(counter.actions.incremented(),))
st.markdown(f"count={store.state}")
