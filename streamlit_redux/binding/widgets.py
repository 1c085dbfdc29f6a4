"""Widget binding: any input widget reads from and writes to the store.

Streamlit drops the session_state entry of a widget that is not rendered in a run (page switch,
conditional render). ``bind_widget`` seeds the widget's key from the store before every
render, so the value comes back; the widget never gets ``value=``, so there is no "default value
and Session State" conflict. The selection is recorded in the scope the widget is drawn in, so
when the widget's value changes that scope reruns and the widget's return value is current.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Hashable
from typing import Any, Protocol

import streamlit as st
from pyrsistent import thaw

from streamlit_redux.binding import runtime
from streamlit_redux.binding.url import link_url, url_value_chosen
from streamlit_redux.store.actions import Action
from streamlit_redux.store.errors import BindingError, StreamlitReduxError
from streamlit_redux.store.selectors import select_path

WIDGET_KEY_PREFIX = "streamlit_redux:bind:"
DEFAULT_STORE_NAME = "store"
"""``get_store``'s default ``key=``: its widgets keep keys without a store name."""


class RecordingReader(Protocol):
    """What a binding needs of a view: a recording ``select`` and ``dispatch``."""

    def select(
        self,
        selector: Callable[[Any], Any],
        *,
        key: Hashable = None,
        holds: Callable[[Any], bool] | None = None,
    ) -> Any: ...

    def dispatch(self, action: Any) -> Any: ...

    @property
    def name(self) -> str: ...


def bind_widget(
    view: RecordingReader,
    source: str | Callable[[Any], Any],
    action_creator: Callable[[Any], Action],
    *,
    key: str | None = None,
    url: bool = False,
    options: Container[Any] | None = None,
) -> dict[str, Any]:
    """Return widget kwargs (``key``, ``on_change``) that bind a widget to the store.

    ``source`` is a dotted state path or a selector; a change dispatches
    ``action_creator(new_value)``. ``url=True`` also keeps the value in the page's URL
    (the query parameter is named by ``key``, by default the path): a shareable deep link,
    read into the store when a session starts and when the browser goes Back or Forward;
    ``options`` are the values a link may set (see ``url.py``).

    >>> # st.text_input("Name", **store.bind("profile.name", profile.actions.renamed))
    >>> # st.selectbox("City", cities, **store.bind("city", chosen, url=True))  # ?city=Lyon
    """
    selector = select_path(source) if isinstance(source, str) else source
    widget_key = key or default_widget_key(view, source)
    param = key or widget_name(source)
    if url:
        link_url(view, selector, action_creator, param, options=options)

    def holds(store_value: Any) -> bool:
        return widget_key in st.session_state and same_widget_value(
            st.session_state[widget_key], thaw(store_value)
        )

    value = view.select(selector, holds=holds)
    # Seeded on every run, even when the widget already holds the value: the assignment makes
    # Streamlit send the value with the widget (``set_value``). Without it, a widget the browser
    # re-creates (a run interrupted by a fast click drops the elements it had not reached yet)
    # comes back with its own default and reports that default as an edit on the next click.
    # What the user is typing and has not sent yet is kept (tests/browser: polling typing).
    st.session_state[widget_key] = thaw(value)  # widgets take plain lists and dicts

    def on_change() -> None:
        if url and runtime.in_history_navigation():
            # Back/Forward sends the widget values the browser still shows, which may predate
            # the run that was cut short by the press: the restored URL decides (url.py).
            return
        new_value = st.session_state[widget_key]
        if url:
            url_value_chosen(param)
        # Streamlit also reports a "change" when only the container type differs from what was
        # seeded (a tuple in the store, a list back from the browser): that is no edit.
        if not same_widget_value(new_value, thaw(view.select(selector))):
            dispatch_edit(view, action_creator(new_value))

    return {"key": widget_key, "on_change": on_change}


def dispatch_edit(view: RecordingReader, action: Action) -> bool:
    """Dispatch a bound widget's (or form's) edit; return whether the store took it.

    A reducer or middleware that raises (a validation) leaves the state as it was and the
    refusal is shown as a toast (``show_alerts``). Raised from the widget's callback, it would
    stop the run: the page (or the fragment) would show a traceback instead of the widget,
    and the widget the refused value. Caught, the run goes on and re-seeds the widget from
    the store (a refusal changes no other scope's data).
    """
    try:
        view.dispatch(action)
    except StreamlitReduxError:  # announced as signals.dispatch_failed: show_alerts says why
        return False
    return True


def default_widget_key(view: RecordingReader, source: str | Callable[[Any], Any]) -> str:
    """The widget key of a binding without ``key=``: ``streamlit_redux:bind:<path>``, with the
    store's name before the path unless it is ``get_store``'s default ("store"), so that two
    stores on one page (a session's and a shared one) can bind the same path.

    >>> class View:
    ...     name = "board"
    >>> default_widget_key(View(), "draft")
    'streamlit_redux:bind:board:draft'
    """
    store = "" if view.name == DEFAULT_STORE_NAME else view.name + ":"
    return WIDGET_KEY_PREFIX + store + widget_name(source)


def widget_name(source: str | Callable[[Any], Any]) -> str:
    """The name a binding's widget key is made from: the path, or the selector's name."""
    if isinstance(source, str):
        return source
    name = getattr(source, "name", None) or getattr(source, "__qualname__", None)
    if not name or "<lambda>" in str(name):
        raise BindingError(
            "store.bind got a lambda selector without key=; its name changes with the code, so "
            'give the widget a stable key: store.bind(lambda s: ..., action, key="city").'
        )
    return str(name)


def same_widget_value(shown: Any, stored: Any) -> bool:
    """Whether a widget showing ``shown`` holds ``stored``.

    Widgets return lists where the store may keep tuples (a multiselect) and tuples where a
    restored copy may hold lists (a date range): the same items in the same order are the same
    value, or every restore would look like an edit and fire ``on_change``. Values without a
    usable ``==`` (numpy arrays) count as different.
    """
    if isinstance(shown, (list, tuple)) and isinstance(stored, (list, tuple)):
        return len(shown) == len(stored) and all(
            same_widget_value(a, b) for a, b in zip(shown, stored, strict=True)
        )
    try:
        return bool(shown == stored)
    except Exception:
        return False
