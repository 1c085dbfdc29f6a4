"""Streamlit's post-run collection in a store's session: once per interaction, after the
run's messages are sent (checked against a plain session on the same server)."""

import time
from pathlib import Path

import pytest

from tests.browser.conftest import wait_for_run

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect

APP = Path(__file__).parent / "apps" / "run_end.py"
CLICKS = 3


def collections(log: Path, mode: str) -> list[bool]:
    """For each full collection logged for ``mode``: was the session's queue empty at its start."""
    lines = [line.split() for line in log.read_text().splitlines()]
    return [flag == "1" for who, flag in lines if who == mode]


def click_add(page, url: str, log: Path, mode: str, expected: int) -> list[bool]:
    """Load the app, clear the log, click Add CLICKS times, and return that mode's collections
    once ``expected`` of them were logged (the last one runs after the browser saw the run end)."""
    page.goto(url)
    wait_for_run(page)
    expect(page.get_by_text("count=0")).to_be_visible()
    time.sleep(0.5)  # the first run's collection, after its end reached the browser
    log.write_text("")
    for n in range(1, CLICKS + 1):
        page.get_by_role("button", name="Add").click()
        expect(page.get_by_text(f"count={n}")).to_be_visible()
        wait_for_run(page)
    deadline = time.monotonic() + 15
    while len(collections(log, mode)) < expected and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)  # room for a collection too many to show up
    return collections(log, mode)


def test_a_keyed_rerun_from_a_store_callback_collects_once_after_sending(serve, page, tmp_path):
    log = tmp_path / "gc.log"
    server = serve(APP, {"GC_LOG": str(log)})
    plain = click_add(page, f"{server.url}/?plain=1", log, "plain", 2 * CLICKS)
    stored = click_add(page, server.url, log, "store", CLICKS)
    # Streamlit collects after the interrupted run and after the fragment run.
    assert len(plain) == 2 * CLICKS
    # The store skips the interrupted run's collection, and sends before collecting.
    assert len(stored) == CLICKS
    assert all(stored)
