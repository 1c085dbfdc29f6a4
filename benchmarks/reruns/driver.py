"""Play the same dashboard interactions on both variants in real Chromium and count reruns.

Per variant: full-app runs, fragment executions, scope executions, double full runs, stale views
(a shown value that differs from the model after the run settled), expensive recomputations,
and the median interaction latency.
"""

from __future__ import annotations

import re
import statistics
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from benchmarks.reruns.sales import ROWS, monthly, top_row
from tests.browser.conftest import Server, wait_for_run

HERE = Path(__file__).parent
VARIANTS = {"plain st.session_state": HERE / "plain_dashboard.py", "streamlit_redux": HERE / "redux_dashboard.py"}
FRAGMENTS = ("kpis", "table", "chart", "likes", "notes")


@dataclass(frozen=True)
class Model:
    title: str = "Dashboard"
    region: str = "North"
    metric: str = "sales"
    likes: int = 0
    notes: str = ""

    def shown(self) -> dict[str, str]:
        total = sum(sales for r, _, sales, _ in ROWS if r == self.region)
        return {
            "total": f"total={total}",
            "top": f"top={top_row(self.region)[2]}",
            "chart": f"chart={self.metric}:{sum(monthly(self.region, self.metric))}",
            "likes": f"likes={self.likes}",
            "notes": f"notes={self.notes}",
        }


@dataclass
class Result:
    variant: str
    runs: Counter[str] = field(default_factory=Counter)
    double_runs: int = 0
    stale_views: int = 0
    latencies_s: list[float] = field(default_factory=list)

    @property
    def scope_executions(self) -> int:
        return sum(n for scope, n in self.runs.items() if scope != "compute")

    def row(self) -> str:
        fragments = sum(self.runs[f] for f in FRAGMENTS)
        median_ms = statistics.median(self.latencies_s) * 1000
        return (
            f"| {self.variant} | {self.runs['app']} | {fragments} | {self.scope_executions} | "
            f"{self.double_runs} | {self.stale_views} | {self.runs['compute']} | {median_ms:.0f} ms |"
        )


def _select(option: str) -> Callable[[Any], None]:
    def act(page: Any) -> None:
        page.locator("[data-testid='stSidebar'] [data-testid='stSelectbox']").click()
        page.get_by_role("option", name=option, exact=True).click()

    return act


def _type_note(text: str) -> Callable[[Any], None]:
    def act(page: Any) -> None:
        box = page.get_by_label("Notes")
        box.fill(text)
        box.press("Enter")

    return act


def _click(name: str) -> Callable[[Any], None]:
    return lambda page: page.get_by_role("button", name=name).click()


def _radio(option: str) -> Callable[[Any], None]:
    return lambda page: page.locator("[data-testid='stSidebar']").get_by_text(option, exact=True).click()


def scenario() -> list[tuple[Callable[[Any], None], Callable[[Model], Model]]]:
    """The interactions, each with its effect on the model."""
    like = (_click("Like"), lambda m: replace(m, likes=m.likes + 1))
    return [
        like, like, like,
        (_select("South"), lambda m: replace(m, region="South")),
        (_radio("units"), lambda m: replace(m, metric="units")),
        (_select("East"), lambda m: replace(m, region="East")),
        (_type_note("ship Friday"), lambda m: replace(m, notes="ship Friday")),
        (_select("North"), lambda m: replace(m, region="North")),
        (_radio("sales"), lambda m: replace(m, metric="sales")),
        (_type_note("ship Monday"), lambda m: replace(m, notes="ship Monday")),
        like,
        (_click("Rename"), lambda m: replace(m, title="Dashboard 2")),
    ]


def _shown_now(page: Any, prefix: str) -> str:
    return str(page.get_by_text(re.compile(f"^{prefix}=")).first.inner_text())


def run_variant(variant: str, browser: Any, workdir: Path) -> Result:
    log = workdir / f"{variant.split()[0]}.log"
    log.write_text("")
    server = Server(VARIANTS[variant], workdir / f"{variant.split()[0]}-server.log", {"RUN_LOG": str(log)})
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    result, model = Result(variant), Model()
    try:
        page.goto(server.url)
        wait_for_run(page)
        page.get_by_text("likes=0", exact=True).wait_for()
        log.write_text("")
        for act, effect in scenario():
            changed = {k: v for k, v in effect(model).shown().items() if v != model.shown().get(k)}
            model = effect(model)
            started = time.perf_counter()
            act(page)
            for text in changed.values():
                page.get_by_text(text, exact=True).first.wait_for(timeout=15_000)
            if model.title != "Dashboard":
                page.get_by_role("heading", name=model.title, exact=True).wait_for(timeout=15_000)
            wait_for_run(page)
            result.latencies_s.append(time.perf_counter() - started)
            ran = Counter(log.read_text().split())
            log.write_text("")
            result.runs += ran
            result.double_runs += max(0, ran["app"] - 1)
            result.stale_views += sum(
                _shown_now(page, prefix) != text for prefix, text in
                ((t.split("=")[0], t) for t in model.shown().values())
            )
    finally:
        context.close()
        server.stop()
    return result


def report(results: list[Result]) -> str:
    head = (
        "| variant | full-app runs | fragment runs | scope executions | double runs | "
        "stale views | expensive recomputations | median latency |\n|---|---|---|---|---|---|---|---|"
    )
    return "\n".join([head, *(r.row() for r in results)])
