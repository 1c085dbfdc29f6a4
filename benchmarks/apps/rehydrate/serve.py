"""Serve main.py with the browser-id cookie, as a user would (streamlit run serve.py)."""

import streamlit as st

from streamlit_redux.identity import browser_id_middleware

app = st.App("main.py", middleware=[browser_id_middleware()])
