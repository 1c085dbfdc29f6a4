"""The floor on streamlit_redux: a selectbox bound with store.bind inside @store.fragment."""

import streamlit as st
from heavy_data import PRODUCTS, log_run

from streamlit_redux import create_slice, get_store

picks = create_slice(
    name="picks",
    initial_state={"product": PRODUCTS[0]},
    reducers={"picked": lambda s, a: s.set("product", a.payload)},
)
store = get_store(picks.reducer)
log_run("app")


@store.fragment(key="floor")
def floor():
    log_run("floor")
    st.selectbox("Product", PRODUCTS, **store.bind("product", picks.actions.picked))
    st.write(f"picked={store.select(lambda s: s['product'])}")


floor()
