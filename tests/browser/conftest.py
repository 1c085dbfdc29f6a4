"""Real Streamlit servers driven by real Chromium (Debian's, through Playwright).

Waits the way Streamlit's own e2e suite does: the server is ready when /_stcore/health answers
"ok"; a run is over when [data-testid='stApp'] carries data-test-script-state='notRunning'.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).parents[2] / "test-artifacts"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    """A `streamlit run` subprocess on a free loopback port."""

    def __init__(self, app: Path, log: Path, env: dict[str, str] | None = None) -> None:
        self.log = log
        self._stderr = log.open("wb")
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [
                sys.executable, "-m", "streamlit", "run", str(app),
                "--server.port", str(self.port),
                "--server.address", "127.0.0.1",
                "--server.headless", "true",
                "--server.fileWatcherType", "none",
                "--browser.gatherUsageStats", "false",
            ],
            env={**os.environ, **(env or {})},
            stdout=subprocess.DEVNULL,
            stderr=self._stderr,
        )
        self._wait_healthy()

    def _wait_healthy(self, timeout_s: float = 30) -> None:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"streamlit exited: {self.log.read_text()[-2000:]}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=1) as response:
                    if response.read().decode().strip() == "ok":
                        return
            except OSError:
                pass
            time.sleep(0.1)  # polling the health endpoint, as Streamlit's e2e suite does
        raise TimeoutError(f"streamlit did not answer /_stcore/health within {timeout_s}s")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(10)
        self._stderr.close()


@pytest.fixture
def serve(tmp_path) -> Iterator:
    servers: list[Server] = []

    def start(app: Path, env: dict[str, str] | None = None) -> Server:
        server = Server(app, tmp_path / f"server-{len(servers)}.log", env)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


@pytest.fixture
def page(browser, request):
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    yield page
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"))
    context.close()


def wait_for_run(page, timeout_ms: float = 15_000) -> None:
    """Wait until the app is connected and no script run is in progress."""
    page.wait_for_selector(
        "[data-testid='stApp'][data-test-connection-state='CONNECTED']", timeout=timeout_ms
    )
    page.wait_for_selector(
        "[data-testid='stApp'][data-test-script-state='notRunning']", timeout=timeout_ms
    )
