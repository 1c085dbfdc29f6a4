"""The recorder: Redux DevTools' lifted state, in Python (no Streamlit here).

It keeps every action by id, the staged ids (the log), the skipped ids, the committed state
and one computed state per staged action. Computed states are cheap to keep: pyrsistent
shares every untouched subtree between them, so memory grows with what changed.

Unlike Redux DevTools, a failing action does not interrupt the states after it: the live
store leaves the state unchanged when a dispatch fails, so the recorder computes a failed
action as a no-op carrying its error, and recomputation gives what the live store gave.

>>> from streamlit_redux import Action
>>> recorder = Recorder(lambda s, a: s + 1 if a.type == "inc" else s, 0)
>>> recorder.perform(Action("inc")); recorder.perform(Action("inc"))
>>> recorder.current_state, recorder.staged_ids
(2, [0, 1, 2])
>>> recorder.toggle_action(1); recorder.current_state
1
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from streamlit_redux.devtools.actions import INIT_PLACEHOLDER
from streamlit_redux.devtools.errors import DevtoolsError
from streamlit_redux.store.actions import REPLACE, Action
from streamlit_redux.store.reducers import Reducer


@dataclass(frozen=True)
class Computed:
    """The state after one staged action, and the error its reducer raised (if any)."""

    state: Any
    error: str | None = None


@dataclass(frozen=True)
class Session:
    """A recorder's history as data: what export writes and import reads.

    ``states`` (one per staged action, the committed state first) is optional: with it an
    import replaces the history as is; without it the actions are replayed.
    """

    committed_state: Any
    actions: tuple[tuple[int, Action], ...]
    skipped_ids: frozenset[int] = frozenset()
    current_index: int | None = None
    states: tuple[Any, ...] | None = None


INIT_ACTION = Action(INIT_PLACEHOLDER)


class Recorder:
    """Lifted history of one store: time travel, skipping, commit, import/export.

    ``max_age`` caps the staged log: the oldest actions are committed automatically (never
    past an action that failed, so its error stays visible).
    """

    def __init__(self, reducer: Reducer, initial_state: Any, *, max_age: int | None = None) -> None:
        if max_age is not None and max_age < 2:
            raise DevtoolsError(
                f"Recorder max_age={max_age} is too small: the log needs the committed state "
                "and at least one action; pass max_age >= 2 (or None for no limit)."
            )
        self.reducer = reducer
        self.max_age = max_age
        self.initial_state = initial_state
        self.locked = False
        self.paused = False
        self.blocked = 0  # app actions ignored in the current travel or lock: the banner's count
        self._clear(initial_state)

    def _clear(self, committed_state: Any) -> None:
        self.actions_by_id: dict[int, Action] = {0: INIT_ACTION}
        self.next_action_id = 1
        self.staged_ids: list[int] = [0]
        self.skipped_ids: set[int] = set()
        self.committed_state = committed_state
        self.current_index = 0
        self.computed: list[Computed] = [Computed(committed_state)]

    # -- reading ---------------------------------------------------------------------------

    @property
    def current_state(self) -> Any:
        """The state shown now (the present, or a past state while time travelling)."""
        return self.computed[self.current_index].state

    @property
    def last_index(self) -> int:
        """Index of the newest staged action (the present)."""
        return len(self.staged_ids) - 1

    @property
    def travelling(self) -> bool:
        """True while a past state is shown."""
        return self.current_index != self.last_index

    @property
    def blocks_app_actions(self) -> bool:
        """App actions are ignored while locked or while a past state is shown."""
        return self.locked or self.travelling

    def action_at(self, index: int) -> Action:
        """The action staged at ``index``."""
        return self.actions_by_id[self.staged_ids[index]]

    def state_before(self, index: int) -> Any:
        """The state the action at ``index`` was applied to."""
        return self.computed[index - 1].state if index > 0 else self.committed_state

    # -- recording -------------------------------------------------------------------------

    def perform(self, action: Action) -> None:
        """Record ``action`` and compute its state with the reducer (the pure path)."""
        if not self.locked:
            self._append(action, _compute(self.reducer, self.computed[-1].state, action))

    def record(self, action: Action, state: Any, *, error: str | None = None) -> None:
        """Record ``action`` with the ``state`` the live store gave, or the error it raised.

        Locked: ignored. Paused: the state becomes the committed state, nothing is logged.
        """
        if not self.locked:
            previous = self.computed[-1].state
            self._append(action, Computed(previous, error) if error else Computed(state))

    def _append(self, action: Action, entry: Computed) -> None:
        if self.paused:
            self._clear(entry.state)
            return
        if self.max_age and len(self.staged_ids) >= self.max_age:
            self._commit_excess(len(self.staged_ids) - self.max_age + 1)
        if self.current_index == self.last_index:
            self.current_index += 1
        action_id = self.next_action_id
        self.next_action_id += 1
        self.actions_by_id[action_id] = action
        self.staged_ids.append(action_id)
        self.computed.append(entry)

    def _commit_excess(self, excess: int) -> None:
        for offset, _ in enumerate(self.staged_ids[1 : excess + 1]):
            if self.computed[offset + 1].error:
                excess = offset
                break
        if excess <= 0:
            return
        dropped = self.staged_ids[1 : excess + 1]
        for action_id in dropped:
            del self.actions_by_id[action_id]
        self.skipped_ids.difference_update(dropped)
        self.staged_ids = [0, *self.staged_ids[excess + 1 :]]
        self.committed_state = self.computed[excess].state
        self.computed = [Computed(self.committed_state), *self.computed[excess + 1 :]]
        self.current_index = max(self.current_index - excess, 0)

    # -- time travel and history edits ------------------------------------------------------

    def jump_to_state(self, index: int) -> None:
        """Show the state at ``index`` without recomputing anything."""
        if not isinstance(index, int) or not 0 <= index <= self.last_index:
            raise DevtoolsError(
                f"Cannot jump to state {index!r}: the recorder holds states 0..{self.last_index} "
                "(0 is the committed state); pick an index in that range."
            )
        self._show(index)

    def jump_to_action(self, action_id: int) -> None:
        """Show the state right after ``action_id``; an unknown id changes nothing."""
        if action_id in self.actions_by_id and action_id in self.staged_ids:
            self._show(self.staged_ids.index(action_id))

    def _show(self, index: int) -> None:
        self.current_index = index
        if not self.blocks_app_actions:
            self.blocked = 0  # the count the banner shows is per travel

    def toggle_action(self, action_id: int) -> None:
        """Skip ``action_id`` (or un-skip it) and recompute only the states after it."""
        if action_id == 0 or action_id not in self.actions_by_id:
            return
        self.skipped_ids ^= {action_id}
        self._recompute(self.staged_ids.index(action_id))

    def set_actions_active(self, start: int, end: int, *, active: bool) -> None:
        """Un-skip (``active``) or skip every staged id in ``range(start, end)``."""
        ids = {i for i in range(start, end) if i in self.actions_by_id and i != 0}
        if active:
            self.skipped_ids -= ids
        else:
            self.skipped_ids |= ids
        staged = [index for index, i in enumerate(self.staged_ids) if i in ids]
        if staged:
            self._recompute(staged[0])

    def sweep(self) -> None:
        """Drop the skipped actions; their states equal the ones before them, so none change."""
        kept = [
            i for i, action_id in enumerate(self.staged_ids) if action_id not in self.skipped_ids
        ]
        for action_id in self.skipped_ids:
            self.actions_by_id.pop(action_id, None)
        self.staged_ids = [self.staged_ids[i] for i in kept]
        self.computed = [self.computed[i] for i in kept]
        self.skipped_ids = set()
        self.current_index = min(self.current_index, self.last_index)

    def commit(self) -> None:
        """Make the shown state the committed state and clear the log."""
        self._clear(self.current_state)

    def rollback(self) -> None:
        """Forget every action since the last commit."""
        self._clear(self.committed_state)

    def reset(self) -> None:
        """Back to the state the recorder started with; the log is cleared."""
        self._clear(self.initial_state)

    def lock_changes(self, status: bool) -> None:
        """Lock (ignore app actions) or unlock."""
        self.locked = bool(status)
        if not self.blocks_app_actions:
            self.blocked = 0

    def pause_recording(self, status: bool) -> None:
        """Pause or resume logging; both commit the shown state, as Redux DevTools does."""
        self.paused = bool(status)
        self.commit()

    def replay(self, reducer: Reducer | None = None) -> None:
        """Recompute every state with ``reducer`` (hot reload); then apply ``max_age``."""
        if reducer is not None:
            self.reducer = reducer
        self.committed_state = self.reducer(self.committed_state, Action(REPLACE))
        self.computed[0] = Computed(self.committed_state)
        self._recompute(1)
        if self.max_age and len(self.staged_ids) > self.max_age:
            self._commit_excess(len(self.staged_ids) - self.max_age)

    def import_session(self, session: Session) -> None:
        """Replace the history with ``session``: its states as given, or replayed.

        A session without a committed state (a bare list of actions) replays from the state
        the recorder started with.
        """
        committed = (
            self.initial_state if session.committed_state is None else session.committed_state
        )
        self.actions_by_id = {0: INIT_ACTION, **dict(session.actions)}
        self.staged_ids = [0, *(action_id for action_id, _ in session.actions)]
        self.next_action_id = max(self.staged_ids) + 1
        self.skipped_ids = set(session.skipped_ids)
        self.committed_state = committed
        if session.states is not None:
            self.computed = [Computed(state) for state in session.states]
        else:
            self.computed = [Computed(committed)]
            self._recompute(1)
        index = session.current_index
        self.current_index = self.last_index if index is None else index

    def export_session(self) -> Session:
        """The history as a :class:`Session` (with the computed states)."""
        return Session(
            committed_state=self.committed_state,
            actions=tuple((i, self.actions_by_id[i]) for i in self.staged_ids[1:]),
            skipped_ids=frozenset(self.skipped_ids),
            current_index=self.current_index,
            states=tuple(entry.state for entry in self.computed),
        )

    def _recompute(self, start: int) -> None:
        """Recompute the computed states from staged index ``start`` on."""
        start = max(start, 1)
        del self.computed[start:]
        for action_id in self.staged_ids[start:]:
            previous = self.computed[-1].state
            if action_id in self.skipped_ids:
                self.computed.append(Computed(previous))
            else:
                self.computed.append(
                    _compute(self.reducer, previous, self.actions_by_id[action_id])
                )


def _compute(reducer: Reducer, state: Any, action: Action) -> Computed:
    """One reducer step that never raises: a failure is kept as the entry's error."""
    try:
        following = reducer(state, action)
    except Exception as exc:
        return Computed(state, f"{type(exc).__name__}: {exc}")
    if following is None:
        return Computed(state, f'The reducer returned None for action "{action.type}".')
    return Computed(following)
