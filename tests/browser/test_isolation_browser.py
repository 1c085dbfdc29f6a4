"""50 browser sessions at once on one server: none ever sees another's state."""

from pathlib import Path

import pytest

from tests.browser.conftest import wait_for_run

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect

APP = Path(__file__).parent / "apps" / "secret.py"
SESSIONS = 50


def test_fifty_open_sessions_keep_their_own_state(serve, browser):
    server = serve(APP)
    context = browser.new_context()
    try:
        pages = {}
        for i in range(SESSIONS):
            secret = f"s{i:02d}"
            pages[secret] = context.new_page()
            pages[secret].goto(f"{server.url}/?secret={secret}")
        for secret, page in pages.items():
            wait_for_run(page, timeout_ms=60_000)
            expect(page.get_by_text(f"secret={secret}", exact=True)).to_be_visible()
        for page in pages.values():  # all sessions are open while every click lands
            page.get_by_role("button", name="note").click()
        for secret, page in pages.items():
            expect(page.get_by_text(f"notes={secret}", exact=True)).to_be_visible(timeout=60_000)
            expect(page.get_by_text(f"secret={secret}", exact=True)).to_be_visible()
    finally:
        context.close()
