"""shared_store(storage=...): the shared state lives in a real Redis, seen by every replica."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from streamlit_redux.binding import shared
from streamlit_redux.storage import RedisStorage
from tests.middleware.redis_server import RedisServer

APP = Path(__file__).parents[1] / "browser" / "apps" / "replica_poll.py"

pytestmark = pytest.mark.redis


@pytest.fixture
def redis_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.syspath_prepend(APP.parent)  # the app imports a sibling, as `streamlit run` allows
    shared._stores.clear()
    server = RedisServer(tmp_path)
    server.start()
    monkeypatch.setenv("REDIS_URL", server.url)
    monkeypatch.setenv("RUN_LOG", str(tmp_path / "runs.log"))
    yield server.url
    server.kill()
    shared._stores.clear()


def session(who: str) -> AppTest:
    app = AppTest.from_file(str(APP), default_timeout=10)
    app.query_params["who"] = who
    app.run()
    assert not app.exception, app.exception
    return app


def test_a_vote_is_stored_in_redis(redis_url: str) -> None:
    session("A").button[0].click().run()
    stored = RedisStorage(redis_url).get("shared:poll")
    assert json.loads(stored or "null") == {"tabs": 1, "spaces": 0}


def test_a_new_replica_starts_from_the_state_in_redis(redis_url: str) -> None:
    RedisStorage(redis_url).set("shared:poll", '{"tabs":7,"spaces":2}')
    assert "tabs=7 spaces=2" in [m.value for m in session("A").markdown]
