import threading

from streamlit_redux.middleware import effects_middleware, on, thunk_middleware

from .flows import VALID, actions, fill, make_store, onboarding, select, step


def at_review(store, **values):
    fill(store, **{**VALID, **values})
    store.dispatch(actions.goto("review"))
    assert step(store) == "review"
    return store


def test_submit_records_a_pending_submit_and_locks_the_draft():
    store = at_review(make_store())
    store.dispatch(actions.submit())
    assert select.is_submitting(store.state)
    assert isinstance(select.pending_submit(store.state), str)
    before = store.state
    fill(store, name="Bo")
    store.dispatch(actions.back())
    store.dispatch(actions.goto("account"))
    assert store.state is before


def test_submit_away_from_the_last_step_changes_nothing():
    store = make_store()
    fill(store, **VALID)
    before = store.state
    store.dispatch(actions.submit())
    assert store.state is before


def test_submit_rechecks_the_path_and_returns_to_the_first_step_that_fails():
    store = at_review(make_store())
    fill(store, email="")  # edited out of band, e.g. by another widget
    store.dispatch(actions.submit())
    assert step(store) == "account"
    assert not select.is_submitting(store.state)
    assert dict(select.errors_for("account")(store.state)) == {"email": "Enter your email"}


def test_submit_succeeded_moves_to_the_success_step_and_completes():
    store = at_review(make_store())
    store.dispatch(actions.submit())
    store.dispatch(actions.submit_succeeded({"account_id": 7}))
    assert step(store) == "welcome"
    assert select.is_complete(store.state)
    assert select.result(store.state)["account_id"] == 7
    assert select.progress(store.state).fraction == 1.0
    before = store.state
    store.dispatch(actions.back())
    store.dispatch(actions.abandon())
    assert store.state is before


def test_submit_failed_moves_to_the_error_step_and_leaves_the_data_as_it_was():
    store = at_review(make_store())
    data = select.data(store.state)
    store.dispatch(actions.submit())
    store.dispatch(actions.submit_failed("Card declined"))
    assert step(store) == "failed"
    assert select.submit_error(store.state) == "Card declined"
    assert select.data(store.state) is data
    store.dispatch(actions.retry())
    assert step(store) == "review"
    store.dispatch(actions.submit())
    assert select.submit_error(store.state) is None


def test_a_late_result_of_an_abandoned_submit_is_ignored():
    store = at_review(make_store())
    store.dispatch(actions.submit())
    old = select.pending_submit(store.state)
    store.dispatch(actions.abandon())
    at_review(store)
    store.dispatch(actions.submit())
    new = select.pending_submit(store.state)
    assert old != new
    before = store.state
    store.dispatch(actions.submit_succeeded("old", request_id=old))
    assert store.state is before
    store.dispatch(actions.submit_succeeded("new", request_id=new))
    assert select.result(store.state) == "new"


def test_a_background_effect_that_starts_after_an_abandon_sends_nothing():
    sent = []
    effect = onboarding.submit_effect(sent.append)
    store = at_review(make_store())
    submit = actions.submit()
    store.dispatch(submit)
    store.dispatch(actions.abandon())

    class LateApi:
        get_state = staticmethod(lambda: store.state)
        dispatch = staticmethod(store.dispatch)

    effect(submit, LateApi(), None)
    assert sent == []


def test_an_effect_given_a_state_without_its_submit_sends_nothing():
    sent = []
    effect = onboarding.submit_effect(sent.append)
    store = at_review(make_store())
    submit = actions.submit()  # never dispatched: the store holds no pending submit

    class Api:
        get_state = staticmethod(lambda: store.state)
        dispatch = staticmethod(store.dispatch)

    effect(submit, Api(), None)
    assert sent == []
    assert not select.is_submitting(store.state)


def test_a_submit_effect_sees_the_committed_submit_inside_a_thunk():
    sent = []
    effects = effects_middleware(on(actions.submit, onboarding.submit_effect(
        lambda draft: sent.append(draft) or "ok")))
    store = at_review(make_store(middleware=[thunk_middleware(), effects]))

    def submit_then_edit(dispatch, get_state):
        dispatch(actions.submit())
        dispatch(onboarding.setter("name")("ignored while pending"))

    store.dispatch(submit_then_edit)
    assert select.result(store.state) == "ok"
    assert sent[0]["name"] == "Ann"


def test_a_submit_dispatched_as_a_mapping_without_an_id_still_completes():
    effects = effects_middleware(on(actions.submit, onboarding.submit_effect(lambda draft: "ok")))
    store = at_review(make_store(middleware=[effects]))
    store.dispatch({"type": "onboarding/submit"})
    assert select.is_complete(store.state)


def test_a_result_without_a_pending_submit_is_ignored():
    store = at_review(make_store())
    before = store.state
    store.dispatch(actions.submit_failed("late"))
    assert store.state is before


def test_a_sync_effect_completes_the_submit():
    sent = []
    effects = effects_middleware(
        on(actions.submit, onboarding.submit_effect(lambda draft: sent.append(draft) or 42)))
    store = at_review(make_store(middleware=[effects]))
    store.dispatch(actions.submit())
    assert step(store) == "welcome"
    assert select.result(store.state) == 42
    assert sent == [select.data(store.state)]


def test_an_effect_that_raises_fails_the_submit_with_its_message():
    def send(draft):
        raise ConnectionError("payments are down")

    effects = effects_middleware(on(actions.submit, onboarding.submit_effect(send)))
    store = at_review(make_store(middleware=[effects]))
    data = select.data(store.state)
    store.dispatch(actions.submit())
    assert step(store) == "failed"
    assert select.submit_error(store.state) == "payments are down"
    assert select.data(store.state) is data


def test_a_background_effect_completes_the_submit_from_its_thread():
    release = threading.Event()

    def send(draft):
        release.wait()
        return "ok"

    effects = effects_middleware(
        on(actions.submit, onboarding.submit_effect(send), background=True, timeout_s=30))
    store = at_review(make_store(middleware=[effects]))
    settled = threading.Event()
    store.subscribe(lambda state: settled.set() if not select.is_submitting(state) else None)
    store.dispatch(actions.submit())
    assert select.is_submitting(store.state)
    release.set()
    settled.wait(timeout=30)
    store.close()
    assert select.is_complete(store.state)
    assert select.result(store.state) == "ok"


def test_the_effect_does_nothing_when_the_submit_was_refused():
    calls = []
    effects = effects_middleware(on(actions.submit, onboarding.submit_effect(calls.append)))
    store = make_store(middleware=[effects])
    store.dispatch(actions.submit())  # first step, nothing pending
    assert calls == []

