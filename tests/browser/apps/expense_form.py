"""Test app: bound widgets inside st.form: one action per submit, errors per field."""

import streamlit as st

from streamlit_redux import create_slice, get_store

expense = create_slice(
    name="expense",
    initial_state={"draft": {"what": "", "amount": 0.0, "refund": False}, "lines": ()},
    reducers={
        "submitted": lambda s, a: s.set("lines", (*s["lines"], a.payload)).set(
            "draft", {"what": "", "amount": 0.0, "refund": False}
        )
    },
)
store = get_store(expense.reducer)


def check(values):
    errors = {}
    if not values["what"].strip():
        errors["what"] = "Say what the expense was."
    if values["amount"] <= 0:
        errors["amount"] = "The amount must be more than 0."
    return errors


with st.form("expense"):
    form = store.bind_form("draft", expense.actions.submitted, validate=check)
    st.text_input("What", **form.field("what"))
    form.error("what")
    st.number_input("Amount", min_value=0.0, **form.field("amount"))
    form.error("amount")
    st.checkbox("Refundable", **form.field("refund"))
    st.form_submit_button("Add", **form.submit())
st.button("Unrelated")
lines = store.select(lambda s: s["lines"])
st.text(f"lines={[dict(sorted(dict(line).items())) for line in lines]}")
