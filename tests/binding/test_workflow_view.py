from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from streamlit_redux import Store, combine_reducers
from streamlit_redux.binding import workflow_view
from streamlit_redux.binding.workflow_view import render_workflow
from streamlit_redux.testing import app_store, captured_reruns
from streamlit_redux.workflow import (
    Step,
    UnknownStepError,
    WorkflowDefinitionError,
    create_workflow,
)

APP = str(Path(__file__).parent / "apps" / "workflow_app.py")


def start(**options):
    app = AppTest.from_file(APP, default_timeout=15)
    for name, value in options.items():
        app.session_state[name] = value
    app.run()
    assert not app.exception, app.exception
    return app


def nav(app, button):
    """The nav button ``button`` of the step shown (keys are per step: "signup-<step>-next")."""
    return app.button(key=f"signup-{workflow_state(app)['step']}-{button}")


def workflow_state(app):
    return app_store(app).state["signup"]


def progress_text(app):
    return app.get("progress")[0].proto.text


def test_next_is_disabled_until_the_step_is_valid_and_back_on_the_first_step():
    app = start()
    assert nav(app, "back").disabled
    assert nav(app, "next").disabled
    app.text_input[0].input("ann@example.com").run()
    assert not nav(app, "next").disabled
    nav(app, "next").click().run()
    assert workflow_state(app)["step"] == "plan"
    assert progress_text(app) == "Step 2 of 3: Plan"


def test_a_press_on_an_invalid_step_shows_each_fields_message_until_it_is_edited():
    app = start(disable_invalid=False)
    nav(app, "next").click().run()
    assert [e.value for e in app.error] == ["email: Enter your email"]
    app.text_input[0].input("ann@example.com").run()
    assert [e.value for e in app.error] == []


def test_typing_in_a_step_reruns_that_step_alone():
    app = start()
    with captured_reruns(app_store(app)) as decisions:
        app.text_input[0].input("ann@example.com").run()
    assert decisions[-1].kind == "fragments"
    assert decisions[-1].scopes == ("signup-step",)


def test_next_reruns_the_step_and_the_progress_and_branches_on_the_answer():
    app = start()
    app.text_input[0].input("ann@example.com").run()
    with captured_reruns(app_store(app)) as decisions:
        nav(app, "next").click().run()
    assert set(decisions[-1].scopes) == {"signup-step", "signup-progress"}
    app.run()  # AppTest's element tree holds only the fragments a keyed rerun ran
    app.radio[0].set_value("team").run()
    app.run()
    assert progress_text(app) == "Step 2 of 4: Plan"
    nav(app, "next").click().run()
    assert workflow_state(app)["step"] == "seats"


def test_back_keeps_the_values_entered():
    app = start()
    app.text_input[0].input("ann@example.com").run()
    nav(app, "next").click().run()
    nav(app, "back").click().run()
    app.run()
    assert app.text_input[0].value == "ann@example.com"


def to_review(app, email):
    app.text_input[0].input(email).run()
    nav(app, "next").click().run()
    app.radio[0].set_value("solo").run()
    nav(app, "next").click().run()
    app.run()
    assert workflow_state(app)["step"] == "review"


def test_a_failing_submit_shows_its_error_keeps_the_draft_and_a_retry_succeeds():
    app = start()
    to_review(app, "fail@example.com")
    assert nav(app, "submit").label == "Submit"
    nav(app, "submit").click().run()
    app.run()
    assert [e.value for e in app.error] == ["The sign-up service refused fail@example.com"]
    assert workflow_state(app)["data"]["email"] == "fail@example.com"
    nav(app, "back").click().run()
    nav(app, "back").click().run()
    app.run()
    app.text_input[0].input("ann@example.com").run()
    nav(app, "next").click().run()
    nav(app, "next").click().run()
    nav(app, "submit").click().run()
    app.run()
    assert [s.value for s in app.success] == ["Welcome, account 1"]
    assert [b for b in app.button if b.key and b.key.startswith("signup-")] == []
    assert progress_text(app) == "Step 4 of 4: Done"


def test_a_step_event_gets_its_own_button():
    app = start()
    to_review(app, "ann@example.com")
    assert nav(app, "edit_plan").label == "Edit plan"
    nav(app, "edit_plan").click().run()
    assert workflow_state(app)["step"] == "plan"


def test_a_pending_submit_is_kept_in_its_session_and_settled_in_the_next_one():
    first = start(no_effect=True)
    to_review(first, "ann@example.com")
    nav(first, "submit").click().run()
    first.run()
    assert workflow_state(first)["status"] == "submitting"
    assert first.info[0].value == "Submitting…"
    assert nav(first, "back").disabled
    assert nav(first, "submit").disabled
    root = app_store(first).state

    refreshed = start(initial=root)  # a new session finds the persisted pending submit
    assert workflow_state(refreshed)["status"] == "editing"
    assert [e.value for e in refreshed.error] == ["The submit was interrupted; submit again."]
    nav(refreshed, "submit").click().run()
    refreshed.run()
    assert workflow_state(refreshed)["status"] == "done"


def test_interrupted_none_leaves_a_pending_submit_alone():
    wf = create_workflow("one", steps=[Step("only")])
    store = Store(combine_reducers(one=wf.reducer))
    store.dispatch(wf.actions.submit())

    def app():
        import streamlit as st

        from streamlit_redux import get_store
        from streamlit_redux.binding.workflow_view import render_workflow
        from streamlit_redux.workflow import Step, create_workflow

        wf = create_workflow("one", steps=[Step("only")])
        store = get_store({"one": wf.reducer}, initial_state=st.session_state["initial"])
        render_workflow(store, wf, steps={"only": lambda: None}, interrupted=None)

    at = AppTest.from_function(app, default_timeout=15)
    at.session_state["initial"] = store.state
    at.run()
    assert not at.exception, at.exception
    assert app_store(at).state["one"]["status"] == "submitting"


@pytest.mark.parametrize(
    ("steps", "error", "message"),
    [
        ({"account": print}, WorkflowDefinitionError,
         r'^render_workflow\("signup"\) has no function for step\(s\) done; pass one per step in '
         r'steps=\{\.\.\.\}, e\.g\. steps=\{"done": draw_done\}\.$'),
        ({"account": print, "done": print, "dnoe": print}, UnknownStepError,
         r"""^render_workflow\("signup"\) got a function for step 'dnoe', which the workflow """
         r"does not have; its steps are: account, done\. Fix the step name\.$"),
        ({"account": print, "done": "Done"}, WorkflowDefinitionError,
         r"""^render_workflow\("signup"\) got 'Done' for step "done"; pass a function that """
         r'draws the step, e\.g\. steps=\{"done": draw_done\}\.$'),
    ],
)
def test_steps_that_do_not_match_the_workflow_are_refused(steps, error, message):
    wf = create_workflow("signup", steps=[Step("account"), Step("done")])
    with pytest.raises(error, match=message):
        render_workflow(None, wf, steps=steps)


def test_a_step_drawn_as_a_form_submits_its_fields_in_one_action():
    def app():
        import streamlit as st

        from streamlit_redux import get_store
        from streamlit_redux.binding.workflow_view import render_workflow
        from streamlit_redux.workflow import Step, create_workflow, required

        ship = create_workflow("ship", steps=[
            Step("address", fields={"address.city": required("Name the city")}), Step("done")],
            data={"address": {"street": "", "city": ""}})
        store = get_store({"ship": ship.reducer})

        def address():
            with st.form("address"):
                form = store.bind_form(ship.store_path("address"), ship.setter("address"))
                st.text_input("Street", **form.field("street"))
                st.text_input("City", **form.field("city"))
                st.form_submit_button("Save address", **form.submit())

        render_workflow(store, ship, steps={"address": address, "done": lambda: st.write("ok")},
                        disable_invalid=False)

    at = AppTest.from_function(app, default_timeout=15).run()
    at.button(key="ship-address-next").click().run()
    at.run()
    assert [e.value for e in at.error] == ["address.city: Name the city"]
    at.text_input[0].input("1 Main St")
    at.text_input[1].input("Lyon")
    at.button[0].click().run()  # the form's submit button
    at.run()
    assert [e.value for e in at.error] == []
    assert dict(app_store(at).state["ship"]["data"]["address"]) == {"street": "1 Main St",
                                                                   "city": "Lyon"}
    at.button(key="ship-address-next").click().run()
    assert app_store(at).state["ship"]["step"] == "done"


def test_a_stored_draft_on_a_step_a_code_update_renamed_starts_again_with_its_data(
    tmp_path, monkeypatch
):
    """Before, every selector and Next raised KeyError on the renamed step, on every load."""
    monkeypatch.setenv("DRAFT_DB", str(tmp_path / "drafts.db"))
    versions = str(Path(__file__).parent / "apps" / "workflow_versions.py")
    monkeypatch.setenv("VERSION", "1")
    first = AppTest.from_file(versions, default_timeout=15).run()
    first.text_input[0].input("ann@example.com").run()
    first.button(key="signup-account-next").click().run()
    assert app_store(first).state["signup"]["step"] == "profile"

    monkeypatch.setenv("VERSION", "2")  # "profile" is now "about"
    updated = AppTest.from_file(versions, default_timeout=15).run()
    assert not updated.exception, updated.exception
    state = app_store(updated).state["signup"]
    assert (state["step"], list(state["history"])) == ("account", ["account"])
    assert updated.text_input[0].value == "ann@example.com"
    assert [toast.value for toast in updated.toast] == [workflow_view.RESTARTED]
    updated.button(key="signup-account-next").click().run()
    assert app_store(updated).state["signup"]["step"] == "about"
