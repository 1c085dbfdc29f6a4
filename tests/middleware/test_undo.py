import tracemalloc

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule
from pyrsistent import PVector, pmap

from streamlit_redux import (
    Action,
    HistoryActionError,
    Store,
    UndoDefinitionError,
    combine_reducers,
    create_action,
    create_slice,
)
from streamlit_redux.middleware.undo import (
    clear_history,
    exclude_action,
    group_by_action_types,
    include_action,
    jump,
    jump_to_future,
    jump_to_past,
    redo,
    undo,
    undoable,
)
from tests.store.matching import exact

counter = create_slice(
    name="counter",
    initial_state=0,
    reducers={
        "inc": lambda s, a: s + 1,
        "add": lambda s, a: s + a.payload,
        "same": lambda s, a: s,
        "typed": lambda s, a: s + 100,
    },
)
inc, add, same, typed = (counter.actions[n] for n in ("inc", "add", "same", "typed"))


def make(**options):
    return Store(undoable(counter.reducer, **options))


def view(store):
    state = store.state
    return list(state["past"]), state["present"], list(state["future"])


def test_history_reads_as_past_present_future():
    store = make()
    assert view(store) == ([], 0, [])
    store.dispatch(inc())
    store.dispatch(inc())
    assert view(store) == ([0, 1], 2, [])


def test_undo_and_redo():
    store = make()
    store.dispatch(inc())
    store.dispatch(inc())
    store.dispatch(undo())
    assert view(store) == ([0], 1, [2])
    store.dispatch(redo())
    assert view(store) == ([0, 1], 2, [])


def test_new_action_after_undo_clears_the_future():
    store = make()
    store.dispatch(inc())
    store.dispatch(undo())
    store.dispatch(add(5))
    assert view(store) == ([0], 5, [])


def test_action_that_does_not_change_state_adds_no_entry():
    store = make()
    store.dispatch(inc())
    before = store.state
    store.dispatch(same())
    store.dispatch(Action("unrelated"))
    assert store.state is before


def test_undo_and_redo_at_the_ends_do_nothing():
    store = make()
    before = store.state
    store.dispatch(undo())
    store.dispatch(redo())
    assert store.state is before


def test_jumps():
    store = make()
    for _ in range(4):
        store.dispatch(inc())
    store.dispatch(jump(-2))
    assert view(store) == ([0, 1], 2, [3, 4])
    store.dispatch(jump(2))
    assert view(store) == ([0, 1, 2, 3], 4, [])
    store.dispatch(jump_to_past(1))
    assert view(store) == ([0], 1, [2, 3, 4])
    store.dispatch(jump_to_future(2))
    assert view(store) == ([0, 1, 2, 3], 4, [])


@pytest.mark.parametrize("action", [jump(-9), jump(9), jump(0), jump_to_past(7), jump_to_future(0), jump_to_past(-1)])
def test_out_of_range_jumps_do_nothing(action):
    store = make()
    store.dispatch(inc())
    before = store.state
    store.dispatch(action)
    assert store.state is before


def test_jump_needs_an_int():
    store = make()
    with pytest.raises(HistoryActionError, match=exact(
        'Action "@@streamlit_redux/undo/JUMP" needs an int payload (a step or an index), got '
        "'x'; e.g. jump(-2) or jump_to_past(0)."
    )):
        store.dispatch(jump("x"))


def test_limit_drops_the_oldest_states():
    store = make(limit=3)
    for _ in range(5):
        store.dispatch(inc())
    assert view(store) == ([3, 4], 5, [])


@pytest.mark.parametrize("bad", [0, -1, 1.5, True])
def test_limit_must_be_a_positive_int(bad):
    with pytest.raises(UndoDefinitionError, match=exact(
        f"undoable(limit={bad!r}): limit must be an int >= 1 or None; pass e.g. limit=50, "
        "or leave it out to keep every state."
    )):
        undoable(counter.reducer, limit=bad)


def test_filtered_actions_change_the_present_without_an_entry():
    store = make(filter=exclude_action(typed.type))
    store.dispatch(inc())
    store.dispatch(typed())
    assert view(store) == ([0], 101, [])
    store.dispatch(inc())
    assert view(store) == ([0, 1], 102, [])


def test_include_action_records_only_listed_types():
    store = make(filter=include_action(inc.type))
    store.dispatch(add(10))
    store.dispatch(inc())
    assert view(store) == ([0], 11, [])


def test_grouped_actions_share_one_entry():
    store = make(group_by=group_by_action_types(typed.type))
    store.dispatch(inc())
    store.dispatch(typed())
    store.dispatch(typed())
    store.dispatch(inc())
    assert view(store) == ([0, 1, 201], 202, [])
    store.dispatch(undo())
    store.dispatch(undo())
    assert store.state["present"] == 1


def test_ignore_initial_state_keeps_the_initial_state_out_of_history():
    store = make(ignore_initial_state=True)
    store.dispatch(inc())
    store.dispatch(inc())
    assert view(store) == ([1], 2, [])


def test_clear_history_keeps_the_present():
    store = make()
    store.dispatch(inc())
    store.dispatch(inc())
    store.dispatch(undo())
    store.dispatch(clear_history())
    assert view(store) == ([], 1, [])


def test_undoable_slice_inside_combine_reducers():
    store = Store(combine_reducers(counter=undoable(counter.reducer), other=lambda s, a: s or "x"))
    store.dispatch(inc())
    store.dispatch(undo())
    assert store.state["counter"]["present"] == 0
    assert store.state["other"] == "x"


def test_wraps_a_plain_initial_state():
    store = Store(undoable(counter.reducer), initial_state=7)
    store.dispatch(inc())
    assert view(store) == ([7], 8, [])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.integers(-3, 3), max_size=25))
def test_undo_then_redo_returns_the_same_state(steps):
    store = make()
    for n in steps:
        store.dispatch(add(n))
    before = store.state["present"]
    store.dispatch(undo())
    store.dispatch(redo())
    assert store.state["present"] == before


def reference(actions, *, filtered=(), grouped=()):
    """A list-based model of redux-undo's history for add/typed actions."""
    past, present, latest, group = [], 0, 0, None
    for kind, n in actions:
        new = present + n if kind == "add" else present + 100
        if new == present:
            continue
        if kind in filtered:
            present = new
            continue
        key = kind if kind in grouped else None
        if key is not None and key == group:
            present = latest = new
            continue
        past, present, latest, group = [*past, latest], new, new, key
    return past, present


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.one_of(st.tuples(st.just("add"), st.integers(-2, 2)), st.tuples(st.just("typed"), st.just(0))), max_size=30),
    st.sampled_from(["filter", "group", "none"]),
)
def test_history_matches_a_reference_model(actions, mode):
    options = {
        "filter": {"filter": exclude_action(typed.type)},
        "group": {"group_by": group_by_action_types(typed.type)},
        "none": {},
    }[mode]
    store = make(**options)
    for kind, n in actions:
        store.dispatch(add(n) if kind == "add" else typed())
    past, present = reference(
        actions,
        filtered=("typed",) if mode == "filter" else (),
        grouped=("typed",) if mode == "group" else (),
    )
    assert (list(store.state["past"]), store.state["present"]) == (past, present)


def test_history_memory_grows_with_the_changes_not_the_state_size():
    rows = create_slice(
        name="rows",
        initial_state=pmap({i: i for i in range(20_000)}),
        reducers={"touched": lambda s, a: s.set(a.payload % 20_000, -a.payload)},
    )
    store = Store(undoable(rows.reducer))
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for i in range(200):
            store.dispatch(rows.actions.touched(i + 1))
        grown = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    # A deep copy per step would hold 200 copies of 20k entries (tens of MB); sharing holds ~2 MB.
    assert len(store.state["past"]) == 200
    assert grown < 5_000_000
    assert store.state["past"][0] is not store.state["present"]
    assert isinstance(store.state["future"], PVector)


def test_custom_action_types_replace_the_built_in_ones():
    undo_a, redo_a, clear_a = (create_action(f"a/{n}") for n in ("undo", "redo", "clear"))
    store = make(undo_type=undo_a.type, redo_type=redo_a.type, clear_history_type=[clear_a.type])
    store.dispatch(inc())
    store.dispatch(undo())  # the built-in type is now an ordinary action: nothing happens
    assert view(store) == ([0], 1, [])
    store.dispatch(undo_a())
    assert view(store) == ([], 0, [1])
    store.dispatch(redo_a())
    assert view(store) == ([0], 1, [])
    store.dispatch(clear_a())
    assert view(store) == ([], 1, [])


def test_two_undoable_slices_undo_separately():
    undo_b = create_action("b/undo")
    store = Store(
        combine_reducers(a=undoable(counter.reducer), b=undoable(counter.reducer, undo_type=undo_b.type))
    )
    store.dispatch(inc())
    store.dispatch(undo_b())
    assert store.state["a"]["present"] == 1
    assert store.state["b"]["present"] == 0


def test_the_same_type_for_two_history_actions_is_refused():
    with pytest.raises(UndoDefinitionError, match=exact(
        "undoable got the same action type for two history actions (['@@streamlit_redux/undo/"
        "CLEAR_HISTORY', '@@streamlit_redux/undo/JUMP', '@@streamlit_redux/undo/JUMP_TO_FUTURE', "
        "'@@streamlit_redux/undo/JUMP_TO_PAST', 'x']); give undo, redo, the jumps and "
        "clear_history distinct types."
    )):
        undoable(counter.reducer, undo_type="x", redo_type="x")


def test_sync_filter_records_the_filtered_present_in_the_next_entry():
    plain = make(filter=exclude_action(add.type))
    synced = make(filter=exclude_action(add.type), sync_filter=True)
    for store in (plain, synced):
        store.dispatch(add(10))
        store.dispatch(inc())
    assert view(plain) == ([0], 11, [])
    assert view(synced) == ([10], 11, [])


class HistoryModel:
    """redux-undo's history as plain lists, for the state machine below."""

    def __init__(self, *, limit, filtered, grouped, sync_filter, ignore_initial_state):
        self.limit, self.filtered, self.grouped = limit, filtered, grouped
        self.sync, self.ignore = sync_filter, ignore_initial_state
        self.past, self.future, self.present, self.group = [], [], 0, None
        self.latest = None if ignore_initial_state else 0

    def apply(self, kind, new):
        if new == self.present:
            return
        if new == self.latest:
            self.present = new
        elif kind in self.filtered:
            self.present = new
            self.latest = new if self.sync else self.latest
        elif kind in self.grouped and kind == self.group:
            self.present = self.latest = new
        else:
            if self.limit is not None and self.limit <= len(self.past) + 1:
                self.past = self.past[1:]
            if self.latest is not None:
                self.past = [*self.past, self.latest]
            self.present = self.latest = new
            self.future = []
            self.group = kind if kind in self.grouped else None

    def to_past(self, i):
        if 0 <= i < len(self.past):
            self.future = [*self.past[i + 1 :], self.latest, *self.future]
            self.present = self.latest = self.past[i]
            self.past, self.group = self.past[:i], None

    def to_future(self, i):
        if 0 <= i < len(self.future):
            self.past = [*self.past, self.latest, *self.future[:i]]
            self.present = self.latest = self.future[i]
            self.future, self.group = self.future[i + 1 :], None

    def jump(self, n):
        if n > 0:
            self.to_future(n - 1)
        elif n < 0:
            self.to_past(len(self.past) + n)

    def clear(self):
        self.past, self.future, self.group = [], [], None
        self.latest = None if self.ignore else self.present


class UndoableMatchesTheModel(RuleBasedStateMachine):
    """Every history action, every option: the store's history equals the list model's."""

    @initialize(
        limit=st.one_of(st.none(), st.integers(1, 4)),
        mode=st.sampled_from(["filter", "group", "none"]),
        sync_filter=st.booleans(),
        ignore_initial_state=st.booleans(),
    )
    def start(self, limit, mode, sync_filter, ignore_initial_state):
        filtered = ("typed",) if mode == "filter" else ()
        grouped = ("typed",) if mode == "group" else ()
        self.model = HistoryModel(
            limit=limit,
            filtered=filtered,
            grouped=grouped,
            sync_filter=sync_filter,
            ignore_initial_state=ignore_initial_state,
        )
        self.store = make(
            limit=limit,
            filter=exclude_action(typed.type) if filtered else None,
            group_by=group_by_action_types(typed.type) if grouped else None,
            sync_filter=sync_filter,
            ignore_initial_state=ignore_initial_state,
        )

    @rule(n=st.integers(-2, 2))
    def add(self, n):
        self.model.apply("add", self.model.present + n)
        self.store.dispatch(add(n))

    @rule()
    def typed(self):
        self.model.apply("typed", self.model.present + 100)
        self.store.dispatch(typed())

    @rule()
    def undo(self):
        self.model.jump(-1)
        self.store.dispatch(undo())

    @rule()
    def redo(self):
        self.model.jump(1)
        self.store.dispatch(redo())

    @rule(n=st.integers(-4, 4))
    def jump(self, n):
        self.model.jump(n)
        self.store.dispatch(jump(n))

    @rule(i=st.integers(-1, 4))
    def jump_to_past(self, i):
        self.model.to_past(i)
        self.store.dispatch(jump_to_past(i))

    @rule(i=st.integers(-1, 4))
    def jump_to_future(self, i):
        self.model.to_future(i)
        self.store.dispatch(jump_to_future(i))

    @rule()
    def clear(self):
        self.model.clear()
        self.store.dispatch(clear_history())

    @invariant()
    def same_history(self):
        if hasattr(self, "model"):
            expected = (self.model.past, self.model.present, self.model.future)
            assert view(self.store) == expected


UndoableMatchesTheModel.TestCase.settings = settings(max_examples=150, deadline=None)
test_undoable_matches_the_model = UndoableMatchesTheModel.TestCase
