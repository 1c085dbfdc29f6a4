"""A real redis-server that a test can kill and start again on the same port and data.

Append-only with ``appendfsync always``: every write Redis acknowledged survives ``kill -9``,
so "no committed update lost" is a property of our code, not of a lucky snapshot.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest


class RedisServer:
    def __init__(self, workdir: Path) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            pytest.skip("Redis tests need redis-server (apt-get install redis-server)")
        self.binary = binary
        self.workdir = workdir
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "yes", "--appendfsync", "always", "--dir", str(self.workdir)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2) as conn:
                    conn.sendall(b"PING\r\n")
                    if conn.recv(16).startswith(b"+PONG"):
                        return
            except OSError:
                time.sleep(0.05)  # still starting (or loading its append-only file)
        self.kill()
        pytest.fail("redis-server did not answer PING within 10 s")

    def kill(self) -> None:
        """``kill -9``: no shutdown save, connections drop mid-flight."""
        if self.process is not None:
            self.process.kill()
            self.process.wait(10)
            self.process = None
