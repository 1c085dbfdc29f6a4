"""Middleware: functions between ``dispatch`` and the reducers (logging, undo, persist, ...)."""

from streamlit_redux.middleware import undo
from streamlit_redux.middleware.chain import apply_middleware, compose
from streamlit_redux.middleware.logging import logger_middleware
from streamlit_redux.middleware.persist import persist
from streamlit_redux.middleware.undo import undoable

__all__ = ["apply_middleware", "compose", "logger_middleware", "persist", "undo", "undoable"]
