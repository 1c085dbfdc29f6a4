"""Bound widgets in st.form (issue 9 B, apps/expense_form.py): one action per submit carrying
every field, validation errors under their fields, unsubmitted input kept across reruns."""

from pathlib import Path

import pytest

from tests.browser.conftest import wait_for_run

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect

APP = Path(__file__).parent / "apps" / "expense_form.py"


def submit(page) -> None:
    page.get_by_role("button", name="Add").click()
    wait_for_run(page)


def test_a_form_submits_every_field_in_one_action_or_shows_each_error(serve, page):
    server = serve(APP)
    page.goto(server.url)
    wait_for_run(page)

    submit(page)
    expect(page.get_by_text("Say what the expense was.")).to_be_visible()
    expect(page.get_by_text("The amount must be more than 0.")).to_be_visible()
    expect(page.get_by_text("lines=")).to_have_text("lines=[]")

    page.get_by_label("What").fill("taxi")
    page.get_by_label("Amount").fill("12.5")
    page.get_by_text("Refundable").click()
    page.get_by_role("button", name="Unrelated").click()  # a rerun before the submit ...
    wait_for_run(page)
    expect(page.get_by_label("What")).to_have_value("taxi")  # ... keeps what was typed
    submit(page)
    expect(page.get_by_text("lines=")).to_have_text(
        "lines=[{'amount': 12.5, 'refund': True, 'what': 'taxi'}]"
    )
    expect(page.get_by_text("Say what the expense was.")).to_have_count(0)
    expect(page.get_by_label("What")).to_have_value("")  # the reducer reset the draft
