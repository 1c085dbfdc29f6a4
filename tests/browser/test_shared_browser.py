"""Shared stores in real Chromium: a click in one session reruns exactly the affected
fragment in every other session that shows the data, without a reload or a click there."""

from pathlib import Path

import pytest

from tests.browser.conftest import wait_for_run
from tests.browser.poll_sessions import poll_sessions, runs_of

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect

APP = Path(__file__).parent / "apps" / "shared_poll.py"


@pytest.fixture
def sessions(serve, browser, tmp_path, request):
    log = tmp_path / "runs.log"
    server = serve(APP, {"RUN_LOG": str(log), **getattr(request, "param", {})})
    urls = {who: f"{server.url}/?who={who}&show={show}" for who, show in ("A1", "B1", "C0")}
    with poll_sessions(browser, urls, log) as pages:
        yield pages, log


def test_a_vote_in_one_session_shows_in_the_other_without_a_click(sessions):
    pages, log = sessions
    pages["A"].get_by_role("button", name="Vote tabs").click()
    expect(pages["A"].get_by_text("tabs=1 spaces=0")).to_be_visible()
    # B did nothing: its fragment is rerun by the push, within Playwright's 5 s default
    # (it takes a few tens of ms; the benchmarks measure it).
    expect(pages["B"].get_by_text("tabs=1 spaces=0")).to_be_visible()
    wait_for_run(pages["B"])
    wait_for_run(pages["C"])
    assert runs_of(log, "A") == ["tally"]
    assert runs_of(log, "B") == ["tally"]  # not its body, not its own fragment
    assert runs_of(log, "C") == []  # shows no shared data: nothing reruns


def test_votes_from_both_sides_are_all_counted(sessions):
    pages, _ = sessions
    for round_ in range(1, 4):
        for who in ("A", "B"):
            pages[who].get_by_role("button", name="Vote tabs").click()
            wait_for_run(pages[who])
        for who in ("A", "B"):
            expect(pages[who].get_by_text(f"tabs={2 * round_} spaces=0")).to_be_visible()


def test_session_data_stays_per_session(sessions):
    pages, log = sessions
    pages["A"].get_by_role("button", name="Click me").click()
    expect(pages["A"].get_by_text("my clicks=1")).to_be_visible()
    wait_for_run(pages["B"])
    expect(pages["B"].get_by_text("my clicks=0")).to_be_visible()
    assert runs_of(log, "B") == []


@pytest.mark.parametrize("sessions", [{"STREAMLIT_REDUX_PUSH_RERUNS": "0"}], indirect=True)
def test_without_push_internals_a_polling_fragment_catches_up(sessions):
    pages, _ = sessions
    pages["A"].get_by_role("button", name="Vote tabs").click()
    expect(pages["A"].get_by_text("tabs=1 spaces=0")).to_be_visible()
    expect(pages["B"].get_by_text("tabs=1 spaces=0")).to_be_visible()
