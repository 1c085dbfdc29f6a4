"""Whose copy a persistor reads and writes: the scope, the owner id, and the stored key.

A persistor made by ``persist(storage, key="draft", scope=...)`` is resolved per session by the
Streamlit binding (``persistor.for_owner(owner_of)``). The stored key is then
``"draft:browser:<owner>"`` or ``"draft:user:<owner>"``, where the owner is an opaque id (an
HMAC of the browser's cookie or of the user, never the cookie itself); ``"app"`` stores under
``"draft"`` for everyone and ``"session"`` stores nothing. Copies kept aside get the stored key
plus ``.corrupt.<time>`` or ``.conflict.<time>``, so ``forget`` (``persist_owners``) finds them
too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from streamlit_redux.storage.base import Storage
from streamlit_redux.store.errors import (  # re-exported: defined with every other error
    PersistenceDisabledWarning as PersistenceDisabledWarning,
)
from streamlit_redux.store.errors import PersistScopeError

Scope = Literal["browser", "user", "app", "session"]
OwnerOf = Callable[[str], "str | None"]
SCOPES: tuple[str, ...] = ("browser", "user", "app", "session")
OWNED_SCOPES = ("browser", "user")


def check_scope(scope: str | None, *, key: str) -> None:
    if scope is not None and scope not in SCOPES:
        raise PersistScopeError(
            f'persist(key="{key}", scope={scope!r}): unknown scope; use one of '
            '"browser", "user", "app", "session" (or None: "browser" in a Streamlit session).'
        )


def stored_key(key: str, scope: str, owner: str) -> str:
    """The storage key of ``owner``'s copy: ``f"{key}:{scope}:{owner}"``."""
    if not owner or ":" in owner or "." in owner:
        raise PersistScopeError(
            f'persist(key="{key}", scope="{scope}"): the owner id {owner!r} is empty or holds ":" '
            'or "."; owner_of must return an opaque id such as an HMAC hex digest, or None.'
        )
    return f"{key}:{scope}:{owner}"


def disabled_message(key: str, scope: str) -> str:
    if scope == "user":
        return (
            f'persist(key="{key}", scope="user"): nobody is logged in, so this state lives for '
            "this session only (nothing is read or written). Turn on authentication (st.login, "
            "with [auth] in secrets.toml) so st.user identifies the user."
        )
    return (
        f'persist(key="{key}", scope="browser"): this browser has no id, so this state lives for '
        "this session only (nothing is read or written). Serve the app through st.App with "
        'streamlit_redux.identity.browser_id_middleware(): in serve.py, app = st.App("main.py", '
        "middleware=[browser_id_middleware()]), then run `streamlit run serve.py`."
    )


def purge_expired(storage: Storage) -> int:
    """Delete the stored copies whose ``ttl`` ran out; returns how many.

    Expired copies already read as absent; this frees their space (run it from cron, or with
    ``python -m streamlit_redux purge``). Redis expires keys itself.

    >>> from streamlit_redux.storage import MemoryStorage
    >>> purge_expired(MemoryStorage())
    0
    """
    return storage.purge_expired()
