"""python -m benchmarks.report RESULTS_DIR DOCS_DIR: write DOCS_DIR/benchmarks.md and the plots
in DOCS_DIR/benchmarks/ from the JSON files ``make bench-report`` left in RESULTS_DIR."""

from __future__ import annotations

import sys
from pathlib import Path

from benchmarks.report import plots
from benchmarks.report.document import (
    INTRO,
    dispatch_groups,
    dispatch_table,
    goal,
    interaction_table,
    load,
    ratio,
    scaling_table,
    section,
    size_points,
)
from benchmarks.report.machine import describe

PLAIN, REDUX = "plain st.session_state", "streamlit_redux"
FLOOR, BOUND = "plain @st.fragment", "store.bind in @store.fragment"
NO_GC = ", postScriptGC off"


def main(results: Path, docs: Path) -> None:
    figures = docs / "benchmarks"
    figures.mkdir(parents=True, exist_ok=True)
    load_before = (results / "loadavg-before").read_text().split()[:3]
    out = [INTRO, "## Machine", "", *describe(" / ".join(load_before))]
    goals = ["| goal | measured | target | |", "|---|---|---|---|"]

    dispatch = load(results, "dispatch")
    if dispatch:
        groups = dispatch_groups(dispatch)
        points = size_points(groups)
        if points:
            plots.dispatch_vs_size(points, figures / "dispatch_vs_state_size.png")
        out += section("Dispatch (pytest-benchmark, medians)", [
            "Each group's ratios are against its baseline, measured in the same run.",
            "`size-*`: one key of an N-key state changed per dispatch (streamlit_redux: a",
            "pyrsistent map; python-redux and pydux: the dict copied, as their users write it).", "",
            "![dispatch time vs state size](benchmarks/dispatch_vs_state_size.png)", "",
            *dispatch_table(groups),
        ])
    heavy = load(results, "heavy_dashboard")
    if heavy:
        plots.interactions(heavy, figures / "interactions.png")
        out += section("Heavy dashboard: latency, reruns, CPU, bytes per interaction", [
            "`benchmarks/apps/heavy_plain.py` against `benchmarks/apps/heavy_redux.py`, side by side",
            "(both servers up, each step played on one then the other). Latency: from the click",
            "until the changed text shows (and until the run is over); the first step of each kind",
            "is a warm-up and not counted. Server CPU: utime+stime of the server process per",
            "interaction (10 ms ticks, averaged). Websocket: bytes the browser received.", "",
            "![latency and reruns per interaction](benchmarks/interactions.png)", "",
            *interaction_table(heavy, PLAIN),
        ])
        goals.append(goal("heavy dashboard, fragment data (pick a product), redux / plain",
                          ratio(heavy, REDUX, PLAIN, "pick a product"), 0.75))
        goals.append(goal("heavy dashboard, fragment data (add to the tray), redux / plain",
                          ratio(heavy, REDUX, PLAIN, "add to the tray"), 0.75))
        goals.append(goal("heavy dashboard, body data (switch the metric), redux / plain",
                          ratio(heavy, REDUX, PLAIN, "switch the metric"), 1.05))
    no_gc = load(results, "heavy_dashboard_no_gc")
    if no_gc:
        out += section("Heavy dashboard with `runner.postScriptGC = false`", [
            "Streamlit runs `gc.collect(2)` after every script run; in a process that holds",
            "pandas, pyarrow and altair that walk costs tens of milliseconds of CPU, and a keyed",
            "rerun from a callback pays it twice (the interrupted run, then the fragments). The",
            "fragment-data interactions again, both variants with that collection turned off:", "",
            *interaction_table(no_gc, f"{PLAIN}{NO_GC}"),
        ])
        goals.append(goal("heavy dashboard, pick a product, postScriptGC off, redux / plain",
                          ratio(no_gc, f"{REDUX}{NO_GC}", f"{PLAIN}{NO_GC}", "pick a product"), 0.75))
    floor = load(results, "fragment_floor")
    if floor:
        out += section("Fragment floor", [
            "A selectbox in a plain `@st.fragment` (Streamlit's floor), the same with a callback",
            "calling `st.rerun([key])`, and a selectbox bound with `store.bind` inside",
            "`@store.fragment` (`benchmarks/apps/floor_*.py`), side by side.", "",
            *interaction_table(floor, FLOOR),
        ])
        goals.append(goal("fragment interaction, store.bind in @store.fragment / plain floor",
                          ratio(floor, BOUND, FLOOR, "pick a product"), 1.10))
        if f"{BOUND}{NO_GC}" in floor:
            goals.append(goal("the same, both with postScriptGC off",
                              ratio(floor, f"{BOUND}{NO_GC}", f"{FLOOR}{NO_GC}", "pick a product"), 1.10))
    scaling = load(results, "session_scaling")
    if scaling:
        plots.sessions(scaling, figures / "sessions.png")
        out += section("Concurrent sessions", [
            "The heavy dashboard on one server, N browser contexts (sessions) of one Chromium",
            "picking products all at once; memory is the server process's RSS. The browser runs",
            "on the same two cores, so latency at 30 sessions is mostly Chromium's rendering.", "",
            "![latency and memory vs sessions](benchmarks/sessions.png)", "",
            *scaling_table(scaling),
        ])
    out += section("Goals (issue 14)", goals)
    (docs / "benchmarks.md").write_text("\n".join(out) + "\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
