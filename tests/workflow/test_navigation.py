from pyrsistent import freeze, pmap

from streamlit_redux.middleware import persist
from streamlit_redux.storage import MemoryStorage
from streamlit_redux.workflow import Progress

from .flows import VALID, actions, fill, make_store, onboarding, select, step


def at_review(**values):
    store = make_store()
    fill(store, **{**VALID, **values})
    for _ in range(4):
        store.dispatch(actions.next())
    return store


def test_initial_state_is_the_first_step_with_the_initial_draft():
    store = make_store()
    assert step(store) == "account"
    assert select.data(store.state)["kind"] is None
    assert list(select.history(store.state)) == ["account"]
    assert not select.is_complete(store.state)


def test_next_with_failing_checks_keeps_the_step_and_records_field_errors():
    store = make_store()
    fill(store, email="nope")
    store.dispatch(actions.next())
    assert step(store) == "account"
    assert select.errors_for("account")(store.state) == pmap(
        {"email": "That is not an email address", "password": "Use at least 8 characters"}
    )


def test_errors_clear_when_their_field_changes_and_only_then():
    store = make_store()
    store.dispatch(actions.next())
    fill(store, password="still bad?")
    errors = select.errors_for("account")(store.state)
    assert errors == pmap({"email": "Enter your email"})


def test_a_change_to_a_parent_or_child_path_clears_the_error():
    store = make_store()
    fill(store, **{**VALID, "kind": "business"})
    store.dispatch(actions.next())
    store.dispatch(actions.next())
    store.dispatch(actions.next())  # company name missing
    assert dict(select.errors_for("company")(store.state)) == {"company.name": "Name the company"}
    store.dispatch(onboarding.setter("company")({"name": "?"}))
    assert select.errors_for("company")(store.state) == pmap()


def test_resending_the_same_value_is_no_change():
    store = make_store()
    fill(store, email="a@b.c")
    before = store.state
    fill(store, email="a@b.c")
    assert store.state is before


def test_next_moves_when_checks_pass_and_the_errors_of_the_step_left_are_dropped():
    store = make_store()
    store.dispatch(actions.next())
    fill(store, email="ann@example.com", password="correct horse")
    store.dispatch(actions.next())
    assert step(store) == "profile"
    assert select.errors(store.state) == pmap()


def test_a_skipped_step_is_left_out_of_the_path():
    store = at_review()
    assert "company" not in select.history(store.state)
    assert list(select.history(store.state)) == ["account", "profile", "plan", "payment", "review"]


def test_a_step_whose_skip_condition_is_false_is_shown():
    store = make_store()
    fill(store, **{**VALID, "kind": "business", "company": {"name": "Acme"}})
    for _ in range(3):
        store.dispatch(actions.next())
    assert list(select.history(store.state)) == ["account", "profile", "company", "plan"]


def test_a_transition_picks_the_next_step_from_the_data():
    assert step(at_review(plan="free")) == "review"
    assert "payment" not in select.history(at_review(plan="free").state)


def test_back_keeps_the_entered_values():
    store = at_review()
    data = select.data(store.state)
    store.dispatch(actions.back())
    assert step(store) == "payment"
    assert select.data(store.state) is data


def test_back_on_the_first_step_changes_nothing():
    store = make_store()
    before = store.state
    store.dispatch(actions.back())
    assert store.state is before


def test_a_navigation_pressed_on_a_step_the_flow_has_left_changes_nothing():
    store = make_store()
    fill(store, **VALID)
    store.dispatch(actions.next(meta={"step": "account"}))
    assert step(store) == "profile"
    before = store.state
    # The same press once more (a double click, another session's page drawn before the move).
    for stale in (actions.next, actions.back, actions.submit, actions.change_plan):
        store.dispatch(stale(meta={"step": "account"}))
    assert store.state is before
    store.dispatch(actions.next(meta={"step": "profile"}))
    assert step(store) == "plan"


def test_a_stale_tabs_next_does_not_move_the_flow_another_tab_moved_on():
    # Two tabs of one browser: one persisted copy, each tab its own store. Tab A fills the
    # account and profile steps and moves on; tab B still shows the account step and presses
    # its Next, which the persistence rebases onto A's copy.
    storage = MemoryStorage()
    tab_a = make_store(middleware=[persist(storage, key="signup")])
    tab_b = make_store(middleware=[persist(storage, key="signup")])
    fill(tab_a, **VALID)
    tab_a.dispatch(actions.next(meta={"step": "account"}))
    assert step(tab_a) == "profile"
    tab_b.dispatch(actions.next(meta={"step": "account"}))
    assert step(tab_b) == "profile"  # A's copy, and B's press did not move it on to plan
    assert select.data(tab_b.state)["email"] == VALID["email"]


def test_goto_a_step_on_the_path_taken_rewinds_to_it():
    store = at_review()
    store.dispatch(actions.goto("profile"))
    assert list(select.history(store.state)) == ["account", "profile"]


def test_goto_forward_walks_next_and_stops_at_the_first_failing_step():
    store = make_store()
    fill(store, email="ann@example.com", password="correct horse", name="Ann", kind="personal")
    store.dispatch(actions.goto("review"))
    assert step(store) == "plan"
    assert dict(select.errors_for("plan")(store.state)) == {"plan": "Pick a plan"}


def test_goto_forward_reaches_the_target_when_every_step_passes():
    store = make_store()
    fill(store, **VALID)
    store.dispatch(actions.goto("review"))
    assert step(store) == "review"


def test_goto_a_step_off_the_path_changes_nothing():
    store = make_store()
    fill(store, **{**VALID, "plan": "free"})
    before = store.state
    store.dispatch(actions.goto("payment"))
    store.dispatch(actions.goto("company"))
    assert store.state is before


def test_a_user_event_is_a_guarded_transition_of_its_step():
    store = at_review()
    store.dispatch(actions.change_plan())
    assert step(store) == "plan"
    before = store.state
    store.dispatch(actions.change_plan())  # plan has no such event: ignored
    assert store.state is before


def test_can_advance_follows_the_checks_and_the_last_step():
    store = make_store()
    assert not select.can_advance(store.state)
    fill(store, email="ann@example.com", password="correct horse")
    assert select.can_advance(store.state)
    store = at_review()
    assert not select.can_advance(store.state)
    assert select.is_last(store.state)
    assert select.can_submit(store.state)
    assert select.can_back(store.state)


def test_progress_counts_the_path_taken_and_the_path_ahead_for_the_data():
    store = make_store()
    assert select.progress(store.state) == Progress(
        "account", 1, 5, 0.0, ("account", "profile", "plan", "payment", "review")
    )
    fill(store, **{**VALID, "plan": "free"})
    store.dispatch(actions.next())
    progress = select.progress(store.state)
    assert (progress.position, progress.total, progress.fraction) == (2, 4, 0.25)


def test_visited_remembers_steps_after_back():
    store = at_review()
    store.dispatch(actions.goto("account"))
    assert list(select.visited(store.state)) == [
        "account", "profile", "plan", "payment", "review"
    ]


def test_abandon_restores_the_entry_snapshot_and_the_first_step():
    store = at_review()
    store.dispatch(actions.abandon())
    assert step(store) == "account"
    assert select.data(store.state) == onboarding.reducer(None, actions.back())["data"]
    assert list(select.history(store.state)) == ["account"]


def test_reset_with_data_starts_over_and_makes_that_data_the_entry_snapshot():
    store = at_review()
    store.dispatch(actions.reset({"email": "bo@example.com"}))
    fill(store, email="changed@example.com")
    store.dispatch(actions.abandon())
    assert select.data(store.state) == freeze({"email": "bo@example.com"})


def test_reset_without_data_returns_to_the_initial_draft():
    store = at_review()
    store.dispatch(actions.reset())
    assert store.state["onboarding"] == onboarding.reducer(None, actions.back())


def test_widget_values_are_frozen_into_the_draft():
    store = make_store()
    fill(store, tags=["a", "b"])
    assert select.data(store.state)["tags"] == freeze(["a", "b"])
    store.dispatch(onboarding.setter("tags.1")("c"))
    assert list(select.data(store.state)["tags"]) == ["a", "c"]


def test_a_dispatched_mapping_drives_the_workflow_like_the_creators():
    store = make_store()
    store.dispatch({"type": "onboarding/field_changed",
                    "payload": {"path": "email", "value": "x@y.z"}})
    store.dispatch({"type": "onboarding/goto", "payload": "account"})
    assert select.data(store.state)["email"] == "x@y.z"


def test_store_path_names_the_field_for_bind_and_select_path():
    from streamlit_redux import select_path

    store = make_store()
    fill(store, email="ann@example.com")
    assert select_path(onboarding.store_path("email"))(store.state) == "ann@example.com"


def test_the_same_errors_for_selector_comes_back_for_the_same_step():
    assert select.errors_for("plan") is select.errors_for("plan")


def test_the_workflow_is_a_slice_with_steps_and_events():
    from streamlit_redux import Slice

    assert isinstance(onboarding, Slice)
    assert onboarding.events == ("change_plan", "retry")
    assert onboarding.step("failed").title == "Payment failed"
    assert [s.name for s in onboarding.steps][:2] == ["account", "profile"]
    assert onboarding.step("company").field_paths == ("company.name",)


def test_the_checking_selectors_recompute_only_when_the_workflow_changed():
    from streamlit_redux import Store, combine_reducers, create_slice

    other = create_slice(name="other", initial_state=0, reducers={"inc": lambda s, a: s + 1})
    store = Store(combine_reducers(onboarding=onboarding.reducer, other=other.reducer))
    store.select(select.can_advance)
    store.select(select.progress)
    stats = store.selector_stats()
    before = (stats["onboarding.can_advance"].recomputations,
              stats["onboarding.progress"].recomputations)
    store.dispatch(other.actions.inc())
    store.select(select.can_advance)
    first = store.select(select.progress)
    stats = store.selector_stats()
    assert (stats["onboarding.can_advance"].recomputations,
            stats["onboarding.progress"].recomputations) == before
    store.dispatch(onboarding.setter("email")("ann@example.com"))
    assert store.select(select.progress) is not first
    assert store.selector_stats()["onboarding.progress"].recomputations == before[1] + 1
