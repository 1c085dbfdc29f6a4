"""Test app: a session's store and a shared store, both binding the path "title"."""

import streamlit as st

from streamlit_redux import create_slice, get_store, shared_store

note = create_slice(name="note", initial_state={"title": ""},
                    reducers={"titled": lambda s, a: s.set("title", a.payload)})
mine = get_store(note.reducer)
team = shared_store("team-note", note.reducer)
st.text_input("My title", **mine.bind("title", note.actions.titled))
st.text_input("Team title", **team.bind("title", note.actions.titled))
st.text(f"mine={mine.state['title']} team={team.state['title']}")
