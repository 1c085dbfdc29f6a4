"""Test app: each session's store starts from its own secret (seeded in session_state)."""

import streamlit as st

from streamlit_redux import create_slice, get_store

vault = create_slice(
    name="vault",
    initial_state={"secret": "", "notes": []},
    reducers={"noted": lambda s, a: s.set("notes", s["notes"].append(a.payload))},
)
store = get_store(vault.reducer, initial_state={"secret": st.session_state["secret"], "notes": []})
st.write(f"secret={store.select(lambda s: s['secret'])}")
st.button("note", key="note", on_click=store.dispatch, args=(vault.actions.noted(st.session_state["secret"]),))
st.write(f"notes={','.join(store.select(lambda s: s['notes']))}")
