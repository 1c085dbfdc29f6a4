"""Test app: bound widgets whose return values are used where they are drawn (issue 9 A).

Each widget kind is drawn either in the body or in a fragment (``WIDGET_PLACE``), its return
value written next to it, and the same data is read by another fragment ("summary"), like the
devtools panel does. ``DEVTOOLS=1`` adds the panel.
"""

import datetime as dt
import os

import streamlit as st

from streamlit_redux import create_slice, get_store

order = create_slice(
    name="order",
    initial_state={
        "city": "Paris", "express": False, "qty": 1, "note": "", "day": dt.date(2026, 1, 5),
        "tags": ("a",),
    },
    reducers={
        "city_chosen": lambda s, a: s.set("city", a.payload),
        "express_set": lambda s, a: s.set("express", a.payload),
        "qty_set": lambda s, a: s.set("qty", a.payload),
        "note_set": lambda s, a: s.set("note", a.payload),
        "day_set": lambda s, a: s.set("day", a.payload),
        "tags_set": lambda s, a: s.set("tags", tuple(a.payload)),
    },
)
acts = order.actions
store = get_store(order.reducer, devtools=os.environ.get("DEVTOOLS") == "1")


def widgets():
    city = st.selectbox("City", ["Paris", "Lyon", "Nice"], **store.bind("city", acts.city_chosen))
    st.write(f"Shipping to {city}")
    express = st.checkbox("Express", **store.bind("express", acts.express_set))
    st.write(f"Express is {express}")
    qty = st.number_input("Quantity", min_value=1, step=1, **store.bind("qty", acts.qty_set))
    st.write(f"Quantity is {qty}")
    note = st.text_input("Note", **store.bind("note", acts.note_set))
    st.write(f"Note is [{note}]")
    tags = st.multiselect("Tags", ["a", "b", "c"], **store.bind("tags", acts.tags_set))
    st.write(f"Tags are {','.join(tags)}")


@store.fragment(key="summary")
def summary():
    state = store.select(lambda s: s)
    st.write(f"Summary: {state['city']} / {state['express']} / {state['qty']} / {state['note']}")


if os.environ.get("WIDGET_PLACE") == "fragment":
    store.fragment(widgets, key="widgets")()
else:
    widgets()
summary()
