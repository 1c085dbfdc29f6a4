import gc
import tracemalloc

from streamlit_redux import Store, create_selector
from streamlit_redux.binding.memo_keys import stable_key

LIMIT = 3
ROWS = [1, 2, 3]


def make_lambda(n):
    return lambda s: s[n]


def test_same_code_and_closure_give_equal_keys_across_new_objects():
    assert make_lambda(1) is not make_lambda(1)
    assert stable_key(make_lambda(1)) == stable_key(make_lambda(1))
    assert hash(stable_key(make_lambda(1))) == hash(stable_key(make_lambda(1)))


def test_different_closure_values_give_different_keys():
    assert stable_key(make_lambda(1)) != stable_key(make_lambda(2))


def test_globals_the_code_names_are_part_of_the_key():
    def reads_limit(s):
        return s[:LIMIT]

    first = stable_key(reads_limit)
    globals()["LIMIT"] = 4
    try:
        assert stable_key(reads_limit) != first
    finally:
        globals()["LIMIT"] = 3


def test_unhashable_values_count_by_identity():
    def reads_rows(s):
        return ROWS

    first = stable_key(reads_rows)
    assert stable_key(reads_rows) == first
    original = ROWS
    globals()["ROWS"] = [1, 2, 3]  # an equal but different list: a different key
    try:
        assert stable_key(reads_rows) != first
    finally:
        globals()["ROWS"] = original


def test_inline_create_selector_is_keyed_by_its_parts():
    def build():
        return create_selector(lambda s: s["a"], lambda a: a * 2)

    assert stable_key(build()) == stable_key(build())


def test_objects_that_are_not_functions_have_no_key():
    class Getter:
        def __call__(self, s):
            return s

    assert stable_key(Getter()) is None


class Rows(list):
    """A stand-in for an st.cache_data result: a new, large, unhashable copy on every run."""

    alive = 0

    def __init__(self, *args):
        super().__init__(*args)
        Rows.alive += 1

    def __del__(self):
        Rows.alive -= 1


def test_a_new_object_in_the_closure_changes_the_key_but_not_the_site():
    def build(rows):
        return lambda s: len(rows)

    first, second = stable_key(build(Rows([1]))), stable_key(build(Rows([1])))
    assert first != second
    assert first.site == second.site


def test_hashable_closure_values_keep_their_own_sites():
    def build(region):
        return lambda s: s[region]

    assert stable_key(build("North")).site != stable_key(build("South")).site


def run_once(store):
    """One Streamlit rerun: fresh data closed over by an inline selector and a lambda."""
    rows = Rows(range(5_000))
    total = create_selector(lambda s: s["factor"], lambda factor: factor * len(rows))
    first = store.select(total, key=stable_key(total))
    again = store.select(total, key=stable_key(total))
    doubled = store.select(lambda s: 2 * len(rows) * s["factor"], key=stable_key(lambda s: 0))
    inline = lambda s: len(rows) + s["factor"]  # noqa: E731
    plus = store.select(inline, key=stable_key(inline))
    return first, again, doubled, plus


def test_a_thousand_reruns_keep_the_memo_flat():
    store = Store(lambda s, a: s, {"factor": 3})
    tracemalloc.start()
    try:
        for _ in range(10):
            run_once(store)
        gc.collect()
        warm, _ = tracemalloc.get_traced_memory()
        for _ in range(1_000):
            first, again, _, plus = run_once(store)
        gc.collect()
        after, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert (first, again, plus) == (15_000, 15_000, 5_003)
    assert Rows.alive <= 1  # the last run's rows, held by the memo until the next run
    assert after - warm < 50_000  # one Rows copy is about 200 kB
