"""The heavy dashboard with 1, 10 and 30 concurrent sessions picking products, both variants:
p50/p95 latency and server memory per session. The smoke run (without
STREAMLIT_REDUX_BENCH=full) plays 1 and 2 sessions of the redux variant on small data."""

import pytest

from benchmarks.report.document import scaling_table
from benchmarks.reruns.heavy import HEAVY
from benchmarks.reruns.probe import FULL, write_json
from benchmarks.reruns.scaling import scale_sessions

pytestmark = pytest.mark.browser


def test_session_scaling(tmp_path, capsys):
    pytest.importorskip("playwright.async_api")
    env = {} if FULL else {"HEAVY_ROWS": "2000"}
    counts, picks = ((1, 10, 30), 3) if FULL else ((1, 2), 1)
    variants = HEAVY if FULL else HEAVY[1:]
    results = {v.label: scale_sessions(v, tmp_path, env, counts=counts, picks=picks) for v in variants}
    with capsys.disabled():
        print("\n" + "\n".join(scaling_table(results)))
    write_json("session_scaling", results)
    for result in results.values():
        done = [(int(n), s["picks"]) for n, s in result["sessions"].items() if "error" not in s]
        assert done and all(total == n * picks for n, total in done)
