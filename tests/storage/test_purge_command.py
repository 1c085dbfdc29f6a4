"""``python -m streamlit_redux purge``: deletes expired keys, keeps the rest."""

import subprocess
import sys
import threading

from streamlit_redux.storage import JSONFileStorage, SQLiteStorage


def purge(*args, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "streamlit_redux", "purge", *args], capture_output=True, text=True, cwd=cwd
    )


def test_purge_deletes_expired_keys_of_a_sqlite_file(tmp_path):
    storage = SQLiteStorage(tmp_path / "app.db")
    storage.set("old", "x", ttl_s=0.02)
    storage.set("kept", "y")
    threading.Event().wait(0.06)
    done = purge("--sqlite", str(tmp_path / "app.db"))
    assert (done.returncode, done.stdout) == (0, f"purged 1 expired key(s) from {tmp_path / 'app.db'}\n")
    assert SQLiteStorage(tmp_path / "app.db").keys() == ["kept"]


def test_purge_defaults_to_the_default_database_in_the_working_directory(tmp_path):
    SQLiteStorage(tmp_path / ".streamlit_redux.db").set("old", "x", ttl_s=0.02)
    threading.Event().wait(0.06)
    assert purge(cwd=tmp_path).stdout == "purged 1 expired key(s) from .streamlit_redux.db\n"


def test_purge_a_json_file(tmp_path):
    JSONFileStorage(tmp_path / "s.json").set("old", "x", ttl_s=0.02)
    threading.Event().wait(0.06)
    assert purge("--json", str(tmp_path / "s.json")).stdout.startswith("purged 1 expired key(s)")


def test_purge_reports_a_storage_it_cannot_open(tmp_path):
    (tmp_path / "not.db").write_text("text, not a database " * 50)
    done = purge("--sqlite", str(tmp_path / "not.db"))
    assert done.returncode == 1
    assert done.stderr.startswith(f'purge failed: SQLiteStorage cannot open "{tmp_path / "not.db"}"')
