"""Test app: each browser session's store starts from the secret in its URL."""

import streamlit as st

from streamlit_redux import create_slice, get_store

vault = create_slice(
    name="vault",
    initial_state={"secret": "", "notes": []},
    reducers={"noted": lambda s, a: s.set("notes", s["notes"].append(a.payload))},
)
secret = st.query_params.get("secret", "none")
store = get_store(vault.reducer, initial_state={"secret": secret, "notes": []})
st.write(f"secret={store.select(lambda s: s['secret'])}")
st.button("note", on_click=store.dispatch, args=(vault.actions.noted(secret),))
st.write(f"notes={','.join(store.select(lambda s: s['notes']))}")
