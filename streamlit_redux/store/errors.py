"""The exception types: one base class, so ``except StreamlitReduxError`` catches them all.

Each type says *what kind* of mistake was made, so a test or an app can catch exactly that;
each message names the action type, slice or key involved and ends with the fix. Several also
derive from the built-in a Python reader would expect (``TypeError`` for a wrong kind of
value, ``AttributeError`` for a missing name), so generic handlers keep working.
"""

from __future__ import annotations


class StreamlitReduxError(Exception):
    """Base class of every error streamlit_redux raises; never raised itself, only subclasses."""


class InvalidActionError(StreamlitReduxError, TypeError):
    """Something that is not an action was dispatched, or an action was built wrongly.

    The message says what ``dispatch`` received; a function usually means the thunk
    middleware is missing, an action creator means it was not called.
    """


class ReducerError(StreamlitReduxError):
    """A reducer raised while handling an action; the state was left unchanged.

    ``action_type`` and ``slice_name`` (``None`` outside ``combine_reducers``) say where;
    the original exception is ``__cause__``.
    """

    def __init__(self, message: str, *, action_type: str, slice_name: str | None) -> None:
        super().__init__(message)
        self.action_type = action_type
        self.slice_name = slice_name


class SliceReturnedNoneError(ReducerError):
    """A slice reducer returned ``None`` instead of a state.

    In Python a missing ``return`` gives ``None`` silently; caught here, where it happens,
    instead of as a ``TypeError`` in a view reading the slice later.
    """


class MiddlewareError(StreamlitReduxError):
    """A middleware raised while handling an action; the state was left unchanged."""

    def __init__(self, message: str, *, action_type: str, middleware_name: str) -> None:
        super().__init__(message)
        self.action_type = action_type
        self.middleware_name = middleware_name


class ReducerSideEffectError(StreamlitReduxError):
    """A reducer tried to dispatch, subscribe or read the store: reducers must be pure.

    Replaying the action log (devtools, undo) only gives the same states if reducers depend on
    nothing but their arguments.
    """


class MiddlewareSetupError(StreamlitReduxError):
    """A middleware dispatched while the chain was still being built.

    Redux refuses this too: the action would skip the middleware not yet in place.
    """


class SelectorError(StreamlitReduxError):
    """A selector was built or called wrongly (bad inputs, bad memo size, bad or missing path)."""


# -- core (store/): definitions and listeners ---------------------------------------------


class ReducerDefinitionError(StreamlitReduxError, TypeError):
    """A reducer, slice or handler table was built wrongly (raised when it is built, not later)."""


class InvalidListenerError(StreamlitReduxError, TypeError):
    """``Store.subscribe`` got something that cannot be called with the new state."""


class UnknownSliceMemberError(StreamlitReduxError, AttributeError):
    """``slice.actions.<name>`` or ``slice.selectors.<name>`` names nothing the slice defines."""



# -- the Streamlit binding -----------------------------------------------------------------


class NotInScriptRunError(StreamlitReduxError):
    """A binding function that needs a Streamlit script run (``get_store``) ran outside one."""


class BindingError(StreamlitReduxError):
    """A widget binding or fragment was declared wrongly (e.g. a lambda without ``key=``)."""


class DispatchDuringRenderWarning(UserWarning):
    """A dispatch ran in the script body: what was drawn before it may show old data."""


# -- persistence (streamlit_redux.middleware.persist) ------------------------------------------


class PersistError(StreamlitReduxError):
    """Stored state could not be read, migrated or written; the message says what was kept."""


class PersistPathError(PersistError):
    """An ``include=`` / ``exclude=`` path of ``persist`` names nothing in the state."""


class PersistScopeError(PersistError):
    """``persist(scope=...)`` was used where that scope cannot be told apart (or is unknown)."""


# -- identity (streamlit_redux.identity) ------------------------------------------------------


class IdentityError(StreamlitReduxError):
    """The browser or user identity could not be read, or the server secret is unusable."""


# -- effects (streamlit_redux.middleware.effects) ---------------------------------------------


class EffectDefinitionError(StreamlitReduxError, TypeError):
    """``on(...)`` or ``effects_middleware(...)`` got something it cannot run."""


class EffectTimeoutError(StreamlitReduxError):
    """A background effect ran past its ``timeout_s``; its token was cancelled (reported only)."""


class EffectRefusedError(StreamlitReduxError):
    """A background effect was not started: its store's queue was full or the store was closed."""


# -- shared stores across replicas (streamlit_redux.middleware.replicate) ---------------------


class ReplicaError(StreamlitReduxError):
    """A shared store kept in storage (Redis) could not commit a dispatch; nothing changed."""


class ReplicaConflictError(ReplicaError):
    """Other replicas kept committing to the key first, more times in a row than allowed."""


class ReplicaUnavailableError(ReplicaError, ConnectionError):
    """The storage of a shared store could not be reached (Redis down); nothing changed."""


class ReplicaDataError(ReplicaError):
    """The stored state of a shared store is not readable JSON of a state (edited, cut off)."""


# -- devtools and codec (outside data) ---------------------------------------------------


class ActionJSONError(StreamlitReduxError, ValueError):
    """Text given as an action in JSON (the devtools Dispatch box) is not a valid action.

    Nothing was dispatched; the message says what is wrong with the text.
    """


# -- storage, codec, checks and devtools -----------------------------------------------------


class PersistenceDisabledWarning(UserWarning):
    """A persistor's scope has no owner in this session, so its state lives for the session only."""


class CheckError(StreamlitReduxError):
    """A development check failed: a non-serializable or mutable value, or a bad action."""


class StorageError(StreamlitReduxError, OSError):
    """A backend could not read or write; the message names the backend, the key and the fix."""


class SerializationError(StreamlitReduxError, ValueError):
    """A value cannot be written as JSON (or read back); the message names its path."""


class DevtoolsError(StreamlitReduxError):
    """The devtools were asked for something they cannot do (bad option, bad index)."""


class SessionExportError(DevtoolsError, ValueError):
    """The session holds a value that JSON cannot represent, so it cannot be exported."""


class SessionImportError(DevtoolsError, ValueError):
    """An imported session file was refused; the session was left exactly as it was."""



# -- workflow ----------------------------------------------------------------------------------


class WorkflowError(StreamlitReduxError):
    """Base of the workflow errors: a workflow was defined or driven wrongly."""


class WorkflowDefinitionError(WorkflowError, TypeError):
    """``create_workflow`` or a ``Step`` got options it cannot use (raised at definition)."""


class UnknownStepError(WorkflowError, KeyError):
    """A step name that the workflow does not have: in ``initial``, ``transitions`` or ``goto``.

    Derives from ``KeyError`` like a missing mapping key, but keeps a readable message.
    """

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class InvalidTransitionError(WorkflowError):
    """A transition names a target that is not a step, or skipped steps loop forever."""


class FieldPathError(WorkflowError, ValueError):
    """A field path is malformed (``"a..b"``) or crosses a value that holds no fields."""


# -- undo history and test helpers (issue 8: no bare base class) -------------------------------


class UndoDefinitionError(StreamlitReduxError, ValueError):
    """``undoable(...)`` got options it cannot use: a bad ``limit``, one type for two actions."""


class HistoryActionError(StreamlitReduxError, TypeError):
    """A jump of the undo history (``jump``, ``jump_to_past``, ...) carries no int payload."""


class AppStoreNotFoundError(StreamlitReduxError, LookupError):
    """``testing.app_store(app, key=...)`` found no ``get_store`` store in the AppTest session."""


# -- API surface (issue 8) -----------------------------------------------------------------


class MiddlewareOptionError(StreamlitReduxError, TypeError):
    """A middleware factory got an option it cannot use, or ``middleware=`` holds something
    that is not a middleware (raised when the factory is called or the chain is built)."""


class StatePathError(SelectorError, ValueError):
    """A state path is written in a syntax the library does not read (``"items[0]"``).

    One syntax everywhere (``"items.0"``); a bracket would otherwise name a key that does not
    exist, and persistence or the dev checks would silently skip nothing.
    """
