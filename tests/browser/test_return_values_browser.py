"""Never stale: a bound widget's return value is current where it is drawn (issue 9 A).

The selection a bound widget makes is recorded in its own scope, so when its value changes
that scope reruns, even though another fragment (here "summary", as the devtools panel does)
reads the same data and a keyed rerun of that fragment alone would replace Streamlit's default.
"""

from pathlib import Path

import pytest

from tests.browser.conftest import wait_for_run

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect

APP = Path(__file__).parent / "apps" / "shipping.py"


def shows(page, text):
    expect(page.get_by_text(text, exact=True).first).to_be_visible()


def choose(page, label, option):
    page.get_by_role("combobox", name=label).click()  # opens the option list
    page.get_by_role("option", name=option, exact=True).click()


@pytest.mark.parametrize("devtools", ["0", "1"])
@pytest.mark.parametrize("place", ["body", "fragment"])
def test_every_bound_widget_return_value_is_current(serve, page, place, devtools):
    server = serve(APP, {"WIDGET_PLACE": place, "DEVTOOLS": devtools})
    page.goto(server.url)
    wait_for_run(page)
    shows(page, "Shipping to Paris")

    choose(page, "City", "Lyon")
    shows(page, "Shipping to Lyon")
    shows(page, "Summary: Lyon / False / 1 /")
    wait_for_run(page)

    page.get_by_text("Express", exact=True).click()
    shows(page, "Express is True")
    shows(page, "Summary: Lyon / True / 1 /")
    wait_for_run(page)

    page.get_by_label("Quantity").fill("3")
    page.get_by_label("Quantity").press("Enter")
    shows(page, "Quantity is 3")
    wait_for_run(page)

    page.get_by_label("Note").fill("ring twice")
    page.get_by_label("Note").press("Enter")
    shows(page, "Note is [ring twice]")
    shows(page, "Summary: Lyon / True / 3 / ring twice")
    wait_for_run(page)

    choose(page, "Tags", "c")
    page.keyboard.press("Escape")
    shows(page, "Tags are a,c")
    wait_for_run(page)
    # Nothing went stale on the way: every value written next to a widget is the widget's own.
    shows(page, "Shipping to Lyon")
    shows(page, "Express is True")
    if devtools == "1":
        # One action per edit: a restored tuple (tags) never looks like an edit to the widget.
        page.get_by_text("Express", exact=True).click()
        shows(page, "Express is False")
        wait_for_run(page)
        status = page.get_by_test_id("stSidebar").get_by_text("actions · state", exact=False)
        expect(status).to_have_text("6 actions · state 6/6")
