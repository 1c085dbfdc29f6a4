"""``make bench-report``: turn one run's JSON results into docs/benchmarks.md and its plots."""
