"""What one interaction costs, measured from outside: the server process's CPU time and memory
(from /proc), the bytes the browser received over the websocket, and percentiles.

Shared by the heavy-dashboard, fragment-floor and session-scaling benchmarks.
"""

from __future__ import annotations

import json
import os
import statistics
from collections.abc import Sequence
from pathlib import Path
from typing import Any

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
FULL = os.environ.get("STREAMLIT_REDUX_BENCH") == "full"
"""``make bench-report`` sets STREAMLIT_REDUX_BENCH=full: real sizes and repetitions. Without it
the browser benchmarks run a small smoke version (a few seconds) so ``make test`` keeps them alive."""


def cpu_seconds(pid: int) -> float:
    """User + system CPU time the process has used (fields 14 and 15 of /proc/<pid>/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def rss_bytes(pid: int) -> int:
    """Resident memory of the process (VmRSS in /proc/<pid>/status)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


class WebsocketMeter:
    """Counts the bytes a page receives over its websockets (Streamlit's ForwardMsgs)."""

    def __init__(self, page: Any) -> None:
        self.received = 0
        page.on("websocket", self._attach)

    def _attach(self, socket: Any) -> None:
        socket.on("framereceived", self._count)

    def _count(self, payload: bytes | str) -> None:
        self.received += len(payload) if isinstance(payload, bytes) else len(payload.encode())


def percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def summary(latencies_s: Sequence[float]) -> dict[str, float]:
    """Median and p95 in milliseconds."""
    return {
        "p50_ms": statistics.median(latencies_s) * 1e3,
        "p95_ms": percentile(latencies_s, 0.95) * 1e3,
    }


def write_json(name: str, data: Any) -> None:
    """Write a result for ``make bench-report`` when $BENCH_JSON_DIR is set."""
    directory = os.environ.get("BENCH_JSON_DIR")
    if directory:
        Path(directory).mkdir(parents=True, exist_ok=True)
        (Path(directory) / f"{name}.json").write_text(json.dumps(data, indent=2))
