"""Browser sessions of the poll apps (``apps/shared_poll.py``, ``apps/replica_poll.py``).

Each session is its own browser context (its own cookies: a separate Streamlit session), opened
at its URL and run once; the apps log every run as ``<who> <scope>`` to ``RUN_LOG``.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.browser.conftest import wait_for_run

expect = pytest.importorskip("playwright.sync_api").expect


def runs_of(log: Path, who: str) -> list[str]:
    """The scopes session ``who`` ran since the log was cleared (``"tally"``, ``"body"``, ...)."""
    return [line.split()[1] for line in log.read_text().splitlines() if line.split()[0] == who]


@contextmanager
def poll_sessions(browser, urls: dict[str, str], log: Path) -> Iterator[dict]:
    """A page per ``{who: url}``, each run once and showing the empty tally; the log cleared.

    The pages close (their contexts with them) when the block ends.
    """
    contexts, pages = [], {}
    try:
        for who, url in urls.items():
            context = browser.new_context()
            contexts.append(context)
            pages[who] = context.new_page()
            pages[who].goto(url)
            wait_for_run(pages[who])
        expect(pages["B"].get_by_text("tabs=0 spaces=0")).to_be_visible()
        log.write_text("")
        yield pages
    finally:
        for context in contexts:
            context.close()
