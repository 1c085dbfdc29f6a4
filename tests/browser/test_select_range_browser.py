"""A range st.select_slider bound with the documented recipe keeps its range, in Chromium."""

from pathlib import Path

import pytest

from tests.browser.conftest import wait_for_run

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect

APP = Path(__file__).parent / "apps" / "select_range.py"


def test_a_bound_range_select_slider_shows_the_store_and_keeps_its_range(serve, page):
    server = serve(APP)
    page.goto(server.url)
    wait_for_run(page)
    expect(page.get_by_text("widget=('S', 'L') store=('S', 'L')")).to_be_visible()  # the store's
    page.get_by_role("slider").first.press("ArrowRight")
    wait_for_run(page)
    expect(page.get_by_text("widget=('M', 'L') store=('M', 'L')")).to_be_visible()
    page.get_by_role("button", name="Unrelated").click()
    wait_for_run(page)
    expect(page.get_by_text("widget=('M', 'L') store=('M', 'L')")).to_be_visible()
