"""Middleware: functions between ``dispatch`` and the reducers (logging, undo, persist, ...)."""

from streamlit_redux.middleware.chain import apply_middleware, compose

__all__ = ["apply_middleware", "compose"]
