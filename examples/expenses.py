"""An expense report: a bound data table you can edit, undo, redo and reload.

Run: streamlit run examples/expenses.py

Every edit in the grid (a cell, an added row, deleted rows) is one action on the "lines" slice,
so it shows in the log, undoes and redoes like any other, and is saved. The grid always shows
the store's rows: after undo, redo, time travel in the devtools panel, or a reload.

Saved with scope="app": one copy for everyone who opens this app on this machine (fine for a
local tool). For one copy per browser, serve it with the identity cookie (examples/draft).
"""

import datetime as dt
import os

import streamlit as st

from streamlit_redux import create_slice, get_store
from streamlit_redux.binding.table_edit import apply_table_edit
from streamlit_redux.middleware import persist
from streamlit_redux.middleware.undo import redo, undo, undoable
from streamlit_redux.storage import SQLiteStorage

COLUMNS = ["day", "what", "amount", "refund"]  # row maps have no order: the grid's order

lines = create_slice(
    name="lines",
    initial_state=[
        {"day": dt.date(2026, 3, 2), "what": "Train to Lyon", "amount": 58.0, "refund": True},
        {"day": dt.date(2026, 3, 2), "what": "Lunch", "amount": 17.5, "refund": False},
    ],
    reducers={"edited": lambda rows, a: apply_table_edit(rows, a.payload, columns=COLUMNS)},
)
storage = SQLiteStorage(os.environ.get("EXPENSES_DB", "expenses.db"))
store = get_store(
    {"lines": undoable(lines.reducer, limit=50)},
    middleware=[persist(storage, key="expenses", scope="app", include=["lines.present"])],
    devtools="auto",
)

st.title("Expenses")
st.data_editor(
    num_rows="dynamic",
    column_config={
        "day": st.column_config.DateColumn("Day", required=True),
        "amount": st.column_config.NumberColumn("Amount (EUR)", min_value=0, format="%.2f"),
        "refund": st.column_config.CheckboxColumn("Refundable"),
    },
    # data, key, on_change, column_order: drawn from the store, one action per edit.
    **store.bind_table("lines.present", lines.actions.edited, columns=COLUMNS),
)
history = store.select(lambda s: s["lines"])
left, right, _ = st.columns([1, 1, 4])
left.button("Undo", on_click=store.dispatch, args=(undo(),), disabled=not history["past"])
right.button("Redo", on_click=store.dispatch, args=(redo(),), disabled=not history["future"])
total = sum(line["amount"] or 0 for line in history["present"])
st.metric("Total", f"{total:.2f} EUR")
