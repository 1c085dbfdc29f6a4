"""The dashboard scenario on both variants in real Chromium; prints the rerun table.

Behaviour targets (asserted): streamlit_redux shows no stale view, never runs the app twice for
one interaction, and executes at least 50% fewer scopes than the plain variant.
"""

import pytest

from benchmarks.reruns.driver import VARIANTS, report, run_variant

pytestmark = pytest.mark.browser


def test_dashboard_scenario_reruns(browser, tmp_path, capsys):
    results = [run_variant(name, browser, tmp_path) for name in VARIANTS]
    with capsys.disabled():
        print("\n" + report(results))
    plain, redux = results
    assert redux.stale_views == 0
    assert redux.double_runs == 0
    assert redux.scope_executions <= 0.5 * plain.scope_executions
