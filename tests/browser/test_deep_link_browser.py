"""``store.bind(..., url=True)``: a selection is a shareable deep link (issue 9 B)."""

import re
from pathlib import Path

import pytest

from tests.browser.conftest import wait_for_run

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect

APP = Path(__file__).parent / "apps" / "deep_link.py"


def store_shows(page, text: str) -> None:
    expect(page.get_by_text("store: ")).to_have_text(f"store: {text}")
    wait_for_run(page)


def test_a_link_restores_the_selection_into_the_store_and_page_switches_keep_it(serve, page):
    server = serve(APP)
    page.goto(f"{server.url}/?city=Lyon&tags=b&tags=c&nights=3")
    wait_for_run(page)
    store_shows(page, "Lyon / b,c / 3")
    expect(page.get_by_role("combobox", name="City")).to_have_value("Lyon")

    page.get_by_role("combobox", name="City").click()
    page.get_by_role("option", name="Nice", exact=True).click()
    store_shows(page, "Nice / b,c / 3")
    expect(page).to_have_url(re.compile(r"\?(?=.*city=Nice)(?=.*tags=b&tags=c)(?=.*nights=3)"))

    page.get_by_role("link", name="Other").click()
    expect(page.get_by_text("on the other page")).to_be_visible()
    wait_for_run(page)
    page.get_by_role("link", name="Search").click()
    wait_for_run(page)
    store_shows(page, "Nice / b,c / 3")
    expect(page.get_by_role("combobox", name="City")).to_have_value("Nice")
    expect(page).to_have_url(re.compile(r"\?(?=.*city=Nice)(?=.*tags=b&tags=c)(?=.*nights=3)"))
    shared = page.url

    second = page.context.new_page()  # the shared link, in a new session
    second.goto(shared)
    wait_for_run(second)
    store_shows(second, "Nice / b,c / 3")
    second.close()
