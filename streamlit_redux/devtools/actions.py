"""The devtools' own actions: time travel and history edits, dispatched through the store.

They go through the middleware chain like any action (a logger shows them) and are answered
by the recorder's reducer wrapper, which returns the state the recorder computed.

>>> jump_to_state(2)
Action(type='@@streamlit_redux/devtools/JUMP_TO_STATE', payload=2, meta=pmap({}), error=False)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from pyrsistent import freeze

from streamlit_redux.store.actions import Action
from streamlit_redux.store.errors import DevtoolsError

PREFIX = "@@streamlit_redux/devtools/"

JUMP_TO_STATE = PREFIX + "JUMP_TO_STATE"
JUMP_TO_ACTION = PREFIX + "JUMP_TO_ACTION"
TOGGLE_ACTION = PREFIX + "TOGGLE_ACTION"
SET_ACTIONS_ACTIVE = PREFIX + "SET_ACTIONS_ACTIVE"
SWEEP = PREFIX + "SWEEP"
COMMIT = PREFIX + "COMMIT"
ROLLBACK = PREFIX + "ROLLBACK"
RESET = PREFIX + "RESET"
LOCK_CHANGES = PREFIX + "LOCK_CHANGES"
PAUSE_RECORDING = PREFIX + "PAUSE_RECORDING"
IMPORT_STATE = PREFIX + "IMPORT_STATE"
REPLAY = PREFIX + "REPLAY"
INIT_PLACEHOLDER = PREFIX + "INIT"
"""Action id 0 in the log: stands for the committed state (Redux DevTools' ``@@INIT``)."""


def is_devtools_action(action: object) -> bool:
    """True for the devtools' own actions (never recorded in the log)."""
    return isinstance(action, Action) and action.type.startswith(PREFIX)


def jump_to_state(index: int) -> Action:
    """Show the state at ``index`` in the staged log (0 is the committed state)."""
    return Action(JUMP_TO_STATE, index)


def jump_to_action(action_id: int) -> Action:
    """Show the state right after the action with ``action_id``; unknown ids are ignored."""
    return Action(JUMP_TO_ACTION, action_id)


def toggle_action(action_id: int) -> Action:
    """Skip the action (or stop skipping it); the states after it are recomputed."""
    return Action(TOGGLE_ACTION, action_id)


def set_actions_active(start: int, end: int, *, active: bool = True) -> Action:
    """Skip (``active=False``) or un-skip the action ids ``start <= id < end``."""
    return Action(SET_ACTIONS_ACTIVE, freeze({"start": start, "end": end, "active": active}))


def sweep() -> Action:
    """Forget the skipped actions for good."""
    return Action(SWEEP)


def commit() -> Action:
    """Make the shown state the new starting point and clear the log."""
    return Action(COMMIT)


def rollback() -> Action:
    """Revert to the last committed state and forget the actions since."""
    return Action(ROLLBACK)


def reset() -> Action:
    """Go back to the state the recorder started with and clear everything."""
    return Action(RESET)


def lock_changes(status: bool) -> Action:
    """While locked, app actions are ignored (the devtools still work)."""
    return Action(LOCK_CHANGES, status)


def pause_recording(status: bool) -> Action:
    """While paused, app actions change the state but are not logged (history is committed)."""
    return Action(PAUSE_RECORDING, status)


def import_state(session: Any) -> Action:
    """Replace the log with a validated session (see ``transfer.parse_session``)."""
    return Action(IMPORT_STATE, session)


def replay() -> Action:
    """Recompute every state with the current reducer (after reducer code changed)."""
    return Action(REPLAY)


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_range(value: object) -> bool:
    return (
        isinstance(value, Mapping)
        and set(value) == {"start", "end", "active"}
        and _is_int(value["start"])
        and _is_int(value["end"])
        and isinstance(value["active"], bool)
    )


_PAYLOADS: dict[str, tuple[Callable[[object], bool], str]] = {
    JUMP_TO_STATE: (_is_int, "an int, the index in the log (0 is the committed state)"),
    JUMP_TO_ACTION: (_is_int, "an int, the id of an action in the log"),
    TOGGLE_ACTION: (_is_int, "an int, the id of an action in the log"),
    SET_ACTIONS_ACTIVE: (_is_range, '{"start": int, "end": int, "active": bool}'),
    LOCK_CHANGES: (lambda value: isinstance(value, bool), "true or false"),
    PAUSE_RECORDING: (lambda value: isinstance(value, bool), "true or false"),
}


def check_payload(action: Action) -> None:
    """Refuse a devtools action whose payload the recorder cannot use, before it is applied.

    The Dispatch box lets anyone type one, and a raw Python error (or a half-applied history
    edit) would be all they got back. (An import's session is checked where it is applied.)

    >>> check_payload(jump_to_state(2))
    >>> check_payload(Action(JUMP_TO_STATE, "2"))
    Traceback (most recent call last):
    ...
    streamlit_redux.store.errors.DevtoolsError: "@@streamlit_redux/devtools/JUMP_TO_STATE" \
needs a payload that is an int, the index in the log (0 is the committed state); got '2'.
    """
    expected = _PAYLOADS.get(action.type)
    if expected is not None and not expected[0](action.payload):
        raise DevtoolsError(
            f'"{action.type}" needs a payload that is {expected[1]}; got {action.payload!r:.60}.'
        )
