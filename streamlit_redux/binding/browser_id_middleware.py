"""A Starlette middleware for ``st.App`` that gives every browser an unguessable, signed id.

Why a server-side cookie: a cookie that page JavaScript writes (what cookie components do)
cannot be HttpOnly, so any script on the page can read it. This middleware sets the cookie on
an HTTP response instead: HttpOnly, SameSite=Lax, Secure over https, scoped to the app's base
path, with a max age. Streamlit copies the cookies of the websocket handshake into
``st.context.cookies``; the page's first response precedes that handshake, so the id is there
from the first script run. A missing, malformed or forged value is replaced by a fresh id on
the same response: never an error page.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from starlette.middleware import Middleware
from starlette.requests import HTTPConnection

from streamlit_redux.binding.browser_cookie import (
    cookie_values,
    new_cookie_value,
    set_cookie_header,
    verified_id,
)
from streamlit_redux.store.errors import IdentityError

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

ONE_YEAR_S = 365 * 24 * 3600
_COOKIE_PATH = re.compile(r"/[!-+\--:<-~]*")  # printable ASCII without space, "," and ";"


class BrowserIdMiddleware:
    """ASGI middleware: set the signed browser-id cookie on any HTTP response that lacks one,
    and renew a valid one on each page load (so ``max_age_s`` counts from the last visit)."""

    def __init__(
        self, app: ASGIApp, *, max_age_s: int, path: str | None, secure: bool | None
    ) -> None:
        self.app = app
        self.max_age_s, self.path, self.secure = max_age_s, path, secure

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        # Any value of ours that verifies will do, as browser_id() reads it: with one cookie
        # name held for two paths, insisting on one of them would issue a new id on every load.
        held = next((v for v in self._cookies(scope) if verified_id(v) is not None), None)
        header = set_cookie_header(
            held or new_cookie_value(),
            max_age_s=self.max_age_s,
            path=self.path or base_path(),
            secure=self._is_secure(scope),
        ).encode("latin-1")

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                if held is None or _is_page(headers):
                    # A shared cache (proxy, CDN) that stored this response would hand the
                    # same id to every later visitor: a response that sets it is never stored.
                    kept = [(k, v) for k, v in headers if k.lower() != b"cache-control"]
                    extra = [(b"set-cookie", header), (b"cache-control", b"no-store")]
                    message = {**message, "headers": kept + extra}
            await send(message)

        await self.app(scope, receive, send_with_cookie)

    @staticmethod
    def _cookies(scope: Scope) -> list[str]:
        return cookie_values(HTTPConnection(scope).headers.getlist("cookie"))

    def _is_secure(self, scope: Scope) -> bool:
        if self.secure is not None:
            return self.secure
        if scope.get("scheme") == "https":
            return True
        # Trusted even from a client: the header can only add Secure, and a client that lies
        # about https makes its own cookie unusable over plain http. It harms nobody else.
        forwarded = HTTPConnection(scope).headers.get("x-forwarded-proto", "")
        return forwarded.split(",")[0].strip().lower() == "https"


def browser_id_middleware(
    *, max_age_s: int = ONE_YEAR_S, path: str | None = None, secure: bool | None = None
) -> Middleware:
    """The browser-id middleware, for ``st.App(..., middleware=[...])`` in a ``serve.py``.

    ``max_age_s``: how long a browser keeps its id after its last page load (browsers cap it
    at 400 days). ``path``: the cookie's path, by default Streamlit's ``server.baseUrlPath``.
    ``secure``: None marks
    the cookie Secure when the request is https (directly or per ``X-Forwarded-Proto``);
    True always (an https-only site behind a proxy that sends no such header); False never.

    >>> # serve.py, run with: streamlit run serve.py
    >>> # import streamlit as st
    >>> # from streamlit_redux.identity import browser_id_middleware
    >>> # app = st.App("main.py", middleware=[browser_id_middleware()])
    >>> browser_id_middleware(max_age_s=30 * 24 * 3600).kwargs["max_age_s"]
    2592000
    """
    if isinstance(max_age_s, bool) or not isinstance(max_age_s, int) or max_age_s <= 0:
        raise IdentityError(
            f"browser_id_middleware(max_age_s={max_age_s!r}): the cookie's max age must be a "
            "positive whole number of seconds; pass e.g. max_age_s=30 * 24 * 3600."
        )
    if path is not None and not _COOKIE_PATH.fullmatch(path):
        raise IdentityError(
            f"browser_id_middleware(path={path!r}): a cookie path starts with \"/\" and holds "
            'no spaces, "," or ";"; pass e.g. path="/myapp", or leave it out to use '
            "server.baseUrlPath."
        )
    return Middleware(BrowserIdMiddleware, max_age_s=max_age_s, path=path, secure=secure)


def _is_page(headers: list[tuple[bytes, bytes]]) -> bool:
    """Whether a response is an HTML page (a visit), not an asset or an API call."""
    return any(k.lower() == b"content-type" and v.startswith(b"text/html") for k, v in headers)


def base_path() -> str:
    """The app's base path from ``server.baseUrlPath`` (``"/"`` outside a Streamlit server)."""
    try:
        from streamlit import config

        base = str(config.get_option("server.baseUrlPath") or "").strip("/")
    except Exception:  # no Streamlit config to read: the app is served at the root
        base = ""
    return f"/{base}" if base else "/"
