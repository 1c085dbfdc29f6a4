"""Development mode: one rule for everything that is on only while developing (the dev checks,
``devtools="auto"``).

``STREAMLIT_REDUX_DEV=1`` turns it on and ``STREAMLIT_REDUX_DEV=0`` off; otherwise it follows
Streamlit's ``global.developmentMode`` when Streamlit is running in this process (it is read,
never imported: the core stays importable without Streamlit), and is off elsewhere.
"""

from __future__ import annotations

import os
import sys


def development_mode() -> bool:
    """Whether this process is in development mode.

    >>> import os; os.environ["STREAMLIT_REDUX_DEV"] = "0"; development_mode()
    False
    >>> del os.environ["STREAMLIT_REDUX_DEV"]
    """
    flag = os.environ.get("STREAMLIT_REDUX_DEV")
    if flag is not None:
        return flag == "1"
    config = sys.modules.get("streamlit.config")
    if config is None:
        return False
    try:
        return bool(config.get_option("global.developmentMode"))
    except Exception:  # Streamlit loaded but not configured: production defaults
        return False
