"""Every backend as one parametrized ``storage`` fixture, and a real redis-server on a free
loopback port for the Redis one."""

import shutil
import socket
import subprocess
import time

import pytest

from streamlit_redux.storage import JSONFileStorage, MemoryStorage, RedisStorage, SQLiteStorage


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory):
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("Redis tests need redis-server (apt-get install redis-server)")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    workdir = tmp_path_factory.mktemp("redis")
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--dir", str(workdir)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2) as conn:
                conn.sendall(b"PING\r\n")
                if conn.recv(16).startswith(b"+PONG"):
                    break
        except OSError:
            time.sleep(0.05)  # the server is still starting
    else:
        process.kill()
        pytest.fail("redis-server did not answer PING within 10 s")
    yield f"redis://127.0.0.1:{port}/0"
    process.terminate()
    process.wait(10)


@pytest.fixture(params=["memory", "json", "sqlite", "redis"])
def storage(request, tmp_path):
    """Each backend in turn, empty: a fresh file, or a fresh key prefix on the shared Redis."""
    if request.param == "memory":
        return MemoryStorage()
    if request.param == "json":
        return JSONFileStorage(tmp_path / "state.json")
    if request.param == "sqlite":
        return SQLiteStorage(tmp_path / "state.db")
    return RedisStorage(request.getfixturevalue("redis_url"), prefix=f"t{time.time_ns()}:")
