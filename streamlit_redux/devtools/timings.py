"""Dispatch durations per action type, for the stats view (p50 / p95)."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass


@dataclass(frozen=True)
class TimingSummary:
    """Dispatch time of one action type over its recent dispatches, in milliseconds."""

    action_type: str
    count: int
    p50_ms: float
    p95_ms: float


class DispatchTimes:
    """The last ``window`` reducer durations of each action type (bounded memory).

    >>> times = DispatchTimes()
    >>> for s in (0.001, 0.002, 0.003): times.add("todos/added", s)
    >>> times.summaries()[0].p50_ms
    2.0
    """

    def __init__(self, *, window: int = 500) -> None:
        self.window = window
        self._samples: dict[str, deque[float]] = {}

    def add(self, action_type: str, duration_s: float) -> None:
        """Keep one duration (seconds) for ``action_type``."""
        samples = self._samples.get(action_type)
        if samples is None:
            samples = self._samples[action_type] = deque(maxlen=self.window)
        samples.append(duration_s)

    def summaries(self) -> list[TimingSummary]:
        """p50 / p95 per action type, slowest p95 first."""
        rows = [
            TimingSummary(
                action_type,
                len(ordered),
                _quantile(ordered, 0.5) * 1e3,
                _quantile(ordered, 0.95) * 1e3,
            )
            for action_type, ordered in ((t, sorted(s)) for t, s in self._samples.items())
        ]
        return sorted(rows, key=lambda row: row.p95_ms, reverse=True)


def _quantile(ordered: list[float], q: float) -> float:
    """Nearest-rank quantile of a sorted, non-empty list."""
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]
