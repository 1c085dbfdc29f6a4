"""The server secret behind browser cookies and stored keys, and the HMACs made with it.

A stored key is ``HMAC(secret, identity)``: it never reveals a cookie, and a guessed key opens
nothing. The secret comes from ``STREAMLIT_REDUX_SECRET``, else from ``st.secrets``
(``[streamlit_redux] secret = "..."``), else it is generated once into a file only the server's
user can read (``STREAMLIT_REDUX_SECRET_FILE``, default ``~/.streamlit/streamlit_redux.secret``).
Every replica of an app must share it (set the variable or the secrets entry there).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import threading
from pathlib import Path

from streamlit_redux.store.errors import IdentityError

_lock = threading.Lock()
_cached: bytes | None = None


def server_secret() -> bytes:
    """The secret (read or generated once per process)."""
    global _cached
    with _lock:
        if _cached is None:
            _cached = _load()
        return _cached


def sign(purpose: str, value: str) -> str:
    """A hex HMAC-SHA256 of ``value`` for ``purpose`` (so a cookie signature is no stored key)."""
    message = f"{purpose}:{value}".encode()
    return hmac.new(server_secret(), message, hashlib.sha256).hexdigest()


def _load() -> bytes:
    from_env = os.environ.get("STREAMLIT_REDUX_SECRET")
    if from_env:
        return _checked(from_env, "the STREAMLIT_REDUX_SECRET environment variable")
    from_secrets = _from_streamlit_secrets()
    if from_secrets:
        return _checked(from_secrets, 'st.secrets["streamlit_redux"]["secret"]')
    return _from_file(Path(os.environ.get("STREAMLIT_REDUX_SECRET_FILE", _DEFAULT_FILE)))


_DEFAULT_FILE = str(Path.home() / ".streamlit" / "streamlit_redux.secret")


def _checked(value: str, where: str) -> bytes:
    if len(value) < 32:
        raise IdentityError(
            f"The server secret from {where} has {len(value)} characters; use at least 32 "
            'random ones, e.g. python -c "import secrets; print(secrets.token_urlsafe(32))".'
        )
    return value.encode()


def _from_streamlit_secrets() -> str | None:
    try:
        import streamlit as st

        section = st.secrets.get("streamlit_redux")
        value = section.get("secret") if section is not None else None
    except Exception:  # no secrets file, or not in a Streamlit process: not configured
        return None
    return str(value) if value else None


def _from_file(path: Path) -> bytes:
    try:
        if path.exists():
            return _checked(path.read_text().strip(), str(path))
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as file:
            file.write(secrets.token_urlsafe(48))
    except FileExistsError:  # another process created it first: read theirs
        pass
    except OSError as exc:
        raise IdentityError(
            f"Could not create the server secret file {path} ({exc}); set "
            "STREAMLIT_REDUX_SECRET (32+ random characters) or STREAMLIT_REDUX_SECRET_FILE."
        ) from exc
    return _checked(path.read_text().strip(), str(path))
