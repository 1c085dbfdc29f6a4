"""An action typed as JSON (the panel's Dispatch box), parsed without trusting the text.

The text is outside data: it is size-limited, read through the store's codec (depth limit,
strict tags) and turned into an :class:`~streamlit_redux.store.actions.Action` by
``to_action``. Every refusal is an :class:`ActionJSONError`; nothing is dispatched.

>>> parse_action('{"type": "todos/added", "payload": {"__tuple__": [1, 2]}}').payload
(1, 2)
"""

from __future__ import annotations

import json

from streamlit_redux.store import codec
from streamlit_redux.store.actions import Action, to_action
from streamlit_redux.store.errors import ActionJSONError, InvalidActionError

MAX_CHARS = 1_000_000
_EXAMPLE = '{"type": "todos/added", "payload": "milk"}'


def parse_action(text: str, *, max_chars: int = MAX_CHARS) -> Action:
    """The action in JSON ``text``; :class:`ActionJSONError` says what is wrong otherwise."""
    if len(text) > max_chars:
        raise ActionJSONError(
            f"The action is {len(text):,} characters, over the {max_chars:,}-character limit; "
            "dispatch a smaller payload (or pass a larger max_chars)."
        )
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ActionJSONError(
            f"The action is not valid JSON: {exc.msg} at line {exc.lineno}, column "
            f"{exc.colno}; write it like {_EXAMPLE}."
        ) from exc
    except (RecursionError, ValueError) as exc:
        raise ActionJSONError(
            f"The action could not be read as JSON ({type(exc).__name__}: nested too deeply "
            f"or a number too long); write it like {_EXAMPLE}."
        ) from exc
    try:
        codec.refuse_lone_surrogates(text, data)
    except codec.SerializationError as exc:
        raise ActionJSONError(f"The action cannot be read: {exc}") from exc
    if not isinstance(data, dict):
        raise ActionJSONError(
            f"The action is {codec.json_summary(data)}, not a JSON object; write it like "
            f"{_EXAMPLE}."
        )
    try:
        return to_action(codec.from_json_value(data))
    except codec.SerializationError as exc:
        raise ActionJSONError(f"The action cannot be read: {exc}") from exc
    except InvalidActionError as exc:
        raise ActionJSONError(f"The action cannot be dispatched: {exc}") from exc
