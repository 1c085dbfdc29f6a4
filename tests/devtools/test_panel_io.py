"""The panel's JSON dispatch box, through AppTest (export/import: the browser test)."""

from tests.devtools.panel_apps import K, click, markdown, run_app


def test_dispatch_box_dispatches_json_actions():
    app = run_app()
    app.sidebar.text_area(key=K + "action_json").input(
        '{"type": "counter/incremented", "payload": 5}'
    ).run()
    click(app, K + "dispatch")
    assert "count=5" in markdown(app)
    assert app.sidebar.success[0].value == 'Dispatched "counter/incremented".'


def test_dispatch_box_reports_bad_json_and_bad_actions():
    app = run_app()
    app.sidebar.text_area(key=K + "action_json").input("{oops").run()
    click(app, K + "dispatch")
    assert "not valid JSON: Expecting property name" in app.sidebar.error[0].value
    app.sidebar.text_area(key=K + "action_json").input('{"payload": 1}').run()
    click(app, K + "dispatch")
    assert "needs a non-empty str 'type'" in app.sidebar.error[0].value
    assert "count=0" in markdown(app)
