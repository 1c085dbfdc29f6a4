"""Test app: bound widgets kept in the URL (``store.bind(..., url=True)``) across two pages."""

import streamlit as st

from streamlit_redux import create_slice, get_store

trip = create_slice(
    name="trip",
    initial_state={"city": "Paris", "tags": ("a",), "nights": 1},
    reducers={
        "city_chosen": lambda s, a: s.set("city", a.payload),
        "tags_set": lambda s, a: s.set("tags", tuple(a.payload)),
        "nights_set": lambda s, a: s.set("nights", a.payload),
    },
)
store = get_store(trip.reducer)


def search() -> None:
    st.selectbox("City", ["Paris", "Lyon", "Nice"], **store.bind("city", trip.actions.city_chosen, url=True))
    st.multiselect("Tags", ["a", "b", "c"], **store.bind("tags", trip.actions.tags_set, url=True))
    st.number_input("Nights", min_value=1, **store.bind("nights", trip.actions.nights_set, url=True))


def other() -> None:
    st.text("on the other page")


st.navigation([st.Page(search, title="Search"), st.Page(other, title="Other")]).run()
state = store.select(lambda s: s)
st.text(f"store: {state['city']} / {','.join(state['tags'])} / {state['nights']}")
