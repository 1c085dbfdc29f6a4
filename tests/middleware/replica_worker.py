"""One server replica for the cross-process tests: a store on a shared key, driven by stdin.

Run as ``python replica_worker.py URL KEY``; each input line is a command, each answer one JSON
line: ``inc THREADS N`` (THREADS "sessions" dispatch N increments each), ``state``,
``wait VALUE`` (until the local state equals VALUE, moved by other replicas), ``try``
(one increment that may fail).
"""

from __future__ import annotations

import json
import sys
import threading
import time

from streamlit_redux import Store
from streamlit_redux.middleware.replicate import replicate
from streamlit_redux.storage import RedisStorage
from streamlit_redux.store.errors import ReplicaError


def counter(state: int | None, action: object) -> int:
    if state is None:
        return 0
    return state + 1 if getattr(action, "type", None) == "counter/incremented" else state


def main(url: str, key: str) -> None:
    store = Store(counter, None, [replicate(RedisStorage(url), key=key, poll_s=1.0)])
    changed = threading.Condition()
    store.subscribe(lambda state: _notify(changed))
    for line in sys.stdin:
        command, *args = line.split()
        if command == "inc":
            threads, count = int(args[0]), int(args[1])
            errors: list[str] = []
            workers = [
                threading.Thread(target=_increment, args=(store, count, errors))
                for _ in range(threads)
            ]
            for worker in workers:
                worker.start()
            for worker in workers:
                worker.join()
            answer: dict[str, object] = {"state": store.state, "errors": errors}
        elif command == "wait":
            deadline = time.monotonic() + 30
            with changed:
                while store.state != int(args[0]) and time.monotonic() < deadline:
                    changed.wait(0.5)
            answer = {"state": store.state}
        elif command == "try":
            try:
                store.dispatch({"type": "counter/incremented"})
                answer = {"ok": True, "state": store.state}
            except ReplicaError as exc:
                answer = {"ok": False, "error": f"{type(exc).__name__}: {exc}",
                          "state": store.state}
        else:
            answer = {"state": store.state}
        print(json.dumps(answer), flush=True)


def _notify(changed: threading.Condition) -> None:
    with changed:
        changed.notify_all()


def _increment(store: Store[int], count: int, errors: list[str]) -> None:
    try:
        for _ in range(count):
            store.dispatch({"type": "counter/incremented"})
    except ReplicaError as exc:
        errors.append(f"{type(exc).__name__}: {exc}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
