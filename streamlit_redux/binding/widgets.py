"""Widget binding: any input widget reads from and writes to the store.

Streamlit drops the session_state entry of a widget that is not rendered in a run (page switch,
conditional render). ``bind`` re-seeds the widget's key from the store before every render, so
the value comes back; the widget never gets ``value=``, so there is no "default value and
Session State" conflict.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import streamlit as st
from pyrsistent import thaw

from streamlit_redux.store.actions import Action
from streamlit_redux.store.errors import StreamlitReduxError
from streamlit_redux.store.selectors import select_path

if TYPE_CHECKING:
    from streamlit_redux.binding.session_store import SessionStore

WIDGET_KEY_PREFIX = "streamlit_redux:bind:"


def bind(
    store: SessionStore,
    source: str | Callable[[Any], Any],
    action_creator: Callable[[Any], Action],
    *,
    key: str | None = None,
) -> dict[str, Any]:
    """Return widget kwargs (``key``, ``on_change``) that bind a widget to the store.

    ``source`` is a dotted state path or a selector; a change dispatches
    ``action_creator(new_value)``.

    >>> # st.text_input("Name", **store.bind("profile.name", profile.actions.renamed))
    """
    selector = select_path(source) if isinstance(source, str) else source
    widget_key = key or WIDGET_KEY_PREFIX + _name_of(source)
    value = thaw(  # widgets take plain lists and dicts
        store._select_recorded(selector, None, shown=lambda: st.session_state.get(widget_key))
    )
    if widget_key not in st.session_state or not _same(st.session_state[widget_key], value):
        st.session_state[widget_key] = value

    def on_change() -> None:
        store.dispatch(action_creator(st.session_state[widget_key]))

    return {"key": widget_key, "on_change": on_change}


def _name_of(source: str | Callable[[Any], Any]) -> str:
    if isinstance(source, str):
        return source
    name = getattr(source, "name", None) or getattr(source, "__qualname__", None)
    if not name or "<lambda>" in str(name):
        raise StreamlitReduxError(
            "store.bind got a lambda selector without key=; its name changes with the code, so "
            'give the widget a stable key: store.bind(lambda s: ..., action, key="city").'
        )
    return str(name)


def _same(current: Any, value: Any) -> bool:
    try:
        return bool(current == value)
    except Exception:
        return False
