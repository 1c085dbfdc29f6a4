"""Which part of the state is persisted (include / exclude dotted paths) and how it merges back.

Paths see through an ``undoable`` history: on a state made by ``undoable(root)``, the path
``"session.token"`` names that value in the present *and* in every past and future state, so an
excluded secret stays out of the stored history too. Include paths name parts of the present.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence, Set
from typing import Any

from pyrsistent import PMap, PVector, pmap, pvector

from streamlit_redux.middleware.undo import LATEST_UNFILTERED
from streamlit_redux.store.errors import PersistPathError

_ABSENT: Any = object()
_HISTORY_KEYS = ("past", "present", "future", "group", LATEST_UNFILTERED)


def _split(path: str) -> tuple[str, ...]:
    return tuple(path.split("."))


def is_history(state: Any) -> bool:
    """Whether ``state`` is an ``undoable`` history (past / present / future)."""
    return isinstance(state, PMap) and LATEST_UNFILTERED in state and "present" in state


def get_path(state: Any, path: str) -> Any:
    """The value at dotted ``path`` in nested maps, or a marker object when it is absent."""
    current = state
    for part in _split(path):
        if not isinstance(current, PMap) or part not in current:
            return _ABSENT
        current = current[part]
    return current


def set_path(state: Any, path: str, value: Any) -> Any:
    """``state`` with ``value`` at dotted ``path`` (missing maps on the way are created)."""
    head, *rest = _split(path)
    current = state if isinstance(state, PMap) else pmap()
    if not rest:
        return current.set(head, value)
    return current.set(head, set_path(current.get(head), ".".join(rest), value))


def remove_path(state: Any, path: str) -> Any:
    head, *rest = _split(path)
    if not isinstance(state, PMap) or head not in state:
        return state
    if not rest:
        return state.discard(head)
    return state.set(head, remove_path(state[head], ".".join(rest)))


def _each_state(history: Any, change: Any) -> Any:
    """``history`` with ``change`` applied to every state it holds."""
    latest = history[LATEST_UNFILTERED]
    return history.update(
        {
            "present": change(history["present"]),
            "past": pvector(change(s) for s in history["past"]),
            "future": pvector(change(s) for s in history["future"]),
            LATEST_UNFILTERED: None if latest is None else change(latest),
        }
    )


def persisted_part(state: Any, include: Sequence[str] | None, exclude: Sequence[str]) -> Any:
    """What gets written: the included paths (as ``{path: value}``), or the state minus excluded."""
    if include is not None:
        source = state["present"] if is_history(state) else state
        values = ((path, get_path(source, path)) for path in include)
        return pmap({path: value for path, value in values if value is not _ABSENT})
    if not exclude:
        return state
    if is_history(state):
        return _each_state(state, lambda s: persisted_part(s, None, exclude))
    for path in exclude:
        state = remove_path(state, path)
    return state


def merged(state: Any, stored: Any, include: Sequence[str] | None) -> Any:
    """The state with the stored part put back (maps merge key by key, the rest is replaced)."""
    if include is not None:
        if is_history(state):
            return _each_present(state, lambda s: merged(s, stored, include))
        for path, value in stored.items():
            state = set_path(state, path, value)
        return state
    if is_history(state) and is_history(stored):
        # Each stored state lacks what was excluded: fill it in from the present's.
        present = state["present"]
        return _each_state(stored, lambda s: _deep_merge(present, s))
    return _deep_merge(state, stored)


def _each_present(history: Any, change: Any) -> Any:
    latest = history[LATEST_UNFILTERED]
    present = change(history["present"])
    if latest is None:
        return history.set("present", present)
    shared = latest is history["present"]
    return history.update(
        {"present": present, LATEST_UNFILTERED: present if shared else change(latest)}
    )


def _deep_merge(current: Any, stored: Any) -> Any:
    if isinstance(current, PMap) and isinstance(stored, PMap):
        return current.update({k: _deep_merge(current.get(k), v) for k, v in stored.items()})
    return stored


def check_paths(
    state: Any, *, key: str, include: Sequence[str] | None, exclude: Sequence[str]
) -> None:
    """Refuse paths that name nothing in ``state`` (a typo would persist a secret, or nothing)."""
    option, paths = ("include", include) if include is not None else ("exclude", exclude)
    history = is_history(state)
    source = state["present"] if history else state
    for path in paths:
        head = _split(path)[0]
        if history and option == "exclude" and head in _HISTORY_KEYS:
            inner = path.split(".", 1)[1] if "." in path else "<the present's key>"
            raise PersistPathError(
                f'persist(key="{key}"): exclude path "{path}" names part of the undo history, so '
                "past and future states would still hold the value; write the path inside one "
                f'state, exclude=["{inner}"]: it is removed from every state of the history.'
            )
        if get_path(source, path) is _ABSENT:
            where = "the present of the undoable history" if history else "the state"
            keys = ", ".join(sorted(map(str, source))) if isinstance(source, Mapping) else "none"
            raise PersistPathError(
                f'persist(key="{key}"): {option} path "{path}" matches nothing in {where} (its '
                f"top-level keys: {keys}); fix the path (dotted keys from the root), or remove it."
            )


def shape_mismatch(current: Any, stored: Any, include: Sequence[str] | None) -> str | None:
    """Where ``stored`` does not fit ``current`` (map vs vector vs set vs scalar), or None."""
    if include is not None:
        if not isinstance(stored, Mapping):
            return f"the stored data is a {_kind(stored)} where a map of include paths belongs"
        source = current["present"] if is_history(current) else current
        for path, value in stored.items():
            found = get_path(source, str(path))
            if found is not _ABSENT and (problem := _mismatch(found, value, str(path))):
                return problem
        return None
    if is_history(current) != is_history(stored):
        what = ("an undoable history", "a plain state")
        ours, theirs = what if is_history(current) else what[::-1]
        return f"the stored data is {theirs} where the state is {ours}"
    if is_history(current):
        present = current["present"]
        entries = [("present", stored["present"])]
        entries += [
            (f"{name}[{i}]", s) for name in ("past", "future") for i, s in enumerate(stored[name])
        ]
        return next((p for where, s in entries if (p := _mismatch(present, s, where))), None)
    return _mismatch(current, stored, "")


def _kind(value: Any) -> str:
    if isinstance(value, Mapping):
        return "map"
    if isinstance(value, (PVector, list, tuple)):
        return "vector"
    if isinstance(value, Set):
        return "set"
    return "scalar"


def _mismatch(current: Any, stored: Any, where: str) -> str | None:
    if current is None or stored is None:  # None marks "not set yet": anything fits
        return None
    ours, theirs = _kind(current), _kind(stored)
    if ours != theirs:
        return (
            f'at "{where or "<root>"}" the stored data is a {theirs} where the state has a {ours}'
        )
    if ours == "map":
        for k, value in stored.items():
            if k in current and (
                problem := _mismatch(current[k], value, f"{where}.{k}".lstrip("."))
            ):
                return problem
    return None
