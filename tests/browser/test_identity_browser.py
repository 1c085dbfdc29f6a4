"""Persistence per browser in real Chromium, through st.App with the browser-id middleware
(`streamlit run examples/draft/serve.py`): the cookie's flags, one id per browser, forged
cookies replaced without an error page, the owner id the page shows, and a draft that survives
a reload and a killed server but reaches no other visitor."""

import hashlib
import hmac
import re
import time
from pathlib import Path

import pytest

from tests.browser.conftest import Server, wait_for_run
from tests.browser.identity_server import BasePathServer

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


def our_cookie(context):
    (cookie,) = [c for c in context.cookies() if c["name"] == COOKIE]
    return cookie


def shown_owner(page):
    caption = page.get_by_text(re.compile(r"^Stored for this browser as draft:browser:"))
    return re.search(r"draft:browser:([0-9a-f]{12})", caption.inner_text()).group(1)


def expected_owner(secret_file, cookie_value):
    browser_id = cookie_value.split(".")[0]
    secret = secret_file.read_bytes().strip()
    message = f"owner-browser:{browser_id}".encode()
    return hmac.new(secret, message, hashlib.sha256).hexdigest()[:12]


def test_the_cookie_is_httponly_lax_scoped_to_the_base_path_with_a_max_age(browser, env, tmp_path):
    server = BasePathServer(SERVE, tmp_path / "server.log", env, base="team/draft")
    context = browser.new_context()
    try:
        page = context.new_page()
        response = page.goto(f"{server.url}/")
        set_cookie = [h["value"] for h in response.headers_array()
                      if h["name"].lower() == "set-cookie" and h["value"].startswith(COOKIE)]
        wait_for_run(page)
        (header,) = set_cookie
        flags = header.split("; ")[1:]
        assert flags == ["Max-Age=31536000", "Path=/team/draft", "HttpOnly", "SameSite=Lax"]
        assert response.header_value("cache-control") == "no-store"
        cookie = our_cookie(context)
        assert (cookie["httpOnly"], cookie["sameSite"], cookie["path"], cookie["secure"]) == (
            True, "Lax", "/team/draft", False)
        assert abs(cookie["expires"] - (time.time() + 31536000)) < 3600
        assert COOKIE not in page.evaluate("document.cookie")  # page scripts cannot read it
        assert cookie["value"] not in page.url and cookie["value"] not in page.content()
        owner = shown_owner(page)
        assert re.fullmatch(r"[0-9a-f]{12}", owner)

        # Another app on this host holds the same cookie name at "/": the browser now sends
        # both, ours first. This browser keeps its id and its owner.
        context.add_cookies([{"name": COOKIE, "value": "another-apps-value",
                              "domain": "127.0.0.1", "path": "/"}])
        for _ in range(2):
            page.reload()
            wait_for_run(page)
            assert shown_owner(page) == owner
        assert [c["value"] for c in context.cookies() if c["path"] == "/team/draft"] == [
            cookie["value"]]
    finally:
        context.close()
        server.stop()


def test_each_browser_gets_its_own_id_and_its_page_shows_a_derived_owner_stable_on_reload(
    browser, env, tmp_path
):
    server = Server(SERVE, tmp_path / "server.log", env)
    alice, bob = browser.new_context(), browser.new_context()
    try:
        page, other = open_draft(alice, server), open_draft(bob, server)
        alice_cookie, bob_cookie = our_cookie(alice)["value"], our_cookie(bob)["value"]
        assert alice_cookie.split(".")[0] != bob_cookie.split(".")[0]
        owner = shown_owner(page)
        assert owner == expected_owner(tmp_path / "secret", alice_cookie)
        assert owner not in alice_cookie and shown_owner(other) != owner
        response = page.reload()
        wait_for_run(page)
        assert shown_owner(page) == owner and our_cookie(alice)["value"] == alice_cookie
        # each page load renews the same id: max age counts from the last visit
        assert response.header_value("set-cookie").startswith(f"{COOKIE}={alice_cookie}; Max-Age=")
    finally:
        alice.close()
        bob.close()
        server.stop()


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
            fresh = our_cookie(mallory)["value"]
            assert fresh.split(".")[0] != browser_id  # replaced by a new signed id
            assert shown_owner(other) == expected_owner(tmp_path / "secret", fresh)
            other.close()
    finally:
        alice.close()
        mallory.close()
        server.stop()
