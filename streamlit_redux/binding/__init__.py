"""The Streamlit binding: per-session views of stores, widget binding, minimal reruns.

``reruns`` (the rerun decision) is pure; the names that need Streamlit load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from streamlit_redux._lazy import lazy_names
from streamlit_redux.binding.reruns import RerunDecision

if TYPE_CHECKING:
    from streamlit_redux.binding.session import get_store
    from streamlit_redux.binding.shared import shared_store
    from streamlit_redux.binding.view import StoreView
    from streamlit_redux.binding.workflow_view import render_workflow

__getattr__ = lazy_names(
    __name__,
    {
        "StoreView": "streamlit_redux.binding.view",
        "get_store": "streamlit_redux.binding.session",
        "shared_store": "streamlit_redux.binding.shared",
        "render_workflow": "streamlit_redux.binding.workflow_view",
    },
)


__all__ = ["RerunDecision", "StoreView", "get_store", "render_workflow", "shared_store"]
