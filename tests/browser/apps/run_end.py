"""One app, two kinds of session: ``?plain=1`` keeps its count in ``st.session_state`` and
reruns a fragment from its callback with ``st.rerun([key])``; otherwise a store does the same.

Every post-run collection of a session's script thread is logged to ``$GC_LOG`` as
``<mode> <1 if the session's message queue was empty when it started>``.
"""

import gc
import os

import streamlit as st
from streamlit.runtime import Runtime
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from streamlit_redux import create_slice, get_store


@st.cache_resource
def session_modes() -> dict[str, str]:
    modes: dict[str, str] = {}

    def log_full_collection(phase: str, info: dict) -> None:
        ctx = get_script_run_ctx(suppress_warning=True)
        if phase != "start" or info["generation"] != 2 or ctx is None:
            return
        session = Runtime.instance().get_app_session(ctx.session_id)
        queue_empty = session is not None and session._browser_queue.is_empty()
        with open(os.environ["GC_LOG"], "a") as log:
            log.write(f"{modes.get(ctx.session_id, '?')} {int(queue_empty)}\n")

    gc.callbacks.append(log_full_collection)
    return modes


mode = "plain" if st.query_params.get("plain") else "store"
session_modes()[get_script_run_ctx().session_id] = mode

if mode == "store":
    counter = create_slice(
        name="counter", initial_state={"count": 0}, reducers={"added": lambda s, a: s.set("count", s["count"] + 1)}
    )
    store = get_store(counter.reducer)

    @store.fragment(key="shown")
    def shown() -> None:
        st.write(f"count={store.select(lambda s: s['count'])}")

    @store.fragment(key="buttons")
    def buttons() -> None:
        st.button("Add", on_click=store.dispatch, args=(counter.actions.added(),))

else:
    st.session_state.setdefault("count", 0)

    @st.fragment(key="shown")
    def shown() -> None:
        st.write(f"count={st.session_state.count}")

    def add() -> None:
        st.session_state.count += 1
        st.rerun(["shown"])

    @st.fragment(key="buttons")
    def buttons() -> None:
        st.button("Add", on_click=add)

shown()
buttons()
