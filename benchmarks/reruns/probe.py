"""What one interaction costs, measured from outside: the server process's CPU time and memory
(from /proc), the bytes the browser received over the websocket, and percentiles.

Shared by the heavy-dashboard, fragment-floor and session-scaling benchmarks.
"""

from __future__ import annotations

import json
import os
import statistics
import time
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
    """Counts the bytes a page receives over its websockets (Streamlit's ForwardMsgs), and
    notes when each frame went out (BackMsgs) or came in, to split a latency into the server's
    part (first frame sent to last frame received) and the browser's (the rest)."""

    def __init__(self, page: Any) -> None:
        self.received = 0
        self.frames: list[tuple[float, str, int]] = []  # (perf_counter, "sent"/"received", bytes)
        page.on("websocket", self._attach)

    def _attach(self, socket: Any) -> None:
        socket.on("framereceived", lambda payload: self._note("received", payload))
        socket.on("framesent", lambda payload: self._note("sent", payload))

    def _note(self, direction: str, payload: bytes | str) -> None:
        size = len(payload) if isinstance(payload, bytes) else len(payload.encode())
        if direction == "received":
            self.received += size
        self.frames.append((time.perf_counter(), direction, size))

    def server_part(self, started: float, shown: float) -> tuple[float, int]:
        """Seconds from the first frame sent after ``started`` to the last frame received
        before ``shown``, and the number of frames received in between."""
        window = [(t, d) for t, d, _ in self.frames if started <= t <= shown]
        sent = [t for t, d in window if d == "sent"]
        received = [t for t, d in window if d == "received" and sent and t >= sent[0]]
        return ((received[-1] - sent[0]) if received else 0.0), len(received)


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
