"""Devtools cost with 10,000 recorded actions: panel render per rerun, dispatch, diff.

Target: the panel adds < 50 ms to a rerun with 10k actions recorded. Each group prints its
ratio against a baseline measured in the same run (see conftest.py).
"""

from pathlib import Path

import pytest
from pyrsistent import freeze
from streamlit.testing.v1 import AppTest

from streamlit_redux import Store, combine_reducers, create_slice
from streamlit_redux import devtools as dt
from streamlit_redux.devtools.view import action_details, log_page

APP = Path(__file__).parent / "apps" / "devtools_10k.py"
N = 10_000

todos = create_slice(
    name="todos", initial_state=[], reducers={"added": lambda s, a: s.append(a.payload)}
)
counter = create_slice(name="counter", initial_state=0, reducers={"inc": lambda s, a: s + 1})
root = combine_reducers(todos=todos.reducer, counter=counter.reducer)


def recorded_store(n=N):
    store = Store(root)
    dt.instrument(store, max_age=None)
    for i in range(n):
        store.dispatch(todos.actions.added(f"todo {i}") if i % 10 == 0 else counter.actions.inc())
    return store


def warmed_app(monkeypatch, panel):
    monkeypatch.setenv("DEVTOOLS_BENCH_PANEL", "1" if panel else "0")
    app = AppTest.from_file(str(APP), default_timeout=120)
    app.run()
    assert not app.exception, app.exception
    return app


@pytest.mark.benchmark(group="devtools-rerun-10k")
def test_rerun_without_panel(benchmark, monkeypatch):
    benchmark.extra_info["baseline"] = True
    app = warmed_app(monkeypatch, panel=False)
    benchmark.pedantic(app.run, rounds=10, iterations=1)


@pytest.mark.benchmark(group="devtools-rerun-10k")
def test_rerun_with_panel(benchmark, monkeypatch):
    app = warmed_app(monkeypatch, panel=True)
    assert app.sidebar.radio
    benchmark.pedantic(app.run, rounds=10, iterations=1)
    if benchmark.stats is not None:
        print(f"\npanel rerun with {N} actions: median {benchmark.stats.stats.median * 1e3:.1f} ms")


@pytest.mark.benchmark(group="devtools-panel-data-10k")
def test_panel_data_per_rerun(benchmark):
    benchmark.extra_info["baseline"] = True
    recorder = dt.instrument(recorded_store()).recorder

    def panel_data():
        page = log_page(recorder, page=1, size=20)
        return page, action_details(recorder, page.rows[0].index)

    page, details = benchmark(panel_data)
    assert page.matched == N + 1 and len(details.changes) == 1


@pytest.mark.benchmark(group="devtools-panel-data-10k")
def test_panel_data_per_rerun_with_type_filter(benchmark):
    recorder = dt.instrument(recorded_store()).recorder
    page = benchmark(lambda: log_page(recorder, type_filter="todos", page=3, size=20))
    assert page.matched == N // 10


@pytest.mark.benchmark(group="devtools-dispatch")
def test_dispatch_without_devtools(benchmark):
    benchmark.extra_info["baseline"] = True
    store = Store(root)
    benchmark(store.dispatch, counter.actions.inc())


@pytest.mark.benchmark(group="devtools-dispatch")
def test_dispatch_with_devtools_recording(benchmark):
    store = Store(root)
    dt.instrument(store, max_age=1000)
    benchmark(store.dispatch, counter.actions.inc())


BIG = freeze({f"key{i}": {"value": i, "tags": [i, i + 1]} for i in range(10_000)})
CHANGED = BIG.transform(["key5000", "value"], -1)


@pytest.mark.benchmark(group="devtools-diff-10k-keys")
def test_full_equality_of_two_states(benchmark):
    benchmark.extra_info["baseline"] = True
    assert benchmark(lambda: BIG == CHANGED) is False


@pytest.mark.benchmark(group="devtools-diff-10k-keys")
def test_diff_one_change_in_a_10k_key_state(benchmark):
    changes = benchmark(dt.diff, BIG, CHANGED)
    assert [c.dotted for c in changes] == ["key5000.value"]


@pytest.mark.benchmark(group="devtools-toggle-10k")
def test_replay_all_10k_actions(benchmark):
    benchmark.extra_info["baseline"] = True
    store = recorded_store()
    benchmark.pedantic(store.dispatch, args=(dt.replay(),), rounds=5, iterations=1)


@pytest.mark.benchmark(group="devtools-toggle-10k")
def test_toggle_an_action_near_the_end(benchmark):
    store = recorded_store()
    benchmark(store.dispatch, dt.toggle_action(N - 5))


def test_memory_of_10k_computed_states_grows_with_changes_not_state_size():
    import tracemalloc

    tracemalloc.start()
    before = tracemalloc.take_snapshot()
    store = recorded_store()
    after = tracemalloc.take_snapshot()
    tracemalloc.stop()
    grown = sum(stat.size_diff for stat in after.compare_to(before, "filename"))
    per_action = grown / N
    print(f"\n{N} recorded actions: {grown / 1e6:.1f} MB, {per_action:.0f} bytes per action")
    assert store.state["counter"] == N - N // 10


def test_report_ms_added_per_rerun_by_the_panel(monkeypatch):
    from statistics import median
    from time import perf_counter

    def rerun_ms(panel):
        app = warmed_app(monkeypatch, panel)
        times = []
        for _ in range(15):
            started = perf_counter()
            app.run()
            times.append((perf_counter() - started) * 1e3)
        return median(times)

    without, with_panel = rerun_ms(False), rerun_ms(True)
    print(
        f"\nrerun with {N} recorded actions: {without:.1f} ms without the panel, "
        f"{with_panel:.1f} ms with it: +{with_panel - without:.1f} ms (target < 50 ms)"
    )
