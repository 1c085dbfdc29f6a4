import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pyrsistent import freeze, pmap, pset, pvector

from streamlit_redux import Action, Store
from streamlit_redux import devtools as dt
from streamlit_redux.devtools import SessionExportError, SessionImportError
from streamlit_redux.devtools.transfer import FORMAT, export_session, import_session, parse_session
from tests.store.matching import exact

INC = Action("INCREMENT", payload={"by": 1})


def counter(state, action):
    state = pmap({"n": 0, "secret": "hunter2"}) if state is None else state
    if action.type == "INCREMENT":
        return state.set("n", state["n"] + action.payload["by"])
    return state


def recorded_store(n=3):
    store = Store(counter)
    recorder = dt.instrument(store).recorder
    for _ in range(n):
        store.dispatch(INC)
    return store, recorder


def test_export_then_import_restores_state_and_log():
    store, recorder = recorded_store()
    store.dispatch(dt.toggle_action(2))
    text = export_session(recorder)
    other = Store(counter)
    import_session(other, text)
    other_recorder = dt.instrument(other).recorder
    assert other.state["n"] == 2
    assert other_recorder.staged_ids == recorder.staged_ids
    assert other_recorder.skipped_ids == {2}


def test_export_with_states_imports_without_running_reducers():
    _, recorder = recorded_store()
    text = export_session(recorder, with_states=True)
    calls = []

    def counting(state, action):
        calls.append(action.type)
        return counter(state, action)

    other = Store(counting)
    dt.instrument(other)
    calls.clear()
    import_session(other, text)
    assert calls == [] and other.state["n"] == 3


def test_sanitizers_apply_to_everything_exported():
    _, recorder = recorded_store()
    text = export_session(
        recorder,
        state_sanitizer=lambda s: s.set("secret", "***"),
        action_sanitizer=lambda a: Action(a.type, "masked"),
        with_states=True,
    )
    assert "hunter2" not in text and '"by"' not in text
    document = json.loads(text)
    assert document["committed_state"]["secret"] == "***"
    assert document["actions"][0]["payload"] == "masked"


def test_a_list_of_actions_imports_and_replays():
    store = Store(counter)
    dt.instrument(store)
    import_session(store, json.dumps([{"type": "INCREMENT", "payload": {"by": 5}}]))
    assert store.state["n"] == 5


def test_imported_values_are_pyrsistent():
    session = parse_session(json.dumps([{"type": "X", "payload": {"a": [1]}}]))
    assert session.actions[0][1].payload == freeze({"a": [1]})


def test_export_refuses_values_json_cannot_hold_and_names_where():
    store = Store(lambda s, a: pmap({"when": object()}) if s is None else s)
    recorder = dt.instrument(store).recorder
    with pytest.raises(
        SessionExportError,
        match=r"in committed_state, State path \"when\" holds a object.*pass a state_sanitizer",
    ):
        export_session(recorder)


def test_export_refuses_nan_in_an_action_payload():
    store = Store(lambda s, a: 0 if s is None else s)
    recorder = dt.instrument(store).recorder
    store.dispatch(Action("measured", float("nan")))
    with pytest.raises(SessionExportError, match=r"in action #1 \(measured\) payload.*nan"):
        export_session(recorder)


def test_export_refuses_a_lone_surrogate_the_import_would_refuse():
    store = Store(lambda s, a: 0 if s is None else s)
    recorder = dt.instrument(store).recorder
    store.dispatch(Action("typed", "bad\udcff"))
    with pytest.raises(SessionExportError, match=r'^Cannot export the devtools session as text: A string in the state holds a lone UTF-16 surrogate \("\\udcff" with no pair\)'):
        export_session(recorder)


def test_sets_and_non_string_keys_round_trip_through_export():
    state = pmap({"tags": pset(["a", "b"]), "by_id": pmap({1: "one"})})
    store = Store(lambda s, a: state if s is None else s)
    text = export_session(dt.instrument(store).recorder)
    other = Store(lambda s, a: pmap() if s is None else s)
    import_session(other, text)
    assert other.state == state


def document(**changes):
    base = {
        "format": FORMAT,
        "version": 1,
        "committed_state": {"n": 0},
        "actions": [{"id": 1, "type": "INCREMENT", "payload": {"by": 1}}],
    }
    base.update(changes)
    return json.dumps(base)


def nested_list(depth):
    value = []
    for _ in range(depth):
        value = [value]
    return value


BAD_FILES = [
    ("x" * 50, exact('The session file is 50 bytes, over the 40-byte import limit; export a shorter history (commit first) or pass a larger max_bytes.'), 40),
    (b"\xff\xfe", exact("The session file is not UTF-8 text ('utf-8' codec can't decode byte 0xff in position 0: invalid start byte); import a file written by the devtools' Export button."), None),
    ("{nope", exact("The session file is not valid JSON: Expecting property name enclosed in double quotes at line 1, column 2; import a file written by the devtools' Export button."), None),
    ("[" * 100_000 + "]" * 100_000, exact("The session file could not be read as JSON (RecursionError: nested too deeply or a number too large); import a file written by the devtools' Export button."), None),
    ('"text"', exact('The session file holds a JSON string, expected an object with "format": "streamlit-redux/devtools-session" (or a list of actions); import a file written by the devtools\' Export button.'), None),
    (
        document(format="redux-devtools"),
        exact('The session file has format \'redux-devtools\', expected "streamlit-redux/devtools-session"; import a file written by the devtools\' Export button.'),
        None,
    ),
    (
        document(version=2),
        exact('The session file is version 2; this streamlit-redux reads version 1. Export it again with this version.'),
        None,
    ),
    (document(actions={}), exact('The session file\'s "actions" must be a list, got a JSON object; import a file written by the devtools\' Export button.'), None),
    (document(actions=[3]), exact('actions[0] in the session file is not a valid action: it is a JSON number, not an object. Each action needs "id" (an int, increasing) and "type" (a non-empty string); import a file written by the devtools\' Export button.'), None),
    (
        document(actions=[{"type": "A"}]),
        exact('actions[0] in the session file is not a valid action: its "id" is None; ids must be ints increasing from 1. Each action needs "id" (an int, increasing) and "type" (a non-empty string); import a file written by the devtools\' Export button.'),
        None,
    ),
    (
        document(actions=[{"id": 2, "type": "A"}, {"id": 2, "type": "B"}]),
        exact('actions[1] in the session file is not a valid action: its "id" is 2; ids must be ints increasing from 1. Each action needs "id" (an int, increasing) and "type" (a non-empty string); import a file written by the devtools\' Export button.'),
        None,
    ),
    (
        document(actions=[{"id": 1, "type": ""}]),
        exact('actions[0] in the session file is not a valid action: its "type" is \'\', not a non-empty string. Each action needs "id" (an int, increasing) and "type" (a non-empty string); import a file written by the devtools\' Export button.'),
        None,
    ),
    (document(actions=[{"id": 1, "type": "A", "extra": 1}]), exact('actions[0] in the session file is not a valid action: it has unknown keys [\'extra\']. Each action needs "id" (an int, increasing) and "type" (a non-empty string); import a file written by the devtools\' Export button.'), None),
    (document(actions=[{"id": 1, "type": "A", "meta": []}]), exact('actions[0] in the session file is not a valid action: its "meta" is a JSON array, not an object. Each action needs "id" (an int, increasing) and "type" (a non-empty string); import a file written by the devtools\' Export button.'), None),
    (document(actions=[{"id": 1, "type": "A", "meta": {"__tuple__": [1]}}]), exact('actions[0] in the session file is not a valid action: its "meta" decodes to a tuple, not a map. Each action needs "id" (an int, increasing) and "type" (a non-empty string); import a file written by the devtools\' Export button.'), None),
    (document(actions=[{"id": 1, "type": "A", "error": "yes"}]), exact('actions[0] in the session file is not a valid action: its "error" is \'yes\', not true/false. Each action needs "id" (an int, increasing) and "type" (a non-empty string); import a file written by the devtools\' Export button.'), None),
    (document(skipped_ids="1"), exact('The session file\'s "skipped_ids" must be a list of action ids, got \'1\'; import a file written by the devtools\' Export button.'), None),
    (document(skipped_ids=[9]), exact('The session file\'s "skipped_ids" holds [9], which are not ids of its actions; import a file written by the devtools\' Export button.'), None),
    (document(current_index=5), exact('The session file\'s "current_index" is 5, but it holds 1 actions: it must be an int from 0 to 1; import a file written by the devtools\' Export button.'), None),
    (document(states=[1]), exact('The session file\'s "states" must list 2 states (the committed state and one per action), got 1; import a file written by the devtools\' Export button.'), None),
    (
        document(states=[1, None]),
        r'^The session file\'s "states" holds null at index 1; a store\'s state is never null '
        r"\(a reducer returning None is refused\); import a file written by the devtools' "
        r"Export button\.$",
        None,
    ),
    (
        document(committed_state={"__pmap__": [1]}),
        r"^The session file's committed_state cannot be read: The JSON data has a malformed "
        r'"__pmap__" tag: expected an array of \[key, value\] pairs, got a JSON array of 1 items; '
        r"only read data written by streamlit-redux\. The session was left as it was; import a "
        r"file written by the devtools' Export button\.$",
        None,
    ),
    (
        document(committed_state={"__pmap__": 5}),
        r'^The session file\'s committed_state cannot be read: The JSON data has a malformed "__pmap__" tag: expected an array, got 5;',
        None,
    ),
    (
        document(actions=[{"id": 1, "type": "A", "payload": nested_list(350)}]),
        r"^The session file's actions\[0\]\.payload cannot be read: The JSON data is nested more "
        r"than 100 levels deep, which the codec refuses to read",
        None,
    ),
    (
        document(committed_state=nested_list(350)),
        r"^The session file's committed_state cannot be read: The JSON data is nested more than 100",
        None,
    ),
    (
        document(actions=[{"id": 1, "type": nested_list(350)}]),
        r'^actions\[0\] in the session file is not a valid action: its "type" is a JSON array of 1 '
        r"items, not a non-empty string\.",
        None,
    ),
    (
        document(actions=[{"id": 1, "type": "A\udfff"}]),
        exact('The session file cannot be imported: A string in the JSON data holds a lone UTF-16 surrogate ("\\udfff" with no pair), which is not text: no page can show it; only read data written by streamlit-redux. Nothing was changed; import a file written by the devtools\' Export button.'),
        None,
    ),
    (document(committed_state={"n": "\ud800"}), r'^The session file cannot be imported: .*"\\ud800" with no pair', None),
    ('{"format": "a\ud800"}', r'^The session file cannot be imported: .*"\\ud800" with no pair', None),
    (
        document(format=nested_list(350)),
        r"^The session file has format a JSON array of 1 items, expected",
        None,
    ),
]


@pytest.mark.parametrize(("data", "message", "limit"), BAD_FILES)
def test_a_bad_file_is_refused_and_leaves_the_session_unchanged(data, message, limit):
    store, recorder = recorded_store()
    store.dispatch(dt.jump_to_state(1))
    before = (
        store.state,
        list(recorder.staged_ids),
        list(recorder.computed),
        recorder.current_index,
    )
    kwargs = {"max_bytes": limit} if limit else {}
    with pytest.raises(SessionImportError, match=message):
        import_session(store, data, **kwargs)
    assert (store.state, recorder.staged_ids, recorder.computed, recorder.current_index) == before


def test_import_never_unpickles():
    import pickle

    with pytest.raises(SessionImportError, match=r"not UTF-8 text|not valid JSON"):
        parse_session(pickle.dumps({"format": FORMAT}))


@given(
    st.lists(st.integers(1, 5), max_size=15),
    st.sets(st.integers(1, 15), max_size=4),
    st.booleans(),
)
def test_export_then_import_gives_the_same_history(amounts, skipped, with_states):
    store = Store(counter)
    recorder = dt.instrument(store).recorder
    for amount in amounts:
        store.dispatch(Action("INCREMENT", payload={"by": amount}))
    for action_id in sorted(skipped):
        store.dispatch(dt.toggle_action(action_id))
    other = Store(counter)
    import_session(other, export_session(recorder, with_states=with_states))
    imported = dt.instrument(other).recorder
    assert imported.staged_ids == recorder.staged_ids
    assert imported.skipped_ids == recorder.skipped_ids
    assert [c.state for c in imported.computed] == [c.state for c in recorder.computed]
    assert other.state == store.state


def deep_vector(depth):
    deep = pvector()
    for _ in range(depth):
        deep = pvector([deep])
    return deep


@pytest.mark.parametrize("depth", [350, 420, 499])
def test_exporting_a_state_nested_350_to_499_deep_is_a_session_export_error(depth):
    deep = deep_vector(depth)
    store = Store(lambda s, a: deep if a.type == "deepen" else s, 0)
    recorder = dt.instrument(store).recorder
    store.dispatch(Action("deepen"))
    with pytest.raises(
        SessionExportError,
        match=r'^Cannot export the devtools session: in states\[1\], State path "0\.0\.0.*" is '
        r"nested more than 100 JSON levels deep, which the codec refuses .* In the devtools, "
        r"pass a state_sanitizer / action_sanitizer that converts such values\.$",
    ):
        export_session(recorder, with_states=True)


def test_exporting_a_payload_nested_too_deep_is_a_session_export_error():
    store = Store(lambda s, a: s, 0)
    recorder = dt.instrument(store).recorder
    store.dispatch(Action("deepen", payload=deep_vector(350)))
    with pytest.raises(
        SessionExportError,
        match=r"^Cannot export the devtools session: in action #1 \(deepen\) payload, State path",
    ):
        export_session(recorder)
