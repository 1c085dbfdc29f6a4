"""``st.file_uploader`` and ``st.camera_input`` bound to the store: metadata in, bytes out.

The store holds what the app reasons about (name, type, size and a SHA-256 of the content),
never the bytes: a state that holds megabytes makes every undo step, devtools export and
persisted copy carry them. The bytes go where ``keep=`` puts them, keyed by their hash (a
folder, an object store, ``st.cache_resource``), and the hash in the state finds them again.

A browser never lets a page fill a file input, so these widgets cannot be re-seeded: after a
page switch or a hide/show the widget is empty while the store keeps the record (show the
stored name beside it). Removing the file in the widget dispatches ``None`` (``[]`` for
``accept_multiple_files``).

>>> file_record(name="a.txt", mime_type="text/plain", data=b"hi")["sha256"][:12]
'8f434346648f'
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any, Protocol

import streamlit as st
from pyrsistent import PMap, freeze, thaw

from streamlit_redux.binding.widgets import (
    RecordingReader,
    default_widget_key,
    dispatch_edit,
)
from streamlit_redux.store.actions import Action
from streamlit_redux.store.selectors import select_path


class UploadReader(RecordingReader, Protocol):
    """A view that also knows which widgets the browser showed in the run before."""

    def redrawn(self, widget_key: str) -> bool | None: ...


FileRecord = PMap[str, Any]
"""``{"name": str, "type": str, "size": int, "sha256": str}``."""


def file_record(*, name: str, mime_type: str, data: bytes) -> FileRecord:
    """The record the store keeps for one uploaded file."""
    digest = hashlib.sha256(data).hexdigest()
    return freeze({"name": name, "type": mime_type, "size": len(data), "sha256": digest})


def bind_upload(
    view: UploadReader,
    source: str | Callable[[Any], Any],
    action_creator: Callable[[Any], Action],
    *,
    keep: Callable[[str, bytes], None] | None = None,
    key: str | None = None,
) -> dict[str, Any]:
    """Return ``st.file_uploader`` / ``st.camera_input`` kwargs (``key``, ``on_change``).

    A change dispatches ``action_creator(record)`` (a list of records with
    ``accept_multiple_files``, None when cleared); ``keep(sha256, data)`` is called first for
    each file, to put its bytes somewhere.

    >>> # st.file_uploader("Receipt", **store.bind_upload("receipt", receipt_attached,
    >>> #                  keep=lambda digest, data: (RECEIPTS / digest).write_bytes(data)))
    """
    selector = select_path(source) if isinstance(source, str) else source
    widget_key = key or default_widget_key(view, source)
    view.select(selector)  # the scope shows the stored record: it reruns when it changes
    if view.redrawn(widget_key) is False and st.session_state.get(widget_key) not in (None, []):
        # The browser's widget is new and empty, but Streamlit kept the file of the one it
        # replaced (a hide/show whose hiding run was stopped for a rerun): forget it, or the
        # next click anywhere would report the file as removed.
        del st.session_state[widget_key]

    def on_change() -> None:
        value = st.session_state.get(widget_key)
        files = value if isinstance(value, list) else [] if value is None else [value]
        records = []
        for file in files:
            data = file.getvalue()
            record = file_record(name=file.name, mime_type=file.type, data=data)
            if keep is not None:
                keep(record["sha256"], data)
            records.append(record)
        payload: Any = freeze(records) if isinstance(value, list) else None
        if records and not isinstance(value, list):
            payload = records[0]
        if payload != view.select(selector):
            dispatch_edit(view, action_creator(thaw(payload)))

    return {"key": widget_key, "on_change": on_change}
