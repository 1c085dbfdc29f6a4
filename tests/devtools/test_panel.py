"""The sidebar panel (status, banner, slider, controls, enabling), through AppTest."""

import pytest

from streamlit_redux import Store
from streamlit_redux.devtools import DevtoolsError
from streamlit_redux.devtools.panel import devtools_enabled
from tests.binding.raised import raise_from_app
from tests.devtools.panel_apps import K, click, markdown, recorder_of, run_app
from tests.store.matching import exact


def test_panel_draws_in_the_sidebar_when_enabled():
    app = run_app()
    assert app.sidebar.subheader[0].value.endswith("devtools")
    assert "0 actions" in app.sidebar.caption[0].value


def test_slider_travels_back_and_the_app_renders_the_old_state():
    app = run_app()
    click(app, "inc")
    click(app, "inc")
    assert "count=2" in markdown(app)
    app.slider(key=K + "slider").set_value(1).run()
    assert "count=1" in markdown(app)
    assert "Time travel: showing state 1 of 2" in app.main.warning[0].value


def test_app_interactions_are_ignored_while_travelling_until_back_to_present():
    app = run_app()
    click(app, "inc")
    click(app, "inc")
    app.slider(key=K + "slider").set_value(0).run()
    click(app, "inc")
    assert "count=0" in markdown(app)
    assert "1 ignored so far" in app.main.warning[0].value
    click(app, K + "present")
    assert "count=2" in markdown(app)
    assert not app.main.warning
    click(app, "inc")
    assert "count=3" in markdown(app)


def test_commit_revert_and_reset():
    app = run_app()
    click(app, "inc")
    click(app, K + "commit")
    assert recorder_of(app).staged_ids == [0]
    click(app, "inc")
    click(app, K + "revert")
    assert "count=1" in markdown(app)
    click(app, K + "reset")
    assert "count=0" in markdown(app)


def test_lock_ignores_app_actions_and_pause_stops_logging():
    app = run_app()
    click(app, K + "lock")
    click(app, "inc")
    assert "count=0" in markdown(app) and "locked" in app.sidebar.caption[0].value
    click(app, K + "lock")
    click(app, K + "pause")
    click(app, "inc")
    assert "count=1" in markdown(app)
    assert recorder_of(app).staged_ids == [0]
    click(app, K + "pause")
    click(app, "inc")
    assert recorder_of(app).staged_ids == [0, 1]


def test_auto_is_off_outside_development_mode(monkeypatch):
    monkeypatch.delenv("STREAMLIT_REDUX_DEV", raising=False)
    app = run_app("plain_store_app.py")
    assert not app.sidebar.subheader
    assert devtools_enabled("auto") is False


def test_auto_turns_on_with_the_environment_variable_on_a_plain_store(monkeypatch):
    monkeypatch.setenv("STREAMLIT_REDUX_DEV", "1")
    app = run_app("plain_store_app.py")
    assert app.sidebar.subheader
    click(app, "inc")
    app.sidebar.toggle(key="streamlit_redux:devtools:plain:stats").set_value(True).run()
    app.slider(key="streamlit_redux:devtools:plain:slider").set_value(0).run()
    assert "count=0" in markdown(app)
    assert "this one is a plain Store" in " ".join(c.value for c in app.sidebar.caption)
    assert isinstance(app.session_state["plain"], Store)


def test_enabled_must_be_true_false_or_auto():
    with pytest.raises(DevtoolsError, match=exact(
        "devtools.sidebar(enabled='yes') is not an option; pass True, False, or \"auto\" (on "
        "only in development mode or with STREAMLIT_REDUX_DEV=1)."
    )):
        raise_from_app("""
            from streamlit_redux import devtools, get_store
            store = get_store(lambda state, action: 0)
            devtools.sidebar(store, enabled="yes")
        """)


def test_undo_and_redo_buttons_appear_for_undoable_state_in_the_demo():
    from tests.devtools.panel_apps import EXAMPLES

    app = run_app(EXAMPLES / "devtools_demo.py")
    app.text_input(key="draft").input("milk").run()
    app.button(key="add").click().run()
    assert "### Todos (0/1 done)" in markdown(app)
    click(app, K + "undo")
    assert "### Todos (0/0 done)" in markdown(app)
    click(app, K + "redo")
    assert "### Todos (0/1 done)" in markdown(app)


def test_counter_app_has_no_undo_buttons():
    app = run_app()
    assert not [b for b in app.sidebar.button if b.key == K + "undo"]
