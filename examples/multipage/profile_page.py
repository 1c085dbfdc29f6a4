"""Profile page: three widgets bound to the store."""

import streamlit as st
from state import profile, root_reducer

from streamlit_redux import get_store

store = get_store(root_reducer)
st.header("Profile")
st.text_input("Name", **store.bind("profile.name", profile.actions.renamed))
st.number_input(
    "Age", min_value=0, max_value=150, **store.bind("profile.age", profile.actions.aged)
)
st.checkbox("Newsletter", **store.bind("profile.newsletter", profile.actions.newsletter_set))
