"""streamlit-redux: a Redux-style, unidirectional, immutable state store for Streamlit.

>>> from streamlit_redux import Store, create_slice
>>> counter = create_slice(name="counter", initial_state=0,
...                        reducers={"incremented": lambda s, a: s + 1})
>>> store = Store(counter.reducer)
>>> _ = store.dispatch(counter.actions.incremented())
>>> store.state
1
"""

from streamlit_redux import devtools, middleware, signals, storage
from streamlit_redux.binding import SessionStore, get_store
from streamlit_redux.store.actions import Action, ActionCreator, create_action, matches_prefix
from streamlit_redux.store.errors import (
    InvalidActionError,
    InvalidListenerError,
    MiddlewareError,
    MiddlewareSetupError,
    ReducerDefinitionError,
    ReducerError,
    ReducerSideEffectError,
    SelectorError,
    SliceReturnedNoneError,
    StreamlitReduxError,
    UnknownSliceMemberError,
)
from streamlit_redux.store.middleware_api import MiddlewareAPI
from streamlit_redux.store.reducers import combine_reducers, create_reducer
from streamlit_redux.store.selectors import Selector, SelectorStats, create_selector, select_path
from streamlit_redux.store.slices import Slice, create_slice
from streamlit_redux.store.store import Store

__all__ = [
    "Action",
    "ActionCreator",
    "InvalidActionError",
    "InvalidListenerError",
    "MiddlewareAPI",
    "MiddlewareError",
    "MiddlewareSetupError",
    "ReducerDefinitionError",
    "ReducerError",
    "ReducerSideEffectError",
    "Selector",
    "SelectorError",
    "SelectorStats",
    "SessionStore",
    "Slice",
    "SliceReturnedNoneError",
    "Store",
    "StreamlitReduxError",
    "UnknownSliceMemberError",
    "combine_reducers",
    "create_action",
    "create_reducer",
    "create_selector",
    "create_slice",
    "devtools",
    "get_store",
    "matches_prefix",
    "middleware",
    "select_path",
    "signals",
    "storage",
]
