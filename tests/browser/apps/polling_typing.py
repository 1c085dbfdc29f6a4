"""Test app: a bound text_input inside a fragment that reruns every 0.3 s (a polling view)."""

import streamlit as st

from streamlit_redux import create_slice, get_store

note = create_slice(
    name="note", initial_state={"text": ""}, reducers={"set": lambda s, a: s.set("text", a.payload)}
)
store = get_store(note.reducer)


@store.fragment(key="poll", run_every=0.3)
def poll():
    st.text_input("Note", **store.bind("text", note.actions.set))
    st.session_state.ticks = st.session_state.get("ticks", 0) + 1
    st.text(f"ticks={st.session_state.ticks}")


poll()
