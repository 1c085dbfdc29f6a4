from streamlit_redux.devtools.timings import DispatchTimes


def test_quantiles_per_action_type_slowest_first():
    times = DispatchTimes()
    for ms in range(1, 101):
        times.add("slow", ms / 1e3)
    times.add("fast", 0.0001)
    slow, fast = times.summaries()
    assert (slow.action_type, slow.count) == ("slow", 100)
    assert slow.p50_ms == 51.0
    assert slow.p95_ms == 95.0
    assert fast.p50_ms == fast.p95_ms == 0.1


def test_window_keeps_memory_bounded():
    times = DispatchTimes(window=3)
    for seconds in (9.0, 9.0, 9.0, 0.001, 0.001, 0.001):
        times.add("a", seconds)
    (summary,) = times.summaries()
    assert summary.count == 3 and summary.p95_ms == 1.0
