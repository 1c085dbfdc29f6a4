"""Test app: a range st.select_slider bound to the store, as docs/binding.md says (value= a
tuple, so Streamlit reads the browser's answer as a range)."""

import streamlit as st

from streamlit_redux import create_slice, get_store

sizes = create_slice(name="sizes", initial_state={"span": ("S", "L")},
                     reducers={"spanned": lambda s, a: s.set("span", a.payload)})
store = get_store(sizes.reducer)

SIZES = ["S", "M", "L", "XL"]
span = st.select_slider("Sizes", SIZES, value=(SIZES[0], SIZES[-1]),
                        **store.bind("span", sizes.actions.spanned))
st.text(f"widget={span} store={store.select(lambda s: s['span'])}")
st.button("Unrelated")
