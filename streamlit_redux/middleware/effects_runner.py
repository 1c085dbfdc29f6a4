"""One store's background effects: a few threads of its own, a bounded queue, a deadline each.

Why per store and not one pool for the process: a session whose effects hang (a slow API, a
lost connection) must never delay another session's effects. Each store runs at most
``max_concurrent`` effects at once and queues at most ``max_queued``; beyond that an effect is
refused and reported. Threads start only when an effect is queued and end as soon as the queue
is empty, so an idle store holds no thread and a closed one releases them.

Python cannot kill a thread: a background effect that runs past its ``timeout_s`` has its token
cancelled and an :class:`EffectTimeoutError` reported, but it keeps its slot until it returns.
Only that store waits for it.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from time import monotonic
from typing import Any

from streamlit_redux.store.actions import Action
from streamlit_redux.store.errors import EffectRefusedError, EffectTimeoutError
from streamlit_redux.store.middleware_api import MiddlewareAPI

THREAD_NAME = "streamlit_redux-effect"
"""Worker threads are named ``THREAD_NAME``; each store's deadline watcher adds ``-deadlines``."""

Report = Callable[[Callable[..., Any], Action, Exception], None]


class CancelToken:
    """Handed to background effects: poll ``cancelled`` or sleep with ``wait(seconds)``.

    Set when the effect runs past its timeout, or when its store is closed or cancelled.

    >>> token = CancelToken()
    >>> token.cancel(); token.cancelled, token.wait(60)
    (True, True)
    """

    def __init__(self) -> None:
        self._event = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def wait(self, seconds: float) -> bool:
        """Sleep up to ``seconds``; True if cancelled meanwhile (stop then)."""
        return self._event.wait(seconds)

    def cancel(self) -> None:
        self._event.set()


@dataclass(eq=False)
class Job:
    """One background effect to run: ``effect(action, api, token)`` within ``timeout_s``."""

    effect: Callable[..., Any]
    action: Action
    api: MiddlewareAPI
    timeout_s: float
    token: CancelToken = field(default_factory=CancelToken)
    deadline: float = 0.0
    timed_out: bool = False


class EffectRunner:
    """The background effects of one store, kept with ``api.resource`` (so it survives reruns)."""

    def __init__(self) -> None:
        self.max_concurrent = 4
        self.max_queued = 64
        self._cond = threading.Condition()
        self._queue: deque[Job] = deque()
        self._running: set[Job] = set()
        self._workers = 0
        self._watching = False
        self._closed = False

    def submit(self, job: Job, report: Report) -> None:
        """Queue ``job``; start a worker (up to the bound) and the deadline watcher if needed."""
        with self._cond:
            refusal = self._refusal(job)
            if refusal is None:
                self._queue.append(job)
                if self._workers < self.max_concurrent:
                    self._workers += 1
                    _start(self._work, THREAD_NAME, report)
                if not self._watching:
                    self._watching = True
                    _start(self._watch, f"{THREAD_NAME}-deadlines", report)
                self._cond.notify_all()
        if refusal is not None:
            report(job.effect, job.action, refusal)

    def _refusal(self, job: Job) -> EffectRefusedError | None:
        name, action_type = _name(job.effect), job.action.type
        if self._closed:
            return EffectRefusedError(
                f'Background effect "{name}" was not started after action "{action_type}": its '
                "store was closed (its session ended); dispatch to an open store."
            )
        if len(self._queue) >= self.max_queued:
            return EffectRefusedError(
                f'Background effect "{name}" was not started after action "{action_type}": '
                f"{len(self._queue)} effects of this store are already waiting; dispatch less "
                "often, or raise effects_middleware(max_queued=...)."
            )
        return None

    def cancel(self) -> None:
        """Cancel the tokens of running and queued effects (the queued ones still start)."""
        with self._cond:
            jobs = [*self._running, *self._queue]
        for job in jobs:
            job.token.cancel()

    def close(self) -> None:
        """Drop queued effects, cancel running ones, refuse new ones; threads end as they return."""
        with self._cond:
            self._closed = True
            self._queue.clear()
            running = list(self._running)
            self._cond.notify_all()
        for job in running:
            job.token.cancel()

    def _work(self, report: Report) -> None:
        while True:
            with self._cond:
                if self._closed or not self._queue:
                    self._workers -= 1
                    return
                job = self._queue.popleft()
                job.deadline = monotonic() + job.timeout_s
                self._running.add(job)
                self._cond.notify_all()  # the watcher learns the new deadline
            error: Exception | None = None
            try:
                job.effect(job.action, job.api, job.token)
            except Exception as exc:
                error = exc
            with self._cond:
                self._running.discard(job)
                timed_out = job.timed_out
                self._cond.notify_all()
            if error is not None and not timed_out:  # a timed-out effect was reported already
                report(job.effect, job.action, error)

    def _watch(self, report: Report) -> None:
        """Cancel and report effects past their deadline; end when nothing is left to watch."""
        while True:
            with self._cond:
                expired = self._wait_for_expired()
                if expired is None:
                    self._watching = False
                    return
            for job in expired:
                job.token.cancel()
                report(job.effect, job.action, _timeout_error(job))

    def _wait_for_expired(self) -> list[Job] | None:
        """Under the lock: the jobs past their deadline (marked), or None when done watching."""
        while True:
            pending = [job for job in self._running if not job.timed_out]
            if self._closed or (not self._queue and not pending):
                return None
            now = monotonic()
            expired = [job for job in pending if job.deadline <= now]
            if expired:
                for job in expired:
                    job.timed_out = True
                return expired
            self._cond.wait(min((job.deadline for job in pending), default=now + 60) - now)


def _start(target: Callable[[Report], None], name: str, report: Report) -> None:
    threading.Thread(target=target, args=(report,), name=name, daemon=True).start()


def _timeout_error(job: Job) -> EffectTimeoutError:
    return EffectTimeoutError(
        f'Background effect "{_name(job.effect)}" ran past its timeout of {job.timeout_s:g} s '
        f'after action "{job.action.type}"; its token was cancelled. Return when '
        "token.cancelled is set (sleep with token.wait), or raise on(..., timeout_s=...)."
    )


def _name(effect: Callable[..., Any]) -> str:
    return str(getattr(effect, "__qualname__", None) or repr(effect))
