"""The heavy dashboard (100,000-row table, 50,000-point chart, product picker, detail fragment,
sidebar tray) and the fragment floor, both variants side by side in real Chromium.

Prints and (with $BENCH_JSON_DIR) writes latency, reruns, server CPU and websocket bytes per
interaction. Behaviour targets (asserted): the redux variant never reruns the whole app for a
fragment-data interaction; timings are reported, never asserted.
"""

import pytest

from benchmarks.reruns.heavy import (
    FLOOR,
    HEAVY,
    HEAVY_NO_GC,
    HEAVY_STREAMLIT_RUN_END,
    as_json,
    floor_steps,
    heavy_steps,
    play_side_by_side,
    table,
)
from benchmarks.reruns.probe import FULL, write_json

pytestmark = pytest.mark.browser
SMOKE_ENV = {} if FULL else {"HEAVY_ROWS": "2000"}


def test_heavy_dashboard_side_by_side(browser, tmp_path, capsys):
    variants = (*HEAVY, HEAVY_STREAMLIT_RUN_END) if FULL else HEAVY
    results = play_side_by_side(variants, heavy_steps(11 if FULL else 2), browser, tmp_path, SMOKE_ENV)
    with capsys.disabled():
        print("\n" + table(results, baseline=HEAVY[0].label))
    write_json("heavy_dashboard", as_json(results))
    redux = results[HEAVY[1].label]
    assert redux.stats("pick a product")["app_runs"] == 0
    assert redux.stats("add to the tray")["app_runs"] == 0
    assert redux.stats("switch the metric")["app_runs"] == 1


@pytest.mark.skipif(not FULL, reason="the same code as the heavy smoke run; full runs only")
def test_heavy_dashboard_fragment_data_without_post_script_gc(browser, tmp_path, capsys):
    steps = heavy_steps(11, body=False)
    results = play_side_by_side(HEAVY_NO_GC, steps, browser, tmp_path, SMOKE_ENV)
    with capsys.disabled():
        print("\n" + table(results, baseline=HEAVY_NO_GC[0].label))
    write_json("heavy_dashboard_no_gc", as_json(results))
    assert results[HEAVY_NO_GC[1].label].stats("pick a product")["app_runs"] == 0


def test_fragment_floor_side_by_side(browser, tmp_path, capsys):
    variants = FLOOR if FULL else (FLOOR[0], FLOOR[2])
    results = play_side_by_side(variants, floor_steps(13 if FULL else 2), browser, tmp_path, SMOKE_ENV)
    with capsys.disabled():
        print("\n" + table(results, baseline=FLOOR[0].label))
    write_json("fragment_floor", as_json(results))
    assert all(m.stats("pick a product")["app_runs"] == 0 for m in results.values())
