"""Propagation latency across replicas in real Chromium: two `streamlit run` servers on one
redis-server; from a click in session A (server 1) to the new value rendered in session B
(server 2, idle). Prints p50/p95 next to the latency of A's own update, measured in the same
run."""

from pathlib import Path

import pytest

from benchmarks.reruns.propagation import latency_table, measure_propagation, open_sessions
from tests.browser.conftest import Server
from tests.middleware.redis_server import RedisServer

pytestmark = [pytest.mark.browser, pytest.mark.redis]

APP = Path(__file__).parents[2] / "tests" / "browser" / "apps" / "replica_poll.py"
CLICKS = 12


def test_replica_propagation_latency(browser, tmp_path, capsys):
    (tmp_path / "redis").mkdir()
    redis = RedisServer(tmp_path / "redis")
    redis.start()
    env = {"REDIS_URL": redis.url, "RUN_LOG": str(tmp_path / "runs.log")}
    servers = [Server(APP, tmp_path / f"server-{i}.log", env) for i in range(2)]
    contexts = [browser.new_context() for _ in range(2)]
    try:
        a, b = open_sessions(contexts, [server.url for server in servers])
        own, pushed = measure_propagation(a, b, CLICKS)
    finally:
        for context in contexts:
            context.close()
        for server in servers:
            server.stop()
        redis.kill()
    with capsys.disabled():
        print(latency_table(
            "shared store, two replicas on Redis", own, pushed,
            "B's update on the other server (A's click to B's render)",
        ))
    assert len(pushed) == CLICKS
