"""Serve the draft app with a browser-id cookie: streamlit run examples/draft/serve.py

`streamlit run` finds the app by reading this file for a literal `app = st.App(...)`.
"""

import streamlit as st

from streamlit_redux.identity import browser_id_middleware

app = st.App("main.py", middleware=[browser_id_middleware()])
