"""Undo/redo with redux-undo's semantics: a higher-order reducer keeping past, present, future.

>>> from streamlit_redux import Store, create_slice
>>> from streamlit_redux.middleware.undo import undoable, undo, redo
>>> counter = create_slice(name="c", initial_state=0, reducers={"inc": lambda s, a: s + 1})
>>> store = Store(undoable(counter.reducer))
>>> _ = store.dispatch(counter.actions.inc()); _ = store.dispatch(undo())
>>> store.state["present"], len(store.state["future"])
(0, 1)

History is a ``PMap``: ``past`` and ``future`` are ``PVector``s of states. pyrsistent shares
every untouched subtree between those states, so memory grows with what changed, not with the
size of the state. They are ``HistoryVector``s (see ``undo_vector``): a step, an undo or a redo
moves one state between their ends in O(1), so it costs the same at any history length.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import Any

from pyrsistent import PMap, pvector

from streamlit_redux.middleware.undo_vector import HistoryVector
from streamlit_redux.store._pmap_fast import get_value, map_builder
from streamlit_redux.store.actions import Action, create_action
from streamlit_redux.store.errors import HistoryActionError, UndoDefinitionError
from streamlit_redux.store.reducers import COMPARED_BY_VALUE, Reducer

__all__ = [
    "HISTORY_SIZE",
    "MOVE_TYPES",
    "clear_history",
    "exclude_action",
    "group_by_action_types",
    "include_action",
    "jump",
    "jump_to_future",
    "jump_to_past",
    "present_and_group",
    "redo",
    "undo",
    "undoable",
]

History = PMap[str, Any]
Filter = Callable[[Action, Any, History], bool]
GroupBy = Callable[[Action, Any, History], Hashable]

undo = create_action("@@streamlit_redux/undo/UNDO")
redo = create_action("@@streamlit_redux/undo/REDO")
jump = create_action("@@streamlit_redux/undo/JUMP")
"""``jump(n)``: ``n`` steps into the future (n > 0) or the past (n < 0)."""
jump_to_past = create_action("@@streamlit_redux/undo/JUMP_TO_PAST")
"""``jump_to_past(i)``: make ``past[i]`` the present."""
jump_to_future = create_action("@@streamlit_redux/undo/JUMP_TO_FUTURE")
"""``jump_to_future(i)``: make ``future[i]`` the present."""
clear_history = create_action("@@streamlit_redux/undo/CLEAR_HISTORY")

MOVE_TYPES: set[str] = {undo.type, redo.type, jump.type, jump_to_past.type, jump_to_future.type}
"""Every action type that moves through an undo history (the built-in ones and those given to
``undoable(undo_type=...)``). Such an action means "the step before (or after) *this* present":
``persist`` does not re-apply one onto another writer's copy, where it would move that
writer's history instead."""

LATEST_UNFILTERED = "_latest_unfiltered"
"""The key of the present as of the last recorded (unfiltered) action; marks a history."""
_LATEST = LATEST_UNFILTERED


def include_action(*types: str) -> Filter:
    """A ``filter`` recording only actions of these types (others change the present only)."""
    wanted = frozenset(types)
    return lambda action, state, history: action.type in wanted


def exclude_action(*types: str) -> Filter:
    """A ``filter`` recording every action except those of these types."""
    unwanted = frozenset(types)
    return lambda action, state, history: action.type not in unwanted


def group_by_action_types(*types: str) -> GroupBy:
    """A ``group_by`` merging consecutive actions of the same listed type into one entry."""
    grouped = frozenset(types)
    return lambda action, state, history: action.type if action.type in grouped else None


_EMPTY = HistoryVector.of(pvector())
_NO_FUTURE = HistoryVector.of(pvector(), backwards=True)
"""An empty future, stored backwards: undo pushes at its front (see ``HistoryVector.of``)."""
_KEYS = ("past", "present", "future", "group", _LATEST)
HISTORY_SIZE = len(_KEYS)
"""How many keys a history has: a walk asks :func:`present_and_group` only about maps this size."""
_build = map_builder(_KEYS)
_build_step = map_builder(_KEYS, fixed={"future": _NO_FUTURE, "group": None})
"""The history of a recorded step: (past, present, latest) given, no future and no group."""
last_built: tuple[Any, ...] = (None,)
"""The last history built and its fields (past, present, future, latest, group): the next step
on it reads them here instead of from the PMap, and so do the development checks (a history is
walked through its present). Checked by identity, so any store may use it."""


def _history(
    past: Sequence[Any],
    present: Any,
    future: Sequence[Any],
    group: Hashable = None,
    latest: Any = None,
    *,
    latest_is_present: bool = True,
) -> History:
    global last_built
    if latest_is_present:
        latest = present
    built = _build(past, present, future, group, latest)
    last_built = (built, past, present, future, latest, group)
    return built


def _fields(history: History) -> tuple[Any, ...]:
    """(past, present, future, latest, group) of ``history``."""
    last = last_built
    if last[0] is history:
        return last[1:]
    return tuple(get_value(history, key) for key in ("past", "present", "future", _LATEST, "group"))


def _created(present: Any, ignore_initial_state: bool) -> History:
    # With ignore_initial_state, the first change does not push the initial state into past.
    return _history(
        _EMPTY, present, _NO_FUTURE, latest=None, latest_is_present=not ignore_initial_state
    )


# Each jump moves one state per step between the ends of past and future (O(1) each, see
# undo_vector), so undo and redo cost the same at any history length.


def _jump_to_future(history: History, index: int) -> History:
    past, _, future, latest, _ = _fields(history)
    future = _vector(future, backwards=True)
    if not 0 <= index < len(future):
        return history
    past = _vector(past).pushed_back(latest)
    for _ in range(index):
        past, future = past.pushed_back(future[0]), future.without_front()
    return _history(past, future[0], future.without_front())


def _jump_to_past(history: History, index: int) -> History:
    past, _, future, latest, _ = _fields(history)
    past = _vector(past)
    if not 0 <= index < len(past):
        return history
    future = _vector(future, backwards=True).pushed_front(latest)
    for _ in range(len(past) - index - 1):
        past, future = past.without_back(), future.pushed_front(past[-1])
    return _history(past.without_back(), past[-1], future)


def _jump(history: History, steps: int) -> History:
    if steps > 0:
        return _jump_to_future(history, steps - 1)
    if steps < 0:
        return _jump_to_past(history, len(_fields(history)[0]) + steps)
    return history


def _pushed(past: HistoryVector, latest: Any, limit: int | None) -> HistoryVector:
    """``past`` with a new entry for ``latest``; at the ``limit`` (past + present) the oldest
    goes (once: redux-undo trims one state per entry)."""
    if latest is not None and limit is not None:  # the usual step, in one move
        return past.recorded(latest, limit - 1)
    length = len(past)
    full = limit is not None and limit <= length + 1
    if latest is None:
        return past.without_front() if full else past
    return past.pushed_back(latest, at_most=max(length, 1) if full else None)


def _vector(items: Any, *, backwards: bool = False) -> HistoryVector:
    """A history's past or future as a ``HistoryVector`` (a rehydrated one holds PVectors)."""
    if type(items) is HistoryVector:
        return items
    return HistoryVector.of(items, backwards=backwards)


def _index_of(action: Action) -> int:
    if isinstance(action.payload, bool) or not isinstance(action.payload, int):
        raise HistoryActionError(
            f'Action "{action.type}" needs an int payload (a step or an index), got '
            f"{action.payload!r}; e.g. jump(-2) or jump_to_past(0)."
        )
    return action.payload


def _history_handlers(
    jump_types: list[str], clear_types: list[str], ignore_initial_state: bool
) -> dict[str, Callable[[History, Action], History]]:
    """The history actions by type: undo, redo, jump, jump to past/future, clear history."""
    moves: list[Callable[[History, Action], History]] = [
        lambda h, a: _jump(h, -1),
        lambda h, a: _jump(h, 1),
        lambda h, a: _jump(h, _index_of(a)),
        lambda h, a: _jump_to_past(h, _index_of(a)),
        lambda h, a: _jump_to_future(h, _index_of(a)),
    ]
    handlers = dict(zip(jump_types, moves, strict=True))
    for clear_type in clear_types:
        handlers[clear_type] = lambda h, a: _created(h["present"], ignore_initial_state)
    if len(handlers) != len(jump_types) + len(clear_types):
        raise UndoDefinitionError(
            f"undoable got the same action type for two history actions ({sorted(handlers)}); "
            "give undo, redo, the jumps and clear_history distinct types."
        )
    return handlers


def undoable(
    reducer: Reducer,
    *,
    limit: int | None = None,
    filter: Filter | None = None,
    group_by: GroupBy | None = None,
    ignore_initial_state: bool = False,
    sync_filter: bool = False,
    undo_type: str = undo.type,
    redo_type: str = redo.type,
    jump_type: str = jump.type,
    jump_to_past_type: str = jump_to_past.type,
    jump_to_future_type: str = jump_to_future.type,
    clear_history_type: str | Iterable[str] = clear_history.type,
) -> Reducer:
    """Wrap ``reducer`` so its state gets ``past``, ``present`` and ``future`` (redux-undo).

    - ``limit``: at most this many states in history (past + present); the oldest go first.
    - ``filter(action, new_present, history)``: False means the action changes the present
      without a history entry (see ``include_action`` / ``exclude_action``).
    - ``group_by(action, new_present, history)``: consecutive actions with the same non-None
      key share one history entry (see ``group_by_action_types``).
    - ``ignore_initial_state``: the initial state is not kept in history, so undo stops at the
      first change.
    - ``sync_filter``: a filtered change also becomes the state the next entry records (by
      default the next entry records the present as of the last unfiltered action).
    - ``undo_type`` ... ``clear_history_type``: answer your own action types instead of (not
      besides) the built-in ones, e.g. two undoable slices with separate undo buttons.

    An action that does not change the present adds no entry; out-of-range jumps do nothing.
    """
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 1):
        raise UndoDefinitionError(
            f"undoable(limit={limit!r}): limit must be an int >= 1 or None; pass e.g. limit=50, "
            "or leave it out to keep every state."
        )
    moves = [undo_type, redo_type, jump_type, jump_to_past_type, jump_to_future_type]
    MOVE_TYPES.update(moves)
    jumps = _history_handlers(
        moves,
        [clear_history_type] if isinstance(clear_history_type, str) else list(clear_history_type),
        ignore_initial_state,
    )
    # How many past states a step may find before it drops the oldest (None: no limit).
    room = None if limit is None else limit - 1

    def undoable_reducer(state: History | None, action: Action) -> History:
        global last_built
        if state is None:
            return _created(reducer(None, action), ignore_initial_state)
        last = last_built
        if last[0] is state and action.type not in jumps:  # the usual step: fields kept beside it
            history, past, before, future, latest, group = last
        else:
            history = state if _is_history(state) else _created(state, ignore_initial_state)
            handle = jumps.get(action.type)
            if handle is not None:
                return handle(history, action)
            past, before, future, latest, group = _fields(history)
        present = reducer(before, action)
        # unchanged(present, before) and unchanged(present, latest), written out
        by_value = type(present) in COMPARED_BY_VALUE
        if present is before or (by_value and type(before) is type(present) and present == before):
            return history  # type: ignore[no-any-return]
        if present is latest or (by_value and type(latest) is type(present) and present == latest):
            pass  # back to the recorded present
        elif filter is not None and not filter(action, present, history):
            latest = present if sync_filter else latest
        elif group_by is not None and (key := group_by(action, present, history)) is not None:
            if key == group:
                latest = present
            else:
                past, future = _pushed(_vector(past), latest, limit), _NO_FUTURE
                group, latest = key, present
        else:
            if room is not None and latest is not None and type(past) is HistoryVector:
                past = past.recorded(latest, room)  # _pushed's usual case, without a hop
            else:
                past = _pushed(_vector(past), latest, limit)
            built = _build_step(past, present, present)
            last_built = (built, past, present, _NO_FUTURE, present, None)
            return built
        # The other steps (filtered, grouped, back to the recorded present): _history(...,
        # latest_is_present=False), written out.
        built = _build(past, present, future, group, latest)
        last_built = (built, past, present, future, latest, group)
        return built

    return undoable_reducer


def present_and_group(value: Any) -> tuple[Any, Hashable] | None:
    """``(present, group)`` when ``value`` is an undoable history, else None.

    For walks over the state (the development checks) that see into a history's present
    only; the history this module built last answers without a lookup.

    >>> present_and_group(undoable(lambda s, a: 0)(None, clear_history()))
    (0, None)
    """
    last = last_built
    if last[0] is value:
        return last[2], last[5]
    if type(value) is PMap and len(value) == HISTORY_SIZE and _LATEST in value:
        return get_value(value, "present"), get_value(value, "group")
    return None


def _is_history(state: Any) -> bool:
    return isinstance(state, PMap) and _LATEST in state
