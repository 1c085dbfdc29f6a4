"""The selector memo in real Chromium, on an app written from docs/core.md: a user switching
regions back and forth gets the earlier totals back without a recompute (memo_size 4)."""

from pathlib import Path

import pytest

from tests.browser.conftest import wait_for_run

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect

APP = Path(__file__).parent / "apps" / "region_memo.py"


def total_of(region: str) -> int:
    return sum(i for i in range(30_000) if ("North", "South", "East")[i % 3] == region)


def pick(page, region: str, computed: int) -> None:
    page.get_by_text(region, exact=True).click()
    expect(page.get_by_text(f"total={total_of(region)}", exact=True)).to_be_visible()
    expect(page.get_by_text(f"computed={computed}", exact=True)).to_be_visible()
    wait_for_run(page)


def test_switching_back_to_a_region_reuses_its_total(serve, page):
    server = serve(APP)
    page.goto(server.url)
    wait_for_run(page)
    expect(page.get_by_text(f"total={total_of('North')}", exact=True)).to_be_visible()
    expect(page.get_by_text("computed=1", exact=True)).to_be_visible()
    pick(page, "South", 2)
    pick(page, "North", 2)  # remembered: no recompute
    pick(page, "South", 2)
    pick(page, "East", 3)
    pick(page, "North", 3)
