"""File uploads keep metadata and a hash in the store, the bytes elsewhere; chat submits are
actions (issue 9 B, apps/uploads.py)."""

import hashlib
from pathlib import Path

import pytest

from conftest import CHROMIUM, CHROMIUM_ARGS
from tests.browser.conftest import wait_for_run

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect

APP = Path(__file__).parent / "apps" / "uploads.py"
DATA = b"taxi 12.00 EUR"
DIGEST = hashlib.sha256(DATA).hexdigest()
RECORD = f"receipt={{'name': 'taxi.txt', 'sha256': '{DIGEST}', 'size': 14, 'type': 'text/plain'}}"


def shows(page, text: str) -> None:
    # An upload travels over HTTP before its rerun: on a loaded machine that takes seconds.
    expect(page.get_by_text(text.split("=")[0] + "=")).to_have_text(text, timeout=15_000)
    wait_for_run(page)


def test_an_upload_stores_its_record_and_hands_the_bytes_to_keep(serve, page, tmp_path):
    server = serve(APP, {"UPLOADS_DIR": str(tmp_path)})
    page.goto(server.url)
    wait_for_run(page)
    page.locator("input[type='file']").set_input_files(
        files=[{"name": "taxi.txt", "mimeType": "text/plain", "buffer": DATA}]
    )
    shows(page, RECORD)
    assert (tmp_path / DIGEST).read_bytes() == DATA  # the bytes live outside the state

    page.get_by_text("Show uploader").click()  # hidden and shown: the store keeps the record
    wait_for_run(page)
    page.get_by_text("Show uploader").click()
    wait_for_run(page)
    shows(page, RECORD)

    page.get_by_role("button", name="Undo").click()
    shows(page, "receipt=None")
    page.get_by_role("button", name="Redo").click()
    shows(page, RECORD)


def test_each_chat_submit_is_one_action(serve, page, tmp_path):
    server = serve(APP, {"UPLOADS_DIR": str(tmp_path)})
    page.goto(server.url)
    wait_for_run(page)
    for text in ("hello", "lunch was 17.50"):
        page.get_by_test_id("stChatInputTextArea").fill(text)
        page.get_by_test_id("stChatInputTextArea").press("Enter")
        wait_for_run(page)
    shows(page, "messages=['hello', 'lunch was 17.50']")
    page.get_by_role("button", name="Undo").click()
    shows(page, "messages=['hello']")


@pytest.fixture
def camera_page(browser):
    """A page in a Chromium with a fake camera that needs no permission prompt."""
    camera_browser = browser.browser_type.launch(
        executable_path=str(CHROMIUM),
        args=[*CHROMIUM_ARGS, "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream"],
    )
    context = camera_browser.new_context(permissions=["camera"])
    yield context.new_page()
    camera_browser.close()


def test_a_camera_photo_stores_its_record_not_the_image(serve, camera_page, tmp_path):
    page = camera_page
    server = serve(APP, {"UPLOADS_DIR": str(tmp_path), "CAMERA": "1"})
    page.goto(server.url)
    wait_for_run(page)
    page.wait_for_function(  # the fake camera is streaming: a click now takes a picture
        "() => [...document.querySelectorAll('video')].some(v => v.readyState >= 2)"
    )
    page.get_by_role("button", name="Take Photo").click()
    shows(page, "photo=('image/jpeg', True, 64)")
    page.get_by_text("Show uploader").click()
    wait_for_run(page)
    page.get_by_text("Show uploader").click()
    wait_for_run(page)
    shows(page, "photo=('image/jpeg', True, 64)")
    page.get_by_role("button", name="Undo").click()
    shows(page, "photo=None")
