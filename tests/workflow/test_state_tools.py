"""The workflow's state is plain data: undo, the codec and persistence handle it unchanged."""

from pyrsistent import pmap

from streamlit_redux import Store, combine_reducers
from streamlit_redux.middleware import persist
from streamlit_redux.middleware.undo import redo, undo, undoable
from streamlit_redux.storage import SQLiteStorage
from streamlit_redux.store.codec import dumps_state, loads_state

from .flows import VALID, actions, fill, make_onboarding, make_store, onboarding, select, step


def busy_state():
    store = make_store()
    fill(store, **{**VALID, "kind": "business", "company": {"name": "Acme"}, "tags": ["a", "b"]})
    store.dispatch(actions.goto("payment"))
    store.dispatch(actions.back())
    store.dispatch(actions.next())
    fill(store, card="")
    store.dispatch(actions.next())  # records an error on "payment"
    return store.state


def test_the_workflow_state_round_trips_through_the_codec():
    state = busy_state()
    assert select.errors_for("payment")(state) == pmap({"card": "Enter a card"})
    assert loads_state(dumps_state(state)) == state


def test_a_pending_submit_round_trips_through_the_codec():
    store = make_store()
    fill(store, **VALID)
    store.dispatch(actions.goto("review"))
    store.dispatch(actions.submit())
    assert loads_state(dumps_state(store.state)) == store.state


def persisted_store(path):
    return Store(
        combine_reducers(onboarding=onboarding.reducer),
        middleware=[persist(SQLiteStorage(path), key="wizard")],
    )


def test_a_draft_survives_a_persist_to_sqlite_and_back(tmp_path):
    path = tmp_path / "drafts.db"
    store = persisted_store(path)
    fill(store, **VALID)
    store.dispatch(actions.goto("payment"))
    fill(store, card="")
    store.dispatch(actions.next())
    saved = store.state
    restored = persisted_store(path)  # a new session: what a browser refresh starts
    assert restored.state == saved
    assert step(restored) == "payment"
    assert select.errors_for("payment")(restored.state) == pmap({"card": "Enter a card"})
    fill(restored, card="4242")
    restored.dispatch(actions.next())
    assert step(restored) == "review"
    restored.dispatch(actions.back())
    assert list(select.history(restored.state)) == ["account", "profile", "plan", "payment"]


def test_abandon_after_a_restore_returns_to_the_persisted_entry_snapshot(tmp_path):
    path = tmp_path / "drafts.db"
    store = persisted_store(path)
    store.dispatch(actions.reset({"email": "bo@example.com", "name": "Bo"}))
    fill(store, name="Robert")
    restored = persisted_store(path)
    restored.dispatch(actions.abandon())
    # persist merges stored maps key by key into the initial state, so a stored draft gains
    # the initial draft's fields it lacks (as new fields from a code update do)
    initial = onboarding.reducer(None, actions.back())["data"]
    assert select.data(restored.state) == initial.update({"email": "bo@example.com", "name": "Bo"})


def undoable_store():
    workflow = make_onboarding(mount="present.onboarding")
    store = Store(undoable(combine_reducers(onboarding=workflow.reducer)))
    return workflow, store


def test_undo_across_steps_restores_the_step_and_the_data():
    workflow, store = undoable_store()
    fill(store, workflow, email="ann@example.com", password="correct horse")
    store.dispatch(workflow.actions.next())
    fill(store, workflow, name="Ann")
    assert workflow.selectors.current_step(store.state) == "profile"
    store.dispatch(undo())
    store.dispatch(undo())
    assert workflow.selectors.current_step(store.state) == "account"
    assert workflow.selectors.data(store.state)["name"] == ""
    store.dispatch(undo())
    assert workflow.selectors.data(store.state)["password"] == ""
    store.dispatch(redo())
    store.dispatch(redo())
    assert workflow.selectors.current_step(store.state) == "profile"


def test_undo_of_a_submit_request_returns_to_editing():
    workflow, store = undoable_store()
    fill(store, workflow, **VALID)
    store.dispatch(workflow.actions.goto("review"))
    store.dispatch(workflow.actions.submit())
    assert workflow.selectors.is_submitting(store.state)
    store.dispatch(undo())
    assert not workflow.selectors.is_submitting(store.state)
    assert workflow.selectors.current_step(store.state) == "review"


def test_selectors_read_the_workflow_where_it_is_mounted():
    workflow, store = undoable_store()
    assert workflow.store_path("email") == "present.onboarding.data.email"
    assert workflow.select_slice(store.state) is store.state["present"]["onboarding"]


def test_a_submit_interrupted_by_a_refresh_is_settled_by_a_failure_without_an_id(tmp_path):
    path = tmp_path / "drafts.db"
    store = persisted_store(path)
    fill(store, **VALID)
    store.dispatch(actions.goto("review"))
    store.dispatch(actions.submit())  # the session ends before the effect answers
    restored = persisted_store(path)
    assert select.is_submitting(restored.state)
    restored.dispatch(actions.submit_failed("The submit was interrupted; submit again."))
    assert step(restored) == "failed"
    assert select.data(restored.state) == select.data(store.state)
