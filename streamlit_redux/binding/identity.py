"""Who is this? The browser and the logged-in user, as opaque ids for persistence scopes.

``browser_id()`` reads the signed cookie the browser-id middleware sets (``st.context.cookies``);
``user_id()`` reads ``st.user`` when Streamlit's authentication is on. ``owner_for_scope``
turns them into the owner ids that persistence keys are built from: HMACs with the server
secret, so no stored key reveals a cookie or a user id. No identity ever travels in the URL.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from streamlit_redux.binding import runtime
from streamlit_redux.binding.browser_cookie import COOKIE_NAME, verified_id
from streamlit_redux.binding.server_secret import sign
from streamlit_redux.store.errors import IdentityError


def browser_id() -> str | None:
    """This browser's id, or None when the app is not served with the browser-id middleware.

    >>> # if browser_id() is None: st.info("Serve through serve.py to keep drafts")
    """
    _require_script_run("browser_id()")
    cookies: Any = st.context.cookies
    return verified_id(cookies.get(COOKIE_NAME))


def user_id() -> str | None:
    """The logged-in user's id (``st.user``'s ``sub``, else email), or None."""
    _require_script_run("user_id()")
    try:
        user: Any = st.user
        if not user.get("is_logged_in", False):
            return None
        found = user.get("sub") or user.get("email")
    except Exception:  # authentication not configured: nobody is logged in
        return None
    return str(found) if found else None


def owner_for_scope(scope: str) -> str | None:
    """The opaque owner id of a persistence scope in this session, or None if it has none.

    ``"browser"`` and ``"user"`` give an HMAC of the id (None without the identity), ``"app"``
    gives ``"app"``, ``"session"`` gives None.
    """
    if scope == "app":
        return "app"
    if scope == "browser":
        found = browser_id()
    elif scope == "user":
        found = user_id()
    else:
        return None
    return None if found is None else sign(f"owner-{scope}", found)[:40]


def _require_script_run(what: str) -> None:
    if runtime.script_context() is None:
        raise IdentityError(
            f"{what} was called outside a Streamlit script run; the identity comes from the "
            "browser's cookies in a session. Call it in your app script or a callback."
        )
