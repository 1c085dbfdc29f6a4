"""The panel's stats view: reruns per scope, selector recomputations, dispatch times."""

from __future__ import annotations

from typing import Any

import streamlit as st

from streamlit_redux.binding.view import StoreView
from streamlit_redux.devtools.instrument import Instrumentation
from streamlit_redux.devtools.rerun_stats import RerunStats
from streamlit_redux.devtools.view import rerun_rows, scope_rows, selector_rows
from streamlit_redux.store.store import Store


def render_stats(
    store: Store | StoreView[Any],
    instrumentation: Instrumentation,
    stats: RerunStats | None,
    *,
    key: str,
) -> None:
    """Draw the three stats sections, each as a chart plus its numbers, when switched on.

    Charts are the panel's most expensive elements, so they are drawn only on request.
    """
    if not st.toggle("Show stats", key=key):
        st.caption("Reruns per scope, selector recomputations and dispatch times.")
        return
    st.markdown("**Reruns per scope**")
    scopes = scope_rows(stats.scope_runs) if stats is not None else []
    if scopes and stats is not None:
        st.bar_chart(scopes, x="scope", y="runs", horizontal=True)
        reruns = rerun_rows(stats.decisions)
        if reruns:
            st.dataframe(reruns, hide_index=True)
    else:
        st.caption("Reruns are tracked for stores made by get_store; this one is a plain Store.")

    st.markdown("**Selectors**")
    selectors = selector_rows(store)
    if selectors:
        st.bar_chart(selectors, x="selector", y=["recomputations", "hits"], horizontal=True)
        st.dataframe(selectors, hide_index=True)
    else:
        st.caption("No selector has run through store.select yet.")

    st.markdown("**Dispatch time (ms)**")
    timings = [
        {
            "action": t.action_type,
            "p50 ms": round(t.p50_ms, 3),
            "p95 ms": round(t.p95_ms, 3),
            "count": t.count,
        }
        for t in instrumentation.times.summaries()
    ]
    if timings:
        st.bar_chart(timings, x="action", y=["p50 ms", "p95 ms"], stack=False, horizontal=True)
        st.dataframe(timings, hide_index=True)
    else:
        st.caption("No action dispatched yet.")
