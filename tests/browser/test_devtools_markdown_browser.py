"""Data in the devtools panel is text in real Chromium: an imported action type holding a
remote image and links makes no request and creates no <img> or <a> from it."""

import json
from pathlib import Path

import pytest

from streamlit_redux.devtools.transfer import FORMAT
from tests.browser.conftest import wait_for_run

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect

APP = Path(__file__).parents[1] / "devtools" / "apps" / "counter_app.py"
HOST = "tracker.invalid"
HOSTILE = (
    f"![pixel](http://{HOST}/pixel.png) [click](http://{HOST}/click) "
    f"<img src='http://{HOST}/tag.png'> http://{HOST}/bare www.{HOST}"
)


def test_an_imported_action_type_with_a_remote_image_stays_text(serve, page, tmp_path):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    server = serve(APP)
    page.goto(server.url)
    wait_for_run(page)
    session = tmp_path / "hostile.json"
    session.write_text(json.dumps({
        "format": FORMAT,
        "version": 1,
        "actions": [{"id": 1, "type": HOSTILE}, {"id": 2, "type": "counter/incremented"}],
        "current_index": 1,  # travelled to the hostile action: the banner names it too
    }))

    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_role("tab", name="Import/Export").click()
    sidebar.locator("input[type='file']").set_input_files(str(session))
    expect(page.get_by_text("Imported hostile.json.")).to_be_visible()
    wait_for_run(page)
    sidebar.get_by_role("tab", name="Log").click()
    page.get_by_role("button", name="+1").click()  # a full run draws the main-area banner
    wait_for_run(page)

    banner = page.get_by_test_id("stAlert").filter(has_text="Time travel: showing state 1 of 2")
    expect(banner).to_be_visible()
    # the log is drawn (during a rerun a stale copy may still stand beside the new one)
    expect(sidebar.get_by_text("counter/incremented").first).to_be_visible()
    assert page.locator(f"img[src*='{HOST}']").count() == 0
    assert page.locator(f"a[href*='{HOST}']").count() == 0
    assert [url for url in requested if HOST in url] == []
    expect(banner.locator("code")).to_have_text(HOSTILE)
    expect(sidebar.locator("code", has_text=f"http://{HOST}/pixel.png").first).to_be_visible()
