"""A session's store is released when the session really ends: its background effects are
cancelled and its debounced writes flushed, once Streamlit's disconnected-session TTL ran out
(a tab that reconnects within it keeps everything)."""

import json
import re
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


TTL_S = 10  # server.disconnectedSessionTTL; the lease adds a 5 s margin


def test_a_session_that_resumed_is_not_released_by_the_lease_of_an_earlier_disconnect(
    serve, page, tmp_path
):
    """Disconnect, resume, disconnect again shortly before the first lease runs out, resume in
    time: the session never ended (Streamlit keeps it for TTL after the *last* disconnect), so
    its store must stay open: its background effect runs on, not cancelled."""
    log, db = tmp_path / "released.log", tmp_path / "job.db"
    log.write_text("")
    server = serve(APP, {"RELEASE_LOG": str(log), "DRAFT_DB": str(db),
                         "STREAMLIT_SERVER_DISCONNECTED_SESSION_TTL": str(TTL_S)})
    sockets, blocked = [], [False]

    def route(ws):  # the page's websocket, through a relay the test can cut
        if blocked[0]:
            ws.close()
            return
        sockets.append(ws.connect_to_server())

    def disconnect():
        sockets[-1].close()  # closes the page's side too: the server sees the client go
        page.wait_for_selector("[data-testid='stApp']:not([data-test-connection-state='CONNECTED'])")

    page.route_web_socket(re.compile(r"/_stcore/stream"), route)
    page.goto(server.url)
    wait_for_run(page)
    page.get_by_role("button", name="Start").click()
    expect(page.get_by_text("started=True")).to_be_visible()
    disconnect()
    first_lease_ends = time.monotonic() + TTL_S + 5
    wait_for_run(page)  # resumed at once
    page.get_by_label("Note").fill("back")
    page.get_by_label("Note").press("Enter")
    wait_for_run(page)
    page.wait_for_timeout((first_lease_ends - 1 - time.monotonic()) * 1000)
    blocked[0] = True
    disconnect()  # the second disconnect: resumable for TTL_S from now
    page.wait_for_timeout((first_lease_ends + 2 - time.monotonic()) * 1000)
    blocked[0] = False
    wait_for_run(page)  # resumed within TTL_S of the second disconnect
    expect(page.get_by_text("started=True")).to_be_visible()  # the same session, not a new one
    assert log.read_text() == ""  # nothing released: the session never ended


def test_a_store_made_after_the_session_state_was_cleared_is_released_too(
    serve, browser, tmp_path
):
    """``st.session_state.clear()`` (a "start over" button) makes ``get_store`` create a new
    store in the same session: when the session ends, that one is released as well."""
    log, db = tmp_path / "released.log", tmp_path / "job.db"
    log.write_text("")
    server = serve(APP, {"RELEASE_LOG": str(log), "DRAFT_DB": str(db),
                         "STREAMLIT_SERVER_DISCONNECTED_SESSION_TTL": "1"})
    context = browser.new_context()
    page = context.new_page()
    page.goto(server.url)
    wait_for_run(page)
    page.get_by_role("button", name="Start").click()
    expect(page.get_by_text("started=True")).to_be_visible()
    page.get_by_role("button", name="Reset").click()
    expect(page.get_by_text("started=False")).to_be_visible()  # a new store
    page.get_by_role("button", name="Start").click()
    expect(page.get_by_text("started=True")).to_be_visible()
    context.close()
    deadline = time.monotonic() + 30
    while log.read_text().count("cancelled") < 2 and time.monotonic() < deadline:
        time.sleep(0.2)  # waiting on the server's lease timers (TTL + a 5 s margin)
    assert log.read_text().count("cancelled") == 2  # both stores' effects


def test_a_server_that_stops_writes_the_changes_its_sessions_debounce_held(serve, browser, tmp_path):
    """A deploy stops the server (SIGTERM) while a session's change waits for its debounce:
    the sessions end with the server, so their stores are released then, and the change is
    written before the process exits."""
    log, db = tmp_path / "released.log", tmp_path / "job.db"
    log.write_text("")
    server = serve(APP, {"RELEASE_LOG": str(log), "DRAFT_DB": str(db)})
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(server.url)
        wait_for_run(page)
        page.get_by_label("Note").fill("typed before the deploy")
        page.get_by_label("Note").press("Enter")
        wait_for_run(page)
        server.stop()  # SIGTERM, and wait for the process to exit
    finally:
        context.close()
    stored = SQLiteStorage(str(db)).get("job")
    assert stored is not None and "typed before the deploy" in stored


def test_a_session_that_resumed_without_a_run_is_still_released_when_it_ends(serve, browser, tmp_path):
    """A reconnect does not rerun the script, so a tab that drops, comes back and is then
    closed without a click never takes a new lease: the first one must keep watching."""
    log, db = tmp_path / "released.log", tmp_path / "job.db"
    log.write_text("")
    server = serve(APP, {"RELEASE_LOG": str(log), "DRAFT_DB": str(db),
                         "STREAMLIT_SERVER_DISCONNECTED_SESSION_TTL": "1"})
    context = browser.new_context()
    page = context.new_page()
    sockets = []
    page.route_web_socket(re.compile(r"/_stcore/stream"), lambda ws: sockets.append(ws.connect_to_server()))
    page.goto(server.url)
    wait_for_run(page)
    page.get_by_role("button", name="Start").click()
    expect(page.get_by_text("started=True")).to_be_visible()
    sockets[-1].close()  # the server sees the client go; the page reconnects by itself
    page.wait_for_selector("[data-testid='stApp']:not([data-test-connection-state='CONNECTED'])")
    first_lease_ends = time.monotonic() + 1 + 5
    wait_for_run(page)  # resumed, without a script run
    page.wait_for_timeout((first_lease_ends + 1 - time.monotonic()) * 1000)
    assert log.read_text() == ""  # connected when the first lease ran out: nothing released
    context.close()  # now it ends, without a click since it came back
    deadline = time.monotonic() + 30
    while "cancelled" not in log.read_text() and time.monotonic() < deadline:
        time.sleep(0.2)  # waiting on the server's lease timers
    assert log.read_text() == "cancelled\n"
