"""Shared stores across replicas in real Chromium: two `streamlit run` servers on one real
redis-server. A vote on one server shows on the other server's page without a click, and both
catch up after redis-server is killed and started again."""

from pathlib import Path

import pytest

from tests.browser.conftest import wait_for_run
from tests.browser.poll_sessions import poll_sessions, runs_of

pytestmark = [pytest.mark.browser, pytest.mark.redis]
expect = pytest.importorskip("playwright.sync_api").expect

APP = Path(__file__).parent / "apps" / "replica_poll.py"


@pytest.fixture
def pages(serve, browser, tmp_path, redis_server):
    log = tmp_path / "runs.log"
    env = {"RUN_LOG": str(log), "REDIS_URL": redis_server.url}
    a, b = serve(APP, env), serve(APP, env)
    with poll_sessions(browser, {"A": f"{a.url}/?who=A", "B": f"{b.url}/?who=B"}, log) as pages:
        yield pages, log


def test_a_vote_on_one_replica_shows_on_the_other_without_a_click(pages):
    pages, log = pages
    pages["A"].get_by_role("button", name="Vote tabs").click()
    expect(pages["A"].get_by_text("tabs=1 spaces=0")).to_be_visible()
    expect(pages["B"].get_by_text("tabs=1 spaces=0")).to_be_visible()
    wait_for_run(pages["B"])
    assert runs_of(log, "B") == ["tally"]  # the pushed rerun: its fragment, not its body


def test_both_replicas_catch_up_after_redis_restarts(pages, redis_server):
    pages, _ = pages
    pages["B"].get_by_role("button", name="Vote tabs").click()
    expect(pages["A"].get_by_text("tabs=1 spaces=0")).to_be_visible()
    redis_server.kill()
    pages["A"].get_by_role("button", name="Vote tabs").click()
    expect(pages["A"].get_by_text("could not reach its storage").first).to_be_visible()
    redis_server.start()
    pages["A"].reload()
    wait_for_run(pages["A"])
    expect(pages["A"].get_by_text("tabs=1 spaces=0")).to_be_visible()  # the failed vote: not applied
    pages["A"].get_by_role("button", name="Vote tabs").click()
    for who in ("A", "B"):
        expect(pages[who].get_by_text("tabs=2 spaces=0")).to_be_visible()
