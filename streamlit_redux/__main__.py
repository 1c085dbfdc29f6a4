"""Command line: ``python -m streamlit_redux purge`` deletes expired stored copies.

Expired copies already read as absent; purging frees their space. Run it from cron::

    python -m streamlit_redux purge                       # .streamlit_redux.db here
    python -m streamlit_redux purge --sqlite /data/app.db
    python -m streamlit_redux purge --json state.json
    python -m streamlit_redux purge --redis redis://host:6379/0   # Redis expires keys itself
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from streamlit_redux.middleware.persist_scope import purge_expired
from streamlit_redux.storage import JSONFileStorage, RedisStorage, SQLiteStorage, StorageError
from streamlit_redux.storage.base import Storage
from streamlit_redux.storage.sqlite import DEFAULT_PATH


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0: done, 1: the storage failed)."""
    parser = argparse.ArgumentParser(prog="python -m streamlit_redux")
    commands = parser.add_subparsers(dest="command", required=True)
    purge = commands.add_parser("purge", help="delete expired stored copies (ttl=)")
    where = purge.add_mutually_exclusive_group()
    where.add_argument("--sqlite", metavar="PATH", help=f"SQLite file (default {DEFAULT_PATH})")
    where.add_argument("--json", metavar="PATH", help="JSONFileStorage file")
    where.add_argument("--redis", metavar="URL", help="Redis URL")
    purge.add_argument("--prefix", default="streamlit_redux:", help="RedisStorage prefix")
    options = parser.parse_args(argv)
    storage: Storage
    if options.json:
        storage, name = JSONFileStorage(options.json), options.json
    elif options.redis:
        storage, name = RedisStorage(options.redis, prefix=options.prefix), options.redis
    else:
        path = options.sqlite or DEFAULT_PATH
        storage, name = SQLiteStorage(path), path
    try:
        count = purge_expired(storage)
    except StorageError as exc:
        print(f"purge failed: {exc}", file=sys.stderr)
        return 1
    print(f"purged {count} expired key(s) from {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
