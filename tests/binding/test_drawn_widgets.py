"""Which widgets the browser showed in the run before (binding/drawn_widgets.py)."""

from streamlit_redux.binding.drawn_widgets import DrawnWidgets


def runs(*plan):
    """Play runs: each item is ("app", keys-by-scope) or ("fragment", scope, keys); return
    what ``note`` answered for each key drawn in the last run."""
    drawn = DrawnWidgets()
    answers = {}
    for run in plan:
        if run[0] == "app":
            drawn.full_run()
            draws = run[1].items()
        else:
            drawn.fragment_run(run[1])
            draws = [(run[1], run[2])]
        answers = {key: drawn.note(key, scope=scope) for scope, keys in draws for key in keys}
    return answers


def test_the_first_run_knows_nothing_and_the_next_knows_what_it_drew():
    assert runs(("app", {"app": ["a"]})) == {"a": None}
    assert runs(("app", {"app": ["a"]}), ("app", {"app": ["a", "b"]})) == {"a": True, "b": False}


def test_a_widget_hidden_for_one_full_run_comes_back_new():
    hidden_once = runs(("app", {"app": ["a"]}), ("app", {"app": []}), ("app", {"app": ["a"]}))
    assert hidden_once == {"a": False}


def test_a_fragment_run_keeps_what_other_scopes_drew():
    plan = [("app", {"app": ["body"], "f": ["x"], "g": ["y"]}), ("fragment", "f", ["x"])]
    assert runs(*plan) == {"x": True}
    later = runs(*plan, ("fragment", "g", ["y"]), ("app", {"app": ["body"], "f": ["x"], "g": ["y"]}))
    assert later == {"body": True, "x": True, "y": True}


def test_a_fragment_that_hides_its_widget_draws_it_new_next_time():
    plan = [("app", {"f": ["x"]}), ("fragment", "f", []), ("fragment", "f", ["x"])]
    assert runs(*plan) == {"x": False}


def test_a_fragment_missing_from_a_full_run_draws_its_widgets_new():
    plan = [("app", {"f": ["x"]}), ("app", {"app": []}), ("fragment", "f", ["x"])]
    assert runs(*plan) == {"x": False}
