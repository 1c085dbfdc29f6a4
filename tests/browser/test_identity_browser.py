"""Persistence per browser in real Chromium, through st.App with the browser-id middleware:
a draft survives a reload and a killed server; another visitor, or a forged cookie, starts
empty and reaches nothing."""

from pathlib import Path

import pytest

from tests.browser.conftest import Server, wait_for_run

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect

SERVE = Path(__file__).parents[2] / "examples" / "draft" / "serve.py"
COOKIE = "streamlit_redux_browser"


@pytest.fixture
def env(tmp_path):
    return {"DRAFT_DB": str(tmp_path / "drafts.db"),
            "STREAMLIT_REDUX_SECRET_FILE": str(tmp_path / "secret")}


def open_draft(context, server):
    page = context.new_page()
    page.goto(server.url)
    wait_for_run(page)
    return page


def write_title(page, text):
    page.get_by_label("Title").fill(text)
    page.get_by_label("Title").press("Enter")
    wait_for_run(page)


def test_a_draft_survives_reload_and_a_killed_server_but_not_into_another_browser(
    browser, env, tmp_path
):
    server = Server(SERVE, tmp_path / "server.log", env)
    alice = browser.new_context()
    try:
        page = open_draft(alice, server)
        (cookie,) = [c for c in alice.cookies() if c["name"] == COOKIE]
        assert (cookie["httpOnly"], cookie["sameSite"], cookie["path"]) == (True, "Lax", "/")
        assert cookie["expires"] > 0 and COOKIE not in page.url
        write_title(page, "Quarterly plan")
        page.reload()
        wait_for_run(page)
        expect(page.get_by_label("Title")).to_have_value("Quarterly plan")

        bob = browser.new_context()
        other = open_draft(bob, server)
        expect(other.get_by_label("Title")).to_have_value("")
        bob.close()

        server.process.kill()  # SIGKILL: no shutdown hook runs
        server.stop()  # reaps the dead process, closes its log
        server = Server(SERVE, tmp_path / "server-2.log", env)
        page = open_draft(alice, server)
        expect(page.get_by_label("Title")).to_have_value("Quarterly plan")
    finally:
        alice.close()
        server.stop()


def test_a_forged_or_copied_id_without_its_signature_opens_nothing(browser, env, tmp_path):
    server = Server(SERVE, tmp_path / "server.log", env)
    alice, mallory = browser.new_context(), browser.new_context()
    try:
        page = open_draft(alice, server)
        write_title(page, "private")
        (cookie,) = [c for c in alice.cookies() if c["name"] == COOKIE]
        browser_id = cookie["value"].split(".")[0]
        for forged in (browser_id, f"{browser_id}.{'0' * 64}", "garbage", "a.b.c"):
            mallory.clear_cookies()
            mallory.add_cookies([{"name": COOKIE, "value": forged, "url": server.url}])
            other = mallory.new_page()
            other.goto(f"{server.url}/?browser_id={browser_id}&owner={browser_id}")
            wait_for_run(other)
            expect(other.get_by_label("Title")).to_have_value("")
            expect(other.get_by_test_id("stException")).to_have_count(0)
            (fresh,) = [c for c in mallory.cookies() if c["name"] == COOKIE]
            assert fresh["value"] != forged  # replaced by a new signed id
            other.close()
    finally:
        alice.close()
        mallory.close()
        server.stop()
