import pytest
from pyrsistent import PClass, field, freeze, pmap, pset, pvector

from streamlit_redux import Action
from streamlit_redux.devtools._json import from_json_value, to_json_value
from streamlit_redux.devtools.errors import SessionExportError


class Point(PClass):
    x = field()
    y = field()


def test_pyrsistent_values_become_plain_json():
    value = freeze({"a": [1, {"b": None}], "s": pset([2, 1]), "p": Point(x=1, y=2)})
    assert to_json_value(value, strict=True) == {
        "a": [1, {"b": None}],
        "s": [1, 2],
        "p": {"x": 1, "y": 2},
    }


def test_actions_become_type_payload_meta_error():
    action = Action("todos/added", pvector(["milk"]), pmap({"at": 1}))
    assert to_json_value(action, strict=True) == {
        "type": "todos/added",
        "payload": ["milk"],
        "meta": {"at": 1},
        "error": False,
    }


def test_display_is_lenient_about_values_json_cannot_hold():
    shown = to_json_value(pmap({1: object(), "n": float("inf")}), strict=False)
    assert shown["n"] == "inf" and shown["1"].startswith("<object object")


def test_export_names_the_path_of_a_value_json_cannot_hold():
    with pytest.raises(SessionExportError, match=r"Cannot export state\.a\[1\]: it holds bytes"):
        to_json_value(freeze({"a": [1, b"x"]}), strict=True)


def test_json_comes_back_as_pyrsistent():
    assert from_json_value({"a": [1]}) == freeze({"a": [1]})
    assert type(from_json_value({"a": [1]})["a"]).__name__ == "PVector"
