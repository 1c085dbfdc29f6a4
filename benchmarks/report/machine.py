"""What the numbers were measured on: CPU, cores, load, and the versions that matter."""

from __future__ import annotations

import os
import platform
from importlib import metadata
from pathlib import Path

PACKAGES = ("streamlit", "pyrsistent", "python-redux", "pydux", "playwright")


def cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def load_average() -> str:
    return " / ".join(f"{x:.1f}" for x in os.getloadavg())


def versions() -> dict[str, str]:
    found = {"Python": platform.python_version()}
    for name in PACKAGES:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = "not installed"
    return found


def describe(load_before: str) -> list[str]:
    """Markdown lines for the report's machine section."""
    lines = [
        f"- CPU: {cpu_model()}, {os.cpu_count()} cores ({platform.system()} {platform.release()})",
        f"- load average (1/5/15 min) before the run: {load_before}; after: {load_average()}",
    ]
    lines += [f"- {name} {version}" for name, version in versions().items()]
    return lines
