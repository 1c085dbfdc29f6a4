"""Data shown inside Markdown as literal text: a code span, never links, images or HTML.

Streamlit renders alert bodies and widget labels (radio options too) as GitHub-flavoured
Markdown, where ``![x](https://host/x.png)`` fetches an image and a bare URL becomes a link.
Backslash escapes are not enough: GFM turns a URL into a link after escapes are resolved.
The content of a code span, though, is never parsed, so everything the panel shows that came
from data (action types, error text, file names) goes through :func:`literal`, and so does
what the binding's alerts show the user.
"""

from __future__ import annotations

import re

_BACKTICK_RUNS = re.compile(r"`+")
_LINE_ENDINGS = re.compile(r"\r\n|\r|\n")
# Letters, digits, inner spaces, "/" and "-": no Markdown construct (link, autolink, emphasis,
# list, heading, directive, math) can be made of these, so such text is shown as it is.
_INERT = re.compile(r"[A-Za-z0-9][A-Za-z0-9/ -]*(?<! )")


def literal(text: str) -> str:
    """``text`` as Markdown that renders exactly ``text`` (line breaks as ``⏎``).

    Text made only of letters, digits, inner spaces, ``/`` and ``-`` (most action types)
    stays as it is; anything else becomes a code span. Its fence is one backtick longer than
    the longest run inside, and a space pads a text that starts or ends with a backtick or a
    space (CommonMark strips exactly one on each side).

    >>> literal("todos/added")
    'todos/added'
    >>> literal("![x](https://example.com/x.png)")
    '`![x](https://example.com/x.png)`'
    >>> literal("a `b`")
    '`` a `b` ``'
    """
    if _INERT.fullmatch(text):
        return text
    text = _LINE_ENDINGS.sub("⏎", text)
    if not text:
        return "` `"
    fence = "`" * (max((len(run) for run in _BACKTICK_RUNS.findall(text)), default=0) + 1)
    # An all-space content is never stripped, so it needs no pad.
    pad = " " if text.strip(" ") and (text[0] in "` " or text[-1] in "` ") else ""
    return f"{fence}{pad}{text}{pad}{fence}"
