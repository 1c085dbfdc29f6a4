"""The pure-Python core: actions, reducers, slices, selectors, the store. No Streamlit here."""
