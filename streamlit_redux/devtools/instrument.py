"""Install a recorder on a store: a reducer wrapper for time travel, signals for recording.

The recorder records what the store committed (``signals.action_dispatched``, sent after a
dispatch's transaction) and the actions whose dispatch failed (``signals.dispatch_failed``),
so a rolled-back transaction never shows up as history. The reducer wrapper answers the
devtools' own actions with the state the recorder computed, which is how time travel
reaches the app. The REHYDRATEs dispatched while the store was created (before any recorder
existed) start the log, so a refreshed page shows where its state came from.

While a past state is shown (or the recorder is locked), app actions are ignored: the page
shows the past, and an interaction there must not silently change a present the developer is
not looking at. The panel says so in a banner; "Back to present" ends the travel.
"""

from __future__ import annotations

from typing import Any

from streamlit_redux.devtools import actions as ops
from streamlit_redux.devtools.errors import DevtoolsError
from streamlit_redux.devtools.recorder import Recorder, Session
from streamlit_redux.devtools.timings import DispatchTimes
from streamlit_redux.middleware.persist_book import REHYDRATIONS_SLOT
from streamlit_redux.store import signals
from streamlit_redux.store.actions import INIT, REPLACE, Action
from streamlit_redux.store.reducers import Reducer
from streamlit_redux.store.store import Store

RESOURCE_NAME = "streamlit_redux:devtools"
"""The ``store.resource`` name; namespaced so it never meets a user middleware's."""


class Instrumentation:
    """What ``instrument`` keeps in a store: the recorder and the dispatch timings."""

    def __init__(self, store: Store, *, max_age: int | None) -> None:
        self.store = store
        startup = _startup_rehydrations(store)
        first = startup[0][0] if startup else store.state
        self.recorder = Recorder(self._store_reducer, first, max_age=max_age)
        for _, action, state in startup:
            self.recorder.record(action, state)
        self.times = DispatchTimes()
        self._replaying = False
        signals.action_dispatched.connect(self._on_dispatched, sender=store)
        signals.dispatch_failed.connect(self._on_failed, sender=store)
        store.wrap_reducer(self._wrap, name="devtools")

    def _store_reducer(self, state: Any, action: Action) -> Any:
        """The store's whole reducer, for recomputing history.

        Wrappers registered after the devtools (a slice injected by a page) wrap the devtools'
        wrapper, so replaying with the reducer the wrapper was given would leave them out.
        """
        self._replaying = True
        try:
            return self.store.wrapped_reducer(state, action)
        finally:
            self._replaying = False

    def _wrap(self, reducer: Reducer) -> Reducer:
        recorder = self.recorder

        def devtools_reducer(state: Any, action: Action) -> Any:
            if self._replaying:
                return reducer(state, action)
            if ops.is_devtools_action(action):
                _apply(recorder, action)
                return recorder.current_state
            if recorder.blocks_app_actions and action.type not in (INIT, REPLACE):
                recorder.blocked += 1
                return state
            return reducer(state, action)

        return devtools_reducer

    def _on_dispatched(self, sender: Store, **data: Any) -> None:
        action: Action = data["action"]
        if ops.is_devtools_action(action) or action.type == INIT:
            return
        self.times.add(action.type, data["duration_s"])
        if action.type == REPLACE:
            # New reducer code: replay the log with it (Redux DevTools' hot reload).
            sender.dispatch(ops.replay())
            return
        with sender.lock:
            if not self.recorder.blocks_app_actions:
                self.recorder.record(action, data["state"])

    def _on_failed(self, sender: Store, **data: Any) -> None:
        action = data["action"]
        if not isinstance(action, Action) or ops.is_devtools_action(action):
            return
        error = data["error"]
        with sender.lock:
            if not self.recorder.blocks_app_actions:
                self.recorder.record(action, None, error=f"{type(error).__name__}: {error}")


def instrument(store: Store, *, max_age: int | None = 1000) -> Instrumentation:
    """Install the recorder on ``store`` once (later calls return the same instrumentation).

    >>> from streamlit_redux import Store, Action
    >>> store = Store(lambda s, a: s + (a.type == "inc"), 0)
    >>> recorder = instrument(store).recorder
    >>> _ = store.dispatch(Action("inc")); _ = store.dispatch(ops.jump_to_state(0))
    >>> store.state, recorder.travelling
    (0, True)
    """
    return store.resource(RESOURCE_NAME, lambda: Instrumentation(store, max_age=max_age))


def _startup_rehydrations(store: Store) -> list[tuple[Any, Action, Any]]:
    """The REHYDRATEs of the store's creation, when nothing changed the state since.

    They were dispatched before any panel could listen (a refresh creates the store, then the
    panel), so persist keeps them for the recorder; the log starts with them, as it would
    have had the recorder been there.
    """
    startup: list[tuple[Any, Action, Any]] = store.resource(REHYDRATIONS_SLOT, list)
    with store.lock:
        if startup and startup[-1][2] is store.state:
            return list(startup)
    return []


def _apply(recorder: Recorder, action: Action) -> None:
    """Run one devtools action against the recorder (one with a bad payload changes nothing)."""
    ops.check_payload(action)
    payload = action.payload
    if action.type == ops.IMPORT_STATE and not isinstance(payload, Session):
        raise DevtoolsError(
            f'"{ops.IMPORT_STATE}" takes a session read from a file, got '
            f"{type(payload).__name__}; use the panel's Import button (or "
            "devtools.transfer.parse_session) instead of dispatching it."
        )
    handlers: dict[str, Any] = {
        ops.JUMP_TO_STATE: lambda: recorder.jump_to_state(payload),
        ops.JUMP_TO_ACTION: lambda: recorder.jump_to_action(payload),
        ops.TOGGLE_ACTION: lambda: recorder.toggle_action(payload),
        ops.SET_ACTIONS_ACTIVE: lambda: recorder.set_actions_active(
            payload["start"], payload["end"], active=payload["active"]
        ),
        ops.SWEEP: recorder.sweep,
        ops.COMMIT: recorder.commit,
        ops.ROLLBACK: recorder.rollback,
        ops.RESET: recorder.reset,
        ops.LOCK_CHANGES: lambda: recorder.lock_changes(payload),
        ops.PAUSE_RECORDING: lambda: recorder.pause_recording(payload),
        ops.IMPORT_STATE: lambda: recorder.import_session(payload),
        ops.REPLAY: recorder.replay,
    }
    handler = handlers.get(action.type)
    if handler is not None:
        handler()
