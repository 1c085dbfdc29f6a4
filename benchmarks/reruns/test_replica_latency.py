"""Propagation latency across replicas in real Chromium: two `streamlit run` servers on one
redis-server; from a click in session A (server 1) to the new value rendered in session B
(server 2, idle). Prints p50/p95 next to the latency of A's own update, measured in the same
run."""

import statistics
import time
from pathlib import Path

import pytest

from tests.browser.conftest import Server, wait_for_run
from tests.middleware.redis_server import RedisServer

pytestmark = [pytest.mark.browser, pytest.mark.redis]
expect = pytest.importorskip("playwright.sync_api").expect

APP = Path(__file__).parents[2] / "tests" / "browser" / "apps" / "replica_poll.py"
CLICKS = 12


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def test_replica_propagation_latency(browser, tmp_path, capsys):
    (tmp_path / "redis").mkdir()
    redis = RedisServer(tmp_path / "redis")
    redis.start()
    env = {"REDIS_URL": redis.url, "RUN_LOG": str(tmp_path / "runs.log")}
    servers = [Server(APP, tmp_path / f"server-{i}.log", env) for i in range(2)]
    contexts = [browser.new_context() for _ in range(2)]
    try:
        a, b = (context.new_page() for context in contexts)
        for page, who, server in ((a, "A", servers[0]), (b, "B", servers[1])):
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
        for server in servers:
            server.stop()
        redis.kill()
    with capsys.disabled():
        print(
            "\n| shared store, two replicas on Redis | p50 | p95 |\n|---|---|---|\n"
            f"| A's own update (click to render) | {statistics.median(own) * 1e3:.0f} ms | "
            f"{percentile(own, 0.95) * 1e3:.0f} ms |\n"
            f"| B's update on the other server (A's click to B's render) | "
            f"{statistics.median(pushed) * 1e3:.0f} ms | {percentile(pushed, 0.95) * 1e3:.0f} ms |"
        )
    assert len(pushed) == CLICKS
