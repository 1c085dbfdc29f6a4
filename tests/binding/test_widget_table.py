"""docs/binding.md's widget table lists every widget the Chromium tests drive and every input
widget of the installed Streamlit, so the table and the tests cannot drift apart."""

import ast
import inspect
import re
from pathlib import Path

import streamlit as st

ROOT = Path(__file__).parents[2]
DOC = ROOT / "docs" / "binding.md"
APPS = ROOT / "tests" / "browser" / "apps"
# Layout containers with an on_change (open state): view state, not data; the doc says so.
CONTAINERS = {"expander", "popover", "tabs"}


def input_widgets() -> set[str]:
    """Streamlit's input widgets: the ``st.*`` callables that take ``on_change`` or
    ``on_submit`` (buttons take ``on_click`` and dispatch; they hold no value)."""
    names = set()
    for name in dir(st):
        if name.startswith("_"):
            continue
        try:
            parameters = inspect.signature(getattr(st, name)).parameters
        except (TypeError, ValueError):
            continue
        if "on_change" in parameters or "on_submit" in parameters:
            names.add(name)
    return names - CONTAINERS


def table_widgets() -> set[str]:
    """The ``st.*`` names in the first column of the table under "### Every input widget"."""
    section = DOC.read_text().split("### Every input widget", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `st.")]
    return {name for row in rows for name in re.findall(r"`st\.(\w+)`", row.split("|")[1])}


def driven_widgets() -> set[str]:
    """Input widgets the browser test apps call (``st.<widget>(...)``)."""
    widgets = input_widgets()
    called = set()
    for app in APPS.glob("*.py"):
        for node in ast.walk(ast.parse(app.read_text())):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "st"
                and node.func.attr in widgets
            ):
                called.add(node.func.attr)
    return called


def test_the_table_lists_every_widget_the_chromium_tests_drive():
    driven = driven_widgets()
    assert {"text_input", "data_editor", "file_uploader", "chat_input", "date_input"} <= driven
    assert driven - table_widgets() == set()


def test_the_table_lists_every_input_widget_of_the_installed_streamlit():
    assert input_widgets() - table_widgets() == set()


def test_the_table_lists_only_streamlit_widgets():
    assert table_widgets() - input_widgets() == set()
