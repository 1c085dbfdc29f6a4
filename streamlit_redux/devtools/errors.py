"""The devtools' exception types, all under ``StreamlitReduxError``."""

from __future__ import annotations

from streamlit_redux.store.errors import StreamlitReduxError


class DevtoolsError(StreamlitReduxError):
    """The devtools were asked for something they cannot do (bad option, bad index)."""


class SessionExportError(DevtoolsError, ValueError):
    """The session holds a value that JSON cannot represent, so it cannot be exported."""


class SessionImportError(DevtoolsError, ValueError):
    """An imported session file was refused; the session was left exactly as it was."""
