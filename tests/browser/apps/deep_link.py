"""Test app: bound widgets kept in the URL (``store.bind(..., url=True)``) across two pages.

What reads the trip is drawn before the widgets (the title), after them (their return values),
in a fragment and after the page (the store line), so a stale part shows up in the test.
"""

import streamlit as st

from streamlit_redux import create_slice, get_store

CITIES = ["Paris", "Lyon", "Nice", "Lille"]
TAGS = ["a", "b", "c"]

trip = create_slice(
    name="trip",
    initial_state={"city": "Paris", "tags": ("a",), "nights": 1, "sort": "price"},
    reducers={
        "city_chosen": lambda s, a: s.set("city", a.payload),
        "tags_set": lambda s, a: s.set("tags", tuple(a.payload)),
        "nights_set": lambda s, a: s.set("nights", a.payload),
        "reset": lambda s, a: s.update({"city": "Paris", "tags": ("a",), "nights": 1}),
        "sorted": lambda s, a: s.set("sort", a.payload),
    },
)
store = get_store(trip.reducer)


@store.fragment(key="summary")
def summary() -> None:
    st.text(f"fragment: {store.select(lambda s: s['city'], key='summary-city')}")


@store.fragment(key="results")
def results() -> None:
    """A control in a fragment of its own: its change reruns the fragment only."""
    sort = st.radio("Sort", ["price", "name"], **store.bind("sort", trip.actions.sorted, url=True, options=["price", "name"]))
    st.text(f"sorted by {sort}")


def search() -> None:
    st.text(f"title: trip to {store.select(lambda s: s['city'], key='title-city')}")
    city = st.selectbox("City", CITIES, **store.bind("city", trip.actions.city_chosen, url=True, options=CITIES))
    tags = st.multiselect("Tags", TAGS, **store.bind("tags", trip.actions.tags_set, url=True, options=TAGS))
    nights = st.number_input(
        "Nights", min_value=1, max_value=14,
        **store.bind("nights", trip.actions.nights_set, url=True, options=range(1, 15)),
    )
    st.text(f"widgets: {city} / {','.join(tags)} / {nights}")
    st.button("Reset", on_click=store.dispatch, args=(trip.actions.reset(),))
    summary()
    results()


def other() -> None:
    st.text("on the other page")


st.navigation([st.Page(search, title="Search"), st.Page(other, title="Other")]).run()
state = store.select(lambda s: s)
st.text(f"store: {state['city']} / {','.join(state['tags'])} / {state['nights']}")
