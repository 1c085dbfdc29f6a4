"""Serve the soak app with the browser-id cookie (per-browser persistence)."""

import streamlit as st

from streamlit_redux.identity import browser_id_middleware

app = st.App("main.py", middleware=[browser_id_middleware()])
