"""Shared by tests/ and benchmarks/: the real-Chromium browser (one per session), a real
redis-server per test that asks for one, and keeping Streamlit apps and scenario scripts out of
pytest's (doctest) collection."""


import pytest
from hypothesis import settings

from tests.browser.chromium import CHROMIUM, CHROMIUM_ARGS
from tests.middleware.redis_server import RedisServer

# Hypothesis's per-example deadline is a timed assertion: on a loaded machine it fails tests
# whose code is right. Speed is measured in benchmarks/, never asserted in tests.
settings.register_profile("no-deadline", deadline=None)
settings.load_profile("no-deadline")

collect_ignore_glob = [
    "tests/*/apps/*",
    "benchmarks/apps/*",
    "benchmarks/apps/*/*",
    "benchmarks/reruns/*_dashboard.py",
    "benchmarks/reruns/sales.py",
    "benchmarks/reruns/driver.py",
]


def pytest_collection_modifyitems(config, items):
    if CHROMIUM.exists():
        return
    skip = pytest.mark.skip(reason="browser tests need Debian's chromium at /usr/bin/chromium (apt-get install chromium)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()




@pytest.fixture
def redis_server(tmp_path):
    """A real redis-server of this test's own (killed and started again by outage tests)."""
    (tmp_path / "redis").mkdir()
    server = RedisServer(tmp_path / "redis")
    server.start()
    yield server
    server.kill()
