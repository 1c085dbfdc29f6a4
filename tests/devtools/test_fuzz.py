"""Fuzz the three readers of outside data: the codec, the session import and the Dispatch box.

Any input is either read (and then round-trips) or refused with the library's own error,
and a refusal leaves the store and its recorded history exactly as they were.
"""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyrsistent import pmap, pset, pvector

from streamlit_redux import Store
from streamlit_redux import devtools as dt
from streamlit_redux.devtools.action_json import parse_action
from streamlit_redux.devtools.transfer import FORMAT, export_session, import_session
from streamlit_redux.middleware.checks import checks_middleware
from streamlit_redux.store.codec import (
    SerializationError,
    dumps_state,
    from_json_value,
    loads_state,
    to_json_value,
)
from streamlit_redux.store.errors import ActionJSONError, StreamlitReduxError

TAGS = ["__pmap__", "__pset__", "__tuple__", "__date__", "__time__", "__datetime__",
        "__decimal__", "__uuid__"]
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=6),
    st.sampled_from([*TAGS, "2026-01-01", "09:30", "2026-01-01T09:30:00+01:00[Europe/Paris]",
                     "1.50", "NaN", "00000000-0000-0000-0000-000000000001"]),
)
json_values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(st.text(max_size=4), st.sampled_from(TAGS)), inner, max_size=3),
        st.sampled_from(TAGS).flatmap(lambda tag: st.builds(lambda v: {tag: v}, inner)),
        st.lists(st.lists(inner, min_size=2, max_size=2), max_size=3).map(
            lambda pairs: {"__pmap__": pairs}
        ),
        st.integers(90, 400).map(lambda depth: json.loads("[" * depth + "]" * depth)),
    ),
    max_leaves=20,
)
codec_values = st.recursive(
    st.one_of(
        st.none(), st.booleans(), st.integers(), st.text(max_size=4), st.dates(), st.times(),
        st.datetimes(timezones=st.one_of(st.none(), st.timezones())), st.uuids(),
        st.decimals(allow_nan=False, allow_infinity=False),
        st.floats(allow_nan=False, allow_infinity=False),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3).map(pvector),
        st.lists(inner, max_size=3).map(tuple),
        st.dictionaries(st.one_of(st.text(max_size=3), st.integers()), inner, max_size=3).map(pmap),
        st.frozensets(st.integers(), max_size=3).map(pset),
    ),
    max_leaves=10,
)
json_values = st.one_of(codec_values.map(to_json_value), json_values)
FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(json_values)
def test_codec_reads_any_json_data_or_refuses_it_with_its_own_error(data):
    try:
        value = from_json_value(data)
    except SerializationError:
        return
    assert loads_state(dumps_state(value)) == value


@FUZZ
@given(st.one_of(json_values.map(json.dumps), st.text(max_size=40)))
def test_codec_reads_any_text_or_refuses_it_with_its_own_error(text):
    try:
        value = loads_state(text)
    except SerializationError:
        return
    assert loads_state(dumps_state(value)) == value


action_entries = st.one_of(
    json_values,
    st.fixed_dictionaries(
        {"id": st.integers(-1, 6), "type": st.one_of(st.text(max_size=5), json_values)},
        optional={"payload": json_values, "meta": json_values, "error": json_values},
    ),
)


@st.composite
def valid_sessions(draw):
    """Documents shaped like an export, with outside values in every data field."""
    actions = draw(st.lists(
        st.fixed_dictionaries({"type": st.text(min_size=1, max_size=5)},
                              optional={"payload": json_values, "meta": st.dictionaries(
                                  st.text(max_size=3), json_values, max_size=2),
                                  "error": st.booleans()}),
        max_size=4,
    ))
    ids = list(range(1, len(actions) + 1))
    document = {"format": FORMAT, "version": 1,
                "actions": [{"id": i, **a} for i, a in zip(ids, actions, strict=True)]}
    if draw(st.booleans()):
        document["committed_state"] = draw(json_values)
    if ids and draw(st.booleans()):
        document["skipped_ids"] = draw(st.lists(st.sampled_from(ids), unique=True))
    if draw(st.booleans()):
        document["current_index"] = draw(st.integers(0, len(ids)))
    if draw(st.booleans()):
        document["states"] = draw(st.lists(json_values, min_size=len(ids) + 1,
                                           max_size=len(ids) + 1))
    return document


documents = st.one_of(
    valid_sessions(),
    valid_sessions(),
    json_values,
    st.lists(action_entries, max_size=4),
    st.fixed_dictionaries(
        {
            "format": st.one_of(st.just(FORMAT), json_values),
            "version": st.one_of(st.just(1), json_values),
            "actions": st.one_of(st.lists(action_entries, max_size=4), json_values),
        },
        optional={
            "committed_state": json_values,
            "skipped_ids": st.one_of(st.lists(st.integers(0, 6), max_size=3), json_values),
            "current_index": st.one_of(st.integers(-1, 6), json_values),
            "states": st.one_of(st.lists(json_values, max_size=5), json_values),
        },
    ),
)


def log_types(state, action):
    return (state if state is not None else pvector()).append(action.type)


def history(store):
    recorder = dt.instrument(store).recorder
    return (
        store.state,
        list(recorder.staged_ids),
        set(recorder.skipped_ids),
        list(recorder.computed),
        recorder.current_index,
    )


@FUZZ
@given(st.one_of(documents.map(json.dumps), st.text(max_size=40), st.binary(max_size=40)))
def test_session_import_reads_any_file_or_refuses_it_and_keeps_the_session(data):
    store = Store(log_types)
    store.dispatch({"type": "before"})
    before = history(store)
    try:
        import_session(store, data)
    except dt.SessionImportError:
        assert history(store) == before
        return
    exported = export_session(dt.instrument(store).recorder)
    again = Store(log_types)
    import_session(again, exported)
    assert json.loads(export_session(dt.instrument(again).recorder)) == json.loads(exported)


encoded = codec_values.map(to_json_value)
texts = st.one_of(
    st.fixed_dictionaries(
        {"type": st.text(min_size=1, max_size=6)},
        optional={"payload": encoded, "meta": st.dictionaries(st.text(max_size=3), encoded)},
    ).map(json.dumps),
    st.text(max_size=40),
    json_values.map(json.dumps),
    st.fixed_dictionaries(
        {"type": st.one_of(st.text(max_size=6), json_values)},
        optional={"payload": json_values, "meta": json_values, "error": json_values},
    ).map(json.dumps),
)


@FUZZ
@given(texts)
def test_dispatch_box_reads_any_text_or_refuses_it_and_dispatches_nothing(text):
    store = Store(log_types, middleware=[checks_middleware(enabled=True)])
    before = store.state
    try:
        action = parse_action(text)
    except ActionJSONError:
        assert store.state is before
        return
    assert from_json_value(to_json_value(action.payload)) == action.payload
    try:
        store.dispatch(action)  # what the box accepts, the dev checks accept too
    except StreamlitReduxError as exc:
        raise AssertionError(f"accepted text was refused on dispatch: {exc}") from exc
    assert store.state == before.append(action.type)
