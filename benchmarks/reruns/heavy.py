"""The heavy dashboard and the fragment floor, played side by side in real Chromium.

Every variant runs in its own server at the same time; each step is played on every variant in
turn, so a busy machine slows all of them alike. Per step and variant: click-to-rendered latency
(until the expected text shows, and until the run is over), the scopes that ran, the server's
CPU time and the bytes received over the websocket.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.reruns.probe import WebsocketMeter, cpu_seconds, summary
from tests.browser.conftest import Server, wait_for_run

APPS = Path(__file__).parents[1] / "apps"
PRODUCTS = [f"P{i:03d}" for i in range(200)]
METRICS = ["revenue", "units"]
TIMEOUT_MS = 60_000  # the machine is shared: generous waits, never tight ones


@dataclass(frozen=True)
class Variant:
    label: str
    app: str
    env: tuple[tuple[str, str], ...] = ()


HEAVY = (Variant("plain st.session_state", "heavy_plain.py"), Variant("streamlit_redux", "heavy_redux.py"))
_FLOOR = (
    Variant("plain @st.fragment", "floor_plain.py"),
    Variant("plain @st.fragment + st.rerun(key)", "floor_plain.py", (("FLOOR_KEYED_RERUN", "1"),)),
    Variant("store.bind in @store.fragment", "floor_redux.py"),
)
NO_GC = (("STREAMLIT_RUNNER_POST_SCRIPT_GC", "false"),)
"""Where an interaction's time goes: Streamlit runs ``gc.collect(2)`` after every script run
(``runner.postScriptGC``), which walks every object of the process (Streamlit, pandas, pyarrow
...), and a keyed rerun from a callback is two script runs (the interrupted one, then the
fragments). The floor is measured with that collection on (the default) and off."""
FLOOR = _FLOOR + tuple(
    Variant(f"{v.label}, postScriptGC off", v.app, (*v.env, *NO_GC)) for v in _FLOOR
)
FLOOR += (Variant("store.bind in @store.fragment, gc.freeze() at startup", "floor_redux.py", (("FREEZE_GC", "1"),)),)
HEAVY_NO_GC = tuple(Variant(f"{v.label}, postScriptGC off", v.app, NO_GC) for v in HEAVY)
HEAVY_STREAMLIT_RUN_END = Variant(
    "streamlit_redux, Streamlit's run end", "heavy_redux.py", (("STREAMLIT_REDUX_RUN_END", "streamlit"),)
)
"""The same app without the library's run end (binding/run_end.py): every run collected, the
interrupted one too, before its messages go out."""


@dataclass(frozen=True)
class Step:
    interaction: str
    prepare: Callable[[Any], None]  # not timed (e.g. open a selectbox and type)
    act: Callable[[Any], None]  # timed from here
    expected: re.Pattern[str]


@dataclass
class Sample:
    text_s: float
    done_s: float
    runs: dict[str, int]
    cpu_s: float
    ws_bytes: int
    server_s: float  # first BackMsg sent to the last ForwardMsg received before the text showed
    frames: int  # ForwardMsgs received in that span


@dataclass
class Measured:
    samples: dict[str, list[Sample]] = field(default_factory=dict)

    def stats(self, interaction: str) -> dict[str, Any]:
        samples = self.samples[interaction]
        n = len(samples)
        runs: Counter[str] = Counter()
        for sample in samples:
            runs.update(sample.runs)
        return {
            **summary([s.text_s for s in samples]),
            "done_" + "p50_ms": summary([s.done_s for s in samples])["p50_ms"],
            "app_runs": runs["app"] / n,
            "fragment_runs": sum(v for k, v in runs.items() if k != "app") / n,
            "cpu_ms": sum(s.cpu_s for s in samples) / n * 1e3,
            "ws_kb": sum(s.ws_bytes for s in samples) / n / 1024,
            "server_p50_ms": summary([s.server_s for s in samples])["p50_ms"],
            "frames": sum(s.frames for s in samples) / n,
            "n": n,
        }


def pick(product: str, *, shows: str) -> Step:
    def prepare(page: Any) -> None:
        page.locator("[data-testid='stMain'] [data-testid='stSelectbox']").click()
        page.keyboard.type(product)
        page.get_by_role("option", name=product, exact=True).wait_for(timeout=TIMEOUT_MS)

    def act(page: Any) -> None:
        page.get_by_role("option", name=product, exact=True).click()

    return Step("pick a product", prepare, act, re.compile(f"^{shows}={product}( |$)"))


def choose_metric(metric: str) -> Step:
    def act(page: Any) -> None:
        page.locator("[data-testid='stSidebar']").get_by_text(metric, exact=True).click()

    return Step("switch the metric", lambda page: None, act, re.compile(f"^kpi={metric}:"))


def add_to_tray(tray: list[str]) -> Step:
    def act(page: Any) -> None:
        page.get_by_role("button", name="Add to tray").click()

    return Step("add to the tray", lambda page: None, act, re.compile(f"^tray={','.join(tray)}$"))


def heavy_steps(reps: int, *, body: bool = True) -> list[Step]:
    """Pick a product (fragment data), add it to the tray (fragment data, another fragment),
    switch the metric (body data, left out when ``body`` is false); ``reps`` times."""
    steps, tray = [], []
    for rep in range(reps):
        product = PRODUCTS[1 + rep]
        tray.append(product)
        steps += [pick(product, shows="detail"), add_to_tray(list(tray))]
        if body:
            steps.append(choose_metric(METRICS[(rep + 1) % 2]))
    return steps


def floor_steps(reps: int) -> list[Step]:
    return [pick(PRODUCTS[1 + rep], shows="picked") for rep in range(reps)]


class _Session:
    """One variant's server and page, with its meters."""

    def __init__(self, variant: Variant, browser: Any, workdir: Path, env: dict[str, str]) -> None:
        stem = f"{variant.app.removesuffix('.py')}-{len(list(workdir.glob('*.log')))}"
        self.log = workdir / f"{stem}.runs"
        self.log.write_text("")
        self.server = Server(
            APPS / variant.app, workdir / f"{stem}.log", {**env, **dict(variant.env), "RUN_LOG": str(self.log)}
        )
        self.context = browser.new_context(viewport={"width": 1400, "height": 1000})
        self.page = self.context.new_page()
        self.meter = WebsocketMeter(self.page)
        self.page.goto(self.server.url)
        wait_for_run(self.page, TIMEOUT_MS)

    def play(self, step: Step) -> Sample:
        page, pid = self.page, self.server.process.pid
        step.prepare(page)
        wait_for_run(page, TIMEOUT_MS)
        self.log.write_text("")
        cpu, received = cpu_seconds(pid), self.meter.received
        started = time.perf_counter()
        step.act(page)
        page.get_by_text(step.expected).first.wait_for(timeout=TIMEOUT_MS)
        shown_at = time.perf_counter()
        shown = shown_at - started
        wait_for_run(page, TIMEOUT_MS)
        done = time.perf_counter() - started
        page.wait_for_timeout(200)  # trailing messages (the run's end, a keyed rerun) arrive
        return Sample(
            shown, done, dict(Counter(self.log.read_text().split())),
            cpu_seconds(pid) - cpu, self.meter.received - received,
            *self.meter.server_part(started, shown_at),
        )

    def close(self) -> None:
        self.context.close()
        self.server.stop()


def play_side_by_side(
    variants: tuple[Variant, ...], steps: list[Step], browser: Any, workdir: Path, env: dict[str, str]
) -> dict[str, Measured]:
    """Play ``steps`` on every variant, step by step in turn (who goes first rotates, so no
    variant always follows the same neighbour's trailing work); the first step of each kind is
    a warm-up (caches fill, the browser lays the page out) and is not kept."""
    sessions = {v.label: _Session(v, browser, workdir, env) for v in variants}
    results = {label: Measured() for label in sessions}
    seen: set[str] = set()
    try:
        order = list(sessions.items())
        for turn, step in enumerate(steps):
            for label, session in order[turn % len(order) :] + order[: turn % len(order)]:
                sample = session.play(step)
                if step.interaction in seen:
                    results[label].samples.setdefault(step.interaction, []).append(sample)
            seen.add(step.interaction)
    finally:
        for session in sessions.values():
            session.close()
    return results


def table(results: dict[str, Measured], *, baseline: str) -> str:
    head = (
        "| interaction | variant | p50 | p95 | p50 to run end | full runs | fragment runs | "
        "server CPU | websocket | sent to last frame | frames | p50 vs baseline |\n"
        "|---|---|---|---|---|---|---|---|---|---|---|---|"
    )
    lines = [head]
    for interaction in results[baseline].samples:
        base = results[baseline].stats(interaction)
        for label, measured in results.items():
            s = measured.stats(interaction)
            lines.append(
                f"| {interaction} | {label} | {s['p50_ms']:.0f} ms | {s['p95_ms']:.0f} ms | "
                f"{s['done_p50_ms']:.0f} ms | {s['app_runs']:.2f} | {s['fragment_runs']:.2f} | "
                f"{s['cpu_ms']:.1f} ms | {s['ws_kb']:.1f} KB | {s['server_p50_ms']:.0f} ms | "
                f"{s['frames']:.1f} | {s['p50_ms'] / base['p50_ms']:.2f}x |"
            )
    return "\n".join(lines)


def as_json(results: dict[str, Measured]) -> dict[str, Any]:
    return {
        label: {i: measured.stats(i) for i in measured.samples} for label, measured in results.items()
    }
