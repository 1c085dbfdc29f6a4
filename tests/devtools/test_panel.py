"""The sidebar panel, driven through Streamlit's AppTest."""

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from streamlit_redux import Store
from streamlit_redux.devtools import DevtoolsError
from streamlit_redux.devtools.panel import devtools_enabled

APPS = Path(__file__).parent / "apps"
K = "streamlit_redux:devtools:store:"


def run_app(name="counter_app.py"):
    app = AppTest.from_file(str(APPS / name), default_timeout=20)
    app.run()
    assert not app.exception, app.exception
    return app


def click(app, key):
    app.button(key=key).click().run()
    assert not app.exception, app.exception
    return app


def markdown(app):
    return [m.value for m in app.main.markdown]


def store_of(app):
    return app.session_state["streamlit_redux:store"]


def recorder_of(app):
    return store_of(app).kept("streamlit_redux:devtools", lambda: None).recorder


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


def test_dispatch_box_dispatches_json_actions():
    app = run_app()
    app.sidebar.text_area(key=K + "action_json").input(
        '{"type": "counter/incremented", "payload": 5}'
    ).run()
    click(app, K + "dispatch")
    assert "count=5" in markdown(app)
    assert 'Dispatched "counter/incremented"' in app.sidebar.success[0].value


def test_dispatch_box_reports_bad_json_and_bad_actions():
    app = run_app()
    app.sidebar.text_area(key=K + "action_json").input("{oops").run()
    click(app, K + "dispatch")
    assert "not valid JSON: Expecting property name" in app.sidebar.error[0].value
    app.sidebar.text_area(key=K + "action_json").input('{"payload": 1}').run()
    click(app, K + "dispatch")
    assert "needs a non-empty str 'type'" in app.sidebar.error[0].value
    assert "count=0" in markdown(app)


def test_stats_show_reruns_selectors_and_dispatch_times():
    app = run_app()
    click(app, "inc")
    assert not any("p50 ms" in frame.value.columns for frame in app.sidebar.dataframe)
    app.sidebar.toggle(key=K + "stats").set_value(True).run()
    tables = [frame.value for frame in app.sidebar.dataframe]
    columns = [list(table.columns) for table in tables]
    assert ["selector", "recomputations", "hits", "hit rate"] in columns
    assert ["action", "p50 ms", "p95 ms", "count"] in columns
    timings = next(t for t in tables if "p50 ms" in t.columns)
    assert "counter/incremented" in list(timings["action"])
    assert store_of(app).scope_runs["app"] >= 2


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
    assert "this store has none" in " ".join(c.value for c in app.sidebar.caption)
    assert isinstance(app.session_state["plain"], Store)


def test_enabled_must_be_true_false_or_auto():
    with pytest.raises(DevtoolsError, match=r"enabled='yes'\) is not an option; pass True, False"):
        devtools_enabled("yes")  # type: ignore[arg-type]
