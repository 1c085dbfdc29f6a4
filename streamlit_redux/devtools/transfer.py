"""Export a recorded session as JSON, and import one back (validated, never unpickled).

An import is checked completely before anything changes: a bad file raises a
:class:`SessionImportError` that says what is wrong and leaves the session as it was.

>>> from streamlit_redux import Action, Store
>>> from streamlit_redux.devtools.instrument import instrument
>>> store = Store(lambda s, a: s + (a.type == "inc"), 0)
>>> recorder = instrument(store).recorder
>>> _ = store.dispatch(Action("inc"))
>>> text = export_session(recorder)
>>> other = Store(lambda s, a: s + (a.type == "inc"), 0)
>>> import_session(other, text); other.state
1
"""

from __future__ import annotations

import json
from typing import Any, NoReturn

from pyrsistent import PMap

from streamlit_redux.devtools.actions import import_state
from streamlit_redux.devtools.errors import SessionExportError, SessionImportError
from streamlit_redux.devtools.instrument import instrument
from streamlit_redux.devtools.recorder import Recorder, Session
from streamlit_redux.devtools.sanitize import ActionSanitizer, StateSanitizer
from streamlit_redux.store import codec
from streamlit_redux.store.actions import Action
from streamlit_redux.store.store import Store

FORMAT = "streamlit-redux/devtools-session"
VERSION = 1
MAX_BYTES = 20_000_000
_FIX = "import a file written by the devtools' Export button"
_ACTION_KEYS = {"id", "type", "payload", "meta", "error"}



def export_session(
    recorder: Recorder,
    *,
    state_sanitizer: StateSanitizer | None = None,
    action_sanitizer: ActionSanitizer | None = None,
    with_states: bool = False,
) -> str:
    """The recorder's history as JSON text; sanitizers run on every state and action.

    Without ``with_states`` an import replays the actions; with it, the computed states are
    written too and an import restores them without running any reducer.
    """
    clean_state = state_sanitizer or _same
    clean_action = action_sanitizer or _same
    session = recorder.export_session()
    document: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "committed_state": _exported(clean_state(session.committed_state), "committed_state"),
        "actions": [
            _exported_action(action_id, clean_action(action))
            for action_id, action in session.actions
        ],
        "skipped_ids": sorted(session.skipped_ids),
        "current_index": session.current_index,
    }
    if with_states and session.states is not None:
        document["states"] = [
            _exported(clean_state(state), f"states[{index}]")
            for index, state in enumerate(session.states)
        ]
    text = json.dumps(document, allow_nan=False)
    try:
        codec.refuse_lone_surrogates(text, document, writing=True)
    except codec.SerializationError as exc:
        raise SessionExportError(f"Cannot export the devtools session as text: {exc}") from exc
    return text


def _exported_action(action_id: int, action: Action) -> dict[str, Any]:
    where = f"action #{action_id} ({action.type})"
    return {
        "id": action_id,
        "type": action.type,
        "payload": _exported(action.payload, f"{where} payload"),
        "meta": _exported(action.meta, f"{where} meta"),
        "error": action.error,
    }


def _exported(value: Any, where: str) -> Any:
    try:
        return codec.to_json_value(value)
    except codec.SerializationError as exc:
        raise SessionExportError(
            f"Cannot export the devtools session: in {where}, {exc} In the devtools, pass a "
            "state_sanitizer / action_sanitizer that converts such values."
        ) from exc


def import_session(store: Store, data: str | bytes, *, max_bytes: int = MAX_BYTES) -> None:
    """Replace ``store``'s recorded history with the session in ``data`` (JSON text).

    The file is validated first; on any problem :class:`SessionImportError` is raised and the
    store and its history are untouched. The devtools are installed on ``store`` if needed.
    """
    session = parse_session(data, max_bytes=max_bytes)
    instrument(store)
    store.dispatch(import_state(session))


def parse_session(data: str | bytes, *, max_bytes: int = MAX_BYTES) -> Session:
    """Validate session JSON and return it as a :class:`Session` (pyrsistent values).

    Accepts an export, or a bare JSON list of actions (replayed from the initial state).
    """
    document = _load(data, max_bytes)
    if isinstance(document, list):
        document = {"format": FORMAT, "version": VERSION, "actions": _numbered(document)}
    if not isinstance(document, dict):
        raise SessionImportError(
            f"The session file holds a JSON {_kind(document)}, expected an object with "
            f'"format": "{FORMAT}" (or a list of actions); {_FIX}.'
        )
    _check_header(document)
    actions = _parse_actions(document.get("actions"))
    ids = [action_id for action_id, _ in actions]
    return Session(
        committed_state=_imported(document.get("committed_state"), "committed_state"),
        actions=actions,
        skipped_ids=_parse_skipped(document.get("skipped_ids", []), set(ids)),
        current_index=_parse_index(document.get("current_index"), len(ids)),
        states=_parse_states(document.get("states"), len(ids)),
    )


def _load(data: str | bytes, max_bytes: int) -> Any:
    # surrogatepass: a str holding a lone surrogate is measured, then refused below.
    size = len(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data)
    if size > max_bytes:
        raise SessionImportError(
            f"The session file is {size:,} bytes, over the {max_bytes:,}-byte import limit; "
            "export a shorter history (commit first) or pass a larger max_bytes."
        )
    try:
        text = data.decode("utf-8") if isinstance(data, bytes) else data
    except UnicodeDecodeError as exc:
        raise SessionImportError(f"The session file is not UTF-8 text ({exc}); {_FIX}.") from exc
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SessionImportError(
            f"The session file is not valid JSON: {exc.msg} at line {exc.lineno}, "
            f"column {exc.colno}; {_FIX}."
        ) from exc
    except (RecursionError, ValueError) as exc:
        raise SessionImportError(
            f"The session file could not be read as JSON ({type(exc).__name__}: nested too "
            f"deeply or a number too large); {_FIX}."
        ) from exc
    try:
        codec.refuse_lone_surrogates(text, document)
    except codec.SerializationError as exc:
        raise SessionImportError(
            f"The session file cannot be imported: {exc} Nothing was changed; {_FIX}."
        ) from exc
    return document


def _check_header(document: dict[str, Any]) -> None:
    if document.get("format") != FORMAT:
        raise SessionImportError(
            f"The session file has format {_summary(document.get('format'))}, expected "
            f'"{FORMAT}"; {_FIX}.'
        )
    if document.get("version") != VERSION:
        raise SessionImportError(
            f"The session file is version {_summary(document.get('version'))}; this "
            f"streamlit-redux reads version {VERSION}. Export it again with this version."
        )


def _parse_actions(raw: Any) -> tuple[tuple[int, Action], ...]:
    if not isinstance(raw, list):
        raise SessionImportError(
            f'The session file\'s "actions" must be a list, got a JSON {_kind(raw)}; {_FIX}.'
        )
    parsed: list[tuple[int, Action]] = []
    for index, entry in enumerate(raw):
        previous = parsed[-1][0] if parsed else 0
        parsed.append((_action_id(index, entry, previous), _action(index, entry)))
    return tuple(parsed)


def _action_id(index: int, entry: Any, previous: int) -> int:
    if not isinstance(entry, dict):
        _bad_action(index, f"it is a JSON {_kind(entry)}, not an object")
    action_id = entry.get("id")
    if not isinstance(action_id, int) or isinstance(action_id, bool) or action_id <= previous:
        _bad_action(index, f'its "id" is {_summary(action_id)}; ids must be ints increasing from 1')
    return int(action_id)


def _action(index: int, entry: dict[str, Any]) -> Action:
    action_type, meta = entry.get("type"), entry.get("meta", {})
    unknown = set(entry) - _ACTION_KEYS
    if not isinstance(action_type, str) or not action_type:
        _bad_action(index, f'its "type" is {_summary(action_type)}, not a non-empty string')
    if unknown:
        _bad_action(index, f"it has unknown keys {[key[:40] for key in sorted(unknown)[:5]]}")
    if not isinstance(meta, dict):
        _bad_action(index, f'its "meta" is a JSON {_kind(meta)}, not an object')
    if not isinstance(entry.get("error", False), bool):
        _bad_action(index, f'its "error" is {_summary(entry.get("error"))}, not true/false')
    decoded_meta = _imported(meta, f"actions[{index}].meta")
    if not isinstance(decoded_meta, PMap):  # a tagged object: {"__tuple__": [...]}
        _bad_action(index, f'its "meta" decodes to a {type(decoded_meta).__name__}, not a map')
    return Action(
        action_type,
        _imported(entry.get("payload"), f"actions[{index}].payload"),
        decoded_meta,
        bool(entry.get("error", False)),
    )


def _bad_action(index: int, reason: str) -> NoReturn:
    raise SessionImportError(
        f"actions[{index}] in the session file is not a valid action: {reason}. Each action "
        'needs "id" (an int, increasing) and "type" (a non-empty string); ' + _FIX + "."
    )


def _parse_skipped(raw: Any, ids: set[int]) -> frozenset[int]:
    if not isinstance(raw, list) or not all(isinstance(i, int) for i in raw):
        raise SessionImportError(
            f'The session file\'s "skipped_ids" must be a list of action ids, got {_summary(raw)}; '
            f"{_FIX}."
        )
    unknown = sorted(set(raw) - ids)
    if unknown:
        raise SessionImportError(
            f'The session file\'s "skipped_ids" holds {unknown[:5]}, which are not ids of its '
            f"actions; {_FIX}."
        )
    return frozenset(raw)


def _parse_index(raw: Any, count: int) -> int | None:
    if raw is None:
        return None
    if not isinstance(raw, int) or isinstance(raw, bool) or not 0 <= raw <= count:
        raise SessionImportError(
            f'The session file\'s "current_index" is {_summary(raw)}, but it holds {count} '
            f"actions: it must be an int from 0 to {count}; {_FIX}."
        )
    return raw


def _parse_states(raw: Any, count: int) -> tuple[Any, ...] | None:
    if raw is None:
        return None
    if not isinstance(raw, list) or len(raw) != count + 1:
        raise SessionImportError(
            f'The session file\'s "states" must list {count + 1} states (the committed state '
            f"and one per action), got {len(raw) if isinstance(raw, list) else _kind(raw)}; "
            f"{_FIX}."
        )
    nulls = [index for index, state in enumerate(raw) if state is None]
    if nulls:
        raise SessionImportError(
            f'The session file\'s "states" holds null at index {nulls[0]}; a store\'s state is '
            f"never null (a reducer returning None is refused); {_FIX}."
        )
    return tuple(_imported(state, f"states[{index}]") for index, state in enumerate(raw))


def _imported(data: Any, where: str) -> Any:
    try:
        return codec.from_json_value(data)
    except codec.SerializationError as exc:
        raise SessionImportError(
            f"The session file's {where} cannot be read: {exc} The session was left as it "
            f"was; {_FIX}."
        ) from exc


def _numbered(actions: list[Any]) -> list[Any]:
    return [
        {"id": index + 1, **entry} if isinstance(entry, dict) and "id" not in entry else entry
        for index, entry in enumerate(actions)
    ]


def _summary(value: Any) -> str:
    """Outside data in a message: short, and never walked (it may be huge or deep)."""
    return codec.json_summary(value)


def _kind(value: Any) -> str:
    names = {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}
    return names.get(type(value), "number")


def _same(value: Any) -> Any:
    return value
