"""The panel's stats view, through AppTest."""

from streamlit_redux.devtools.rerun_stats import rerun_stats
from tests.devtools.panel_apps import K, click, run_app, store_of


def test_stats_show_reruns_selectors_and_dispatch_times():
    app = run_app()
    click(app, "inc")
    assert not any("p50 ms" in frame.value.columns for frame in app.sidebar.dataframe)
    app.sidebar.toggle(key=K + "stats").set_value(True).run()
    tables = [frame.value for frame in app.sidebar.dataframe]
    columns = [list(table.columns) for table in tables]
    assert ["selector", "recomputations", "hits", "hit rate"] in columns
    assert ["action", "p50 ms", "p95 ms", "count"] in columns
    timings = next(t for t in tables if "p50 ms" in t.columns)
    assert "counter/incremented" in list(timings["action"])
    assert rerun_stats(store_of(app)).scope_runs["app"] >= 2
    selectors = next(t for t in tables if "hit rate" in t.columns)
    # The app's two inline lambdas keep a row each (named by line); the panel's probes are left out.
    assert list(selectors["selector"]) == ["<lambda> (counter_app.py:28)", "<lambda> (counter_app.py:29)"]
