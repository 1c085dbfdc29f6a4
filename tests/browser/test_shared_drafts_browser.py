"""A shared store's selector may read who the session is (``user_id()``, the URL): each
session sees its own selection, also after another session's change was pushed to it."""

from pathlib import Path

import pytest

from tests.browser.conftest import wait_for_run

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect

APP = Path(__file__).parent / "apps" / "shared_drafts.py"


def test_a_change_pushed_from_another_session_shows_this_session_its_own_selection(
    serve, browser
):
    server = serve(APP)
    contexts, pages = [], {}
    try:
        for who in ("A", "B"):
            contexts.append(browser.new_context())
            pages[who] = contexts[-1].new_page()
            pages[who].goto(f"{server.url}/?who={who}")
            wait_for_run(pages[who])
        expect(pages["B"].get_by_text("mine=bob's")).to_be_visible()
        pages["A"].get_by_role("button", name="Edit mine").click()
        expect(pages["A"].get_by_text("mine=alice's+")).to_be_visible()
        # Whether B must rerun is decided on A's thread, where "who" is A; B's rerun that
        # follows (pushed, without a click in B) must still select for B.
        expect(pages["B"].get_by_text("runs=2")).to_be_visible()
        wait_for_run(pages["B"])
        expect(pages["B"].get_by_text("mine=bob's")).to_be_visible()
    finally:
        for context in contexts:
            context.close()
