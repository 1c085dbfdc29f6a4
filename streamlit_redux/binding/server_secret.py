"""The server secret behind browser cookies and stored keys, and the HMACs made with it.

A stored key holds ``HMAC(secret, identity)``: it never reveals a cookie, and a guessed key opens
nothing. The secret comes from, in order:

1. the ``STREAMLIT_REDUX_SECRET`` environment variable;
2. ``st.secrets["streamlit_redux"]["secret"]`` (``[streamlit_redux]`` in secrets.toml);
3. a file generated once, readable only by its owner (mode 0600): ``STREAMLIT_REDUX_SECRET_FILE``,
   by default ``~/.streamlit/streamlit_redux.secret``.

Every replica of an app must share it (set the variable or the secrets entry there); a new
secret makes every browser a new visitor, since no old cookie or key matches any more.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import stat
import threading
from pathlib import Path

from streamlit_redux.store.errors import IdentityError

_lock = threading.Lock()
_cached: bytes | None = None
MIN_LENGTH = 32


def server_secret() -> bytes:
    """The secret: read, or generated into its file, once per process."""
    global _cached
    with _lock:
        if _cached is None:
            _cached = _load()
        return _cached


def sign(purpose: str, value: str) -> str:
    """A hex HMAC-SHA256 of ``value`` for ``purpose``.

    The purpose keeps the HMACs apart: a cookie's signature is never a stored owner id, and
    the owner of a browser is never the owner of a user with the same id.
    """
    message = f"{purpose}:{value}".encode()
    return hmac.new(server_secret(), message, hashlib.sha256).hexdigest()


def secret_file() -> Path:
    """Where the generated secret lives (``STREAMLIT_REDUX_SECRET_FILE`` or the default)."""
    configured = os.environ.get("STREAMLIT_REDUX_SECRET_FILE")
    return Path(configured) if configured else Path.home() / ".streamlit" / "streamlit_redux.secret"


def _load() -> bytes:
    from_env = os.environ.get("STREAMLIT_REDUX_SECRET")
    if from_env:
        return _checked(from_env, "the STREAMLIT_REDUX_SECRET environment variable")
    from_secrets = _from_streamlit_secrets()
    if from_secrets:
        return _checked(from_secrets, 'st.secrets["streamlit_redux"]["secret"]')
    return _from_file(secret_file())


def _checked(value: str, where: str) -> bytes:
    value = value.strip()
    if len(value) < MIN_LENGTH:
        raise IdentityError(
            f"The server secret from {where} has {len(value)} characters; use at least "
            f'{MIN_LENGTH} random ones, e.g. python -c "import secrets; '
            'print(secrets.token_urlsafe(32))".'
        )
    return value.encode()


def _from_streamlit_secrets() -> str | None:
    try:
        import streamlit as st

        section = st.secrets.get("streamlit_redux")
        value = section.get("secret") if section is not None else None
    except Exception:  # no secrets.toml, or not in a Streamlit process: not configured
        return None
    return str(value) if value else None


def _from_file(path: Path) -> bytes:
    try:
        if not path.exists():
            _create(path)
        mode = stat.S_IMODE(path.stat().st_mode)
        text = path.read_text()
    except OSError as exc:
        raise IdentityError(
            f"Could not read or create the server secret file {path} ({exc}); set "
            "STREAMLIT_REDUX_SECRET (32+ random characters) or point STREAMLIT_REDUX_SECRET_FILE "
            "at a writable place."
        ) from exc
    if mode & 0o077:
        raise IdentityError(
            f"The server secret file {path} has mode {mode:o}: other users can read it, so they "
            f"could forge browser ids. Run: chmod 600 {path}"
        )
    return _checked(text, str(path))


def _create(path: Path) -> None:
    """Write a new secret to ``path`` unless another process already has: all-or-nothing.

    The secret is written to a private temporary file, then hard-linked into place: a process
    starting at the same moment sees either no file or the whole secret, never an empty one,
    and the first link wins (``os.link`` never replaces a file).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(8)}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w") as file:
            file.write(secrets.token_urlsafe(48))
            file.flush()
            os.fsync(file.fileno())
        os.link(temporary, path)
    except FileExistsError:  # another process created it first: everyone uses theirs
        pass
    finally:
        temporary.unlink(missing_ok=True)
