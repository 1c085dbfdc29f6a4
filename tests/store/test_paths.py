"""One path syntax everywhere ("items.0"): the bracket form is refused with its dotted spelling
wherever a path is given (select_path, persist include/exclude, the checks' ignored paths), and
every path the library reports is dotted (dev checks, devtools diff)."""

import pytest
from pyrsistent import freeze

from streamlit_redux import CheckError, StatePathError, Store, select_path
from streamlit_redux.devtools.diff import diff
from streamlit_redux.middleware import checks_middleware, persist
from streamlit_redux.storage import MemoryStorage


def test_select_path_refuses_brackets_with_the_dotted_spelling():
    with pytest.raises(StatePathError, match=(
        r"^Bad state path 'todos\[0\]\.title': brackets are not path syntax; write "
        r"'todos\.0\.title' \(paths are dotted everywhere\)\.$"
    )):
        select_path("todos[0].title")


def test_an_empty_part_is_still_a_selector_error():
    with pytest.raises(StatePathError, match=r"^Bad state path 'a\.\.b'; write it like 'todos\.items\.0'\.$"):
        select_path("a..b")


def test_persist_refuses_a_bracket_path_when_it_is_built():
    with pytest.raises(StatePathError, match=(
        r"^Bad state path 'todos\[0\]\[1\]' in persist\(key=\"app\"\): brackets are not path "
        r"syntax; write 'todos\.0\.1' \(paths are dotted everywhere\)\.$"
    )):
        persist(MemoryStorage(), key="app", exclude=["todos[0][1]"])


def test_checks_refuse_a_bracket_ignored_path_when_built():
    with pytest.raises(StatePathError, match=(
        r"^Bad state path 'items\[0\]\.part' in checks_middleware\(ignored_paths=\.\.\.\): "
        r"brackets are not path syntax; write 'items\.0\.part' \(paths are dotted everywhere\)\.$"
    )):
        checks_middleware(ignored_paths=["items[0].part"])


def test_a_path_the_checks_report_is_one_select_path_reads_and_ignored_paths_accepts():
    state = freeze({"items": [{"tags": "ok"}]}).transform(["items", 0, "tags"], ["mutable"])
    store_of = lambda **kw: Store(  # noqa: E731
        lambda s, a: state if a.type == "load" else freeze({"items": []}),
        middleware=[checks_middleware(enabled=True, **kw)],
    )
    with pytest.raises(CheckError, match=r'mutable list at "items\.0\.tags"') as info:
        store_of().dispatch({"type": "load"})
    reported = str(info.value).split('"')[3]
    assert select_path(reported)(state) == ["mutable"]
    store_of(ignored_paths=[reported]).dispatch({"type": "load"})


def test_the_devtools_diff_shows_dotted_paths_that_select_path_reads():
    before = freeze({"todos": [{"done": False}]})
    after = before.transform(["todos", 0, "done"], True)
    (change,) = diff(before, after)
    assert change.dotted == "todos.0.done"
    assert select_path(change.dotted)(after) is True
