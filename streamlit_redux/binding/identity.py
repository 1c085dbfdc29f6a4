"""Who is this? The browser and the logged-in user, as opaque ids for persistence scopes.

``browser_id()`` reads the signed cookie the browser-id middleware sets (``st.context.cookies``);
``user_id()`` reads ``st.user`` when Streamlit's authentication is on. ``owner_for_scope``
turns them into the owner ids that persistence keys are built from: HMACs with the server
secret, so no stored key reveals a cookie or a user id. Nothing here reads the URL, so no
identity ever travels in one.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import streamlit as st

from streamlit_redux.binding import runtime
from streamlit_redux.binding.browser_cookie import COOKIE_NAME, cookie_values, first_verified_id
from streamlit_redux.binding.server_secret import sign
from streamlit_redux.store.errors import IdentityError

SCOPES = ("browser", "user", "app", "session")
_OWNER_HEX_DIGITS = 40  # 160 bits: no collisions among any number of visitors in practice


def browser_id() -> str | None:
    """This browser's id, or None when the app is not served with the browser-id middleware.

    The id is the cookie's random part, once its signature checks out; a forged cookie gives
    None here (and a fresh id on the next page load). Every value the websocket handshake sent
    counts (``st.context.headers``), not only the one ``st.context.cookies`` kept.

    >>> # if browser_id() is None: st.info("Serve through serve.py to keep drafts")
    """
    _require_script_run("browser_id()")
    headers: Any = st.context.headers.get_all("cookie")
    cookies: Mapping[str, str] = st.context.cookies
    sent = cookie_values(headers) if isinstance(headers, list) else []
    return first_verified_id([*sent, cookies.get(COOKIE_NAME)])


def user_id() -> str | None:
    """The logged-in user's id, or None when authentication is off or nobody is logged in.

    The id is the login's issuer and subject (``"<iss> <sub>"``: OpenID Connect makes ``sub``
    unique only per issuer, and an app may offer several providers), else the email.

    >>> # if user_id() is None: st.button("Log in", on_click=st.login)
    """
    _require_script_run("user_id()")
    try:
        user: Any = st.user
        if not user.get("is_logged_in", False):
            return None
        issuer, subject = user.get("iss") or user.get("provider"), user.get("sub")
        email = user.get("email")
    except Exception:  # authentication not configured: nobody is logged in
        return None
    if subject:
        return f"{issuer} {subject}" if issuer else str(subject)
    return str(email) if email else None


def owner_for_scope(scope: str) -> str | None:
    """The opaque owner id of a persistence scope in this session, or None if it has none.

    ``"browser"`` / ``"user"``: 40 hex digits of an HMAC of the browser / user id with the
    server secret (None without that identity); ``"app"``: ``"app"``; ``"session"``: None.

    >>> owner_for_scope("app"), owner_for_scope("session")
    ('app', None)
    """
    if scope not in SCOPES:
        raise IdentityError(
            f"owner_for_scope({scope!r}): unknown scope; use one of "
            '"browser", "user", "app", "session".'
        )
    if scope == "app":
        return "app"
    if scope == "session":
        return None
    found = browser_id() if scope == "browser" else user_id()
    return None if found is None else owner_id(scope, found)


def owner_id(scope: str, identity: str) -> str:
    """The owner id of ``identity`` in ``scope``: an HMAC, so it reveals neither."""
    return sign(f"owner-{scope}", identity)[:_OWNER_HEX_DIGITS]


def _require_script_run(what: str) -> None:
    if runtime.script_context() is None:
        raise IdentityError(
            f"{what} was called outside a Streamlit script run; the identity comes from the "
            "browser's cookies in a session. Call it in your app script or a callback."
        )
