"""Property tests for the store contract (hypothesis)."""

import contextlib
import copy

from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule
from pyrsistent import pmap, thaw

from streamlit_redux import Action, ReducerError, Store, combine_reducers, create_slice

items = create_slice(
    name="items",
    initial_state={},
    reducers={
        "put": lambda s, a: s.set(a.payload[0], a.payload[1]),
        "drop": lambda s, a: s.discard(a.payload),
        "explode": lambda s, a: s[a.payload],  # KeyError unless present: a reducer that raises
    },
)
count = create_slice(name="count", initial_state=0, reducers={"bump": lambda s, a: s + a.payload})
root = combine_reducers(items=items.reducer, count=count.reducer)

keys = st.sampled_from("abcde")
actions = st.one_of(
    st.tuples(keys, st.integers()).map(items.actions.put),
    keys.map(items.actions.drop),
    keys.map(items.actions.explode),
    st.integers(-5, 5).map(count.actions.bump),
    st.just(Action("unrelated")),
)


def fold(accepted):
    state = root(None, Action("@@streamlit_redux/INIT"))
    for action in accepted:
        state = root(state, action)
    return state


@settings(max_examples=200, deadline=None)
@given(st.lists(actions, max_size=40))
def test_state_equals_fold_of_accepted_actions(sequence):
    store = Store(root)
    accepted = []
    for action in sequence:
        before = store.state
        try:
            store.dispatch(action)
        except ReducerError:
            assert store.state is before
        else:
            accepted.append(action)
    assert store.state == fold(accepted)


@settings(max_examples=100, deadline=None)
@given(st.lists(actions, max_size=30))
def test_dispatch_never_mutates_a_prior_state(sequence):
    store = Store(root)
    history = [(store.state, copy.deepcopy(thaw(store.state)))]
    for action in sequence:
        with contextlib.suppress(ReducerError):
            store.dispatch(action)
        history.append((store.state, copy.deepcopy(thaw(store.state))))
    for state, snapshot in history:
        assert thaw(state) == snapshot


class StoreContract(RuleBasedStateMachine):
    """Replaying the same actions gives the same state; listeners fire once per change."""

    def __init__(self):
        super().__init__()
        self.store = Store(root)
        self.accepted = []
        self.notifications = 0
        self.changes = 0
        self.store.subscribe(self._listen)

    def _listen(self, state):
        self.notifications += 1

    @rule(action=actions)
    def dispatch(self, action):
        before = self.store.state
        try:
            self.store.dispatch(action)
        except ReducerError:
            return
        self.accepted.append(action)
        if self.store.state is not before:
            self.changes += 1

    @invariant()
    def replay_gives_the_same_state(self):
        assert self.store.state == fold(self.accepted)

    @invariant()
    def listeners_fire_once_per_changing_dispatch(self):
        assert self.notifications == self.changes

    @invariant()
    def state_stays_immutable(self):
        assert isinstance(self.store.state, type(pmap()))


TestStoreContract = StoreContract.TestCase
TestStoreContract.settings = settings(max_examples=50, stateful_step_count=30, deadline=None)
