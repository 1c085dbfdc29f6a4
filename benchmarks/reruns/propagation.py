"""Click-to-render latency from one browser session of a shared store to another.

The shared-store latency benchmarks (one process, two replicas on Redis) differ only in how
the servers run; the sessions, the clicks and the table they print are these.
"""

import statistics
import time

import pytest

from tests.browser.conftest import wait_for_run

expect = pytest.importorskip("playwright.sync_api").expect


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def open_sessions(contexts, urls):
    """A page per browser context, each at its URL (``?who=A`` / ``?who=B``) and run once."""
    pages = [context.new_page() for context in contexts]
    for page, (who, url) in zip(pages, zip("AB", urls, strict=True), strict=True):
        page.goto(f"{url}/?who={who}")
        wait_for_run(page)
    return pages


def measure_propagation(a, b, clicks):
    """Vote ``clicks`` times in page ``a``; seconds until ``a`` shows it, and until ``b`` does."""
    own, pushed = [], []
    for votes in range(1, clicks + 1):
        wait_for_run(a)
        text = f"tabs={votes} spaces=0"
        started = time.perf_counter()
        a.get_by_role("button", name="Vote tabs").click()
        expect(a.get_by_text(text)).to_be_visible()
        own.append(time.perf_counter() - started)
        expect(b.get_by_text(text)).to_be_visible()
        pushed.append(time.perf_counter() - started)
    return own, pushed


def latency_table(title, own, pushed, pushed_label):
    """The p50 / p95 table of A's own update next to B's, in milliseconds."""
    rows = [("A's own update (click to render)", own), (pushed_label, pushed)]
    lines = [f"| {title} | p50 | p95 |", "|---|---|---|"] + [
        f"| {label} | {statistics.median(values) * 1e3:.0f} ms | "
        f"{percentile(values, 0.95) * 1e3:.0f} ms |"
        for label, values in rows
    ]
    return "\n" + "\n".join(lines)
