"""Propagation latency of a shared store in real Chromium: from a click in session A to the new
value rendered in session B (B does nothing), on one server process. Prints p50/p95 next to the
latency of A's own update, measured in the same run."""

from pathlib import Path

import pytest

from benchmarks.reruns.propagation import latency_table, measure_propagation, open_sessions
from tests.browser.conftest import Server

pytestmark = pytest.mark.browser

APP = Path(__file__).parents[2] / "tests" / "browser" / "apps" / "shared_poll.py"
CLICKS = 12


def test_shared_propagation_latency(browser, tmp_path, capsys):
    server = Server(APP, tmp_path / "server.log")
    contexts = [browser.new_context() for _ in range(2)]
    try:
        a, b = open_sessions(contexts, [server.url, server.url])
        own, pushed = measure_propagation(a, b, CLICKS)
    finally:
        for context in contexts:
            context.close()
        server.stop()
    with capsys.disabled():
        print(latency_table(
            "shared store, one process", own, pushed, "B's pushed update (A's click to B's render)"
        ))
    assert len(pushed) == CLICKS
