"""Effects in a multi-user app: each saved note sends a copy to the user who saved it.

Run: streamlit run examples/notes_effects.py (open it in two browsers, use two names).
"""

import streamlit as st

from streamlit_redux import create_slice, default_middleware, get_store
from streamlit_redux.middleware import effects_middleware, on

notes = create_slice(
    name="notes",
    initial_state={"saved": (), "copies": ()},
    reducers={
        "saved": lambda s, a: s.set("saved", (*s["saved"], a.payload)),
        "copy_sent": lambda s, a: s.set("copies", (*s["copies"], a.payload)),
    },
)
saved, copy_sent = notes.actions.saved, notes.actions.copy_sent

# Without auth, a name typed in; with auth this would be st.user.email.
user = st.text_input("Your name", value="guest")


# Defined in the script body, so it may close over this session's `user`: the middleware below
# belongs to this session's store alone, and every run hands the store this run's effects.
@on(saved)
def email_copy(action, api):
    api.dispatch(copy_sent(f"{user}: {action.payload}"))  # stands for send_mail(user, ...)


# default_middleware(): thunks, and the dev checks while developing (RTK's getDefaultMiddleware).
store = get_store(
    notes.reducer, middleware=[*default_middleware(), effects_middleware(email_copy)]
)

note = st.text_input("Note", key="note")
st.button("Save", on_click=lambda: store.dispatch(saved(st.session_state.note)))
for copy in store.select(lambda s: s["copies"]):
    st.write(f"Copy sent to {copy}")
