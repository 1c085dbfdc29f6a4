"""``st.data_editor`` bound to a vector of row maps: every edit is one action.

The editor's ``st.session_state`` entry is read-only and holds a change record relative to
the data it was given (cells edited, rows added, rows deleted), so it cannot be seeded like
other widgets. :func:`bind_table` instead draws the editor from the store's rows and gives it a
new key whenever those rows change or an edit was handled: the editor always starts from the
store, and an edit the store ignored (time travel, a refusing reducer) does not stay on screen.
The callback turns the change record into one :func:`~.table_edit.table_edit` payload, typed
like the column's stored values (dates stay dates).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import Any

import pandas as pd  # type: ignore[import-untyped]  # no stubs in the dev install
import streamlit as st
from pyrsistent import thaw

from streamlit_redux.binding.table_edit import TableEdit, table_edit
from streamlit_redux.binding.widgets import (
    RecordingReader,
    default_widget_key,
    dispatch_edit,
)
from streamlit_redux.store.actions import Action
from streamlit_redux.store.selectors import select_path


def bind_table(
    view: RecordingReader,
    source: str | Callable[[Any], Any],
    action_creator: Callable[[TableEdit], Action],
    *,
    columns: Sequence[str],
    types: Mapping[str, type] | None = None,
    key: str | None = None,
) -> dict[str, Any]:
    """Return ``st.data_editor`` kwargs (``data``, ``key``, ``on_change``, ``column_order``).

    ``source`` selects a vector of row maps; each edit dispatches ``action_creator(edit)``,
    which a reducer applies with :func:`~.table_edit.apply_table_edit`. ``columns`` gives the
    column order (row maps have none); ``types`` names a column's type when no row holds a
    value yet (otherwise it is taken from the stored values).

    >>> # st.data_editor(num_rows="dynamic", **store.bind_table(
    >>> #     "expenses.rows", expenses.actions.edited, columns=["day", "what", "amount"]))
    """
    selector = select_path(source) if isinstance(source, str) else source
    base = key or default_widget_key(view, source)
    rows = view.select(selector)
    slot = f"{base}:shown"
    shown = st.session_state.get(slot)
    if shown is None or shown[0] is not rows:
        shown = (rows, 0 if shown is None else shown[1] + 1)
        st.session_state[slot] = shown
    editor_key = f"{base}:{shown[1]}"

    def on_change() -> None:
        record = st.session_state[editor_key]
        held, generation = st.session_state[slot]
        # Whatever the store does with this edit, the next run draws a fresh editor from it.
        st.session_state[slot] = (held, generation + 1)
        kinds = {**_column_types(held, columns), **(types or {})}
        edit = table_edit(
            edited={
                int(i): {c: _typed(v, kinds.get(c)) for c, v in cells.items()}
                for i, cells in record.get("edited_rows", {}).items()
            },
            added=[
                {c: _typed(v, kinds.get(c)) for c, v in row.items()}
                for row in record.get("added_rows", [])
            ],
            deleted=record.get("deleted_rows", []),
        )
        if edit["edited"] or edit["added"] or edit["deleted"]:
            dispatch_edit(view, action_creator(edit))

    data = pd.DataFrame.from_records([thaw(row) for row in rows], columns=list(columns))
    return {
        "data": data,
        "key": editor_key,
        "on_change": on_change,
        "column_order": list(columns),
        "hide_index": True,  # row positions are not data
    }


def _column_types(rows: Any, columns: Sequence[str]) -> dict[str, type]:
    kinds: dict[str, type] = {}
    for row in rows:
        for column in columns:
            value = row.get(column)
            if column not in kinds and value is not None:
                kinds[column] = type(value)
        if len(kinds) == len(columns):
            break
    return kinds


def _typed(value: Any, kind: type | None) -> Any:
    """The editor's JSON cell value as the column's type (as Streamlit's own parsing does)."""
    if value is None or kind is None:
        return value
    if issubclass(kind, dt.datetime):
        return pd.Timestamp(value).to_pydatetime()
    if issubclass(kind, dt.date):
        return pd.Timestamp(value).date()
    if issubclass(kind, dt.time):
        return pd.Timestamp(value).time()
    if issubclass(kind, bool):
        return bool(value)
    if issubclass(kind, int) and isinstance(value, (int, float)):
        return int(value) if float(value).is_integer() else float(value)
    if issubclass(kind, float):
        return float(value)
    if issubclass(kind, Decimal):
        return Decimal(str(value))
    if issubclass(kind, str):
        return str(value)
    return value
