"""Every example app runs, and its main interaction works (AppTest)."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from streamlit_redux.testing import app_store, captured_reruns

EXAMPLES = Path(__file__).parents[1] / "examples"


def run(name):
    app = AppTest.from_file(str(EXAMPLES / name), default_timeout=15).run()
    assert not app.exception, app.exception
    return app


def test_counter_counts():
    app = run("counter.py")
    app.button[0].click().run()
    app.button[1].click().run()
    assert app.metric[0].value == "11"


def test_todo_add_toggle_filter_and_clear():
    app = run("todo.py")
    app.text_input[0].input("Ship it").run()
    app.button[0].click().run()
    assert [c.label for c in app.checkbox] == ["Write reducers", "Bind widgets", "Ship it"]
    assert app.text_input[0].value == ""
    app.checkbox[1].check().run()
    assert app.metric[0].value == "2 / 3"
    app.run()  # AppTest's element tree holds only the fragments a keyed rerun ran
    with captured_reruns(app_store(app)) as decisions:
        app.radio[0].set_value("open").run()
    assert [c.label for c in app.checkbox] == ["Ship it"]
    assert decisions[-1].scopes == ("filter", "todo-list")  # the bound radio's scope too
    app.run()
    app.button[1].click().run()
    assert app.metric[0].value == "0 / 1"


def test_todo_toggle_reruns_list_and_stats_but_not_the_filter():
    app = run("todo.py")
    with captured_reruns(app_store(app)) as decisions:
        app.checkbox[1].check().run()
    assert set(decisions[-1].scopes) == {"todo-list", "stats"}


@pytest.mark.parametrize("country", ["Japan", "Peru"])
def test_dependent_fields_reset_the_city(country):
    app = run("dependent_fields.py")
    app.selectbox[1].select("Lyon").run()
    app.selectbox[0].select(country).run()
    assert not app.exception, app.exception
    assert app.selectbox[1].options[0] == app.selectbox[1].value
    assert f", {country}**" in app.markdown[-1].value


def test_shared_board_shows_one_sessions_card_in_another():
    from streamlit_redux.binding import shared

    shared._stores.pop("board", None)
    alice, bob = run("shared_board.py"), run("shared_board.py")
    alice.text_input(key="streamlit_redux:bind:name").input("Alice").run()
    alice.text_input(key="streamlit_redux:bind:draft").input("Write docs").run()
    alice.button[0].click().run()
    bob.run()
    assert [t.value for t in bob.text] == ["Write docs (by Alice)"]
    bob.button(key="move-1-done").click().run()
    alice.run()
    bob.run()
    assert alice.button(key="move-1-todo").label == "→ todo"  # the card is in "done" now
    assert bob.text_input(key="streamlit_redux:bind:name").value == ""  # names stay per session
    shared._stores.pop("board", None)


@pytest.mark.filterwarnings("ignore::streamlit_redux.middleware.persist_scope.PersistenceDisabledWarning")
def test_wizard_branches_fails_a_taken_email_keeps_the_draft_and_then_signs_up(tmp_path, monkeypatch):
    monkeypatch.setenv("WIZARD_DB", str(tmp_path / "wizard.db"))
    app = run("wizard.py")

    def press(name):
        step = app_store(app).state["onboarding"]["step"]  # nav keys are per step
        app.button(key=f"onboarding-{step}-{name}").click().run()
        app.run()  # AppTest's element tree holds only the fragments a keyed rerun ran

    press("next")
    assert [e.value for e in app.error] == [
        "email: Enter an email address, like ann@example.com",
        "password: Use at least 10 characters",
    ]
    app.text_input[0].input("taken@example.com").run()
    app.text_input[1].input("correct horse").run()
    press("next")
    app.text_input[0].input("Ann").run()
    app.radio[0].set_value("business").run()
    press("next")
    app.text_input[0].input("Acme").run()
    press("next")
    assert "Company: **Acme**" in [m.value for m in app.markdown]
    press("submit")
    assert [e.value for e in app.error] == [
        "taken@example.com already has an account: use another email"]
    for _ in range(3):
        press("back")
    assert app.text_input[0].value == "taken@example.com"
    app.text_input[0].input("ann@example.com").run()
    for _ in range(3):
        press("next")
    press("submit")
    assert [s.value for s in app.success] == ["Welcome aboard, ann!"]
    assert app.get("progress")[0].proto.text == "Step 5 of 5: Welcome"
