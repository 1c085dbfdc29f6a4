"""Every touchpoint with Streamlit's script runner, in one place.

Streamlit moves fast; what the binding needs from its internals (am I in a callback? is this a
fragment-only run? can reruns be keyed?) is read here, with safe fallbacks for other versions.
"""

from __future__ import annotations

import inspect
import os
import threading
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

import streamlit as st
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

KEYED_RERUNS: bool = "key" in inspect.signature(st.fragment).parameters
"""Streamlit 1.67+: ``@st.fragment(key=...)`` and ``st.rerun([keys])`` from callbacks."""


def script_context() -> Any:
    """The current ScriptRunContext, or None outside a Streamlit script run."""
    return get_script_run_ctx(suppress_warning=True)


def _thread_state() -> Any:
    try:
        from streamlit.runtime.scriptrunner_utils.script_run_context import ThreadState
    except ImportError:  # older Streamlit: no per-thread fragment state
        return None
    try:
        return ThreadState.get()
    except RuntimeError:  # not a script thread
        return None


def _run_location() -> str | None:
    location = getattr(_thread_state(), "run_location", None)
    return None if location is None else str(getattr(location, "value", location))


def in_callback() -> bool:
    """True while a widget callback (on_click / on_change) runs on this thread."""
    return _run_location() == "callback"


def current_fragment_id() -> str | None:
    """Streamlit's id of the fragment running on this thread, or None (app body, callbacks)."""
    fragment_id = getattr(_thread_state(), "fragment_id", None)
    return None if fragment_id is None else str(fragment_id)


def interaction_fragment_ids() -> tuple[str, ...]:
    """In a callback: the ids of the fragments the interaction's default rerun will run.

    Empty when the interacting widget lives in the app body (the default is a full run).
    Streamlit 1.67 sets ``fragment_ids_this_run`` before callbacks run exactly when the
    widget lives inside a fragment (``session_state._interaction_default_is_app_wide``).
    """
    ctx = script_context()
    return tuple(ctx.fragment_ids_this_run or ()) if ctx is not None else ()


def in_fragment_rerun() -> bool:
    """True when this script run reruns fragments only (the app body does not run)."""
    ctx = script_context()
    return bool(ctx is not None and ctx.fragment_ids_this_run)


def in_history_navigation() -> bool:
    """True in a run the browser's Back or Forward button started (Streamlit 1.67+ reruns on
    ``popstate`` with ``is_history_navigation`` set; older versions: never)."""
    return bool(getattr(script_context(), "is_history_navigation", False))


def run_superseded() -> bool:
    """True when this script run has been told to stop because a newer one started.

    With ``runner.fastReruns`` (the default) a new request from the browser stops the running
    script thread and starts another at once; the old thread runs on until its next yield
    point, so for a moment two runs of one session execute side by side.
    """
    requests = getattr(script_context(), "script_requests", None)
    return getattr(getattr(requests, "_state", None), "name", None) == "STOP"


class _Reruns(threading.local):
    def __init__(self) -> None:
        self.raised = False


_reruns = _Reruns()
"""Per script thread: whether the library raised a rerun in the run now ending."""


def rerun_app() -> NoReturn:
    """Rerun the whole app (from a callback: replaces the interaction's default rerun)."""
    _reruns.raised = True
    st.rerun()
    raise AssertionError("st.rerun returned")  # pragma: no cover - st.rerun always raises


def rerun_fragments(keys: Sequence[str]) -> NoReturn:
    """Rerun only the fragments with these keys (callbacks only, Streamlit 1.67+)."""
    _reruns.raised = True
    st.rerun(list(keys))
    raise AssertionError("st.rerun returned")  # pragma: no cover


def library_rerun_ended_this_run() -> bool:
    """Whether ``rerun_app`` / ``rerun_fragments`` interrupted this thread's run; read once
    at the run's end (the answer is reset for the next run)."""
    raised, _reruns.raised = _reruns.raised, False
    return raised


def current_run_marker() -> object | None:
    """An object that is new for every script run of this session (to tell runs apart)."""
    ctx = script_context()
    return None if ctx is None else ctx.cursors


def session_values() -> list[Any]:
    """The values in this session's ``st.session_state`` (empty outside a script run)."""
    if script_context() is None:
        return []
    state = st.session_state
    return [state[key] for key in list(state.keys()) if key in state]


def current_session_id() -> str | None:
    """The id of the session whose script runs on this thread, or None."""
    ctx = script_context()
    return None if ctx is None else str(ctx.session_id)


def _push_internals() -> bool:
    try:
        from streamlit.proto.ClientState_pb2 import ClientState
        from streamlit.runtime import Runtime
        from streamlit.runtime.app_session import AppSession
    except ImportError:
        return False
    session_fields = AppSession.__init__.__code__.co_names  # attributes set in __init__
    return (
        hasattr(Runtime, "get_app_session")
        and hasattr(AppSession, "request_rerun")
        and hasattr(AppSession, "_call_soon_on_event_loop")
        and {"_scriptrunner", "_event_loop", "_client_state"} <= set(session_fields)
        and "fragment_id" in ClientState.DESCRIPTOR.fields_by_name
    )


PUSH_RERUNS: bool = _push_internals() and os.environ.get("STREAMLIT_REDUX_PUSH_RERUNS") != "0"
"""Whether we can rerun another session (checked against 1.67's internals:
``Runtime.get_app_session``, ``AppSession.request_rerun`` with a ``ClientState`` whose
``fragment_id`` names one fragment, scheduled on the session's event loop once its script
runner is gone). Without them, or with ``STREAMLIT_REDUX_PUSH_RERUNS=0``, shared stores fall
back to a polling fragment."""

def app_session(session_id: str) -> Any:
    """Streamlit's AppSession for ``session_id`` while it is active, else None (no server)."""
    from streamlit.runtime import Runtime

    return Runtime.instance().get_app_session(session_id) if Runtime.exists() else None


_IDLE_POLL_FIRST_S = 0.01
_IDLE_POLL_MAX_S = 0.25


def when_session_idle(session_id: str, callback: Callable[[Any], None]) -> bool:
    """Call ``callback(session)`` on the session's event loop once no script run is under way.

    Callable from any thread. A rerun requested while a run is under way would stop that run
    and restart it from the client state of the run before (the user's click lost), so this
    waits for the script runner to finish; the wait backs off to a quarter second and ends
    when the session does. Returns False when the session is already gone.
    """
    session = app_session(session_id)
    if session is None:
        return False

    def attempt(delay_s: float) -> None:
        if app_session(session_id) is not session:
            return  # the session ended while we waited
        if session._scriptrunner is not None:
            session._event_loop.call_later(
                delay_s, attempt, min(delay_s * 2, _IDLE_POLL_MAX_S)
            )
            return
        callback(session)

    session._call_soon_on_event_loop(lambda: attempt(_IDLE_POLL_FIRST_S))
    return True


def rerun_idle_session(session: Any, fragment_ids: Sequence[str] | None) -> None:
    """Rerun an idle session's fragments (None: the whole app); on its event loop only.

    Reruns with the session's last client state, as Streamlit's own run-on-save does, so
    widget values stay and no button fires again (idle: that state is the latest).
    """
    from streamlit.proto.ClientState_pb2 import ClientState

    for fragment_id in fragment_ids or ("",):
        client_state = ClientState()
        client_state.CopyFrom(session._client_state)
        client_state.fragment_id = fragment_id
        session.request_rerun(client_state)


def disconnected_session_ttl_s() -> float:
    """Seconds a disconnected session stays resumable (``server.disconnectedSessionTTL``)."""
    try:
        return float(st.get_option("server.disconnectedSessionTTL"))
    except Exception:  # an older Streamlit without the option: its default
        return 120.0


def session_is_active(session_id: str) -> bool:
    """Whether a browser is connected to session ``session_id`` now."""
    return app_session(session_id) is not None


def session_is_resumable(session_id: str) -> bool:
    """Whether session ``session_id`` is disconnected but kept for a reconnect: Streamlit keeps
    it for ``server.disconnectedSessionTTL`` after its *latest* disconnect. False without a
    server, or where the session manager's ``get_session_info`` (1.67) is missing."""
    from streamlit.runtime import Runtime

    if not Runtime.exists() or session_is_active(session_id):
        return False
    manager = getattr(Runtime.instance(), "_session_mgr", None)
    session_info = getattr(manager, "get_session_info", None)
    return callable(session_info) and session_info(session_id) is not None
