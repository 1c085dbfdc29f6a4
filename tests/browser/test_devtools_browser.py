"""The devtools panel in real Chromium: dispatch, travel back, skip, export and re-import."""

import json
from pathlib import Path

import pytest

from tests.browser.conftest import ARTIFACTS, wait_for_run

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect

DEMO = Path(__file__).parents[2] / "examples" / "devtools_demo.py"


def snap(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"devtools-{name}.png"), full_page=True)


def settle(page, *texts):
    for text in texts:
        expect(page.get_by_text(text, exact=True).first).to_be_visible()
    wait_for_run(page)


def sidebar_button(page, name):
    return page.get_by_test_id("stSidebar").get_by_role("button", name=name)


@pytest.fixture
def demo(serve, page):
    server = serve(DEMO)
    page.goto(server.url)
    wait_for_run(page)
    expect(page.get_by_text("Count: 0")).to_be_visible()
    return page


def test_travel_skip_export_and_import_in_a_real_browser(demo, tmp_path):
    page = demo
    plus = page.get_by_role("button", name="+1")
    plus.click()
    settle(page, "Count: 1")
    plus.click()
    settle(page, "Count: 2")
    page.get_by_role("button", name="-1").click()
    settle(page, "Count: 1")

    thumb = page.get_by_test_id("stSidebar").get_by_role("slider")
    thumb.focus()
    thumb.press("ArrowLeft")
    settle(page, "Count: 2")
    expect(page.get_by_text("Time travel: showing state 2 of 3", exact=False).first).to_be_visible()
    snap(page, "travelled")

    plus.click()  # ignored while a past state is shown
    wait_for_run(page)
    expect(page.get_by_text("Count: 2")).to_be_visible()
    expect(page.get_by_text("1 ignored so far", exact=False).first).to_be_visible()

    sidebar_button(page, "Back to present").click()
    settle(page, "Count: 1")
    expect(page.get_by_text("Time travel: showing", exact=False)).to_have_count(0)

    page.get_by_test_id("stSidebar").get_by_text("#3 counter/decremented").click()
    wait_for_run(page)
    sidebar_button(page, "Skip").click()
    settle(page, "Count: 2")
    snap(page, "skipped")

    page.get_by_test_id("stSidebar").get_by_role("tab", name="Import/Export").click()
    with page.expect_download() as download_info:
        sidebar_button(page, "Export session").click()
    exported = tmp_path / "session.json"
    download_info.value.save_as(exported)
    document = json.loads(exported.read_text())
    assert [a["type"] for a in document["actions"]] == [
        "counter/incremented",
        "counter/incremented",
        "counter/decremented",
    ]
    assert document["skipped_ids"] == [3]

    sidebar_button(page, "Reset").click()
    settle(page, "Count: 0")

    page.get_by_test_id("stSidebar").locator("input[type='file']").set_input_files(str(exported))
    expect(page.get_by_text("Imported session.json.")).to_be_visible()
    settle(page, "Count: 2")
    snap(page, "imported")


def test_a_bad_import_shows_an_error_and_keeps_the_session(demo, tmp_path):
    page = demo
    page.get_by_role("button", name="+1").click()
    settle(page, "Count: 1")
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "something-else"}')
    page.get_by_test_id("stSidebar").get_by_role("tab", name="Import/Export").click()
    page.get_by_test_id("stSidebar").locator("input[type='file']").set_input_files(str(bad))
    expect(page.get_by_text("has format 'something-else'", exact=False)).to_be_visible()
    wait_for_run(page)
    expect(page.get_by_text("Count: 1")).to_be_visible()
    snap(page, "bad-import")


def test_panel_follows_a_fragment_only_rerun_and_undo_works(demo):
    page = demo
    sidebar = page.get_by_test_id("stSidebar")
    page.get_by_label("New todo").fill("milk")
    page.get_by_label("New todo").press("Enter")
    wait_for_run(page)
    page.get_by_role("button", name="Add").click()
    settle(page, "Todos (0/1 done)")
    expect(sidebar.get_by_text("#1 todos/added")).to_be_visible()
    expect(sidebar.get_by_text("1 actions · state 1/1")).to_be_visible()
    sidebar_button(page, "Undo").click()
    settle(page, "Todos (0/0 done)")
    expect(sidebar.get_by_text("#2 @@streamlit_redux/undo/UNDO")).to_be_visible()
    snap(page, "undo")
