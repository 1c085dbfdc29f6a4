"""From docs/core.md ("`st.cache_data` or a selector?"): load with `st.cache_data`, keep what the
user chose in the store, derive the view with a selector. Its memo remembers recent regions, so
switching North, South, North computes North once."""

import streamlit as st

from streamlit_redux import create_selector, create_slice, get_store

REGIONS = ["North", "South", "East"]


@st.cache_data
def load_sales() -> list[tuple[str, int]]:
    """The expensive read, once per server: (region, amount) rows."""
    return [(REGIONS[i % 3], i) for i in range(30_000)]


sales = create_slice(
    name="sales",
    initial_state={"region": "North", "rows": None},
    reducers={
        "loaded": lambda s, a: s.set("rows", a.payload),
        "region_set": lambda s, a: s.set("region", a.payload),
    },
)
actions = sales.actions
region_total = create_selector(
    lambda s: s["rows"],
    lambda s: s["region"],
    lambda rows, region: sum(amount for where, amount in rows if where == region),
    name="region total",
)

store = get_store(sales.reducer)
if store.state["rows"] is None:
    store.dispatch(actions.loaded(load_sales()))

st.radio("Region", REGIONS, horizontal=True, **store.bind("region", actions.region_set))
st.write(f"total={store.select(region_total)}")
# Per store and across runs (the selector itself is made anew on every run of the script).
st.write(f"computed={store.selector_stats()['region total'].recomputations}")
