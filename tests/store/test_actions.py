import pytest
from pyrsistent import PMap, PVector, pmap

from streamlit_redux import Action, InvalidActionError, StreamlitReduxError, create_action
from streamlit_redux.store.actions import to_action
from tests.store.matching import exact


def test_creator_builds_actions_of_its_type():
    added = create_action("todos/added")
    action = added("milk")
    assert added.type == "todos/added"
    assert action == Action("todos/added", "milk")
    assert action.meta == pmap()
    assert action.error is False


def test_creator_match_accepts_actions_and_mappings():
    added = create_action("todos/added")
    assert added.match(added("x"))
    assert added.match({"type": "todos/added"})
    assert not added.match(Action("todos/removed"))
    assert not added.match("todos/added")


def test_prepare_builds_the_payload():
    moved = create_action("pos/moved", prepare=lambda x, y: {"x": x, "y": y})
    assert moved(1, 2).payload == {"x": 1, "y": 2}


def test_creator_refuses_several_payloads_without_prepare():
    with pytest.raises(InvalidActionError, match=exact(
        "Action creator 'a' takes one payload argument, got 2 positional and [] keyword "
        "arguments; pass one payload or give create_action a prepare function."
    )):
        create_action("a")(1, 2)


def test_creator_meta_and_error_flags():
    failed = create_action("load/failed")
    action = failed("boom", meta={"retry": 2}, error=True)
    assert action.error is True
    assert action.meta == pmap({"retry": 2})


def test_actions_are_immutable():
    action = Action("a", 1)
    with pytest.raises(AttributeError):
        action.type = "b"  # type: ignore[misc]


def test_action_meta_mapping_is_frozen():
    meta = Action("a", meta={"k": [1]}).meta
    assert isinstance(meta, PMap)
    assert isinstance(meta["k"], PVector)


@pytest.mark.parametrize("bad", ["", None, 3])
def test_action_type_must_be_a_non_empty_string(bad):
    with pytest.raises(InvalidActionError, match=exact(
        f"Action type must be a non-empty str, got {bad!r}; name it like \"todos/added\"."
    )):
        Action(bad)  # type: ignore[arg-type]


def test_create_action_refuses_empty_type():
    with pytest.raises(InvalidActionError, match=exact(
        "create_action needs a non-empty str type, got ''; e.g. 'todos/added'."
    )):
        create_action("")


def test_mapping_becomes_action():
    action = to_action({"type": "a", "payload": 1, "meta": {"m": 1}, "error": True})
    assert action == Action("a", 1, pmap({"m": 1}), True)


def test_mapping_without_type_is_refused_naming_what_was_received():
    with pytest.raises(InvalidActionError, match=exact(
        "A dispatched mapping needs a non-empty str 'type', got None in {'payload': 1}; add one, "
        "e.g. {'type': 'todos/added', 'payload': ...}."
    )):
        to_action({"payload": 1})


def test_mapping_with_unknown_keys_is_refused():
    with pytest.raises(InvalidActionError, match=exact(
        "Action 'a' has unknown keys ['extra']; put extra data in 'payload' or 'meta'."
    )):
        to_action({"type": "a", "extra": 1})


def test_mapping_with_non_mapping_meta_is_refused():
    with pytest.raises(InvalidActionError, match=exact(
        "Action 'a' has meta of type list; meta must be a mapping."
    )):
        to_action({"type": "a", "meta": [1]})


def test_non_action_is_refused_with_what_was_received():
    with pytest.raises(InvalidActionError, match=(
        r"^dispatch received int 42: actions must be Action objects or mappings with a str "
        r"'type'\. To dispatch functions, add the thunk middleware: "
        r"middleware=\[\*default_middleware\(\), \.\.\.\] or \[thunk_middleware\(\)\]\.$"
    )):
        to_action(42)


def test_invalid_action_error_is_a_library_error():
    assert issubclass(InvalidActionError, StreamlitReduxError)
