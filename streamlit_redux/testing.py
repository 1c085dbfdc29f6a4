"""Helpers for testing apps built on streamlit_redux: captured actions, the store of an AppTest,
and which parts of the page reran."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from streamlit_redux.binding.session import SESSION_KEY_PREFIX
from streamlit_redux.binding.session_store import SessionStore
from streamlit_redux.store import signals
from streamlit_redux.store.actions import Action
from streamlit_redux.store.store import Store


@contextmanager
def captured_actions(store: Store) -> Iterator[list[Action]]:
    """Collect every action that reaches ``store``'s reducers inside the ``with`` block.

    >>> from streamlit_redux import Store, create_slice
    >>> counter = create_slice(name="c", initial_state=0, reducers={"inc": lambda s, a: s + 1})
    >>> store = Store(counter.reducer)
    >>> with captured_actions(store) as actions:
    ...     _ = store.dispatch(counter.actions.inc())
    >>> [a.type for a in actions]
    ['c/inc']
    """
    actions: list[Action] = []

    def record(sender: Store, **data: Any) -> None:
        actions.append(data["action"])

    with signals.action_dispatched.connected_to(record, sender=store):
        yield actions


def app_store(app: Any, *, key: str = "store") -> SessionStore:
    """The store ``get_store(..., key=key)`` made in a ``streamlit.testing.v1.AppTest`` session.

    >>> # app = AppTest.from_file("app.py").run(); store = app_store(app)
    """
    store = app.session_state[SESSION_KEY_PREFIX + key]
    if not isinstance(store, SessionStore):
        raise TypeError(f"session_state[{SESSION_KEY_PREFIX + key!r}] is not a SessionStore")
    return store


@contextmanager
def counted_reruns(store: SessionStore) -> Iterator[Counter[str]]:
    """Count the runs of each scope ("app", fragment keys) inside the ``with`` block.

    >>> # with counted_reruns(app_store(app)) as runs:
    >>> #     app.button(key="inc").click().run()
    >>> # assert runs == {"counter": 1}
    """
    before = Counter(store.scope_runs)
    runs: Counter[str] = Counter()
    yield runs
    runs.update(Counter(store.scope_runs) - before)
