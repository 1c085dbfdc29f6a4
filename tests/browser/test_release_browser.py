"""A session's store is released when the session really ends: its background effects are
cancelled and its debounced writes flushed, once Streamlit's disconnected-session TTL ran out
(a tab that reconnects within it keeps everything)."""

import json
import time
from pathlib import Path

import pytest

from streamlit_redux.storage import SQLiteStorage
from tests.browser.conftest import wait_for_run

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect

APP = Path(__file__).parent / "apps" / "released.py"
SESSIONS = 3


def test_closed_sessions_cancel_their_effects_and_flush_their_writes(serve, browser, tmp_path):
    log, db = tmp_path / "released.log", tmp_path / "job.db"
    log.write_text("")
    server = serve(APP, {"RELEASE_LOG": str(log), "DRAFT_DB": str(db),
                         "STREAMLIT_SERVER_DISCONNECTED_SESSION_TTL": "1"})
    for i in range(SESSIONS):
        context = browser.new_context()
        page = context.new_page()
        page.goto(server.url)
        wait_for_run(page)
        page.get_by_role("button", name="Start").click()
        expect(page.get_by_text("started=True")).to_be_visible()
        page.get_by_label("Note").fill(f"note {i}")
        page.get_by_label("Note").press("Enter")
        wait_for_run(page)
        context.close()
    assert log.read_text() == ""  # nothing is released while a session may still resume
    deadline = time.monotonic() + 30
    while log.read_text().count("cancelled") < SESSIONS and time.monotonic() < deadline:
        time.sleep(0.2)  # waiting on the server's lease timers (TTL + a 5 s margin)
    assert log.read_text().count("cancelled") == SESSIONS
    stored = SQLiteStorage(str(db)).get("job")
    assert stored is not None and "note" in json.dumps(stored)  # the debounced write landed
