from pyrsistent import freeze, pmap

from streamlit_redux import Action, Store, create_selector
from streamlit_redux import devtools as dt
from streamlit_redux.devtools.view import (
    action_details,
    change_rows,
    is_undoable,
    log_page,
    rerun_rows,
    scope_rows,
    selector_rows,
)


def counting(state, action):
    state = pmap({"n": 0}) if state is None else state
    return state if action.type.startswith("@@") else state.set("n", state["n"] + 1)


def recorder_with(n):
    store = Store(counting)
    recorder = dt.instrument(store).recorder
    for i in range(n):
        store.dispatch(Action("todos/added" if i % 3 == 0 else "counter/inc", i))
    return store, recorder


def test_log_page_is_newest_first_and_paginated():
    _, recorder = recorder_with(25)
    first = log_page(recorder, page=1, size=10)
    assert [row.action_id for row in first.rows] == list(range(25, 15, -1))
    assert (first.matched, first.pages) == (26, 3)
    last = log_page(recorder, page=3, size=10)
    assert [row.action_id for row in last.rows] == list(range(5, -1, -1))


def test_out_of_range_pages_are_clamped():
    _, recorder = recorder_with(3)
    assert log_page(recorder, page=99, size=2).page == 2
    assert log_page(recorder, page=0, size=2).page == 1


def test_type_filter_is_a_case_insensitive_substring():
    _, recorder = recorder_with(9)
    page = log_page(recorder, type_filter="TODOS", size=10)
    assert [row.type for row in page.rows] == ["todos/added"] * 3
    assert page.matched == 3


def test_labels_mark_shown_skipped_failed_and_committed_rows():
    store, recorder = recorder_with(2)
    store.dispatch(dt.toggle_action(1))
    rows = log_page(recorder).rows
    assert [row.label for row in rows] == [
        "#2 counter/inc",
        "#1 todos/added",
        "#0 (committed state)",
    ]
    assert [row.marks for row in rows] == ["shown", "skipped", ""]


def test_details_are_sanitized_and_show_the_diff():
    _, recorder = recorder_with(1)
    details = action_details(
        recorder,
        1,
        state_sanitizer=lambda s: s.set("secret", "***"),
        action_sanitizer=lambda a: Action(a.type, "hidden"),
    )
    assert details.action["payload"] == "hidden"
    assert details.state == {"n": 1, "secret": "***"}
    assert change_rows(details.changes) == [
        {"path": "n", "change": "changed", "old": "0", "new": "1"}
    ]


def test_change_rows_shorten_big_values():
    rows = change_rows(tuple(dt.diff(pmap(), freeze({"big": list(range(50))}))))
    assert rows == [{"path": "big", "change": "added", "old": "", "new": "[… 50 items]"}]


def test_undoable_state_is_recognised_at_the_root_or_in_a_slice():
    history = freeze({"past": [], "present": 1, "future": []})
    assert is_undoable(history)
    assert is_undoable(freeze({"todos": history, "other": 1}))
    assert not is_undoable(freeze({"present": 1}))
    assert not is_undoable(3)


def test_selector_rows_on_a_plain_store():
    store, _ = recorder_with(1)
    double = create_selector(lambda s: s["n"], lambda n: n * 2, name="double")
    store.select(double)
    store.select(double)
    assert selector_rows(store) == [
        {"selector": "double", "recomputations": 1, "hits": 1, "hit rate": 0.5}
    ]


def test_rerun_rows_show_the_newest_decisions_first():
    from collections import Counter

    from streamlit_redux import RerunDecision

    decisions = [
        RerunDecision("default", ("app",), "the app body's data changed", ("a/b",)),
        RerunDecision("fragments", ("list", "stats"), "only fragment data changed", ("a/c",)),
    ]
    assert scope_rows(Counter({"todos": 5, "app": 3})) == [
        {"scope": "app", "runs": 3},
        {"scope": "todos", "runs": 5},
    ]
    assert rerun_rows(decisions) == [
        {"actions": "a/c", "rerun": "fragments", "scopes": "list, stats",
         "reason": "only fragment data changed"},
        {"actions": "a/b", "rerun": "default", "scopes": "app",
         "reason": "the app body's data changed"},
    ]
