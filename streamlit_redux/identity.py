"""Browser and user identity for Streamlit apps (see docs/identity.md).

Serve the app through ``st.App`` with the middleware, then ask who is there in the script:

>>> # serve.py, run with: streamlit run serve.py
>>> # import streamlit as st
>>> # from streamlit_redux.identity import browser_id_middleware
>>> # app = st.App("main.py", middleware=[browser_id_middleware()])
>>> # main.py: owner_for_scope("browser") is this browser's opaque owner id (or None)
"""

from streamlit_redux.binding.browser_cookie import COOKIE_NAME
from streamlit_redux.binding.browser_id_middleware import browser_id_middleware
from streamlit_redux.binding.identity import browser_id, owner_for_scope, user_id

__all__ = ["COOKIE_NAME", "browser_id", "browser_id_middleware", "owner_for_scope", "user_id"]
