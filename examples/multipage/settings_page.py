"""Settings page: brings its own slice, injected the first time the page runs."""

import streamlit as st
from state import root_reducer, settings

from streamlit_redux import get_store

store = get_store(root_reducer)
store.inject_slice("settings", settings.reducer)
st.header("Settings")
st.radio("Theme", ["light", "dark"], **store.bind("settings.theme", settings.actions.theme_set))
