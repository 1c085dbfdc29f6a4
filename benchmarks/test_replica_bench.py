"""Shared stores across replicas: what a dispatch costs on Redis, and how fast it propagates.

A dispatch to a replicated store reads the stored version, reduces, compare-and-sets the JSON
and publishes the version: three round trips to a local redis-server. Baseline: the same
dispatch on a plain in-process store. Propagation: from ``dispatch`` called in one store to
another store (its own follower thread, as in a second replica) showing the change. Run:
make bench
"""

from __future__ import annotations

import statistics
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from streamlit_redux import Store
from streamlit_redux.middleware.replicate import replicate
from streamlit_redux.storage import RedisStorage
from tests.middleware.redis_server import RedisServer

INC = {"type": "inc"}


def counter(state: Any, action: Any) -> Any:
    return state.set("n", state["n"] + 1) if action.type == "inc" else state


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    server = RedisServer(Path(tmp_path_factory.mktemp("redis")))
    server.start()
    yield server.url
    server.kill()


@pytest.mark.benchmark(group="replica-dispatch")
def test_dispatch_in_process(benchmark: Any) -> None:
    benchmark.extra_info["baseline"] = True
    store = Store(counter, {"n": 0})
    benchmark(store.dispatch, INC)


@pytest.mark.benchmark(group="replica-dispatch")
def test_dispatch_replicated_on_redis(benchmark: Any, redis_url: str) -> None:
    store = Store(counter, {"n": 0}, [replicate(RedisStorage(redis_url), key="bench:dispatch")])
    benchmark(store.dispatch, INC)


def test_propagation_to_another_replica(redis_url: str) -> None:
    """Prints p50/p95 from dispatch called to the other store changed (timings, not asserted)."""
    key = "bench:propagation"
    writer = Store(counter, {"n": 0}, [replicate(RedisStorage(redis_url), key=key)])
    reader = Store(counter, {"n": 0}, [replicate(RedisStorage(redis_url), key=key)])
    arrived = threading.Event()
    reader.subscribe(lambda state: arrived.set())
    samples = []
    for _ in range(200):
        arrived.clear()
        started = time.perf_counter()
        writer.dispatch(INC)
        arrived.wait(10)
        samples.append(time.perf_counter() - started)
    samples.sort()
    p50, p95 = statistics.median(samples), samples[int(len(samples) * 0.95)]
    print(f"\n[replica-propagation] p50 {p50 * 1e3:.2f} ms  p95 {p95 * 1e3:.2f} ms")
    assert reader.state == writer.state
