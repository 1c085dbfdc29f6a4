"""The report's PNG plots (matplotlib, from the ``bench`` extra; imported only here)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")  # files only: no display on a server or in CI
import matplotlib.pyplot as plt

COLORS = {
    "plain": "#9e9e9e", "redux": "#6a3d9a", "redux, Streamlit's run end": "#cab2d6",
    "python-redux": "#1f78b4", "pydux": "#ff7f00",
}


def _color(label: str) -> str:
    for peer in ("python-redux", "pydux"):
        if label.startswith(peer):
            return COLORS[peer]
    if "Streamlit's run end" in label:
        return COLORS["redux, Streamlit's run end"]
    return COLORS["redux"] if "redux" in label else COLORS["plain"]


def dispatch_vs_size(sizes: dict[str, dict[int, float]], path: Path) -> None:
    """``sizes``: library -> {state size: median dispatch seconds}."""
    fig, ax = plt.subplots(figsize=(6.4, 4))
    for library, points in sizes.items():
        xs = sorted(points)
        ax.plot(xs, [points[x] * 1e6 for x in xs], marker="o", label=library, color=_color(library))
    ax.set(xscale="log", yscale="log", xlabel="keys in the state", ylabel="one dispatch (µs, median)")
    ax.set_title("Dispatch time vs state size (one key changed)")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def interactions(heavy: dict[str, dict[str, dict[str, Any]]], path: Path) -> None:
    """Latency (p50 with p95 whiskers) and reruns per interaction, both variants."""
    variants = list(heavy)
    names = list(heavy[variants[0]])
    width = 0.8 / len(variants)
    fig, (lat, runs) = plt.subplots(1, 2, figsize=(11, 4))
    for i, variant in enumerate(variants):
        xs = [n + i * width for n in range(len(names))]
        stats = [heavy[variant][name] for name in names]
        p50 = [s["p50_ms"] for s in stats]
        p95 = [s["p95_ms"] - s["p50_ms"] for s in stats]
        lat.bar(xs, p50, width, yerr=[[0] * len(p95), p95], capsize=3, label=variant, color=_color(variant))
        runs.bar(xs, [s["app_runs"] for s in stats], width, color=_color(variant), label=f"{variant}: full runs")
        runs.bar(
            xs, [s["fragment_runs"] for s in stats], width, bottom=[s["app_runs"] for s in stats],
            color=_color(variant), alpha=0.45, hatch="//", label=f"{variant}: fragment runs",
        )
    lat.set_yscale("log")  # a body-data p95 (the 50,000-point chart) dwarfs the rest
    for ax, title, unit in ((lat, "Click to rendered (p50, whisker p95)", "ms"), (runs, "Scopes run per interaction", "runs")):
        ax.set_xticks([n + width * (len(variants) - 1) / 2 for n in range(len(names))], names)
        ax.set_title(title)
        ax.set_ylabel(unit)
        ax.grid(True, axis="y", alpha=0.3)
    lat.legend(fontsize=8)
    runs.legend(fontsize=7)
    fig.suptitle("Heavy dashboard: 100,000-row table, 50,000-point chart")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def sessions(scaling: dict[str, dict[str, Any]], path: Path) -> None:
    """Latency (p50, p95) and server memory per session against the number of sessions."""
    fig, (lat, mem) = plt.subplots(1, 2, figsize=(11, 4))
    for variant, result in scaling.items():
        measured = {n: s for n, s in result["sessions"].items() if "error" not in s}
        counts = [int(n) for n in measured]
        stats = list(measured.values())
        color = _color(variant)
        lat.plot(counts, [s["p50_ms"] for s in stats], marker="o", color=color, label=f"{variant} p50")
        lat.plot(counts, [s["p95_ms"] for s in stats], marker="^", ls="--", color=color, label=f"{variant} p95")
        mem.plot(counts, [s["rss_per_session_mb"] for s in stats], marker="o", color=color, label=variant)
    lat.set(xlabel="concurrent sessions", ylabel="pick a product: click to rendered (ms)")
    mem.set(xlabel="concurrent sessions", ylabel="server RSS / sessions (MB)")
    for ax in (lat, mem):
        ax.grid(True, alpha=0.3)
        ax.legend(fontsize=8)
    fig.suptitle("Heavy dashboard with concurrent sessions (one server, one Chromium)")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
