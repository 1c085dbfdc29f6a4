"""Dependent fields: picking a country resets the city, without widget conflicts.

Run: streamlit run examples/dependent_fields.py

In plain Streamlit, changing the country leaves the city selectbox holding a city of the old
country (or raises because its value is not among the new options). Here the reducer decides:
a new country resets the city to that country's first city, and the bound widgets follow.
"""

import streamlit as st

from streamlit_redux import create_slice, get_store

CITIES = {
    "France": ["Paris", "Lyon", "Marseille"],
    "Japan": ["Tokyo", "Osaka", "Kyoto"],
    "Peru": ["Lima", "Cusco", "Arequipa"],
}

address = create_slice(
    name="address",
    initial_state={"country": "France", "city": "Paris"},
    reducers={
        # One action, one consistent state: the city always belongs to the country.
        "country_chosen": lambda s, a: s.set("country", a.payload).set(
            "city", CITIES[a.payload][0]
        ),
        "city_chosen": lambda s, a: s.set("city", a.payload),
    },
)
store = get_store(address.reducer)

st.title("Shipping address")
country = store.select(lambda s: s["country"])
st.selectbox("Country", list(CITIES), **store.bind("country", address.actions.country_chosen))
st.selectbox("City", CITIES[country], **store.bind("city", address.actions.city_chosen))
st.write(f"Shipping to **{store.select(lambda s: s['city'])}, {country}**")
