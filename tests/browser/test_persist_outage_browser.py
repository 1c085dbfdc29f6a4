"""A Redis outage in real Chromium: a real redis-server killed while the user keeps clicking,
then started again. The page keeps working and says the changes are not being saved; the next
change after the restart stores all of them (the banner goes, a toast says so), so a new
session starts from every click."""

from pathlib import Path

import pytest

from tests.browser.conftest import wait_for_run

pytestmark = [pytest.mark.browser, pytest.mark.redis]
expect = pytest.importorskip("playwright.sync_api").expect

APP = Path(__file__).parent / "apps" / "persist_outage.py"
NOT_SAVED = "Your changes are not being saved"


def add(page, count: int) -> None:
    page.get_by_role("button", name="Add a note").click()
    expect(page.get_by_text(f"count={count}", exact=True)).to_be_visible()
    wait_for_run(page)


def test_clicks_during_a_redis_outage_are_stored_once_it_is_back(serve, browser, page, redis_server):
    server = serve(APP, {"REDIS_URL": redis_server.url})
    page.goto(server.url)
    wait_for_run(page)
    add(page, 1)
    expect(page.get_by_text(NOT_SAVED)).to_have_count(0)

    redis_server.kill()
    add(page, 2)
    add(page, 3)
    expect(page.get_by_text(NOT_SAVED).first).to_be_visible()

    redis_server.start()
    add(page, 4)  # stored: the banner goes, and a toast says so
    expect(page.get_by_text("Your changes are saved again.")).to_be_visible()
    expect(page.get_by_text(NOT_SAVED)).to_have_count(0)
    other = browser.new_context().new_page()
    try:
        other.goto(server.url)  # a new session: it starts from the stored copy
        wait_for_run(other)
        expect(other.get_by_text("count=4", exact=True)).to_be_visible()
        expect(other.get_by_text(NOT_SAVED)).to_have_count(0)
    finally:
        other.context.close()
