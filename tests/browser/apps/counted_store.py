"""The store of the widget test apps: one undoable slice, persisted, every action counted.

``counted_store(name, reducer, key=..., include=...)`` gives the ``get_store`` view and the
session's action log (``actions=<n>`` in the apps), so a browser test can tell a rerun that
dispatched nothing from one that did. The slice is persisted with scope "app" in the file
``MATRIX_STORE`` names. Imported by the apps as a sibling module (``streamlit run`` puts the
script's folder on ``sys.path``).
"""

import os

import streamlit as st

from streamlit_redux import get_store
from streamlit_redux.middleware import persist
from streamlit_redux.middleware.undo import undoable
from streamlit_redux.storage import JSONFileStorage


def counted_store(name, reducer, *, key, include, devtools=False):
    """``(store, log)``: the slice ``name`` under ``undoable``; ``log`` lists every action type."""
    log: list[str] = st.session_state.setdefault("action_log", [])

    def counting(api):
        def wrap(next_dispatch):
            def dispatch(action):
                log.append(str(getattr(action, "type", action)))
                return next_dispatch(action)

            return dispatch

        return wrap

    storage = JSONFileStorage(os.environ["MATRIX_STORE"])
    store = get_store(
        {name: undoable(reducer)},
        middleware=[counting, persist(storage, key=key, scope="app", include=include)],
        devtools=devtools,
    )
    return store, log
