"""JSON text that is text: no string in it may hold a lone UTF-16 surrogate.

JSON can escape one (``"\\ud800"``) and a Python ``str`` can hold one, but it is not text: UTF-8
cannot encode it, so Streamlit fails to send any element that shows it, on every run. The
codec refuses it on the way in (a stored copy, an import) and on the way out (a persisted or
replicated state, an export), so what it writes it can always read back.

Private: use :func:`streamlit_redux.store.codec.refuse_lone_surrogates`.
"""

from __future__ import annotations

import json
import re
from typing import Any

from streamlit_redux.store._codec_values import SerializationError

_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def refuse_lone_surrogates(text: str, data: Any, *, writing: bool = False) -> None:
    """Refuse JSON ``text`` (the form of ``data``) if a string in it holds a lone surrogate.

    The usual text, ASCII with no ``\\u`` escape, costs one substring search; the regular
    expression and the walk of ``data`` run only for text that may hold one.

    >>> refuse_lone_surrogates('["\\\\ud83d\\\\ude00"]', ["\\U0001f600"])  # a pair: an emoji
    """
    if "\\u" in text and _SURROGATE_ESCAPE.search(text) is not None:
        pass  # an escape from d800 up: a pair or a lone one, told apart below
    elif text.isascii() or _encodes(text):
        return
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except RecursionError:
        return  # deeper than any reader accepts: the depth limit refuses it with its own words
    except UnicodeEncodeError as exc:
        code = ord(exc.object[exc.start])
        found = f'holds a lone UTF-16 surrogate ("\\u{code:04x}" with no pair), which is not text'
        if writing:
            raise SerializationError(
                f"A string in the state {found}: it cannot be stored or shown. Remove it from "
                "the state (one usually comes from bytes decoded with errors='surrogateescape'; "
                "decode with errors='replace')."
            ) from exc
        raise SerializationError(
            f"A string in the JSON data {found}: no page can show it; only read data written "
            "by streamlit-redux."
        ) from exc


def _encodes(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
