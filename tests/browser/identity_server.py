"""A `streamlit run` server under a base URL path, for the identity browser tests."""

from __future__ import annotations

from pathlib import Path

from tests.browser.conftest import Server


class BasePathServer(Server):
    """A Server whose app lives under ``/<base>`` (``server.baseUrlPath``, set through the
    environment as Streamlit reads it), so ``url`` and the health check include the base."""

    def __init__(self, app: Path, log: Path, env: dict[str, str], base: str) -> None:
        self.base = base
        super().__init__(app, log, {**env, "STREAMLIT_SERVER_BASE_URL_PATH": base})

    def _wait_healthy(self, timeout_s: float = 30) -> None:
        self.url = f"{self.url}/{self.base}"
        super()._wait_healthy(timeout_s)
