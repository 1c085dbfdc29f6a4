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
