"""Multipage app: form values survive page switches.

Run: streamlit run examples/multipage/app.py

Plain Streamlit drops a widget's value when its page is left. Here every widget is bound to the
store, which lives in the session, so the values come back when you return.
"""

import streamlit as st
from state import root_reducer

from streamlit_redux import get_store

store = get_store(root_reducer)  # one store per session, shared by all pages

page = st.navigation(
    [
        st.Page("profile_page.py", title="Profile", default=True),
        st.Page("settings_page.py", title="Settings"),
    ]
)
with st.sidebar:
    name = store.select(lambda s: s["profile"]["name"]) or "stranger"
    st.write(f"Signed in as **{name}**")
    st.caption(f"Theme: {store.select(lambda s: s.get('settings', {}).get('theme', 'light'))}")
page.run()
