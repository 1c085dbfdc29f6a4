"""``exact(message)``: a ``pytest.raises(match=)`` pattern for the whole message, anchored.

A fragment would still match a doubled or garbled message; the full text cannot.
"""

import re


def exact(message: str) -> str:
    return "^" + re.escape(message) + "$"
