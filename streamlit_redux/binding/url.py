"""Bound widgets as shareable deep links: ``store.bind(path, action, url=True)``.

Streamlit 1.55+ syncs a widget with a query parameter (``bind="query-params"``, named by the
widget's key): it writes the URL as the value changes, drops the parameter at the widget's
default and seeds the widget from the URL on the first load. The store must hear of that first
value too, or the widget would show the link's value while the store (and everything reading
it) keeps its own. So on a session's first run a bound parameter in the URL is read here, typed
like the value the store holds at that path, and dispatched before anything is drawn; the run
then restarts once so every part of the page reads the linked state.

>>> url_value(["Lyon"], "Paris"), url_value(["3"], 1), url_value(["a", "c"], ("a",))
('Lyon', 3, ('a', 'c'))
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import streamlit as st
from pyrsistent import PVector, thaw

from streamlit_redux.store.actions import Action

_SYNCED = "streamlit_redux:url:synced"  # parameters already read into the store this session


def url_value(raw: list[str], current: Any) -> Any:
    """The query parameter's values ``raw`` read as the type of ``current`` (the stored value).

    Raises ``ValueError`` when they do not read as that type (the store then keeps its value).

    >>> url_value(["true"], False), url_value(["2026-01-06"], dt.date(2026, 1, 5))
    (True, datetime.date(2026, 1, 6))
    """
    if isinstance(current, (list, tuple, PVector)):
        sample = current[0] if len(current) else ""
        items = [_scalar(item, sample) for item in raw if item != ""]
        return tuple(items) if isinstance(current, tuple) else items
    if not raw:
        raise ValueError("the parameter has no value")
    return _scalar(raw[-1], current)


def _scalar(text: str, current: Any) -> Any:
    if isinstance(current, bool):
        if text.lower() not in ("true", "false"):
            raise ValueError(f"{text!r} is not true or false")
        return text.lower() == "true"
    if isinstance(current, int):
        return int(text)
    if isinstance(current, float):
        return float(text)
    if isinstance(current, dt.datetime):
        return dt.datetime.fromisoformat(text)
    if isinstance(current, dt.date):
        return dt.date.fromisoformat(text[:10])
    if isinstance(current, dt.time):
        return dt.time.fromisoformat(text)
    return text


def sync_from_url(
    view: Any, selector: Callable[[Any], Any], action_creator: Callable[[Any], Action], param: str
) -> None:
    """On the session's first run, dispatch the linked value of ``param`` (if any) and rerun."""
    synced: set[str] = st.session_state.setdefault(_SYNCED, set())
    if param in synced:
        return
    synced.add(param)
    if param not in st.query_params:
        return
    current = thaw(view.store.select(selector))
    try:
        linked = url_value(st.query_params.get_all(param), current)
    except ValueError:
        return  # Streamlit drops an invalid parameter from the URL; the store keeps its value
    if linked != current and not (isinstance(current, tuple) and list(current) == linked):
        # The plain store, not the view: nothing was drawn yet that could go stale, and the
        # rerun below redraws the page from the linked state.
        view.store.dispatch(action_creator(linked))
        st.rerun()
