"""Middleware: functions between ``dispatch`` and the reducers (logging, undo, persist, ...).

One shape for all of them: call a factory, get a ``Middleware`` (``api -> next -> dispatch``).
The factory takes positionally only what the middleware works on (a storage, effects) and every
option by keyword. ``default_middleware()`` is the set every app wants (thunks, dev checks).
``undoable`` is not a middleware but a reducer enhancer (it wraps a reducer); it lives here
because undo is one of the things a Redux user looks for among middleware.
"""

from streamlit_redux.middleware import undo
from streamlit_redux.middleware.chain import apply_middleware, compose
from streamlit_redux.middleware.checks import checks_middleware
from streamlit_redux.middleware.defaults import default_middleware
from streamlit_redux.middleware.effects import cancel_effects, effects_middleware, on
from streamlit_redux.middleware.logging import logger_middleware
from streamlit_redux.middleware.persist import persist
from streamlit_redux.middleware.replicate import replicate
from streamlit_redux.middleware.thunk import thunk, thunk_middleware
from streamlit_redux.middleware.undo import undoable

__all__ = [
    "apply_middleware",
    "cancel_effects",
    "checks_middleware",
    "compose",
    "default_middleware",
    "effects_middleware",
    "logger_middleware",
    "on",
    "persist",
    "replicate",
    "thunk",
    "thunk_middleware",
    "undo",
    "undoable",
]
