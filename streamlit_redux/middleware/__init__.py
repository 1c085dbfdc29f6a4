"""Middleware: functions between ``dispatch`` and the reducers (logging, undo, persist, ...)."""

from streamlit_redux.middleware import undo
from streamlit_redux.middleware.chain import apply_middleware, compose
from streamlit_redux.middleware.checks import checks_middleware
from streamlit_redux.middleware.effects import cancel_effects, effects_middleware, on, thunk
from streamlit_redux.middleware.logging import logger_middleware
from streamlit_redux.middleware.persist import persist
from streamlit_redux.middleware.replicate import replicate
from streamlit_redux.middleware.undo import undoable

__all__ = [
    "apply_middleware",
    "cancel_effects",
    "checks_middleware",
    "compose",
    "effects_middleware",
    "logger_middleware",
    "on",
    "persist",
    "replicate",
    "thunk",
    "undo",
    "undoable",
]
