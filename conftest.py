"""Apps and scenario scripts are run by Streamlit, never imported by pytest (doctest collection)."""

collect_ignore_glob = [
    "tests/*/apps/*",
    "benchmarks/reruns/*_dashboard.py",
    "benchmarks/reruns/sales.py",
    "benchmarks/reruns/driver.py",
]
