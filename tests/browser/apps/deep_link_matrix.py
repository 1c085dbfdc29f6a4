"""Test app: every value widget bound with ``url=True`` (docs/binding.md's url column).

Each widget writes ``row:<name> ok=<widget == store> value=<store value>``, as the widget
matrix does, so the browser test reads what the store holds next to what the widget returns.
"""

import datetime as dt

import streamlit as st
from pyrsistent import thaw

from streamlit_redux import create_slice, get_store
from streamlit_redux.binding.widgets import same_widget_value

INITIAL = {
    "text": "", "area": "", "amount": 1.0, "slider": 10, "range": (20, 80), "size": "S",
    "drink": "tea", "check": False, "toggle": False, "pill": None, "colors": (), "side": None,
    "thumbs": None, "color": "#000000", "day": dt.date(2026, 1, 5),
    "days": (dt.date(2026, 1, 5), dt.date(2026, 1, 9)), "time": dt.time(8, 0),
    "when": dt.datetime(2026, 1, 5, 8, 0), "page": 1,
}

form = create_slice(
    name="form",
    initial_state=INITIAL,
    reducers={name: (lambda n: lambda s, a: s.set(n, a.payload))(name) for name in INITIAL},
)
store = get_store(form.reducer)


def linked(name: str, options=None) -> dict:
    return store.bind(f"{name}", getattr(form.actions, name), key=name, url=True, options=options)


def row(name: str, shown) -> None:
    value = thaw(store.select(lambda s: s[name], key=("row", name)))
    plain = list(value) if isinstance(value, tuple) else value
    st.text(f"row:{name} ok={same_widget_value(shown, value)} value={plain!r}")


row("text", st.text_input("Text", **linked("text")))
row("area", st.text_area("Area", **linked("area")))
row("amount", st.number_input("Amount", min_value=0.0, step=0.5, **linked("amount")))
row("slider", st.slider("Slider", 0, 100, **linked("slider", range(0, 101))))
row("range", st.slider("Range", 0, 100, **linked("range", range(0, 101))))
row("size", st.select_slider("Size", ["S", "M", "L"], **linked("size", ["S", "M", "L"])))
row("drink", st.radio("Drink", ["tea", "coffee"], **linked("drink", ["tea", "coffee"])))
row("check", st.checkbox("Check", **linked("check")))
row("toggle", st.toggle("Toggle", **linked("toggle")))
row("pill", st.pills("Pill", ["red", "blue"], **linked("pill", ["red", "blue"])))
row("colors", st.pills("Colors", ["red", "blue"], selection_mode="multi", **linked("colors", ["red", "blue"])))
row("side", st.segmented_control("Side", ["left", "right"], **linked("side", ["left", "right"])))
row("thumbs", st.feedback("thumbs", **linked("thumbs", range(2))))
row("color", st.color_picker("Color", **linked("color")))
row("day", st.date_input("Day", **linked("day")))
row("days", st.date_input("Days", **linked("days")))
row("time", st.time_input("Time", step=900, **linked("time")))
row("when", st.datetime_input("When", **linked("when")))
row("page", st.pagination(5, **linked("page", range(1, 6))))
