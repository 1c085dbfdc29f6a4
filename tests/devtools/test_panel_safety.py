"""What the panel shows from data is literal text, and errors pass through the sanitizer."""

import json
import re

import pytest

from tests.devtools.panel_apps import K, click, markdown, recorder_of, run_app

HOSTILE = "![x](https://evil.example/x.png) [link](https://evil.example/) www.evil.example"


def outside_code_spans(text):
    """``text`` without its code spans (CommonMark: matching backtick fences)."""
    return re.sub(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)", "", text)


def assert_literal(markdown_text, data):
    assert data not in outside_code_spans(markdown_text)
    assert "evil.example" not in outside_code_spans(markdown_text)
    assert data in markdown_text


def dispatch_json(app, text):
    app.sidebar.text_area(key=K + "action_json").input(text).run()
    return click(app, K + "dispatch")


def test_an_action_type_with_markdown_is_literal_text_in_the_log_banner_and_messages():
    app = run_app()
    dispatch_json(app, json.dumps({"type": HOSTILE}))
    assert_literal(app.sidebar.success[0].value, HOSTILE)
    label = app.sidebar.radio(key=K + "selected").options[0]
    assert label == f"#1 `{HOSTILE}`"
    click(app, "inc")
    app.slider(key=K + "slider").set_value(1).run()
    assert_literal(app.main.warning[0].value, HOSTILE)


def test_a_type_with_backticks_and_newlines_cannot_break_out_of_its_code_span():
    app = run_app()
    sneaky = "a`` b\n\n![x](https://evil.example/x.png)"
    dispatch_json(app, json.dumps({"type": sneaky}))
    label = app.sidebar.radio(key=K + "selected").options[0]
    assert label == "#1 ```a`` b⏎⏎![x](https://evil.example/x.png)```"
    assert "evil.example" not in outside_code_spans(label)


def test_an_error_message_with_markdown_is_literal_text():
    app = run_app()
    dispatch_json(app, json.dumps({"type": HOSTILE, "meta": 5}))
    error = app.sidebar.error[0].value
    assert error.startswith("`") and error.endswith("`")
    assert "evil.example" not in outside_code_spans(error)


def test_a_reducer_error_shows_its_type_and_masks_what_the_sanitizer_hides():
    app = run_app("hostile_app.py")
    click(app, "pay")
    assert "payments=0" in markdown(app)
    app.sidebar.radio(key=K + "selected").set_value(1).run()
    shown = [e.value for e in app.sidebar.error]
    assert shown, "the failed action is shown in the log details"
    for text in shown:
        assert "4111-1111-1111-1111" not in text
        assert "card *** declined for bob" in text
        assert "ValueError" in text
    assert "4111-1111-1111-1111" in recorder_of(app).computed[1].error  # kept, not shown


def test_a_refused_dispatch_from_the_panel_masks_the_payload_too():
    app = run_app("hostile_app.py")
    dispatch_json(app, json.dumps({"type": "payments/paid",
                                   "payload": {"card": "4000-0000", "user": "ann"}}))
    message = app.sidebar.error[0].value
    assert "4000-0000" not in message
    assert "card *** declined for ann" in message


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"__pmap__": 5}', r'^`The action cannot be read: The JSON data has a malformed "__pmap__" tag: expected an array, got 5;'),
        ('{"type": "x", "payload": ' + "[" * 350 + "]" * 350 + "}", r"^`The action cannot be read: The JSON data is nested more than 100 levels deep"),
        ("[" * 100_000 + "]" * 100_000, r"^`The action could not be read as JSON \(RecursionError: nested too deeply"),
        ("[1]", r"^`The action is a JSON array of 1 items, not a JSON object; write it like"),
    ],
)
def test_the_dispatch_box_refuses_bad_input_with_a_message_and_leaves_the_state(text, message):
    app = run_app()
    click(app, "inc")
    before = (recorder_of(app).staged_ids[:], app.session_state["streamlit_redux:store"].state)
    dispatch_json(app, text)
    assert re.match(message, app.sidebar.error[0].value)
    assert "count=1" in markdown(app)
    assert (recorder_of(app).staged_ids, app.session_state["streamlit_redux:store"].state) == before
