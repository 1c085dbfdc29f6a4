"""Installing the recorder on stores: isolation, signals, and a state machine of the contract."""

import contextlib

import pytest
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from streamlit_redux import Action, ReducerError, Store
from streamlit_redux import devtools as dt
from streamlit_redux.devtools import DevtoolsError
from streamlit_redux.devtools import actions as ops
from streamlit_redux.devtools.instrument import instrument


def counter(state, action):
    state = 0 if state is None else state
    if action.type == "add":
        if action.payload == 13:
            raise ValueError("unlucky")
        return state + action.payload
    return state


def test_each_store_records_only_its_own_actions():
    first, second = Store(counter), Store(counter)
    first_log, second_log = dt.instrument(first).recorder, dt.instrument(second).recorder
    first.dispatch(Action("add", 1))
    second.dispatch(Action("add", 2))
    second.dispatch(Action("add", 2))
    assert first_log.staged_ids == [0, 1] and second_log.staged_ids == [0, 1, 2]


def test_devtools_actions_are_not_recorded_but_are_timed_apart():
    store = Store(counter)
    instrumentation = dt.instrument(store)
    store.dispatch(Action("add", 1))
    store.dispatch(dt.jump_to_state(0))
    store.dispatch(dt.jump_to_state(1))
    assert instrumentation.recorder.staged_ids == [0, 1]
    assert [t.action_type for t in instrumentation.times.summaries()] == ["add"]


def test_listeners_see_time_travel_like_any_state_change():
    store = Store(counter)
    dt.instrument(store)
    seen = []
    store.subscribe(seen.append)
    store.dispatch(Action("add", 5))
    store.dispatch(dt.jump_to_state(0))
    assert seen == [5, 0]


def test_recorder_starts_from_the_state_at_install_time():
    store = Store(counter)
    store.dispatch(Action("add", 4))
    recorder = dt.instrument(store).recorder
    store.dispatch(Action("add", 1))
    store.dispatch(dt.reset())
    assert store.state == 4 and recorder.committed_state == 4


class RecorderContract(RuleBasedStateMachine):
    """Whatever the developer does in the panel, the store shows the recorder's state."""

    def __init__(self):
        super().__init__()
        self.store = Store(counter)
        self.recorder = dt.instrument(self.store, max_age=8).recorder

    @rule(amount=st.sampled_from([1, 2, 13]))
    def dispatch(self, amount):
        with contextlib.suppress(ReducerError):
            self.store.dispatch(Action("add", amount))

    @precondition(lambda self: self.recorder.last_index > 0)
    @rule(data=st.data())
    def jump(self, data):
        self.store.dispatch(dt.jump_to_state(data.draw(st.integers(0, self.recorder.last_index))))

    @precondition(lambda self: self.recorder.last_index > 0)
    @rule(data=st.data())
    def toggle(self, data):
        self.store.dispatch(dt.toggle_action(data.draw(st.sampled_from(self.recorder.staged_ids))))

    @rule(op=st.sampled_from(["sweep", "commit", "rollback", "reset", "replay"]))
    def edit(self, op):
        self.store.dispatch(getattr(dt, op)())

    @rule(status=st.booleans())
    def lock(self, status):
        self.store.dispatch(dt.lock_changes(status))

    @rule(status=st.booleans())
    def pause(self, status):
        self.store.dispatch(dt.pause_recording(status))

    @invariant()
    def store_shows_the_recorders_current_state(self):
        assert self.store.state == self.recorder.current_state

    @invariant()
    def one_computed_state_per_staged_action(self):
        recorder = self.recorder
        assert len(recorder.computed) == len(recorder.staged_ids)
        assert 0 <= recorder.current_index <= recorder.last_index
        assert recorder.skipped_ids <= set(recorder.staged_ids)

    @invariant()
    def computed_states_equal_a_fresh_replay(self):
        recorder, state = self.recorder, self.recorder.committed_state
        for index, action_id in enumerate(recorder.staged_ids[1:], start=1):
            action = recorder.actions_by_id[action_id]
            if action_id not in recorder.skipped_ids and action.payload != 13:
                state = counter(state, action)
            assert recorder.computed[index].state == state


TestRecorderContract = RecorderContract.TestCase


def test_history_recomputes_with_enhancers_added_after_the_devtools():
    def with_pages(reducer):
        def reducer_with_pages(state, action):
            state = reducer(state, action)
            return state * 10 if action.type == "page" else state

        return reducer_with_pages

    store = Store(counter)
    dt.instrument(store)
    store.wrap_reducer(with_pages, name="pages")
    store.dispatch(Action("add", 1))
    store.dispatch(Action("page"))
    store.dispatch(Action("add", 2))
    assert store.state == 12
    store.dispatch(dt.toggle_action(1))
    assert store.state == 2
    store.dispatch(dt.toggle_action(1))
    assert store.state == 12


@pytest.mark.parametrize(
    ("action", "message"),
    [
        (Action(ops.JUMP_TO_STATE, "2"), r'^"@@streamlit_redux/devtools/JUMP_TO_STATE" needs a payload that is an int, the index in the log \(0 is the committed state\); got \'2\'\.$'),
        (Action(ops.TOGGLE_ACTION, None), r'^"@@streamlit_redux/devtools/TOGGLE_ACTION" needs a payload that is an int, the id of an action in the log; got None\.$'),
        (Action(ops.SET_ACTIONS_ACTIVE, {"start": 1}), r'^"@@streamlit_redux/devtools/SET_ACTIONS_ACTIVE" needs a payload that is \{"start": int, "end": int, "active": bool\}; got '),
        (Action(ops.LOCK_CHANGES, "yes"), r'^"@@streamlit_redux/devtools/LOCK_CHANGES" needs a payload that is true or false; got \'yes\'\.$'),
        (Action(ops.IMPORT_STATE, {"actions": []}), r'^"@@streamlit_redux/devtools/IMPORT_STATE" takes a session read from a file, got dict; use the panel\'s Import button \(or devtools\.transfer\.parse_session\) instead of dispatching it\.$'),
    ],
)
def test_a_devtools_action_with_a_bad_payload_is_refused_and_changes_nothing(action, message):
    """Typed into the Dispatch box, these raised AttributeError / TypeError from the recorder."""
    store = Store(lambda s, a: s + (a.type == "inc"), 0)
    recorder = instrument(store).recorder
    store.dispatch(Action("inc"))
    before = (store.state, list(recorder.staged_ids), recorder.current_index)
    with pytest.raises(DevtoolsError, match=message):
        store.dispatch(action)
    assert (store.state, list(recorder.staged_ids), recorder.current_index) == before
