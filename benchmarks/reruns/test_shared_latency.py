"""Propagation latency of a shared store in real Chromium: from a click in session A to the new
value rendered in session B (B does nothing), on one server process. Prints p50/p95 next to the
latency of A's own update, measured in the same run."""

import statistics
import time
from pathlib import Path

import pytest

from tests.browser.conftest import Server, wait_for_run

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect

APP = Path(__file__).parents[2] / "tests" / "browser" / "apps" / "shared_poll.py"
CLICKS = 12


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def test_shared_propagation_latency(browser, tmp_path, capsys):
    server = Server(APP, tmp_path / "server.log")
    contexts = [browser.new_context() for _ in range(2)]
    try:
        a, b = (context.new_page() for context in contexts)
        for page, who in ((a, "A"), (b, "B")):
            page.goto(f"{server.url}/?who={who}")
            wait_for_run(page)
        own, pushed = [], []
        for votes in range(1, CLICKS + 1):
            wait_for_run(a)
            text = f"tabs={votes} spaces=0"
            started = time.perf_counter()
            a.get_by_role("button", name="Vote tabs").click()
            expect(a.get_by_text(text)).to_be_visible()
            own.append(time.perf_counter() - started)
            expect(b.get_by_text(text)).to_be_visible()
            pushed.append(time.perf_counter() - started)
    finally:
        for context in contexts:
            context.close()
        server.stop()
    with capsys.disabled():
        print(
            "\n| shared store, one process | p50 | p95 |\n|---|---|---|\n"
            f"| A's own update (click to render) | {statistics.median(own) * 1e3:.0f} ms | "
            f"{percentile(own, 0.95) * 1e3:.0f} ms |\n"
            f"| B's pushed update (A's click to B's render) | {statistics.median(pushed) * 1e3:.0f} ms "
            f"| {percentile(pushed, 0.95) * 1e3:.0f} ms |"
        )
    assert len(pushed) == CLICKS
