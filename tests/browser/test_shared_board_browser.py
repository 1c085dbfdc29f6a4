"""examples/shared_board.py in two browser windows, as a new user would use it."""

from pathlib import Path

import pytest

from tests.browser.conftest import wait_for_run

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect

BOARD = Path(__file__).parents[2] / "examples" / "shared_board.py"


def test_a_card_added_and_moved_shows_in_both_windows(serve, browser):
    server = serve(BOARD)
    contexts = [browser.new_context(), browser.new_context()]
    try:
        ada, bob = (context.new_page() for context in contexts)
        for page in (ada, bob):
            page.goto(server.url)
            wait_for_run(page)
        ada.get_by_label("Your name").fill("Ada")
        ada.get_by_label("Your name").press("Enter")
        wait_for_run(ada)
        ada.get_by_label("New card").fill("Write docs")
        ada.get_by_label("New card").press("Enter")
        wait_for_run(ada)
        # One click changes two stores (the shared board, then Ada's draft): one rerun covers both.
        ada.get_by_role("button", name="Add card").click()
        expect(ada.get_by_label("New card")).to_have_value("")
        expect(bob.get_by_text("Write docs (by Ada)")).to_be_visible()  # no click in Bob's window
        bob.get_by_role("button", name="→ done").click()
        expect(ada.get_by_role("button", name="→ todo")).to_be_visible()
        expect(ada.get_by_role("button", name="→ doing")).to_have_count(1)  # left "todo"
        expect(bob.get_by_label("Your name")).to_have_value("")  # names stay per session
    finally:
        for context in contexts:
            context.close()
