"""Helpers for testing apps built on streamlit_redux (pure Python, no Streamlit needed)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

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
