"""A bound st.data_editor in real Chromium (issue 9 B): one action per edit, and the grid shows
the store's rows after undo, redo, reload and time travel (apps/expense_table.py)."""

from pathlib import Path

import pytest

from tests.browser.conftest import wait_for_run

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect

APP = Path(__file__).parent / "apps" / "expense_table.py"
# The grid is a canvas: cells are reached by position (1200 px viewport, the app's columns).
X = {"marker": 16, "what": 110, "amount": 280}
INITIAL = "rows=train,58.0,True,2026-03-02 | lunch,17.5,False,2026-03-02"
EDITED = "rows=train,60.0,True,2026-03-02 | None,None,None,None"


def at(page, column: str, row: int) -> tuple[float, float]:
    box = page.get_by_test_id("stMain").get_by_test_id("stDataFrame").bounding_box()
    return box["x"] + X[column], box["y"] + 53 + 35 * row


def type_into(page, column: str, row: int, text: str) -> None:
    page.mouse.dblclick(*at(page, column, row))  # opens the cell's editor
    page.locator(".gdg-input").fill(text)
    page.locator(".gdg-input").press("Enter")
    wait_for_run(page)


def shows(page, rows: str, actions: int) -> None:
    expect(page.get_by_text("rows=")).to_have_text(rows)
    expect(page.get_by_text("actions=")).to_have_text(f"actions={actions}")
    wait_for_run(page)


def grid_shows(page, *cells: str) -> None:
    # The canvas keeps a hidden accessible table of its cells (get_by_role skips hidden ones).
    # In the main area: the devtools panel's diff of the selected action is a grid too.
    grid = page.get_by_test_id("stMain").get_by_test_id("stDataFrame")
    expect(grid.locator("[role='gridcell']")).to_have_text(
        list(cells)
    )


def click(page, name: str) -> None:
    page.get_by_test_id("stMain").get_by_role("button", name=name, exact=True).click()
    wait_for_run(page)


def test_each_grid_edit_is_one_undoable_action_and_the_grid_follows_the_store(
    serve, page, tmp_path
):
    server = serve(APP, {"MATRIX_STORE": str(tmp_path / "table.json")})
    page.goto(server.url)
    wait_for_run(page)
    shows(page, INITIAL, 1)

    type_into(page, "amount", 0, "60")
    shows(page, "rows=train,60.0,True,2026-03-02 | lunch,17.5,False,2026-03-02", 2)
    page.get_by_role("button", name="Add row").click()
    shows(page, "rows=train,60.0,True,2026-03-02 | lunch,17.5,False,2026-03-02 | None,None,None,None", 3)
    page.keyboard.press("Escape")  # the new row's first cell opened for typing: leave it empty
    page.mouse.click(*at(page, "marker", 1))  # selects the "lunch" row
    page.wait_for_timeout(300)  # the grid draws the selection before it takes the key
    page.keyboard.press("Delete")
    shows(page, EDITED, 4)
    expect(page.get_by_text("types=")).to_have_text("types=NoneType,bool,date,float,str")
    click(page, "Unrelated")  # no action, and the grid still shows the store's rows
    page.get_by_text("Show table").click()  # hidden and shown again: drawn from the store
    wait_for_run(page)
    page.get_by_text("Show table").click()
    shows(page, EDITED, 4)
    grid_shows(page, "train", "60", "true", "2026-03-02", "", "", "false", "")

    for step in range(3):
        click(page, "Undo")
        expect(page.get_by_text("actions=")).to_have_text(f"actions={5 + step}")
    shows(page, INITIAL, 7)
    grid_shows(page, "train", "58", "true", "2026-03-02", "lunch", "17.5", "false", "2026-03-02")
    for step in range(3):
        click(page, "Redo")
        expect(page.get_by_text("actions=")).to_have_text(f"actions={8 + step}")
    shows(page, EDITED, 10)
    grid_shows(page, "train", "60", "true", "2026-03-02", "", "", "false", "")

    page.reload()  # a new session: the rows come back from storage, types and order kept
    wait_for_run(page)
    shows(page, EDITED, 2)  # init + rehydrate
    grid_shows(page, "train", "60", "true", "2026-03-02", "", "", "false", "")

    type_into(page, "amount", 0, "70")
    shows(page, "rows=train,70.0,True,2026-03-02 | None,None,None,None", 3)
    # The log starts with the REHYDRATE that loaded the rows, so its start is the app's fresh
    # state, before them (Redux DevTools' order: @@INIT, then the rehydrate).
    click(page, "Travel to the start")
    shows(page, INITIAL, 4)
    grid_shows(page, "train", "58", "true", "2026-03-02", "lunch", "17.5", "false", "2026-03-02")
    type_into(page, "what", 0, "plane")  # ignored while travelling ...
    shows(page, INITIAL, 5)
    # ... and not left in the grid: it shows the store's rows again
    grid_shows(page, "train", "58", "true", "2026-03-02", "lunch", "17.5", "false", "2026-03-02")
