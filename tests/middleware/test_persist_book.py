"""The persist journal keeps only what a rebase needs, and answers as the full journal did.

The first journal kept every reducer step since the last write, states included, keyed by the
new state's identity, and walked it from the present back to the sync point. The journal now
keeps the committed actions and the steps of the transaction in progress only. Both answer
``actions_since_sync`` alike for any interleaving of steps, commits, rollbacks and writes: the
old one lives on here as the model.
"""

from __future__ import annotations

import gc
import json
import threading
import weakref
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from streamlit_redux import Store
from streamlit_redux.middleware import persist
from streamlit_redux.middleware.persist_book import JOURNAL_LIMIT, Book
from streamlit_redux.storage import MemoryStorage
from streamlit_redux.store.actions import Action
from streamlit_redux.store.errors import ReducerError


class FullJournal:
    """The first journal: every step since the sync point, by the new state's identity."""

    def __init__(self, synced: Any) -> None:
        self.synced = synced
        self.journal: dict[int, tuple[Any, Action, Any]] = {}

    def record(self, previous: Any, action: Action, state: Any) -> None:
        if state is not previous:
            self.journal[id(state)] = (previous, action, state)

    def actions_since_sync(self, state: Any) -> list[Action] | None:
        actions: list[Action] = []
        node = state
        for _ in range(len(self.journal) + 1):
            if node is self.synced:
                actions.reverse()
                return actions
            step = self.journal.get(id(node))
            if step is None or step[2] is not node:
                return None
            node, action = step[0], step[1]
            actions.append(action)
        return None

    def mark_synced(self, state: Any) -> None:
        self.synced = state
        if id(state) not in self.journal:
            return
        keys = list(self.journal)
        for key in keys[: keys.index(id(state)) + 1]:
            del self.journal[key]


class State:
    """A state object: only its identity matters to a journal."""

    def __init__(self, label: int) -> None:
        self.label = label


# One transaction: its steps, some inside nested dispatches that roll back, and whether the
# whole transaction commits. A step either makes a new state or (False) changes nothing.
steps_st = st.lists(st.tuples(st.booleans(), st.booleans()), max_size=4)
operations = st.lists(
    st.one_of(
        st.tuples(st.just("transaction"), steps_st, st.booleans()),
        st.tuples(st.just("write"), st.integers(min_value=0, max_value=10), st.none()),
    ),
    max_size=25,
)


@settings(max_examples=300, deadline=None)
@given(operations)
def test_journal_answers_like_the_full_journal(ops: list[tuple[str, Any, Any]]) -> None:
    start = State(0)
    book, model = Book(), FullJournal(start)
    book.start_at(start)
    committed = [start]  # every committed state since the last write, held alive
    labels = iter(range(1, 10_000))
    for kind, steps, commits in ops:
        if kind == "write":
            state = committed[min(steps, len(committed) - 1)]
            book.mark_synced(state)
            model.mark_synced(state)
            committed = committed[committed.index(state) :]
            continue
        working = committed[-1]
        for changes, rolled_back in steps:
            action = Action(f"a{next(labels)}")
            following = State(next(labels)) if changes else working
            book.record(working, action, following)
            model.record(working, action, following)
            assert book.actions_since_sync(following) == model.actions_since_sync(following)
            if not rolled_back:
                working = following
        if commits and working is not committed[-1]:
            book.committed(working)
            committed.append(working)
        assert book.actions_since_sync(committed[-1]) == model.actions_since_sync(committed[-1])


def test_journal_keeps_no_state_between_writes() -> None:
    storage = MemoryStorage()
    persistor = persist(storage, key="kept", debounce_s=60)
    store = Store(
        lambda s, a: s.set("n", s["n"] + 1) if a.type == "inc" else s,
        {"n": 0},
        middleware=[persistor],
    )
    store.dispatch({"type": "inc"})
    first = weakref.ref(store.state)
    for _ in range(5):
        store.dispatch({"type": "inc"})
    gc.collect()
    assert first() is None  # the debounced journal no longer holds intermediate states
    persistor.flush()
    assert storage.get("kept") is not None


def test_rolled_back_dispatch_leaves_no_action_to_rebase() -> None:
    storage = MemoryStorage()
    persistor = persist(storage, key="rb", debounce_s=60)

    def reducer(state: Any, action: Action) -> Any:
        if action.type == "boom":
            raise ValueError("boom")
        return state.set("n", state["n"] + 1) if action.type == "inc" else state

    store = Store(reducer, {"n": 0}, middleware=[persistor])
    store.dispatch({"type": "inc"})
    with pytest.raises(
        ReducerError, match=r'^The reducer raised ValueError: boom while handling action "boom"'
    ):
        store.dispatch({"type": "boom"})
    store.dispatch({"type": "inc"})
    book = store.resource("streamlit_redux:persist:rb", Book)
    assert [a.type for a in book.actions_since_sync(store.state) or []] == ["inc", "inc"]
    persistor.flush()


def test_threads_on_two_debounced_stores_of_one_key_lose_no_update() -> None:
    """Dispatches on several threads, debounced writes on timer threads, compare-and-set
    conflicts between the two stores: every increment ends up in the stored copy."""
    storage = MemoryStorage()

    def reducer(state: Any, action: Action) -> Any:
        return state.set("n", state["n"] + 1) if action.type == "inc" else state

    persistors = [persist(storage, key="shared", debounce_s=0.001) for _ in range(2)]
    stores = [Store(reducer, {"n": 0}, middleware=[p]) for p in persistors]

    def work(store: Store[Any]) -> None:
        for _ in range(200):
            store.dispatch({"type": "inc"})

    threads = [threading.Thread(target=work, args=(s,)) for s in stores for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for persistor in (*persistors, *persistors):
        persistor.flush()
    assert json.loads(storage.get("shared") or "null")["state"]["n"] == 800


def test_a_write_posted_off_the_store_thread_is_folded_in_by_the_next_commit() -> None:
    """``mark_synced`` runs on the writer's thread without the store's lock: it only posts the
    stored state; the next commit (or rebase) under the store's lock trims the log to it, and
    of two posts between commits the newer one counts."""
    states = [State(i) for i in range(5)]
    book = Book()
    book.start_at(states[0])
    for i in (1, 2, 3):
        book.record(states[i - 1], Action(f"a{i}"), states[i])
        book.committed(states[i])
    writer = threading.Thread(target=book.mark_synced, args=(states[1],))
    writer.start()
    writer.join()
    assert book.synced is states[0]  # posted only
    book.mark_synced(states[2])
    book.record(states[3], Action("a4"), states[4])
    book.committed(states[4])
    assert book.synced is states[2]
    assert [a.type for a in book.actions_since_sync(states[4]) or []] == ["a3", "a4"]
    book.mark_synced(states[4])
    assert book.actions_since_sync(states[4]) == []
    assert book.synced is states[4]


def test_an_overflow_posted_by_a_failed_write_drops_the_journal_unless_a_write_trimmed_it() -> None:
    """A failed write that finds more than JOURNAL_LIMIT actions posts it; the store's thread
    drops the journal at the next commit, unless a write stored the state meanwhile."""
    states = [State(i) for i in range(JOURNAL_LIMIT + 4)]
    book = Book()
    book.start_at(states[0])
    for i in range(1, JOURNAL_LIMIT + 2):
        book.record(states[i - 1], Action(f"a{i}"), states[i])
        book.committed(states[i])
    failed = threading.Thread(target=book.note_failure)
    failed.start()
    failed.join()
    book.mark_synced(states[JOURNAL_LIMIT + 1])  # ... but a later write stored everything
    book.record(states[JOURNAL_LIMIT + 1], Action("next"), states[JOURNAL_LIMIT + 2])
    book.committed(states[JOURNAL_LIMIT + 2])
    assert [a.type for a in book.actions_since_sync(states[JOURNAL_LIMIT + 2]) or []] == ["next"]
    book.note_failure()  # 1 action: nothing to drop
    assert book.actions_since_sync(states[JOURNAL_LIMIT + 2]) is not None
    for i in range(JOURNAL_LIMIT + 1):
        book.record(states[JOURNAL_LIMIT + 2], Action("again"), states[i])
        book.committed(states[i])
        book.record(states[i], Action("back"), states[JOURNAL_LIMIT + 2])
        book.committed(states[JOURNAL_LIMIT + 2])
    book.note_failure()
    assert book.actions_since_sync(states[JOURNAL_LIMIT + 2]) is None
    assert book.lost is not None and f"more than {JOURNAL_LIMIT} actions" in book.lost
