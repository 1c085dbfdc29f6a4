from datetime import UTC, date, datetime, time
from decimal import Decimal
from fractions import Fraction
from uuid import UUID

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pyrsistent import freeze, pmap, pvector

from streamlit_redux import Action, Store, create_slice
from streamlit_redux.middleware import thunk_middleware
from streamlit_redux.middleware.checks import CheckError, checks_enabled, checks_middleware
from streamlit_redux.store.codec import INT_LIMIT, SerializationError, to_json_value

todos = create_slice(
    name="todos",
    initial_state={"items": [], "count": 0},
    reducers={
        "added": lambda s, a: s.set("items", s["items"].append(freeze(a.payload))),
        "added_raw": lambda s, a: s.set("items", s["items"].append(a.payload)),  # forgets freeze
        "counted": lambda s, a: s.set("count", s["count"] + 1),
        "shared": lambda s, a: s.set("items", s["items"].append(pmap({"part": Fraction(1, 3)}))),
    },
)
actions = todos.actions


def make(**options):
    return Store(todos.reducer, middleware=[thunk_middleware(), checks_middleware(enabled=True, **options)])


def test_plain_data_passes():
    store = make()
    store.dispatch(actions.added({"title": "milk", "tags": ["a"]}))
    assert store.state["items"][0]["tags"] == pvector(["a"])


def test_mutable_container_in_state_is_refused_naming_the_path_and_rolled_back():
    store = make()
    store.dispatch(actions.added({"title": "a"}))
    before = store.state
    with pytest.raises(CheckError, match=r'After "todos/added_raw", the state holds a mutable dict at "items\.1".*freeze'):
        store.dispatch(actions.added_raw({"title": "b"}))
    assert store.state is before


def test_nested_path_is_named():
    store = make()
    with pytest.raises(CheckError, match=r'mutable list at "items\.0\.tags"'):
        store.dispatch(actions.added_raw(pmap({"title": "x", "tags": ["t"]})))


def test_non_serializable_value_in_state_is_refused():
    store = make()
    with pytest.raises(CheckError, match=r'^After "todos/shared", the state holds a Fraction at "items\.0\.part", which is not serializable; keep plain data in the state, pass the persistence encoder_hook= to checks_middleware too, or add the path to ignored_paths\.$'):
        store.dispatch(actions.shared())


def test_non_serializable_payload_is_refused_before_the_reducer_runs():
    store = make()
    with pytest.raises(CheckError, match=r'^Action "todos/added" carries a Fraction at "payload\.due", which is not serializable \(devtools export and persistence need JSON-able data\); send plain data, or add the type to ignored_actions\.$'):
        store.dispatch(actions.added({"due": Fraction(1, 3)}))
    assert store.state["items"] == pvector()


def test_non_serializable_meta_is_refused_on_an_action_without_payload():
    """Actions with the shared empty meta skip the action walk: one with a meta of its own
    (and no payload) must still be walked."""
    store = make()
    with pytest.raises(CheckError, match=r'^Action "todos/counted" carries a Fraction at "meta\.share", which is not serializable \(devtools export and persistence need JSON-able data\); send plain data, or add the type to ignored_actions\.$'):
        store.dispatch(Action("todos/counted", meta={"share": Fraction(1, 3)}))
    assert store.state["count"] == 0


def test_lists_in_payloads_are_fine():
    make().dispatch(actions.counted(["plain", "list"]))


def test_ignored_paths_and_actions():
    make(ignored_paths=["items.0.part"]).dispatch(actions.shared())
    store = make(ignored_actions=[actions.added_raw.type])
    store.dispatch(actions.added_raw({"x": 1}))


def test_thunks_pass_through():
    store = make()
    assert store.dispatch(lambda dispatch, get_state: dispatch(actions.counted()) and get_state()["count"]) == 1


def test_non_action_values_are_refused():
    store = Store(todos.reducer, middleware=[checks_middleware(enabled=True)])
    with pytest.raises(CheckError, match=r"^Dispatched int 5 is not an Action; dispatch an Action, a mapping with a str 'type', or a thunk with the thunk middleware\.$"):
        store.dispatch(5)


def test_disabled_checks_let_everything_through():
    store = Store(todos.reducer, middleware=[checks_middleware(enabled=False)])
    store.dispatch(actions.added_raw({"mutable": True}))
    assert store.state["items"][0] == {"mutable": True}


@pytest.mark.parametrize(("env", "expected"), [("1", True), ("0", False)])
def test_enabled_none_follows_the_environment(monkeypatch, env, expected):
    monkeypatch.setenv("STREAMLIT_REDUX_DEV", env)
    assert checks_enabled(None) is expected


def test_enabled_none_without_env_follows_streamlit_development_mode(monkeypatch):
    monkeypatch.delenv("STREAMLIT_REDUX_DEV", raising=False)
    from streamlit import config

    assert checks_enabled(None) is bool(config.get_option("global.developmentMode"))


def test_checked_subtrees_are_not_visited_again():
    big = create_slice(
        name="big",
        initial_state={"rows": {str(i): {"v": i} for i in range(10_000)}, "n": 0},
        reducers={"bumped": lambda s, a: s.set("n", s["n"] + 1)},
    )
    store = Store(big.reducer, middleware=[checks_middleware(enabled=True)])
    seen = store.resource("streamlit_redux:checks:seen", dict)  # made by the middleware already
    after_first = len(seen)
    assert after_first > 10_000
    store.dispatch(big.actions.bumped())
    assert len(seen) - after_first <= 2  # only the new root map was visited


leaves = st.one_of(st.integers(), st.text(max_size=4), st.none(), st.booleans())
trees = st.recursive(
    leaves,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3).map(pvector),
        st.dictionaries(st.sampled_from("abcd"), inner, max_size=3).map(pmap),
    ),
    max_leaves=12,
)


def paths(tree, prefix="root"):
    yield prefix, tree
    if isinstance(tree, type(pmap())):
        for key, value in tree.items():
            yield from paths(value, f"{prefix}.{key}")
    elif isinstance(tree, type(pvector())):
        for index, value in enumerate(tree):
            yield from paths(value, f"{prefix}.{index}")


@settings(max_examples=100, deadline=None)
@given(trees, st.data())
def test_a_hidden_list_is_found_at_its_exact_path(tree, data):
    containers = [(p, t) for p, t in paths(tree) if isinstance(t, (type(pmap()), type(pvector())))]
    if not containers:
        containers = [("root", pmap())]
        tree = pmap()
    path, container = data.draw(st.sampled_from(containers))
    if isinstance(container, type(pmap())):
        key = data.draw(st.sampled_from("wxyz"))
        target, new_container = f"{path}.{key}", container.set(key, [1])
    else:
        target, new_container = f"{path}.{len(container)}", container.append([1])
    state = replace_at(tree, path, new_container)
    store = Store(lambda s, a: state if a.type == "load" else (s if s is not None else pmap()),
                  middleware=[checks_middleware(enabled=True)])
    with pytest.raises(CheckError) as info:
        store.dispatch(Action("load"))
    expected = target.removeprefix("root").lstrip(".") or "<root>"
    assert f'mutable list at "{expected}"' in str(info.value)


def replace_at(tree, path, new):
    return new if path == "root" else _replace(tree, parse(path), new)


def parse(path):
    return [int(p) if p.isdigit() else p for p in path.split(".")[1:]]  # map keys are letters


def _replace(tree, steps, new):
    if not steps:
        return new
    head, rest = steps[0], steps[1:]
    return tree.set(head, _replace(tree[head], rest, new))


def test_the_cache_does_not_keep_old_states_alive():
    import gc
    import weakref

    store = make()
    store.dispatch(actions.added({"title": "a"}))
    old = weakref.ref(store.state)
    store.dispatch(actions.counted())
    store.dispatch(actions.counted())
    gc.collect()
    assert old() is None


def test_undoable_history_is_checked_through_its_present():
    from streamlit_redux.middleware.undo import undoable

    store = Store(undoable(todos.reducer), middleware=[checks_middleware(enabled=True)])
    store.dispatch(actions.added({"title": "a"}))
    with pytest.raises(CheckError, match=r'mutable dict at "present\.items\.1"'):
        store.dispatch(actions.added_raw({"title": "b"}))
    assert len(store.state["past"]) == 1


def test_non_finite_floats_are_refused_in_state_and_payload():
    store = make()
    with pytest.raises(CheckError, match=r'carries a float \(inf\) at "payload.score", which is not serializable'):
        store.dispatch(actions.added({"score": float("inf")}))
    with pytest.raises(CheckError, match=r'carries a float \(nan\) at "payload"'):
        store.dispatch(Action("todos/counted", payload=float("nan")))
    measured = Store(
        lambda s, a: s.set("score", float("nan")) if a.type == "measured" else s,
        pmap({"score": 0.0}),
        middleware=[checks_middleware(enabled=True)],
    )
    with pytest.raises(CheckError, match=r'After "measured", the state holds a float \(nan\) at "score", which is not serializable'):
        measured.dispatch(Action("measured"))
    store.dispatch(actions.added({"score": 1.5}))
    assert store.state["items"][0]["score"] == 1.5


def test_non_finite_floats_pass_when_serializable_is_off():
    store = make(serializable=False)
    store.dispatch(actions.added({"score": float("inf")}))
    assert store.state["items"][0]["score"] == float("inf")


CODEC_VALUES = [
    date(2026, 1, 1),
    time(9, 30),
    datetime(2026, 1, 1, 9, 30),
    datetime(2026, 1, 1, 9, 30, tzinfo=UTC),
    Decimal("12.50"),
    UUID(int=7),
    (date(2026, 1, 1), date(2026, 1, 31)),
]


@pytest.mark.parametrize("value", CODEC_VALUES, ids=repr)
def test_dates_times_decimals_uuids_and_tuples_pass_in_state_and_payload(value):
    store = make()
    store.dispatch(actions.added({"value": value}))
    assert store.state["items"][0]["value"] == value


def test_a_mutable_list_inside_a_tuple_is_found():
    store = make()
    with pytest.raises(CheckError, match=r'^After "todos/added_raw", the state holds a mutable list at "items\.0\.1"'):
        store.dispatch(actions.added_raw((1, [2])))


def test_the_persistence_encoder_hook_makes_its_types_serializable():
    def encode(value):
        return [value.numerator, value.denominator]

    store = Store(todos.reducer, middleware=[checks_middleware(enabled=True, encoder_hook=encode)])
    store.dispatch(actions.shared())
    store.dispatch(actions.added({"part": Fraction(2, 3)}))
    assert store.state["items"][1]["part"] == Fraction(2, 3)


leaves = st.one_of(
    st.none(), st.booleans(), st.integers(), st.text(max_size=4),
    st.floats(), st.dates(), st.times(), st.datetimes(), st.uuids(),
    st.decimals(), st.fractions(), st.binary(max_size=2), st.complex_numbers(),
)
values = st.recursive(
    leaves,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3).map(pvector),
        st.lists(inner, max_size=3).map(tuple),
        st.dictionaries(st.text(max_size=3), inner, max_size=3).map(pmap),
    ),
    max_leaves=8,
)


@given(values)
@settings(max_examples=200)
def test_checks_accept_exactly_what_the_codec_writes(value):
    try:
        to_json_value(value)
        writable = True
    except SerializationError:
        writable = False
    store = Store(todos.reducer, middleware=[checks_middleware(enabled=True, immutable=False)])
    try:
        store.dispatch(actions.counted(value))
        accepted = True
    except CheckError:
        accepted = False
    assert accepted == writable


@pytest.mark.parametrize("edge", [INT_LIMIT, -INT_LIMIT])
def test_an_int_payload_passes_up_to_the_codec_limit_and_is_refused_beyond(edge):
    store = make()
    store.dispatch(actions.counted(edge - 1 if edge > 0 else edge + 1))
    before = store.state
    message = r'^Action "todos/counted" carries a int at "payload", which is not serializable'
    with pytest.raises(CheckError, match=message):
        store.dispatch(actions.counted(edge))
    assert store.state is before
