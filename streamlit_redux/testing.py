"""Helpers for testing apps built on streamlit_redux: captured actions, the store of an AppTest,
and which parts of the page reran."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from streamlit_redux.binding.reruns import RerunDecision
from streamlit_redux.binding.session import SESSION_KEY_PREFIX
from streamlit_redux.binding.view import StoreView
from streamlit_redux.store import signals
from streamlit_redux.store.actions import Action
from streamlit_redux.store.errors import AppStoreNotFoundError
from streamlit_redux.store.store import Store


@contextmanager
def captured_actions(store: Store | StoreView[Any]) -> Iterator[list[Action]]:
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

    core = store.store if isinstance(store, StoreView) else store
    with signals.action_dispatched.connected_to(record, sender=core):
        yield actions


def app_store(app: Any, *, key: str = "store") -> StoreView[Any]:
    """The store ``get_store(..., key=key)`` made in a ``streamlit.testing.v1.AppTest`` session.

    >>> # app = AppTest.from_file("app.py").run(); store = app_store(app)
    """
    slot = SESSION_KEY_PREFIX + key
    try:
        view = app.session_state[slot]
    except KeyError:
        view = None
    if not isinstance(view, StoreView):
        raise AppStoreNotFoundError(
            f"session_state[{slot!r}] holds no store (found {type(view).__name__}); run the app "
            f'first (app.run()) and pass the key given to get_store(key="{key}").'
        )
    return view


@contextmanager
def counted_reruns(view: StoreView[Any]) -> Iterator[Counter[str]]:
    """Count the runs of each scope ("app", fragment keys) inside the ``with`` block.

    >>> # with counted_reruns(app_store(app)) as runs:
    >>> #     app.button(key="inc").click().run()
    >>> # assert runs == {"counter": 1}
    """
    runs: Counter[str] = Counter()

    def count(sender: StoreView[Any], *, scope: str) -> None:
        runs[scope] += 1

    with signals.scope_ran.connected_to(count, sender=view):
        yield runs


@contextmanager
def captured_reruns(view: StoreView[Any]) -> Iterator[list[RerunDecision]]:
    """Collect the rerun decisions ``view`` makes inside the ``with`` block.

    >>> # with captured_reruns(app_store(app)) as decisions:
    >>> #     app.button(key="inc").click().run()
    >>> # assert decisions[-1].scopes == ("counter",)
    """
    decisions: list[RerunDecision] = []

    def capture(sender: StoreView[Any], *, decision: RerunDecision) -> None:
        decisions.append(decision)

    with signals.rerun_decided.connected_to(capture, sender=view):
        yield decisions
