"""Minimal, never-stale reruns, checked in real Chromium against a real Streamlit server."""

from pathlib import Path

import pytest

from tests.browser.conftest import wait_for_run

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect

DASHBOARD = Path(__file__).parents[1] / "binding" / "apps" / "dashboard.py"
MULTIPAGE = Path(__file__).parents[2] / "examples" / "multipage" / "app.py"


def runs(log: Path) -> list[str]:
    return log.read_text().split()


@pytest.fixture
def dashboard(serve, page, tmp_path):
    log = tmp_path / "runs.log"
    server = serve(DASHBOARD, {"RUN_LOG": str(log)})
    page.goto(server.url)
    wait_for_run(page)
    expect(page.get_by_text("count=0")).to_be_visible()
    assert runs(log) == ["app", "count", "greeting"]
    log.write_text("")
    return page, log


def interact(page, log, action, *visible):
    """Do ``action``, wait until every locator in ``visible`` shows, and return the scopes run."""
    action()
    for locator in visible:
        expect(page.get_by_text(locator, exact=True) if isinstance(locator, str) else locator).to_be_visible()
    wait_for_run(page)
    ran = runs(log)
    log.write_text("")
    return ran


def test_click_inside_a_fragment_reruns_only_that_fragment(dashboard):
    page, log = dashboard
    click = page.get_by_role("button", name="+1").click
    assert interact(page, log, click, "count=1") == ["count"]
    assert interact(page, log, click, "count=2") == ["count"]
    expect(page.get_by_text("hello=ADA")).to_be_visible()
    expect(page.get_by_role("heading", name="Dashboard", exact=True)).to_be_visible()


def test_change_read_by_the_body_reruns_the_app_once(dashboard):
    page, log = dashboard
    board = page.get_by_role("heading", name="Board", exact=True)
    ran = interact(page, log, page.get_by_role("button", name="Rename title").click, board)
    assert ran == ["app", "count", "greeting"]


def test_click_inside_a_fragment_that_changes_body_data_reruns_the_app_once(dashboard):
    page, log = dashboard
    heading = page.get_by_role("heading", name="Fragment board", exact=True)
    ran = interact(page, log, page.get_by_role("button", name="Retitle from fragment").click, heading)
    assert ran == ["app", "count", "greeting"]


def test_bound_widget_change_shows_everywhere_without_stale_fragments(dashboard):
    page, log = dashboard
    name = page.get_by_label("Name")

    def type_name():
        name.fill("Grace")
        name.press("Enter")

    ran = interact(page, log, type_name, "hello=GRACE")
    # The widget's return value may be used in the body, so the body reruns (Streamlit's own
    # full run of the interaction: one run, no extra keyed rerun).
    assert ran == ["app", "count", "greeting"]
    expect(page.get_by_text("count=0")).to_be_visible()
    expect(page.get_by_label("Name")).to_have_value("Grace")


def test_hidden_bound_widget_gets_its_value_back(dashboard):
    page, _ = dashboard
    name = page.get_by_label("Name")
    name.fill("Lin")
    name.press("Enter")
    expect(page.get_by_text("hello=LIN")).to_be_visible()
    toggle = page.get_by_role("button", name="Toggle name")
    toggle.click()
    expect(page.get_by_label("Name")).to_have_count(0)
    toggle.click()
    expect(page.get_by_label("Name")).to_have_value("Lin")


def test_form_values_survive_page_switches_in_the_browser(serve, page):
    server = serve(MULTIPAGE)
    page.goto(server.url)
    wait_for_run(page)
    name = page.get_by_label("Name")
    name.fill("Grace")
    name.press("Enter")
    expect(page.get_by_text("Signed in as Grace")).to_be_visible()
    page.get_by_role("link", name="Settings").click()
    expect(page.get_by_role("heading", name="Settings")).to_be_visible()
    wait_for_run(page)
    page.get_by_role("link", name="Profile").click()
    expect(page.get_by_label("Name")).to_have_value("Grace")
