"""Bound widgets in a dialog (``store.dialog``), in real Chromium: an edit reruns the dialog's
content and keeps it open; a change the page body shows reruns the app (which closes it)."""

from pathlib import Path

import pytest

from tests.browser.conftest import wait_for_run

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect

APP = Path(__file__).parent / "apps" / "dialog.py"


def type_text(page, label: str, value: str) -> None:
    page.get_by_label(label, exact=True).fill(value)
    page.get_by_label(label, exact=True).press("Enter")
    wait_for_run(page)


def test_an_edit_in_a_dialog_keeps_it_open_until_the_body_shows_the_change(serve, page):
    server = serve(APP)
    page.goto(server.url)
    wait_for_run(page)
    page.get_by_role("button", name="Edit").click()
    wait_for_run(page)
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible()

    type_text(page, "Note", "call back")
    expect(dialog.get_by_text("dialog note=call back")).to_be_visible()
    type_text(page, "Note", "call back today")  # still open: the second edit lands too
    expect(dialog.get_by_text("dialog note=call back today")).to_be_visible()
    expect(dialog).to_be_visible()

    type_text(page, "Name", "Bo")  # the body shows the name: never stale, so the app reruns
    expect(page.get_by_text("body name=Bo")).to_be_visible()
