"""Bound widgets inside ``st.form``: one action per submit, carrying every field.

Inside a form Streamlit sends nothing until the submit button is pressed, and a form widget may
not have an ``on_change``: the unit of change is the submit. :class:`FormBinding` seeds each
field from a map in the store (``source``), and its submit callback reads every field, runs
``validate`` and either dispatches ``action_creator({field: value, ...})`` once or keeps the
errors, which :meth:`FormBinding.error` shows under their fields.

A field is seeded after a submit and when the store's value differs from what it was last
seeded with (undo, a reset elsewhere), never on other reruns: that would throw away what the
user typed in the form but has not submitted yet.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import streamlit as st
from pyrsistent import thaw

from streamlit_redux.binding.widgets import (
    RecordingReader,
    default_widget_key,
    dispatch_edit,
    same_widget_value,
)
from streamlit_redux.store.actions import Action
from streamlit_redux.store.selectors import select_path

Validate = Callable[[Mapping[str, Any]], Mapping[str, str]]
"""Takes the submitted fields, returns ``{field: message}`` for each invalid one (empty: ok)."""


class FormBinding:
    """The fields and submit button of one form, bound to a map in the store.

    >>> # with st.form("expense"):
    >>> #     form = store.bind_form("draft", expense.actions.submitted, validate=check)
    >>> #     st.text_input("What", **form.field("what")); form.error("what")
    >>> #     st.form_submit_button("Add", **form.submit())
    """

    def __init__(
        self,
        view: RecordingReader,
        source: str | Callable[[Any], Any],
        action_creator: Callable[[Any], Action],
        *,
        validate: Validate | None = None,
        key: str | None = None,
    ) -> None:
        self._view = view
        self._selector = select_path(source) if isinstance(source, str) else source
        self._action_creator = action_creator
        self._validate = validate
        self._prefix = (key or default_widget_key(view, source)) + ":"
        self._fields: list[str] = []
        self._values = view.select(self._selector)

    def field(self, name: str) -> dict[str, Any]:
        """Widget kwargs (``key``) for the field ``name`` of the bound map."""
        widget_key = self._prefix + name
        stored = thaw(self._values[name])
        seeded = st.session_state.get(widget_key + ":seeded", _NOTHING)
        if widget_key not in st.session_state or not same_widget_value(seeded, stored):
            st.session_state[widget_key] = stored
            st.session_state[widget_key + ":seeded"] = stored
        self._fields.append(name)
        return {"key": widget_key}

    def submit(self) -> dict[str, Any]:
        """``st.form_submit_button`` kwargs (``on_click``): validate, then one action."""
        fields = tuple(self._fields)

        def on_submit() -> None:
            values = {name: st.session_state[self._prefix + name] for name in fields}
            errors = dict(self._validate(values)) if self._validate is not None else {}
            st.session_state[self._prefix + "errors"] = errors
            if not errors:
                # Submitted: the next run shows what the store keeps. Forgotten before the
                # dispatch, whose keyed rerun may end this callback.
                seeded = {
                    name: st.session_state.pop(self._prefix + name + ":seeded", _NOTHING)
                    for name in fields
                }
                if not dispatch_edit(self._view, self._action_creator(values)):
                    # Refused (a reducer raised; show_alerts says why): the state is as it
                    # was, so the fields keep what the user typed, to correct and submit again.
                    for name, value in seeded.items():
                        if value is not _NOTHING:
                            st.session_state[self._prefix + name + ":seeded"] = value

        return {"on_click": on_submit}

    def error(self, name: str) -> None:
        """Show the last submit's validation error for ``name`` (nothing if it was valid)."""
        message = st.session_state.get(self._prefix + "errors", {}).get(name)
        if message is not None:
            st.error(message, icon=":material/error:")


_NOTHING = object()
