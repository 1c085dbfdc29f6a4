"""Debian's Chromium and the flags this machine needs (its closed network refuses Chromium's
background connections); shared by the root conftest and tests that launch their own browser."""

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
