"""The dashboard scenario's data and its expensive aggregate, shared by both variants."""

import os
import random

REGIONS = ["North", "South", "East", "West"]
ROWS = tuple(
    (REGIONS[i % 4], 1 + i % 12, random.Random(i).randint(1, 500), random.Random(-i).randint(1, 9))
    for i in range(40_000)
)  # (region, month, sales, units)


def log_run(what: str) -> None:
    """Append a line to $RUN_LOG: which scope ran, or that the expensive aggregate ran."""
    path = os.environ.get("RUN_LOG")
    if path:
        with open(path, "a") as log:
            log.write(what + "\n")


def total_sales(region: str) -> int:
    """The expensive part: a full scan of 40k rows."""
    log_run("compute")
    return sum(sales for r, _, sales, _ in ROWS if r == region)


def top_row(region: str) -> tuple:
    return max((row for row in ROWS if row[0] == region), key=lambda row: row[2])


def monthly(region: str, metric: str) -> list[int]:
    column = 2 if metric == "sales" else 3
    totals = [0] * 12
    for row in ROWS:
        if row[0] == region:
            totals[row[1] - 1] += row[column]
    return totals
