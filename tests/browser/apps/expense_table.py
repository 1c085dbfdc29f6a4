"""Test app: a bound st.data_editor (issue 9 B): edits, undo/redo, time travel and reload.

The store's rows are written under the grid (``rows=...``) with each cell's type, so the test
compares what the grid shows with what the store holds. The "day" column holds dates when the
codec can write them, ISO strings until then (so the reload check runs today either way).
"""

import datetime as dt
import os

import streamlit as st
from pyrsistent import thaw

from streamlit_redux import create_slice, get_store
from streamlit_redux.binding.alerts import show_alerts
from streamlit_redux.binding.table_edit import apply_table_edit
from streamlit_redux.devtools.actions import jump_to_state
from streamlit_redux.middleware import persist
from streamlit_redux.middleware.undo import redo, undo, undoable
from streamlit_redux.storage import JSONFileStorage
from streamlit_redux.store.codec import SerializationError, to_json_value

try:
    to_json_value(dt.date(2026, 3, 2))
    DAY = dt.date(2026, 3, 2)
except SerializationError:
    DAY = "2026-03-02"
COLUMNS = ["what", "amount", "refund", "day"]

lines = create_slice(
    name="lines",
    initial_state=[
        {"what": "train", "amount": 58.0, "refund": True, "day": DAY},
        {"what": "lunch", "amount": 17.5, "refund": False, "day": DAY},
    ],
    reducers={"edited": lambda rows, a: apply_table_edit(rows, a.payload, columns=COLUMNS)},
)
log: list[str] = st.session_state.setdefault("action_log", [])


def counting(api):
    def wrap(next_dispatch):
        def dispatch(action):
            log.append(str(getattr(action, "type", action)))
            return next_dispatch(action)

        return dispatch

    return wrap


store = get_store(
    {"lines": undoable(lines.reducer)},
    middleware=[
        counting,
        persist(
            JSONFileStorage(os.environ["MATRIX_STORE"]),
            key="lines",
            scope="app",
            include=["lines.present"],
        ),
    ],
    devtools=True,
)
show_alerts(store)
if st.toggle("Show table", value=True):
    st.data_editor(
        num_rows="dynamic",
        **store.bind_table("lines.present", lines.actions.edited, columns=COLUMNS),
    )
rows = thaw(store.select(lambda s: s["lines"]["present"]))
st.text("rows=" + " | ".join(",".join(str(r[c]) for c in COLUMNS) for r in rows))
st.text("types=" + ",".join(sorted({type(v).__name__ for r in rows for v in r.values()})))
st.button("Unrelated")
st.button("Undo", on_click=store.dispatch, args=(undo(),))
st.button("Redo", on_click=store.dispatch, args=(redo(),))
st.button("Travel to the start", on_click=store.dispatch, args=(jump_to_state(0),))
st.text(f"actions={len(log)}")
