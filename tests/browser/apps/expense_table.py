"""Test app: a bound st.data_editor (issue 9 B): edits, undo/redo, time travel and reload.

The store's rows are written under the grid (``rows=...``) with each cell's type, so the test
compares what the grid shows with what the store holds. The "day" column holds dates, which
the codec writes and reads back as dates.
"""

import datetime as dt

import streamlit as st
from counted_store import counted_store
from pyrsistent import thaw

from streamlit_redux import create_slice
from streamlit_redux.binding.table_edit import apply_table_edit
from streamlit_redux.devtools.actions import jump_to_state
from streamlit_redux.middleware.undo import redo, undo

DAY = dt.date(2026, 3, 2)
COLUMNS = ["what", "amount", "refund", "day"]

lines = create_slice(
    name="lines",
    initial_state=[
        {"what": "train", "amount": 58.0, "refund": True, "day": DAY},
        {"what": "lunch", "amount": 17.5, "refund": False, "day": DAY},
    ],
    reducers={"edited": lambda rows, a: apply_table_edit(rows, a.payload, columns=COLUMNS)},
)
store, log = counted_store(
    "lines", lines.reducer, key="lines", include=["lines.present"], devtools=True
)
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
