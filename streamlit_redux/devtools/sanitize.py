"""Error text seen through the action sanitizer's eyes.

A reducer that fails with ``ValueError(f"card {payload['card']} declined")`` puts the payload
in its message, so showing the message as it is would undo an ``action_sanitizer`` that masks
the card number. The rule: every leaf of the raw action (its type, and each scalar in its
payload and meta) that the sanitizer changed is replaced by ``***`` wherever its ``str`` or
``repr`` form appears in the message; leaves the sanitizer left visible stay. The exception
type at the start of the message is kept. Text derived from a secret in other ways (sliced,
upper-cased) cannot be recognised: make such reducers raise without the value.

>>> from streamlit_redux import Action
>>> mask = lambda a: Action(a.type, {"card": "***", "user": a.payload["user"]})
>>> action = Action("pay", {"card": "4111 1111", "user": "bob"})
>>> sanitized_error("ValueError: card '4111 1111' of bob declined", action, mask)
'ValueError: card *** of bob declined'
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Set
from typing import Any

from pyrsistent import PVector

from streamlit_redux.store.actions import Action

ActionSanitizer = Callable[[Action], Action]
MASK = "***"
_MAX_LEAVES = 2_000


def sanitized_error(message: str, action: Any, action_sanitizer: ActionSanitizer | None) -> str:
    """``message`` with the string forms of every leaf the sanitizer hides replaced by ``***``."""
    if action_sanitizer is None or not isinstance(action, Action):
        return message
    try:
        clean = action_sanitizer(action)
    except Exception as exc:  # a broken sanitizer must not show what it was meant to hide
        return f"(error text hidden: action_sanitizer raised {type(exc).__name__})"
    kept = set(_forms(_leaves(clean)))
    hidden = {form for form in _forms(_leaves(action)) if form and form not in kept}
    head, colon, rest = message.partition(": ")
    prefix, text = (head + colon, rest) if colon and head.isidentifier() else ("", message)
    for form in sorted(hidden, key=len, reverse=True):  # longest first: "'abc'" before "abc"
        text = text.replace(form, MASK)
    return prefix + text


def _leaves(action: Action) -> Iterator[Any]:
    """The type and the scalar leaves of payload and meta, iteratively (no depth limit)."""
    yield action.type
    stack: list[Any] = [action.payload, action.meta]
    count = 0
    while stack and count < _MAX_LEAVES:
        value = stack.pop()
        if isinstance(value, Mapping):
            stack.extend(value.keys())
            stack.extend(value.values())
        elif isinstance(value, (list, tuple, PVector, Set)):
            stack.extend(value)
        else:
            count += 1
            yield value


def _forms(values: Iterator[Any]) -> Iterator[str]:
    for value in values:
        if value is None or isinstance(value, bool):
            continue  # "None" / "True" carry nothing to hide and appear in ordinary text
        try:
            yield str(value)
            yield repr(value)
        except Exception:  # an odd object whose str or repr fails has no form to mask
            continue
