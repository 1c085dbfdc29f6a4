"""The heavy dashboard with many concurrent sessions: each browser context is one session, and
all of them pick products at the same time (Playwright's async API, one Chromium).

Per number of sessions: p50/p95 click-to-rendered latency over every pick of every session, and
the server's resident memory, in total and per session.
"""

from __future__ import annotations

import asyncio
import re
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from benchmarks.reruns.heavy import APPS, PRODUCTS, TIMEOUT_MS, Variant
from benchmarks.reruns.probe import rss_bytes, summary
from tests.browser.chromium import CHROMIUM, CHROMIUM_ARGS
from tests.browser.conftest import Server

OPENING_BATCH = 1  # pages opened at once: on two busy cores even 5 first loads at once time out
SCALING_TIMEOUT_MS = 300_000  # 30 sessions of a heavy page on two busy cores: minutes, not seconds


async def _wait_for_run(page: Any, timeout_ms: float = TIMEOUT_MS) -> None:
    """The async twin of tests/browser/conftest.wait_for_run."""
    for state in ("[data-test-connection-state='CONNECTED']", "[data-test-script-state='notRunning']"):
        await page.wait_for_selector(f"[data-testid='stApp']{state}", timeout=timeout_ms)


async def _open(browser: Any, url: str) -> Any:
    context = await browser.new_context(viewport={"width": 1400, "height": 1000})
    page = await context.new_page()
    page.set_default_timeout(SCALING_TIMEOUT_MS)  # clicks too: at 30 sessions one took > 30 s
    await page.goto(url, timeout=SCALING_TIMEOUT_MS)
    await _wait_for_run(page, SCALING_TIMEOUT_MS)
    await page.get_by_text(re.compile("^detail=")).first.wait_for(timeout=SCALING_TIMEOUT_MS)
    return page


async def _pick_many(page: Any, first: int, picks: int) -> list[float]:
    latencies = []
    for k in range(picks):
        product = PRODUCTS[1 + (first + k) % (len(PRODUCTS) - 1)]
        await page.locator("[data-testid='stMain'] [data-testid='stSelectbox']").click()
        await page.keyboard.type(product)
        option = page.get_by_role("option", name=product, exact=True)
        await option.wait_for(timeout=SCALING_TIMEOUT_MS)
        started = time.perf_counter()
        await option.click()
        await page.get_by_text(re.compile(f"^detail={product} ")).first.wait_for(timeout=SCALING_TIMEOUT_MS)
        latencies.append(time.perf_counter() - started)
        await _wait_for_run(page, SCALING_TIMEOUT_MS)
    return latencies


async def _scale(server: Server, counts: tuple[int, ...], picks: int) -> dict[str, Any]:
    from playwright.async_api import TimeoutError as PlaywrightTimeout
    from playwright.async_api import async_playwright

    pid, results = server.process.pid, {}
    rss_idle, first = rss_bytes(pid), None
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        pages: list[Any] = []
        try:
            for count in counts:
                try:
                    while len(pages) < count:
                        batch = min(OPENING_BATCH, count - len(pages))
                        pages += await asyncio.gather(*(_open(browser, server.url) for _ in range(batch)))
                    runs = await asyncio.gather(*(_pick_many(p, 7 * i, picks) for i, p in enumerate(pages)))
                except PlaywrightTimeout as timeout:  # the machine gave out: keep what was measured
                    results[str(count)] = {"error": str(timeout).splitlines()[0]}
                    break
                rss = rss_bytes(pid)
                first = first or (count, rss)  # the first session also loads the app's modules
                results[str(count)] = {
                    **summary([s for run in runs for s in run]),
                    "picks": sum(len(run) for run in runs),
                    "rss_mb": rss / 2**20,
                    "rss_per_session_mb": rss / count / 2**20,
                    "marginal_per_session_mb": (
                        (rss - first[1]) / (count - first[0]) / 2**20 if count > first[0] else None
                    ),
                }
        finally:
            await browser.close()
    return {"idle_rss_mb": rss_idle / 2**20, "sessions": results}


def scale_sessions(
    variant: Variant, workdir: Path, env: dict[str, str], *, counts: tuple[int, ...], picks: int
) -> dict[str, Any]:
    """Open ``counts`` sessions (growing: 1, then 10, ...) on one server; each picks ``picks``
    products, all sessions at once."""
    server = Server(APPS / variant.app, workdir / f"scale-{variant.app}.log", env)
    try:
        # A thread of its own: Playwright's sync API (the browser fixture of the other
        # benchmarks) leaves an event loop marked running on this thread.
        with ThreadPoolExecutor(1) as thread:
            return thread.submit(asyncio.run, _scale(server, counts, picks)).result()
    finally:
        server.stop()
