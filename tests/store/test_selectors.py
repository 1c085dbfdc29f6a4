import re
import threading

import pytest
from pyrsistent import freeze

from streamlit_redux import SelectorError, SelectorStats, Store, create_selector, select_path
from streamlit_redux.store.selectors import MemoKey, SelectorCache
from tests.store.matching import exact


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
    with pytest.raises(SelectorError, match=exact(
        "create_selector needs a combiner function; pass it last or as combiner=..."
    )):
        create_selector()


def test_create_selector_needs_inputs():
    with pytest.raises(SelectorError, match=exact(
        "create_selector('len') has no input selectors; give at least one, e.g. "
        "create_selector(lambda s: s['todos'], combiner)."
    )):
        create_selector(len)


def test_create_selector_refuses_non_callable_inputs():
    with pytest.raises(SelectorError, match=exact(
        "create_selector got 'todos' as an input selector; inputs must be callables taking the "
        "state (or other selectors)."
    )):
        create_selector("todos", len)


def test_select_path_reads_maps_and_vectors():
    assert select_path("todos.1.done")(STATE) is False
    assert select_path(["todos", 0, "done"])(STATE) is True


def test_select_path_missing_key_names_where():
    with pytest.raises(SelectorError, match=exact(
        'Path "todos.5.done" is missing at "todos.5"; check the path, or pass default=... to '
        "select_path."
    )):
        select_path("todos.5.done")(STATE)


def test_select_path_default():
    assert select_path("nope.x", default=None)(STATE) is None


def test_select_path_refuses_bad_paths():
    with pytest.raises(SelectorError, match=exact(
        "Bad state path 'a..b'; write it like 'todos.items.0'."
    )):
        select_path("a..b")


def region_store():
    return Store(lambda s, a: s.set("region", a.payload) if a.type == "pick" else s,
                 initial_state={"region": "North", "sales": {"North": [1, 2], "South": [5]}})


def test_switching_back_to_a_recent_input_does_not_recompute():
    total = create_selector(lambda s: s["region"], lambda s: s["sales"],
                            lambda region, sales: sum(sales[region]))
    store = region_store()
    seen = []
    for region in ["North", "South", "North", "South"]:
        store.dispatch({"type": "pick", "payload": "".join(region)})  # equal, not the same str
        seen.append(store.select(total))
    assert seen == [3, 5, 3, 5]
    assert total.recomputations() == 2
    assert store.selector_stats()[total.name].hits == 2


def test_memo_size_one_remembers_only_the_last_inputs():
    total = create_selector(lambda s: s["region"], lambda s: s["sales"],
                            lambda region, sales: sum(sales[region]), memo_size=1)
    store = region_store()
    for region in ["North", "South", "North"]:
        store.dispatch({"type": "pick", "payload": region})
        store.select(total)
    assert total.recomputations() == 3


def test_memo_keeps_at_most_memo_size_input_combinations():
    square = create_selector(lambda s: s["n"], lambda n: n * n, memo_size=2)
    cache = SelectorCache()
    for n in [1, 2, 3, 1]:  # 1 was pushed out by 3
        cache.evaluate(square, freeze({"n": n}))
    assert square.recomputations() == 4


@pytest.mark.parametrize("bad", [0, -1, 1.5, True])
def test_memo_size_must_be_a_positive_whole_number(bad):
    with pytest.raises(SelectorError, match=(
        rf"^create_selector\('len'\) got memo_size={bad!r}; give a whole number of entries, "
        r"at least 1\.$"
    )):
        create_selector(todos_of, len, memo_size=bad)


def test_stats_keep_two_lambda_combiners_apart():
    first = create_selector(todos_of, lambda todos: len(todos))
    second = create_selector(todos_of, lambda todos: todos[0])
    store = Store(lambda s, a: s, initial_state=STATE)
    store.select(first)
    store.select(second)
    store.select(lambda s: s["filter"])
    names = sorted(store.selector_stats())
    assert len(names) == 3
    assert all(re.fullmatch(r".*<lambda> \(test_selectors\.py:\d+\)", name) for name in names)


def test_stats_use_the_given_name():
    named = create_selector(todos_of, lambda todos: len(todos), name="todo count")
    store = Store(lambda s, a: s, initial_state=STATE)
    store.select(named)
    assert store.selector_stats() == {"todo count": SelectorStats(recomputations=1, hits=0)}


def test_keyed_slots_are_bounded_per_store():
    cache = SelectorCache(max_slots=8)
    for n in range(100):
        cache.evaluate(lambda s: s, STATE, key=("row", n))
    assert cache.slot_count() == 8


def test_a_new_key_from_the_same_site_replaces_the_slot():
    cache = SelectorCache()
    for version in range(5):
        cache.evaluate(lambda s, v=version: v, STATE, key=MemoKey(("v", version), site="v"))
    assert cache.slot_count() == 1


def test_the_same_key_reuses_the_memo_across_new_lambda_objects():
    cache, calls = SelectorCache(), []
    for _ in range(3):
        cache.evaluate(lambda s: calls.append(1), STATE, key=MemoKey("k", site="k"))
    assert len(calls) == 1


def test_unweakrefable_selectors_are_memoized_by_the_object():
    cache = SelectorCache()
    assert cache.evaluate(len, STATE) == 2
    assert cache.evaluate(len, STATE) == 2
    assert cache.stats()["len"].hits == 1


def test_concurrent_selects_on_a_shared_store_stay_consistent():
    store = Store(lambda s, a: s.set("n", s["n"] + 1) if a.type == "inc" else s,
                  initial_state={"n": 0})
    pair = create_selector(lambda s: s["n"], lambda n: (n, n * 2), memo_size=2)
    bad = []

    def reader():
        for _ in range(300):
            n, double = store.select(pair)
            if double != 2 * n:
                bad.append((n, double))

    def writer():
        for _ in range(300):
            store.dispatch({"type": "inc"})

    threads = [threading.Thread(target=reader) for _ in range(4)] + [threading.Thread(target=writer)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert bad == []
    assert store.select(pair) == (300, 600)
