"""The panel's log and action details, through AppTest."""

import json

from streamlit.testing.v1 import AppTest

from tests.devtools.panel_apps import K, click, markdown, recorder_of, run_app


def test_selecting_an_action_shows_payload_diff_and_sanitized_state():
    app = run_app()
    click(app, "inc")
    click(app, "add")
    log = app.sidebar.radio(key=K + "selected")
    assert log.options[0].endswith("#2 todos/added")
    log.set_value(1).run()
    action_json = json.loads(app.sidebar.json[0].value)
    assert action_json["type"] == "counter/incremented"
    state_json = json.loads(app.sidebar.json[1].value)
    assert state_json["counter"] == {"value": 1, "password": "***"}
    diff = app.sidebar.dataframe[0].value
    assert list(diff["path"]) == ["counter.value"]
    assert (list(diff["old"]), list(diff["new"])) == (["0"], ["1"])


def test_the_selection_follows_the_newest_action_until_the_user_picks_one():
    app = run_app()
    click(app, "inc")
    assert app.sidebar.radio(key=K + "selected").value == 1
    click(app, "add")
    assert app.sidebar.radio(key=K + "selected").value == 2  # followed the newest
    app.sidebar.radio(key=K + "selected").set_value(1).run()
    click(app, "inc")
    assert app.sidebar.radio(key=K + "selected").value == 1  # the user's pick stays
    app.sidebar.radio(key=K + "selected").set_value(3).run()  # back on the newest
    click(app, "inc")
    assert app.sidebar.radio(key=K + "selected").value == 4


def test_skip_recomputes_the_states_after_the_action():
    app = run_app()
    click(app, "inc")
    click(app, "add")
    app.sidebar.radio(key=K + "selected").set_value(1).run()
    click(app, K + "skip")
    assert "count=0" in markdown(app) and "todos=1" in markdown(app)
    assert "skipped" in app.sidebar.radio(key=K + "selected").proto.captions[1]
    click(app, K + "sweep")
    assert recorder_of(app).staged_ids == [0, 2]


def test_filter_and_pages_keep_the_log_short():
    app = run_app()
    for _ in range(7):
        click(app, "inc")
    click(app, "add")
    log = app.sidebar.radio(key=K + "selected")
    assert len(log.options) == 5
    app.sidebar.number_input(key=K + "page").set_value(2).run()
    assert len(app.sidebar.radio(key=K + "selected").options) == 4
    app.sidebar.text_input(key=K + "filter").input("todos").run()
    options = app.sidebar.radio(key=K + "selected").options
    assert len(options) == 1 and "todos/added" in options[0]


SCALAR_COUNTER = """
import streamlit as st
from streamlit_redux import create_slice, devtools, get_store
counter = create_slice(name="counter", initial_state=0,
                       reducers={"incremented": lambda count, action: count + 1})
store = get_store(counter.reducer)
devtools.sidebar(store, enabled=True)
st.button("+1", key="inc", on_click=store.dispatch, args=(counter.actions.incremented(),))
"""


def test_a_scalar_state_is_shown_as_json_text_since_the_json_viewer_draws_only_containers():
    # The browser's JSON viewer refuses a bare number: st.json(1) draws
    # "src property must be a valid json object" (seen in Chromium with the README's counter).
    app = AppTest.from_string(SCALAR_COUNTER, default_timeout=20).run()
    click(app, "inc")
    app.sidebar.radio(key=K + "selected").set_value(1).run()  # "#1 counter/incremented"
    assert [type(json.loads(shown.value)) for shown in app.sidebar.json] == [dict]  # the action
    assert [code.value for code in app.sidebar.code] == ["1"]  # the state after it
