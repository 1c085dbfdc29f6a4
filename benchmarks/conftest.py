"""Print each benchmark group's medians as ratios against its baseline, measured in the same run.

A benchmark marks itself the baseline of its group with ``benchmark.extra_info["baseline"] = True``.
Each benchmark starts from a collected heap, with what earlier tests left alive frozen out of
the garbage collector's reach: the devtools suite leaves about 300,000 objects, and without
this every later benchmark paid for scanning them (the counter measured 1.8x slower after it).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from typing import Any

import pytest


@pytest.fixture(autouse=True)
def heap_as_if_alone() -> Iterator[None]:
    gc.collect()
    gc.freeze()
    yield
    gc.unfreeze()


def pytest_terminal_summary(terminalreporter: Any, config: Any) -> None:
    session = getattr(config, "_benchmarksession", None)
    if session is None or session.disabled or not session.benchmarks:
        return
    groups: dict[str, list[Any]] = {}
    for bench in session.benchmarks:
        groups.setdefault(bench.group or bench.name, []).append(bench)
    terminalreporter.section("ratios against each group's baseline (median)")
    for group, benches in sorted(groups.items()):
        base = next((b for b in benches if b.extra_info.get("baseline")), None)
        terminalreporter.write_line(f"[{group}]")
        for bench in benches:
            median = bench.stats.median
            ratio = f"{median / base.stats.median:6.2f}x" if base else "   n/a"
            tag = "  (baseline)" if bench is base else ""
            terminalreporter.write_line(
                f"  {bench.name:<60} {median * 1e6:10.2f} us  {ratio}{tag}"
            )
