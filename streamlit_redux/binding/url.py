"""Bound widgets as shareable deep links: ``store.bind(path, action, url=True)``.

The URL and the store must agree, and each must win at the right time:

- the store follows the URL when a session opens a link (a parameter's first bind in the
  session) and when the browser's Back or Forward button restores an older URL (Streamlit
  1.67 reruns the page on ``popstate`` with ``is_history_navigation`` set);
- the URL follows the store on every other run: the first ``url=True`` bind of a run writes
  every linked parameter of the page in one ``st.query_params.update``, which Streamlit's
  frontend turns into one browser history entry (``pushState``; a replacement during a
  Back/Forward run). So each change the user makes is one entry, and Back walks through them.
  A parameter's first bind in the session writes too, so the URL is complete from the start.

A parameter missing from the URL keeps the store's value: page switches drop unknown
parameters, so a missing one says nothing. A value that does not read as the stored type, is
not among ``options`` or is refused by a reducer leaves the store as it was and shows a warning
above the widget until the value is chosen again.

Why not Streamlit's own ``bind="query-params"``: it writes the URL with ``replaceState`` (no
history entry per selection), calls no ``on_change`` when Back restores a value (the store would
keep the newer one), and drops the parameter at the *widget's* default, which is not the
store's initial value (a shared link could then open on another value).

>>> url_text(("b", "c")), url_text(True), url_text(None), url_text(())
(['b', 'c'], ['true'], [''], [''])
>>> url_value(["Lyon"], "Paris"), url_value(["3"], 1), url_value(["a", "c"], ("a",))
('Lyon', 3, ('a', 'c'))
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Container, Iterable
from dataclasses import dataclass, field
from typing import Any

import streamlit as st
from pyrsistent import PVector, thaw

from streamlit_redux.binding import runtime
from streamlit_redux.binding.literal_text import literal
from streamlit_redux.store.actions import Action
from streamlit_redux.store.errors import StreamlitReduxError

_LINKS = "streamlit_redux:url:links"  # parameter -> _Link, for this session
_ALERTS = "streamlit_redux:url:alerts"  # parameter -> warning shown above its widget
_RUN = "streamlit_redux:url:run"  # the run whose first url bind has read and written the URL
_SHOWN = 60  # characters of a refused value shown in a warning


@dataclass
class _Link:
    """How one query parameter reads into and writes from the store."""

    store: Any
    selector: Callable[[Any], Any]
    action_creator: Callable[[Any], Action]
    options: Container[Any] | None
    home: Any  # the value when the session first bound it: types an empty parameter
    pages: set[str] = field(default_factory=set)  # page script hashes it is drawn on

    def value(self) -> Any:
        return thaw(self.selector(self.store.state))


def url_text(value: Any) -> list[str]:
    """``value`` as query parameter values: one per item of a list or tuple.

    ``None`` and an empty list are one empty value (``?tags=``), so they differ from a missing
    parameter (which keeps the store's value).
    """
    if isinstance(value, (list, tuple, PVector)):
        return [_scalar_text(item) for item in value] or [""]
    return [""] if value is None else [_scalar_text(value)]


def _scalar_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dt.date, dt.time)):  # datetime is a date
        return value.isoformat()
    return str(value)


def url_value(raw: list[str], current: Any, *, home: Any = None) -> Any:
    """The query parameter's values ``raw`` read as the type of ``current`` (the stored value).

    An empty value reads as an empty sequence, as ``""`` for text and as ``None`` otherwise;
    ``home`` (the value the session started with) types it when ``current`` is ``None``.
    Raises ``ValueError`` when they do not read as that type (the store then keeps its value).

    >>> url_value(["true"], False), url_value(["2026-01-06"], dt.date(2026, 1, 5))
    (True, datetime.date(2026, 1, 6))
    >>> url_value([""], "blue", home=None), url_value([""], "Ann", home="")
    (None, '')
    """
    like = home if current is None else current
    if isinstance(like, (list, tuple, PVector)):
        sample = like[0] if len(like) else ""
        items = [_scalar(item, sample) for item in raw if item != ""]
        return tuple(items) if isinstance(like, tuple) else items
    if not raw:
        raise ValueError("the parameter has no value")
    if raw[-1] == "":
        return "" if isinstance(home, str) else None
    return _scalar(raw[-1], like)


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
        return dt.date.fromisoformat(text)
    if isinstance(current, dt.time):
        return dt.time.fromisoformat(text)
    return text


def link_url(
    view: Any,
    selector: Callable[[Any], Any],
    action_creator: Callable[[Any], Action],
    param: str,
    *,
    options: Container[Any] | None,
) -> None:
    """Before a ``url=True`` widget is drawn: read the URL into the store, or write it."""
    links: dict[str, _Link] = st.session_state.setdefault(_LINKS, {})
    first_sight = param not in links
    page = str(getattr(runtime.script_context(), "page_script_hash", ""))
    if first_sight:
        links[param] = _Link(view.store, selector, action_creator, options, None)
        links[param].home = links[param].value()
    link = links[param]
    link.store, link.selector, link.action_creator = view.store, selector, action_creator
    link.options = options
    link.pages.add(page)
    marker = runtime.current_run_marker()
    first_in_run = st.session_state.get(_RUN) is not marker
    st.session_state[_RUN] = marker
    on_page = {name: each for name, each in links.items() if page in each.pages}
    reading = {param: link} if first_sight else {}
    if first_in_run and runtime.in_history_navigation():
        reading = on_page
    # Dispatch every parameter first, then rerun once: what was drawn before this widget
    # (a title, a fragment reading the same data) must show the linked state too.
    if [name for name, each in reading.items() if _read(name, each)]:
        st.rerun()
    if first_in_run or first_sight:
        _write(on_page)
    alert = st.session_state.get(_ALERTS, {}).get(param)
    if alert is not None:
        st.warning(alert, icon=":material/link_off:")


def url_value_chosen(param: str) -> None:
    """The user chose a value in the widget: a warning about the link's value is stale."""
    st.session_state.get(_ALERTS, {}).pop(param, None)


def _read(param: str, link: _Link) -> bool:
    """Dispatch the URL's value of ``param`` if it differs from the store's; True if it did."""
    alerts: dict[str, str] = st.session_state.setdefault(_ALERTS, {})
    alerts.pop(param, None)
    if param not in st.query_params:
        return False  # missing (a page switch dropped it, a shorter link): keep the value
    raw = st.query_params.get_all(param)
    current = link.value()
    problem = None
    try:
        value = url_value(raw, current, home=link.home)
    except ValueError:
        problem = "which is not a valid value here"
    else:
        if link.options is not None:
            value = _as_option(value, link.options)
        if link.options is not None and not _among(value, link.options):
            problem = "which is not one of the choices"
    # Shown as text, never Markdown: the value comes from whoever wrote the link.
    text = " ".join(raw)
    text = text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"
    said = f"The link's {literal(param)} is {literal(text)}"
    if problem is not None:
        alerts[param] = f"{said}, {problem}; kept {literal(str(current))}."
        return False
    if _same(value, current) or runtime.run_superseded():
        # A run a newer one replaced (a second Back press) must not dispatch its older URL
        # over what the newer run reads: the two run side by side for a moment.
        return False
    try:
        link.store.dispatch(link.action_creator(value))
    except StreamlitReduxError as error:
        # The reducer's own words (a validation message) rather than the store's wrapper.
        reason = error.__cause__ if error.__cause__ is not None else error
        alerts[param] = f"{said}, which was not applied: {literal(str(reason))}"
        return False
    return True


def _same(value: Any, current: Any) -> bool:
    if isinstance(value, (list, tuple)) and isinstance(current, (list, tuple)):
        return list(value) == list(current)
    return bool(value == current)


def _as_option(value: Any, options: Container[Any]) -> Any:
    """A value read as text (the store held ``None``: no type to read by) as the option it
    names, e.g. ``"1"`` as ``1`` for ``st.feedback``; ``""`` is an emptied selection."""
    if not isinstance(value, str) or value in options:
        return value
    if value == "":
        return None
    named = [option for option in _iterable(options) if url_text(option) == [value]]
    return named[0] if named else value


def _iterable(options: Container[Any]) -> Iterable[Any]:
    return options if isinstance(options, Iterable) else ()


def _among(value: Any, options: Container[Any]) -> bool:
    if value is None:
        return True  # an emptied selection
    if isinstance(value, (list, tuple)):
        return all(item in options for item in value)
    return value in options


def _write(links: dict[str, _Link]) -> None:
    """Write the store's values of ``links`` into the URL, as one history entry."""
    if runtime.run_superseded():
        return  # a newer run owns the URL now
    wanted = {name: url_text(link.value()) for name, link in links.items()}
    if any(st.query_params.get_all(name) != text for name, text in wanted.items()):
        st.query_params.update(wanted)
