"""Page load to first render in real Chromium, with the state rehydrated from SQLite (persist,
browser scope, through st.App with the browser-id cookie) vs the same app and data without
persist, measured in the same run and reported as a ratio (medians, loads alternating)."""

import statistics
import time
from pathlib import Path

import pytest

from tests.browser.conftest import Server, wait_for_run

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect

SERVE = Path(__file__).parent / "apps" / "rehydrate" / "serve.py"
LOADS = 10
SHOWN = "notes=200 last=note 199"


def first_render_s(page, url):
    """Seconds from starting the page load to the 200 notes being shown."""
    started = time.perf_counter()
    page.goto(url)
    expect(page.get_by_text(SHOWN)).to_be_visible(timeout=60_000)
    return time.perf_counter() - started


def test_rehydrated_first_render_vs_no_persist(browser, tmp_path, capsys):
    server = Server(SERVE, tmp_path / "server.log", {
        "BENCH_DB": str(tmp_path / "bench.db"), "STREAMLIT_REDUX_SECRET_FILE": str(tmp_path / "secret")})
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(f"{server.url}/?persist=1")
        wait_for_run(page)
        page.get_by_role("button", name="Fill").click()  # stored for this browser's id
        expect(page.get_by_text(SHOWN)).to_be_visible(timeout=60_000)
        first_render_s(page, f"{server.url}/?persist=0")  # warm both paths once
        first_render_s(page, f"{server.url}/?persist=1")
        times = {"0": [], "1": []}
        for _ in range(LOADS):
            for mode in ("0", "1"):
                times[mode].append(first_render_s(page, f"{server.url}/?persist={mode}"))
    finally:
        context.close()
        server.stop()
    plain, rehydrated = (statistics.median(times[mode]) for mode in ("0", "1"))
    with capsys.disabled():
        print(
            "\n| page load to first render (200 notes) | median | ratio |\n|---|---|---|\n"
            f"| same data as the initial state, no persist | {plain * 1e3:.0f} ms | 1.00x |\n"
            f"| rehydrated from SQLite (browser scope) | {rehydrated * 1e3:.0f} ms | "
            f"{rehydrated / plain:.2f}x |"
        )
    assert len(times["1"]) == LOADS
