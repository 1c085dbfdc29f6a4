"""A bound widget whose reducer refuses the value (raises), in real Chromium: the page stays,
the widget shows the store's value again, and a toast says why."""

from pathlib import Path

import pytest

from tests.browser.conftest import wait_for_run

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect

APP = Path(__file__).parent / "apps" / "refused.py"


def type_number(page, label: str, value: str) -> None:
    page.get_by_label(label, exact=True).fill(value)
    page.get_by_label(label, exact=True).press("Enter")
    wait_for_run(page)


@pytest.mark.parametrize(("label", "row"), [("In the body", "body"), ("In a fragment", "frag")])
def test_a_value_the_reducer_refuses_leaves_the_widget_showing_the_store(serve, page, label, row):
    server = serve(APP)
    page.goto(server.url)
    wait_for_run(page)
    type_number(page, label, "4")
    expect(page.get_by_text(f"row:{row} widget=4 store=4")).to_be_visible()

    type_number(page, label, "-3")
    expect(page.get_by_label(label, exact=True)).to_have_value("4")
    expect(page.get_by_text(f"row:{row} widget=4 store=4")).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
    # Also in a fragment's own rerun, where the body (and show_alerts in get_store) do not run.
    expect(page.get_by_test_id("stToast")).to_contain_text("a quantity cannot be negative")

    type_number(page, label, "6")  # the widget still works
    expect(page.get_by_text(f"row:{row} widget=6 store=6")).to_be_visible()


def test_with_alerts_off_a_refusal_in_a_fragment_shows_no_toast(serve, page):
    server = serve(APP, {"ALERTS": "0"})
    page.goto(server.url)
    wait_for_run(page)
    type_number(page, "In a fragment", "-3")
    expect(page.get_by_label("In a fragment", exact=True)).to_have_value("1")
    # A later change in the body: once it shows, the fragment's runs are over (a toast from
    # them would still be up, for several seconds).
    type_number(page, "In the body", "2")
    expect(page.get_by_text("row:body widget=2 store=2")).to_be_visible()
    assert page.get_by_test_id("stToast").count() == 0  # now: a retrying expect outwaits a toast
