"""The Streamlit binding: per-session stores, widget binding, minimal reruns."""

from streamlit_redux.binding.session import get_store
from streamlit_redux.binding.session_store import (
    DispatchDuringRenderWarning,
    NotInScriptRunError,
    RerunDecision,
    SessionStore,
)

__all__ = [
    "DispatchDuringRenderWarning",
    "NotInScriptRunError",
    "RerunDecision",
    "SessionStore",
    "get_store",
]
