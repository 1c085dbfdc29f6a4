"""Test app: a bound file_uploader (metadata and hash in the store, bytes in a folder), a bound
camera_input (``CAMERA=1``: needs Chromium's fake camera) and a chat_input whose submits are
actions, with undo/redo and a hide/show toggle."""

import os
from pathlib import Path

import streamlit as st

from streamlit_redux import create_slice, get_store
from streamlit_redux.middleware.undo import redo, undo, undoable

FILES = Path(os.environ["UPLOADS_DIR"])
claim = create_slice(
    name="claim",
    initial_state={"receipt": None, "photo": None, "messages": ()},
    reducers={
        "receipt_attached": lambda s, a: s.set("receipt", a.payload),
        "photo_taken": lambda s, a: s.set("photo", a.payload),
        "said": lambda s, a: s.set("messages", (*s["messages"], a.payload)),
    },
)
store = get_store({"claim": undoable(claim.reducer)})


def keep(digest: str, data: bytes) -> None:
    (FILES / digest).write_bytes(data)


if st.toggle("Show uploader", value=True):
    st.file_uploader(
        "Receipt",
        **store.bind_upload("claim.present.receipt", claim.actions.receipt_attached, keep=keep),
    )
    if os.environ.get("CAMERA") == "1":
        st.camera_input("Photo", **store.bind_upload("claim.present.photo", claim.actions.photo_taken))
photo = store.select(lambda s: s["claim"]["present"]["photo"])
st.text(f"photo={None if photo is None else (photo['type'], photo['size'] > 0, len(photo['sha256']))}")
receipt = store.select(lambda s: s["claim"]["present"]["receipt"])
st.text(f"receipt={None if receipt is None else dict(sorted(receipt.items()))}")
st.chat_input(
    "Say", key="say", on_submit=lambda: store.dispatch(claim.actions.said(st.session_state.say))
)
st.text(f"messages={list(store.select(lambda s: s['claim']['present']['messages']))}")
st.button("Undo", on_click=store.dispatch, args=(undo(),))
st.button("Redo", on_click=store.dispatch, args=(redo(),))
