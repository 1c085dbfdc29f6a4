"""Undo history memory: 1,000 steps on a 100k-row state, vs a deep-copy history.

Target: < 5 MB for the undoable history (pyrsistent shares structure). Measured with
tracemalloc in this run; the deep-copy baseline is measured on fewer steps and scaled, since
1,000 deep copies of 100k rows would need gigabytes.
"""

import copy
import tracemalloc

from pyrsistent import pmap

from streamlit_redux import Store, create_slice
from streamlit_redux.middleware.undo import undoable

ROWS, STEPS, COPY_STEPS = 100_000, 1_000, 3


def measured(work):
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        kept = work()
        return tracemalloc.get_traced_memory()[0] - before, kept
    finally:
        tracemalloc.stop()


def test_undo_history_memory_vs_deep_copies(capsys):
    rows = create_slice(
        name="rows",
        initial_state=pmap({i: {"id": i, "qty": 0} for i in range(ROWS)}),
        reducers={"edited": lambda s, a: s.set(a.payload, s[a.payload].set("qty", s[a.payload]["qty"] + 1))},
    )
    store = Store(undoable(rows.reducer))

    def undoable_steps():
        for i in range(STEPS):
            store.dispatch(rows.actions.edited((i * 7919) % ROWS))
        return store.state

    shared, _ = measured(undoable_steps)
    plain = {i: {"id": i, "qty": 0} for i in range(ROWS)}

    def deep_copy_steps():
        history = []
        for i in range(COPY_STEPS):
            history.append(copy.deepcopy(plain))
            plain[i]["qty"] += 1
        return history

    copied, _ = measured(deep_copy_steps)
    copied_per_1000 = copied * STEPS / COPY_STEPS
    with capsys.disabled():
        print(
            f"\nundo history, {STEPS} steps on {ROWS:,} rows: {shared / 1e6:.2f} MB; "
            f"deep-copy history (scaled from {COPY_STEPS} steps): {copied_per_1000 / 1e6:,.0f} MB; "
            f"ratio {shared / copied_per_1000:.5f}x"
        )
    assert len(store.state["past"]) == STEPS
    assert shared < 5_000_000
