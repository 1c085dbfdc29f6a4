"""Browser and user identity for Streamlit apps (see docs/identity.md).

>>> # serve.py, run with: streamlit run serve.py
>>> # import streamlit as st
>>> # from streamlit_redux.identity import browser_id_middleware
>>> # app = st.App("main.py", middleware=[browser_id_middleware()])
"""

from streamlit_redux.binding.browser_cookie import COOKIE_NAME, browser_id_middleware
from streamlit_redux.binding.identity import browser_id, owner_for_scope, user_id

__all__ = ["COOKIE_NAME", "browser_id", "browser_id_middleware", "owner_for_scope", "user_id"]
