from streamlit_redux import create_selector
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
