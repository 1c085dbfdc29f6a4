"""The recorder on a live store, following Redux DevTools' instrument tests."""

import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from streamlit_redux import Action, ReducerError, Store
from streamlit_redux import devtools as dt
from streamlit_redux.devtools import DevtoolsError, Recorder
from tests.store.matching import exact

INC, DEC = Action("INCREMENT"), Action("DECREMENT")


def counter(state, action):
    state = 0 if state is None else state
    if action.type == "INCREMENT":
        return state + 1
    if action.type == "DECREMENT":
        return state - 1
    return state


def double_counter(state, action):
    state = 0 if state is None else state
    return state + {"INCREMENT": 2, "DECREMENT": -2}.get(action.type, 0)


def counter_with_bug(state, action):
    state = 0 if state is None else state
    if action.type == "DECREMENT":
        return mistake - 1  # type: ignore[name-defined]  # noqa: F821
    return counter(state, action)


def counter_with_other_bug(state, action):
    state = 0 if state is None else state
    if action.type == "INCREMENT":
        return mistake + 1  # type: ignore[name-defined]  # noqa: F821
    return counter(state, action)


def make(reducer=counter, **options):
    store = Store(reducer)
    return store, dt.instrument(store, **options).recorder


def dispatch_all(store, *actions):
    for action in actions:
        with contextlib.suppress(ReducerError):
            store.dispatch(action)


def test_performs_actions():
    store, recorder = make()
    dispatch_all(store, INC, INC)
    assert store.state == 2
    assert recorder.staged_ids == [0, 1, 2]
    assert [c.state for c in recorder.computed] == [0, 1, 2]


def test_rollback_returns_to_the_last_committed_state():
    store, _ = make()
    dispatch_all(store, INC, INC)
    store.dispatch(dt.commit())
    assert store.state == 2
    dispatch_all(store, INC, INC)
    assert store.state == 4
    store.dispatch(dt.rollback())
    assert store.state == 2
    store.dispatch(DEC)
    assert store.state == 1
    store.dispatch(dt.rollback())
    assert store.state == 2


def test_reset_returns_to_the_state_the_recorder_started_with():
    store, _ = make()
    store.dispatch(INC)
    store.dispatch(dt.commit())
    store.dispatch(INC)
    store.dispatch(dt.rollback())
    assert store.state == 1
    store.dispatch(INC)
    store.dispatch(dt.reset())
    assert store.state == 0


def test_toggle_skips_an_action_and_recomputes_the_states_after_it():
    store, recorder = make()
    dispatch_all(store, INC, DEC, INC)
    assert store.state == 1
    store.dispatch(dt.toggle_action(2))
    assert store.state == 2
    assert recorder.skipped_ids == {2}
    store.dispatch(dt.toggle_action(2))
    assert store.state == 1


def test_set_actions_active_skips_and_restores_ranges():
    store, _ = make()
    dispatch_all(store, INC, INC, INC)
    store.dispatch(dt.set_actions_active(1, 3, active=False))
    assert store.state == 1
    store.dispatch(dt.set_actions_active(0, 2, active=True))
    assert store.state == 2
    store.dispatch(dt.set_actions_active(0, 1, active=True))
    assert store.state == 2


def test_sweep_forgets_skipped_actions():
    store, recorder = make()
    dispatch_all(store, INC, DEC, INC, INC)
    assert store.state == 2
    store.dispatch(dt.toggle_action(2))
    assert store.state == 3 and recorder.staged_ids == [0, 1, 2, 3, 4]
    store.dispatch(dt.sweep())
    assert store.state == 3
    assert recorder.staged_ids == [0, 1, 3, 4]
    assert recorder.skipped_ids == set()
    assert 2 not in recorder.actions_by_id


def test_jump_to_state_moves_the_pointer_only():
    store, recorder = make()
    dispatch_all(store, INC, DEC, INC)
    computed = recorder.computed
    for index, expected in [(0, 0), (1, 1), (2, 0), (3, 1)]:
        store.dispatch(dt.jump_to_state(index))
        assert store.state == expected
    assert recorder.computed is computed


def test_jump_to_state_out_of_range_names_the_range():
    store, _ = make()
    store.dispatch(INC)
    with pytest.raises(DevtoolsError, match=exact(
        "Cannot jump to state 7: the recorder holds states 0..1 (0 is the committed state); "
        "pick an index in that range."
    )):
        store.dispatch(dt.jump_to_state(7))
    assert store.state == 1


@pytest.mark.parametrize("max_age", [1, 0, -5])
def test_a_max_age_below_two_is_refused_when_instrumenting(max_age):
    with pytest.raises(DevtoolsError, match=exact(
        f"Recorder max_age={max_age} is too small: the log needs the committed state and at "
        "least one action; pass max_age >= 2 (or None for no limit)."
    )):
        dt.instrument(Store(lambda s, a: 0), max_age=max_age)


def test_jump_to_action_ignores_unknown_ids():
    store, _ = make()
    dispatch_all(store, INC, DEC, INC)
    store.dispatch(dt.jump_to_action(0))
    assert store.state == 0
    store.dispatch(dt.jump_to_action(1))
    assert store.state == 1
    store.dispatch(dt.jump_to_action(10))
    assert store.state == 1


def test_app_actions_are_ignored_while_a_past_state_is_shown():
    store, recorder = make()
    dispatch_all(store, INC, INC)
    store.dispatch(dt.jump_to_state(1))
    store.dispatch(INC)
    assert store.state == 1
    assert recorder.staged_ids == [0, 1, 2]
    assert recorder.blocked == 1
    store.dispatch(dt.jump_to_state(recorder.last_index))
    assert recorder.blocked == 0  # counted per travel
    store.dispatch(INC)
    assert store.state == 3 and recorder.staged_ids == [0, 1, 2, 3]


def test_replace_reducer_replays_recorded_actions():
    store, _ = make()
    dispatch_all(store, INC, DEC, INC)
    assert store.state == 1
    store.replace_reducer(double_counter)
    assert store.state == 2
    store.dispatch(INC)
    assert store.state == 4


def test_replay_counts_each_reducer_call_once_per_recorded_action():
    calls = []

    def counting(state, action):
        calls.append(action.type)
        return counter(state, action)

    store, recorder = make(counting)
    dispatch_all(store, INC, INC, INC)
    calls.clear()
    store.dispatch(dt.replay())
    assert calls == ["@@streamlit_redux/REPLACE", "INCREMENT", "INCREMENT", "INCREMENT"]
    assert recorder.current_state == 3


def test_failed_actions_are_recorded_with_their_error_and_change_nothing():
    store, recorder = make(counter_with_bug)
    dispatch_all(store, INC, DEC, INC)
    assert store.state == 2
    assert recorder.computed[2].state == 1
    assert recorder.computed[2].error.startswith("ReducerError")
    assert "NameError" in recorder.computed[2].error
    assert recorder.computed[3] == dt.Computed(2)


def test_recomputed_errors_show_the_reducers_exception():
    store, recorder = make(counter_with_bug)
    dispatch_all(store, INC, DEC, INC)
    store.dispatch(dt.replay())
    assert recorder.computed[2].error.startswith("NameError")
    assert store.state == 2


def test_toggling_does_not_recompute_states_before_the_action():
    calls = []

    def counting(state, action):
        calls.append(action.type)
        return 0 if state is None else state

    store, _ = make(counting)
    dispatch_all(store, INC, INC, INC)
    calls.clear()
    store.dispatch(dt.toggle_action(3))
    assert calls == []
    store.dispatch(dt.toggle_action(3))
    assert calls == ["INCREMENT"]
    store.dispatch(dt.toggle_action(1))
    assert len(calls) == 3


def test_max_age_auto_commits_the_oldest_action():
    store, recorder = make(max_age=3)
    dispatch_all(store, INC, INC)
    assert store.state == 2 and len(recorder.actions_by_id) == 3
    assert recorder.committed_state == 0
    store.dispatch(INC)
    assert store.state == 3
    assert len(recorder.actions_by_id) == 3
    assert 1 not in recorder.staged_ids
    assert recorder.computed[0].state == 1 and recorder.committed_state == 1
    assert recorder.current_index == 2


def test_max_age_drops_committed_skipped_ids():
    store, recorder = make(max_age=3)
    store.dispatch(INC)
    store.dispatch(dt.toggle_action(1))
    store.dispatch(INC)
    assert 1 in recorder.skipped_ids
    store.dispatch(INC)
    assert 1 not in recorder.skipped_ids


def test_max_age_never_commits_past_an_error():
    store, recorder = make(counter_with_bug, max_age=3)
    dispatch_all(store, DEC, INC)
    assert len(recorder.staged_ids) == 3
    dispatch_all(store, INC)
    assert len(recorder.staged_ids) == 4


def test_hot_reload_that_fixes_errors_lets_max_age_commit():
    store, recorder = make(counter_with_bug, max_age=3)
    dispatch_all(store, DEC, DEC, INC, DEC, DEC, DEC)
    assert len(recorder.staged_ids) == 7
    store.replace_reducer(counter_with_other_bug)
    assert len(recorder.staged_ids) == 5
    store.replace_reducer(counter)
    assert len(recorder.staged_ids) == 3
    assert store.state == -4


def test_max_age_keeps_the_shown_index_at_or_above_zero():
    store, recorder = make(counter_with_bug, max_age=3)
    dispatch_all(store, DEC, DEC, DEC, DEC)
    store.dispatch(dt.jump_to_state(1))
    store.replace_reducer(counter)
    assert recorder.current_index == 0
    assert store.state == -2


def test_max_age_below_two_is_refused():
    with pytest.raises(DevtoolsError, match=r"max_age=1 is too small.*pass max_age >= 2"):
        make(max_age=1)


def test_lock_ignores_app_actions_but_not_devtools_actions():
    store, recorder = make()
    store.dispatch(INC)
    store.dispatch(dt.lock_changes(True))
    assert recorder.locked and recorder.next_action_id == 2
    store.dispatch(INC)
    assert recorder.next_action_id == 2 and store.state == 1
    store.dispatch(dt.toggle_action(1))
    assert store.state == 0
    store.dispatch(dt.toggle_action(1))
    assert store.state == 1
    store.dispatch(dt.lock_changes(False))
    store.dispatch(INC)
    assert recorder.next_action_id == 3 and store.state == 2


def test_pause_applies_actions_without_logging_them():
    store, recorder = make()
    dispatch_all(store, INC, INC)
    assert recorder.next_action_id == 3
    store.dispatch(dt.pause_recording(True))
    assert recorder.paused and recorder.next_action_id == 1
    assert recorder.action_at(0).type.endswith("/INIT")
    dispatch_all(store, INC, INC)
    assert recorder.next_action_id == 1 and store.state == 4
    assert recorder.committed_state == 4
    store.dispatch(dt.pause_recording(False))
    dispatch_all(store, INC, INC)
    assert recorder.next_action_id == 3
    assert recorder.actions_by_id[2] == INC
    assert store.state == 6


def test_import_of_an_export_replaces_the_log():
    store, recorder = make()
    dispatch_all(store, INC, INC, INC)
    store.dispatch(dt.toggle_action(2))
    exported = recorder.export_session()
    other, other_recorder = make()
    dispatch_all(other, DEC, DEC)
    other.dispatch(dt.import_state(exported))
    assert other.state == 2
    assert other_recorder.staged_ids == [0, 1, 2, 3]
    assert other_recorder.skipped_ids == {2}
    assert [c.state for c in other_recorder.computed] == [0, 1, 1, 2]


def test_import_of_actions_only_replays_them_with_the_current_reducer():
    store, recorder = make(double_counter)
    session = dt.Session(committed_state=None, actions=((1, INC), (2, INC), (3, INC)))
    store.dispatch(dt.import_state(session))
    assert store.state == 6
    assert recorder.next_action_id == 4


def test_recorder_without_a_store_works_as_a_pure_lifted_history():
    recorder = Recorder(counter, 0)
    for action in (INC, DEC, INC):
        recorder.perform(action)
    recorder.toggle_action(2)
    assert recorder.current_state == 2
    recorder.jump_to_state(1)
    assert recorder.travelling and recorder.blocks_app_actions


def test_a_rolled_back_transaction_records_only_the_failed_action_with_its_error():
    def failing_middleware(api):
        def wrap(next_dispatch):
            def dispatch(action):
                if action.type == "BOOM":
                    api.dispatch(INC)  # nested: rolled back with the transaction
                result = next_dispatch(action)
                if action.type == "BOOM":
                    raise RuntimeError("after the reducer")
                return result

            return dispatch

        return wrap

    store = Store(counter, middleware=[failing_middleware])
    recorder = dt.instrument(store).recorder
    store.dispatch(INC)
    with pytest.raises(Exception, match="after the reducer"):
        store.dispatch(Action("BOOM"))
    assert store.state == 1
    assert [recorder.action_at(i).type for i in range(1, len(recorder.staged_ids))] == [
        "INCREMENT",
        "BOOM",
    ]
    assert recorder.computed[-1].state == 1 and "after the reducer" in recorder.computed[-1].error


def test_instrument_is_idempotent_per_store():
    store = Store(counter)
    assert dt.instrument(store) is dt.instrument(store)
    store.dispatch(INC)
    assert dt.instrument(store).recorder.staged_ids == [0, 1]


actions = st.lists(st.sampled_from([INC, DEC]), max_size=25)


@given(actions, st.data())
def test_last_computed_state_always_equals_a_fresh_replay(sequence, data):
    store, recorder = make()
    dispatch_all(store, *sequence)
    for _ in range(data.draw(st.integers(0, 4))):
        if len(recorder.staged_ids) > 1:
            store.dispatch(dt.toggle_action(data.draw(st.sampled_from(recorder.staged_ids[1:]))))
    expected = 0
    for action_id in recorder.staged_ids[1:]:
        if action_id not in recorder.skipped_ids:
            expected = counter(expected, recorder.actions_by_id[action_id])
    assert recorder.current_state == expected == store.state
    store.dispatch(dt.sweep())
    assert store.state == expected
