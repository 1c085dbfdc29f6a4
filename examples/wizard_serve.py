"""Serve the wizard with a browser-id cookie: streamlit run examples/wizard_serve.py

With the cookie, the wizard's draft is persisted per browser: a refresh lands on the same step
with the same values. `streamlit run` finds the app by reading this file for a literal
`app = st.App(...)`.
"""

import streamlit as st

from streamlit_redux.identity import browser_id_middleware

app = st.App("wizard.py", middleware=[browser_id_middleware()])
