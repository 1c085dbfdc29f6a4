"""Persistence and data errors, shown to the user in the app (not only in the server log).

A refused dispatch leaves the state as it was and a failed read or write leaves the stored copy
as it was; both are reported through ``signals.dispatch_failed`` / ``signals.persist_failed``.
The user who just clicked should hear of it too: :func:`show_alerts` draws, where it is called,
a toast per refused action and a banner that stays while saving is broken (until it is
dismissed, or a write succeeds again).

A failure belongs to the session on whose script thread it happens: a callback's dispatch, its
synchronous write and the rehydration on load all run there, so each is noted in that
session's ``st.session_state`` (importing this module connects the receivers, before
``get_store`` first loads the stored state). A ``persist(debounce_s=...)`` write that fails
later, on its timer thread, is noted in its store (``persist_book.Failures``) and shown by the
next run of the session that views the store.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from streamlit_redux.binding import runtime
from streamlit_redux.binding.literal_text import literal
from streamlit_redux.middleware.persist_book import FAILURES_SLOT, Failures
from streamlit_redux.store import signals

_REFUSED = "streamlit_redux:alerts:refused"  # store name -> messages not shown yet
_SAVING = "streamlit_redux:alerts:saving"  # the latest failed read or write, until dismissed
_KEPT = 20  # refused actions kept per store until shown


def _note_refused(store: Any, *, action: Any, error: BaseException, **_: Any) -> None:
    if runtime.script_context() is None:
        return  # another thread (a background effect): no session to tell
    action_type = getattr(action, "type", action)
    refused = st.session_state.setdefault(_REFUSED, {})
    messages = refused.setdefault(getattr(store, "name", ""), [])
    # Shown as text, never Markdown: the type and the error's message come from data.
    messages.append(f"{literal(str(action_type))} was not applied: {literal(str(error))}")
    del messages[:-_KEPT]  # bounded, for a store whose page never calls show_alerts


def _note_saving(persistor: Any, *, error: BaseException, **_: Any) -> None:
    if runtime.script_context() is not None:
        st.session_state[_SAVING] = literal(str(error))


def _note_saved_again(persistor: Any, **_: Any) -> None:
    if runtime.script_context() is not None and st.session_state.pop(_SAVING, None) is not None:
        st.toast("Your changes are saved again.", icon=":material/cloud_done:")


signals.dispatch_failed.connect(_note_refused)
signals.persist_failed.connect(_note_saving)
signals.persist_recovered.connect(_note_saved_again)


def _dismiss() -> None:
    st.session_state.pop(_SAVING, None)


def show_refused(view: Any) -> None:
    """Toast this session's actions the view's store refused since they were last shown.

    ``show_alerts`` calls it; so does a fragment the view reruns alone (a refused edit of a
    widget in a fragment), since the app body, where ``show_alerts`` runs, does not run then.
    """
    for message in st.session_state.get(_REFUSED, {}).pop(view.name, []):
        st.toast(message, icon=":material/error:")


def show_alerts(view: Any) -> None:
    """Show this session's refused actions (toasts) and failed saves (a banner) here.

    Call it on every run, after ``get_store``, where the banner should appear.

    >>> # store = get_store(expenses.reducer, middleware=[persist(key="expenses")])
    >>> # show_alerts(store)
    """
    view.shows_alerts = True
    show_refused(view)
    recovered, failures = view.store.resource(FAILURES_SLOT, Failures).drain()  # debounced
    if recovered:
        _note_saved_again(None)
    for failure in failures:
        st.session_state[_SAVING] = literal(failure)
    saving = st.session_state.get(_SAVING)
    if saving is not None:
        st.error(f"Your changes are not being saved. {saving}", icon=":material/cloud_off:")
        st.button("Dismiss", key=_SAVING + ":dismiss", on_click=_dismiss)
