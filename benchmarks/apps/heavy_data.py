"""The heavy dashboard's data, shared by both variants: 100,000 orders, 200 products.

Loading is the expensive, shared part: both variants load with ``st.cache_data`` (one copy per
server). What a session derives from its own state (a product's detail) is cheap.
``HEAVY_ROWS`` shrinks the data for the smoke run that keeps this code alive in ``make test``.
"""

import gc
import os

import numpy as np
import pandas as pd
import streamlit as st

if os.environ.get("FREEZE_GC") == "1":
    # Move every object alive now (Streamlit, pandas, pyarrow: the modules) out of the
    # collector's reach: Streamlit's gc.collect(2) after each run then walks only newer ones.
    gc.freeze()

ROWS = int(os.environ.get("HEAVY_ROWS", "100000"))
CHART_POINTS = ROWS // 2
PRODUCTS = [f"P{i:03d}" for i in range(200)]
METRICS = ["revenue", "units"]


def log_run(what: str) -> None:
    """Append a line to $RUN_LOG naming the scope that ran (the benchmark counts reruns)."""
    path = os.environ.get("RUN_LOG")
    if path:
        with open(path, "a") as log:
            log.write(what + "\n")


@st.cache_data
def load_orders() -> pd.DataFrame:
    rng = np.random.default_rng(7)
    units = rng.integers(1, 20, ROWS)
    price = rng.integers(5, 500, ROWS)
    return pd.DataFrame(
        {
            "order": np.arange(ROWS),
            "product": np.array(PRODUCTS)[rng.integers(0, len(PRODUCTS), ROWS)],
            "region": np.array(["North", "South", "East", "West"])[rng.integers(0, 4, ROWS)],
            "units": units,
            "revenue": units * price,
        }
    )


@st.cache_data
def trend(metric: str) -> pd.DataFrame:
    """The chart's 50,000 points: the running total of ``metric`` over the first orders."""
    orders = load_orders()
    return pd.DataFrame({metric: orders[metric].iloc[:CHART_POINTS].cumsum()})


@st.cache_data
def product_stats() -> dict[str, tuple[int, int]]:
    """Units and revenue per product."""
    grouped = load_orders().groupby("product")[["units", "revenue"]].sum()
    return {p: (int(row.units), int(row.revenue)) for p, row in grouped.iterrows()}


def detail_text(product: str) -> str:
    units, revenue = product_stats()[product]
    return f"detail={product} units={units} revenue={revenue}"


def kpi_text(metric: str) -> str:
    return f"kpi={metric}:{int(load_orders()[metric].sum())}"
