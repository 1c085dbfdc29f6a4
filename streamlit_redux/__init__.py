"""streamlit-redux: a Redux-style, unidirectional, immutable state store for Streamlit.

>>> from streamlit_redux import Store, create_slice
>>> counter = create_slice(name="counter", initial_state=0,
...                        reducers={"incremented": lambda s, a: s + 1})
>>> store = Store(counter.reducer)
>>> _ = store.dispatch(counter.actions.incremented())
>>> store.state
1

The core (store, middleware, storage) never imports Streamlit: the Streamlit-facing names
(``get_store``, ``StoreView``, ``devtools``, ...) load on first use, so ``import
streamlit_redux`` stays fast in tests, scripts and workers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from streamlit_redux import middleware, signals, storage
from streamlit_redux._lazy import lazy_names
from streamlit_redux.middleware.defaults import default_middleware
from streamlit_redux.store.actions import Action, ActionCreator, create_action, matches_prefix
from streamlit_redux.store.errors import (
    ActionJSONError,
    AppStoreNotFoundError,
    BindingError,
    CheckError,
    DevtoolsError,
    DispatchDuringRenderWarning,
    EffectDefinitionError,
    EffectRefusedError,
    EffectTimeoutError,
    FieldPathError,
    HistoryActionError,
    IdentityError,
    InvalidActionError,
    InvalidListenerError,
    InvalidTransitionError,
    MiddlewareError,
    MiddlewareOptionError,
    MiddlewareSetupError,
    NotInScriptRunError,
    PersistenceDisabledWarning,
    PersistError,
    PersistPathError,
    PersistScopeError,
    ReducerDefinitionError,
    ReducerError,
    ReducerSideEffectError,
    ReplicaConflictError,
    ReplicaDataError,
    ReplicaError,
    ReplicaUnavailableError,
    SelectorError,
    SerializationError,
    SessionExportError,
    SessionImportError,
    SliceReturnedNoneError,
    StatePathError,
    StorageError,
    StreamlitReduxError,
    UndoDefinitionError,
    UnknownSliceMemberError,
    UnknownStepError,
    WorkflowDefinitionError,
    WorkflowError,
)
from streamlit_redux.store.middleware_api import MiddlewareAPI
from streamlit_redux.store.reducers import combine_reducers, create_reducer
from streamlit_redux.store.selectors import Selector, SelectorStats, create_selector, select_path
from streamlit_redux.store.slices import Slice, create_slice
from streamlit_redux.store.store import Store
from streamlit_redux.workflow import Progress, Step, Workflow, create_workflow, required

if TYPE_CHECKING:
    from streamlit_redux import devtools
    from streamlit_redux.binding import (
        RerunDecision,
        StoreView,
        get_store,
        render_workflow,
        shared_store,
    )

__getattr__ = lazy_names(
    __name__,
    {
        "RerunDecision": "streamlit_redux.binding.reruns",
        "StoreView": "streamlit_redux.binding.view",
        "get_store": "streamlit_redux.binding.session",
        "shared_store": "streamlit_redux.binding.shared",
        "render_workflow": "streamlit_redux.binding.workflow_view",
        "devtools": "streamlit_redux.devtools",
    },
)


__all__ = [
    "Action",
    "ActionCreator",
    "ActionJSONError",
    "AppStoreNotFoundError",
    "BindingError",
    "CheckError",
    "DevtoolsError",
    "DispatchDuringRenderWarning",
    "EffectDefinitionError",
    "EffectRefusedError",
    "EffectTimeoutError",
    "FieldPathError",
    "HistoryActionError",
    "IdentityError",
    "InvalidActionError",
    "InvalidListenerError",
    "InvalidTransitionError",
    "MiddlewareAPI",
    "MiddlewareError",
    "MiddlewareOptionError",
    "MiddlewareSetupError",
    "NotInScriptRunError",
    "PersistError",
    "PersistPathError",
    "PersistScopeError",
    "PersistenceDisabledWarning",
    "Progress",
    "ReducerDefinitionError",
    "ReducerError",
    "ReducerSideEffectError",
    "ReplicaConflictError",
    "ReplicaDataError",
    "ReplicaError",
    "ReplicaUnavailableError",
    "RerunDecision",
    "Selector",
    "SelectorError",
    "SelectorStats",
    "SerializationError",
    "SessionExportError",
    "SessionImportError",
    "Slice",
    "SliceReturnedNoneError",
    "StatePathError",
    "Step",
    "StorageError",
    "Store",
    "StoreView",
    "StreamlitReduxError",
    "UndoDefinitionError",
    "UnknownSliceMemberError",
    "UnknownStepError",
    "Workflow",
    "WorkflowDefinitionError",
    "WorkflowError",
    "combine_reducers",
    "create_action",
    "create_reducer",
    "create_selector",
    "create_slice",
    "create_workflow",
    "default_middleware",
    "devtools",
    "get_store",
    "matches_prefix",
    "middleware",
    "render_workflow",
    "required",
    "select_path",
    "shared_store",
    "signals",
    "storage",
]
