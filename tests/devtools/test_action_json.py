from datetime import date

import pytest
from pyrsistent import pmap

from streamlit_redux.devtools.action_json import parse_action
from streamlit_redux.store.errors import ActionJSONError


def test_a_json_action_becomes_an_action_with_pyrsistent_and_tagged_values():
    action = parse_action(
        '{"type": "trip/booked", "payload": {"range": {"__tuple__": '
        '[{"__date__": "2026-01-01"}, {"__date__": "2026-01-05"}]}}, "meta": {"by": "ann"}}'
    )
    assert action.type == "trip/booked"
    assert action.payload == pmap({"range": (date(2026, 1, 1), date(2026, 1, 5))})
    assert action.meta == pmap({"by": "ann"})


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("x" * 11, r"^The action is 11 characters, over the 10-character limit; dispatch a smaller payload \(or pass a larger max_chars\)\.$"),
        ("{oops", r'^The action is not valid JSON: Expecting property name enclosed in double quotes at line 1, column 2; write it like \{"type": "todos/added", "payload": "milk"\}\.$'),
        ("[" * 100_000 + "]" * 100_000, r'^The action could not be read as JSON \(RecursionError: nested too deeply or a number too long\); write it like \{"type"'),
        ("1" * 5000, r"^The action could not be read as JSON \(ValueError: nested too deeply or a number too long\)"),
        ('"text"', r'^The action is \'text\', not a JSON object; write it like \{"type": "todos/added", "payload": "milk"\}\.$'),
        ('{"__pmap__": 5}', r'^The action cannot be read: The JSON data has a malformed "__pmap__" tag: expected an array, got 5; only read data written by streamlit-redux\.$'),
        ('{"type": "a", "payload": ' + "[" * 350 + "]" * 350 + "}", r"^The action cannot be read: The JSON data is nested more than 100 levels deep"),
        ('{"type": "a\\ud800"}', r'^The action cannot be read: A string in the JSON data holds a lone UTF-16 surrogate \("\\ud800" with no pair\), which is not text: no page can show it; only read data written by streamlit-redux\.$'),
        ('{"payload": 1}', r"^The action cannot be dispatched: A dispatched mapping needs a non-empty str 'type', got None in \{'payload': 1\}; add one"),
        ('{"type": "a", "meta": 5}', r"^The action cannot be dispatched: Action 'a' has meta of type int; meta must be a mapping\.$"),
    ],
)
def test_bad_text_is_an_action_json_error(text, message):
    with pytest.raises(ActionJSONError, match=message):
        parse_action(text, **({"max_chars": 10} if len(text) == 11 else {}))
