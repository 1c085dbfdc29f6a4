"""The codec persistence writes and reads with, against the standard library's json on the same
data (a state of 100,000 ints and 10,000 short strings), measured in the same run.

The codec does more than ``json``: it refuses what cannot round-trip (non-finite floats, ints
beyond ``MAX_INT_BITS``, nesting beyond ``MAX_DEPTH``) and writes pyrsistent containers, sets and
dates with tags so they come back as they were. Target (report, not assert): writing and
reading within 3x of ``json.dumps`` / ``json.loads`` on plain data like this.
Run: make bench
"""

import json

import pytest
from pyrsistent import freeze, thaw

from streamlit_redux.store.codec import dumps_state, loads_state

STATE = freeze({"rows": list(range(100_000)), "names": [f"name {i}" for i in range(10_000)]})
PLAIN = thaw(STATE)


@pytest.mark.benchmark(group="codec-write")
def test_json_dumps(benchmark):
    benchmark.extra_info["baseline"] = True
    benchmark(json.dumps, PLAIN)


@pytest.mark.benchmark(group="codec-write")
def test_codec_dumps_state(benchmark):
    text = benchmark(dumps_state, STATE)
    assert loads_state(text) == STATE


@pytest.mark.benchmark(group="codec-read")
def test_json_loads(benchmark):
    benchmark.extra_info["baseline"] = True
    benchmark(json.loads, json.dumps(PLAIN))


@pytest.mark.benchmark(group="codec-read")
def test_codec_loads_state(benchmark):
    text = dumps_state(STATE)
    assert benchmark(loads_state, text) == STATE
