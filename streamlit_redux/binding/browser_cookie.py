"""The browser-id cookie: its signed value, and the ``Set-Cookie`` header that carries it.

The value is ``<id>.<signature>``: the id is ``secrets.token_urlsafe(32)`` (256 random bits) and
the signature an HMAC of it with the server secret. A visitor therefore cannot choose an id
(say, one copied from a screenshot of another visitor's stored key, or one it made up): only
values this server issued verify, and anything else is treated as no cookie at all.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterable

from streamlit_redux.binding.server_secret import sign

COOKIE_NAME = "streamlit_redux_browser"
"""The cookie's name; it holds ``<id>.<signature>`` and never appears in a URL."""

_ID = re.compile(r"[A-Za-z0-9_-]{43}")  # secrets.token_urlsafe(32)
_SIGNATURE = re.compile(r"[0-9a-f]{64}")  # hex HMAC-SHA256
_PURPOSE = "browser-cookie"  # kept apart from the owner ids, which use other purposes


def verified_id(cookie_value: object) -> str | None:
    """The browser id in a cookie value, or None when it is missing, malformed or forged.

    >>> verified_id("not-a-signed-id") is None
    True
    """
    if not isinstance(cookie_value, str):  # no cookie (or a stand-in from Streamlit's AppTest)
        return None
    browser_id, dot, signature = cookie_value.partition(".")
    if not (dot and _ID.fullmatch(browser_id) and _SIGNATURE.fullmatch(signature)):
        return None
    expected = sign(_PURPOSE, browser_id)
    return browser_id if secrets.compare_digest(signature, expected) else None


def cookie_values(cookie_headers: Iterable[str]) -> list[str]:
    """Every value of the browser-id cookie in these ``Cookie`` headers, in the browser's order.

    A browser sends one name several times when it holds it for several paths (an app at ``/``
    and another at ``/drafts`` on one host, or a base path that changed). Starlette's parser
    (``st.context.cookies``) keeps only the last, which may be the other app's: reading that one
    would give this app a fresh id on every page load.

    >>> cookie_values(["a=1; streamlit_redux_browser=x.y; streamlit_redux_browser=z"])
    ['x.y', 'z']
    """
    found = []
    for header in cookie_headers:
        for chunk in header.split(";"):
            name, _, value = chunk.partition("=")
            if name.strip() == COOKIE_NAME:
                found.append(value.strip())
    return found


def first_verified_id(cookie_values: Iterable[object]) -> str | None:
    """The id in the first of these values that verifies (they are ours, whatever their path)."""
    for value in cookie_values:
        found = verified_id(value)
        if found is not None:
            return found
    return None


def new_cookie_value() -> str:
    """A fresh id with its signature: what a browser without a valid cookie is given."""
    browser_id = secrets.token_urlsafe(32)
    return f"{browser_id}.{sign(_PURPOSE, browser_id)}"


def set_cookie_header(value: str, *, max_age_s: int, path: str, secure: bool) -> str:
    """The ``Set-Cookie`` value: HttpOnly, SameSite=Lax, scoped to ``path``, Secure if asked.

    >>> set_cookie_header("v", max_age_s=60, path="/", secure=False)
    'streamlit_redux_browser=v; Max-Age=60; Path=/; HttpOnly; SameSite=Lax'
    """
    flags = [f"{COOKIE_NAME}={value}", f"Max-Age={max_age_s}", f"Path={path}", "HttpOnly"]
    flags.append("SameSite=Lax")
    if secure:
        flags.append("Secure")
    return "; ".join(flags)
