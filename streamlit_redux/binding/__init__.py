"""The Streamlit binding: per-session views of stores, widget binding, minimal reruns.

``reruns`` (the rerun decision) is pure; the names that need Streamlit load on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from streamlit_redux.binding.reruns import RerunDecision

if TYPE_CHECKING:
    from streamlit_redux.binding.session import get_store
    from streamlit_redux.binding.shared import shared_store
    from streamlit_redux.binding.view import StoreView
    from streamlit_redux.binding.workflow_view import render_workflow

_LAZY = {
    "StoreView": "streamlit_redux.binding.view",
    "get_store": "streamlit_redux.binding.session",
    "shared_store": "streamlit_redux.binding.shared",
    "render_workflow": "streamlit_redux.binding.workflow_view",
}


def __getattr__(name: str) -> Any:
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module 'streamlit_redux.binding' has no attribute {name!r}")
    value = getattr(importlib.import_module(module_name), name)
    globals()[name] = value
    return value


__all__ = ["RerunDecision", "StoreView", "get_store", "render_workflow", "shared_store"]
