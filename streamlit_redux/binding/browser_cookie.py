"""A Starlette middleware that gives every browser an unguessable, signed id in a cookie.

The cookie is HttpOnly (page scripts, and so XSS, cannot read it), SameSite=Lax, Secure over
https, scoped to the app's base path, with a max age. Its value is ``<id>.<signature>``: the
id is ``secrets.token_urlsafe(32)`` and the signature an HMAC with the server secret, so a
visitor cannot pick an id (e.g. another visitor's) and a tampered value is simply replaced by a
fresh id. Streamlit reads cookies at the websocket handshake (``st.context.cookies``), which the
page's first response precedes, so the id is there from the first script run.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import SimpleCookie
from typing import Any

from starlette.middleware import Middleware

from streamlit_redux.binding.server_secret import sign

COOKIE_NAME = "streamlit_redux_browser"
_ID = re.compile(r"^[A-Za-z0-9_-]{43}$")  # token_urlsafe(32)
_SIGNATURE_PURPOSE = "browser-cookie"

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


def verified_id(cookie_value: str | None) -> str | None:
    """The browser id in a cookie value, or None when it is missing, malformed or forged."""
    if not cookie_value or cookie_value.count(".") != 1:
        return None
    browser_id, signature = cookie_value.split(".")
    if not _ID.match(browser_id):
        return None
    expected = sign(_SIGNATURE_PURPOSE, browser_id)
    return browser_id if secrets.compare_digest(signature, expected) else None


def new_cookie_value() -> str:
    """A fresh id with its signature."""
    browser_id = secrets.token_urlsafe(32)
    return f"{browser_id}.{sign(_SIGNATURE_PURPOSE, browser_id)}"


class BrowserIdMiddleware:
    """ASGI middleware: set the signed browser-id cookie on any http response that lacks one."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        max_age_s: int = 365 * 24 * 3600,
        path: str | None = None,
        trust_forwarded_proto: bool = False,
    ) -> None:
        self.app = app
        self.max_age_s = max_age_s
        self.path = path
        self.trust_forwarded_proto = trust_forwarded_proto

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or verified_id(_cookie(scope)) is not None:
            await self.app(scope, receive, send)
            return
        header = self._set_cookie_header(scope).encode("latin-1")

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), (b"set-cookie", header)]
            await send(message)

        await self.app(scope, receive, send_with_cookie)

    def _set_cookie_header(self, scope: Scope) -> str:
        flags = [
            f"{COOKIE_NAME}={new_cookie_value()}",
            f"Max-Age={self.max_age_s}",
            f"Path={self.path or _base_path()}",
            "HttpOnly",
            "SameSite=Lax",
        ]
        if self._is_https(scope):
            flags.append("Secure")
        return "; ".join(flags)

    def _is_https(self, scope: Scope) -> bool:
        if scope.get("scheme") == "https":
            return True
        if not self.trust_forwarded_proto:
            return False
        forwarded = dict(scope.get("headers", [])).get(b"x-forwarded-proto", b"")
        return bool(forwarded.split(b",")[0].strip() == b"https")


def browser_id_middleware(
    *,
    max_age_s: int = 365 * 24 * 3600,
    path: str | None = None,
    trust_forwarded_proto: bool = False,
) -> Middleware:
    """The browser-id middleware for ``st.App(..., middleware=[...])``.

    ``path`` defaults to Streamlit's ``server.baseUrlPath``; ``trust_forwarded_proto`` marks the
    cookie Secure when a proxy you run says ``X-Forwarded-Proto: https``.

    >>> # serve.py
    >>> # import streamlit as st
    >>> # from streamlit_redux.identity import browser_id_middleware
    >>> # app = st.App("main.py", middleware=[browser_id_middleware()])
    """
    return Middleware(
        BrowserIdMiddleware,
        max_age_s=max_age_s,
        path=path,
        trust_forwarded_proto=trust_forwarded_proto,
    )


def _cookie(scope: Scope) -> str | None:
    for name, value in scope.get("headers", []):
        if name == b"cookie":
            jar: SimpleCookie = SimpleCookie()
            try:
                jar.load(value.decode("latin-1"))
            except Exception:  # a malformed Cookie header: treat as absent
                return None
            morsel = jar.get(COOKIE_NAME)
            return None if morsel is None else morsel.value
    return None


def _base_path() -> str:
    try:
        from streamlit import config

        base = str(config.get_option("server.baseUrlPath") or "").strip("/")
    except Exception:  # outside a Streamlit process
        base = ""
    return f"/{base}" if base else "/"
