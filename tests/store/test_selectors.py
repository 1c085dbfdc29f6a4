import pytest
from pyrsistent import freeze

from streamlit_redux import SelectorError, Store, create_selector, select_path
from streamlit_redux.store.selectors import SelectorCache


def todos_of(state):
    return state["todos"]


def make_done():
    return create_selector(todos_of, lambda todos: [t for t in todos if t["done"]])


STATE = freeze({"todos": [{"done": True}, {"done": False}], "filter": "all"})


def test_selector_computes_the_combined_value():
    assert make_done()(STATE) == [{"done": True}]


def test_recomputes_only_when_an_input_changed_identity():
    done = make_done()
    cache = SelectorCache()
    first = cache.evaluate(done, STATE)
    assert cache.evaluate(done, STATE.set("filter", "done")) is first
    assert done.recomputations() == 1
    changed = STATE.set("todos", STATE["todos"].append(freeze({"done": True})))
    assert len(cache.evaluate(done, changed)) == 2
    assert done.recomputations() == 2


def test_reset_recomputations():
    done = make_done()
    done(STATE)
    done.reset_recomputations()
    assert done.recomputations() == 0


def test_introspection_like_reselect():
    done = make_done()
    assert done.dependencies == (todos_of,)
    assert callable(done.result_func)


def test_selectors_compose():
    done = make_done()
    count = create_selector(done, len)
    cache = SelectorCache()
    assert cache.evaluate(count, STATE) == 1
    cache.evaluate(count, STATE.set("filter", "x"))
    assert count.recomputations() == 1
    assert done.recomputations() == 1


def test_combiner_may_be_keyword_and_inputs_a_list():
    total = create_selector([lambda s: s["a"], lambda s: s["b"]], combiner=lambda a, b: a + b)
    assert total({"a": 1, "b": 2}) == 3


def test_direct_calls_share_no_memo():
    done = make_done()
    done(STATE)
    done(STATE)
    assert done.recomputations() == 2


def test_store_memo_is_per_store():
    done = make_done()
    first = Store(lambda s, a: s, initial_state=STATE)
    second = Store(lambda s, a: s, initial_state=STATE)
    first.select(done)
    first.select(done)
    second.select(done)
    assert done.recomputations() == 2
    assert first.selector_stats()[done.name].hits == 1
    assert second.selector_stats()[done.name].hits == 0


def test_store_select_memoizes_plain_functions_by_state_identity():
    calls = []

    def expensive(state):
        calls.append(1)
        return len(state["todos"])

    store = Store(lambda s, a: s, initial_state=STATE)
    assert store.select(expensive) == 2
    assert store.select(expensive) == 2
    assert len(calls) == 1


def test_store_select_with_key_survives_new_lambda_objects():
    store = Store(lambda s, a: s, initial_state=STATE)
    calls = []
    for _ in range(3):
        store.select(lambda s: calls.append(1) or s["filter"], key="filter")
    assert len(calls) == 1


def test_selector_stats_hit_rate():
    done = make_done()
    store = Store(lambda s, a: s, initial_state=STATE)
    for _ in range(4):
        store.select(done)
    stats = store.selector_stats()[done.name]
    assert (stats.recomputations, stats.hits, stats.hit_rate) == (1, 3, 0.75)


def test_create_selector_needs_a_combiner():
    with pytest.raises(SelectorError, match="needs a combiner function"):
        create_selector()


def test_create_selector_needs_inputs():
    with pytest.raises(SelectorError, match="has no input selectors"):
        create_selector(len)


def test_create_selector_refuses_non_callable_inputs():
    with pytest.raises(SelectorError, match="got 'todos' as an input selector"):
        create_selector("todos", len)


def test_select_path_reads_maps_and_vectors():
    assert select_path("todos.1.done")(STATE) is False
    assert select_path(["todos", 0, "done"])(STATE) is True


def test_select_path_missing_key_names_where():
    with pytest.raises(SelectorError, match=r'Path "todos.5.done" is missing at "todos.5"'):
        select_path("todos.5.done")(STATE)


def test_select_path_default():
    assert select_path("nope.x", default=None)(STATE) is None


def test_select_path_refuses_bad_paths():
    with pytest.raises(SelectorError, match=r"Bad state path 'a..b'"):
        select_path("a..b")
