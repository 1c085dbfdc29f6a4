"""Test app: bound widgets in a dialog made with ``store.dialog``. The note shows only in the
dialog; the name shows in the page body too."""

import streamlit as st

from streamlit_redux import create_slice, get_store

card = create_slice(
    name="card",
    initial_state={"name": "Ann", "note": ""},
    reducers={
        "renamed": lambda s, a: s.set("name", a.payload),
        "noted": lambda s, a: s.set("note", a.payload),
    },
)
store = get_store(card.reducer)


@store.dialog("Edit the card")
def edit():
    note = st.text_input("Note", **store.bind("note", card.actions.noted))
    st.text(f"dialog note={note}")
    st.text_input("Name", **store.bind("name", card.actions.renamed))


st.text(f"body name={store.select(lambda s: s['name'])}")
if st.button("Edit"):
    edit()
