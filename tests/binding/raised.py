"""``raise_from_app(body)``: run ``body`` as an AppTest script and re-raise what it raised.

AppTest keeps only the text of an exception in the script; the object itself (its class, for
``pytest.raises``) is handed out through the session state.
"""

import textwrap

from streamlit.testing.v1 import AppTest

_SCRIPT = """
import streamlit as st
try:
{body}
except Exception as exc:
    st.session_state["raised"] = exc
"""


def raise_from_app(body: str) -> None:
    script = _SCRIPT.format(body=textwrap.indent(textwrap.dedent(body), "    "))
    app = AppTest.from_string(script, default_timeout=30).run()
    assert not app.exception, app.exception
    if "raised" not in app.session_state:
        raise AssertionError("the app script raised nothing")
    raise app.session_state["raised"]
