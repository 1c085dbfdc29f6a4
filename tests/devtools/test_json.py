import json

from pyrsistent import PClass, field, freeze, pmap, pset, pvector

from streamlit_redux import Action
from streamlit_redux.devtools._json import MAX_DEPTH, to_display_value


class Point(PClass):
    x = field()
    y = field()


def test_pyrsistent_values_display_as_plain_json():
    value = freeze({"a": [1, {"b": None}], "s": pset([2, 1]), "p": Point(x=1, y=2)})
    assert to_display_value(value) == {"a": [1, {"b": None}], "s": [1, 2], "p": {"x": 1, "y": 2}}


def test_actions_display_as_type_payload_meta_error():
    action = Action("todos/added", pvector(["milk"]), pmap({"at": 1}))
    assert to_display_value(action) == {
        "type": "todos/added",
        "payload": ["milk"],
        "meta": {"at": 1},
        "error": False,
    }


def test_display_never_raises_on_values_json_cannot_hold():
    shown = to_display_value(pmap({1: object(), "n": float("inf")}))
    assert shown["n"] == "inf" and shown["1"].startswith("<object object")


def test_a_value_deeper_than_the_stack_is_displayed_down_to_the_depth_limit():
    value = 1
    for _ in range(2_000):
        value = pvector([value])
    shown = to_display_value(value)
    assert json.dumps(shown).count("[") == MAX_DEPTH + 1
    assert "…" in json.dumps(shown, ensure_ascii=False)
