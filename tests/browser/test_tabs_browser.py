"""Two tabs of one browser (one browser-id cookie, so one stored copy) editing at once, served
through st.App with the browser-id middleware and persisted on SQLite: no update is lost, and
what the other tab shows, and when, is what docs/persistence.md says."""

import re
import time
from pathlib import Path

import pytest

from streamlit_redux.storage import SQLiteStorage
from tests.browser.conftest import wait_for_run

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect

SERVE = Path(__file__).parent / "apps" / "tabs" / "serve.py"
ROUNDS = 6
WAIT_MS = 30_000


def shown(page, what):
    return page.get_by_text(re.compile(rf"^{what}="))


def notes_of(page):
    return shown(page, "notes").inner_text().removeprefix("notes=").split("|")


def stored_count(stored):
    [key] = stored.keys()
    return int(re.search(r'"count": (\d+)', stored.get(key)).group(1))


def type_note(page, text):
    page.get_by_label("Note").fill(text)
    page.get_by_label("Note").press("Enter")


def test_two_tabs_editing_at_once_lose_no_update(serve, browser, tmp_path):
    db = tmp_path / "tabs.db"
    server = serve(SERVE, {"TABS_DB": str(db), "STREAMLIT_REDUX_SECRET_FILE": str(tmp_path / "secret")})
    context = browser.new_context()
    tabs = []
    for _ in range(2):
        tab = context.new_page()  # the second tab sends the cookie the first one received
        tab.goto(server.url)
        wait_for_run(tab, WAIT_MS)
        tabs.append(tab)
    a, b = tabs
    stored = SQLiteStorage(db)
    for i in range(ROUNDS):
        # Both tabs act before either is waited on: their sessions write the key concurrently.
        type_note(a, f"a{i}")
        type_note(b, f"b{i}")
        for tab, name in ((a, "a"), (b, "b")):
            expect(shown(tab, "notes")).to_contain_text(f"{name}{i}", timeout=WAIT_MS)
            wait_for_run(tab, WAIT_MS)
        a.get_by_role("button", name="+1").click()
        b.get_by_role("button", name="+1").click()
        for tab in tabs:
            wait_for_run(tab, WAIT_MS)
        expect(shown(a, "count")).not_to_have_text("count=" + str(i), timeout=WAIT_MS)
        expect(shown(b, "count")).not_to_have_text("count=" + str(i), timeout=WAIT_MS)
        # Writes are synchronous: once both clicks have run, the stored copy has both. If not,
        # what each tab shows tells a lost click (its own count did not move) from a lost write.
        wanted = 2 * (i + 1)
        deadline = time.monotonic() + WAIT_MS / 1000
        while stored_count(stored) != wanted and time.monotonic() < deadline:
            time.sleep(0.1)
        assert stored_count(stored) == wanted, (
            f"round {i}: stored count={stored_count(stored)}, wanted {wanted}; tabs show "
            f"{shown(a, 'count').inner_text()} and {shown(b, 'count').inner_text()}"
        )

    expected = {f"{name}{i}" for name in "ab" for i in range(ROUNDS)}
    [key] = stored.keys()
    assert key.startswith("board:browser:")
    for tab in tabs:
        tab.reload()
        wait_for_run(tab, WAIT_MS)
        expect(shown(tab, "count")).to_have_text(f"count={2 * ROUNDS}", timeout=WAIT_MS)
        notes = notes_of(tab)
        assert set(notes) == expected and len(notes) == 2 * ROUNDS
        for name in "ab":  # each tab's notes in the order it typed them
            assert [n for n in notes if n.startswith(name)] == [f"{name}{i}" for i in range(ROUNDS)]
    assert f'"count": {2 * ROUNDS}' in stored.get(key)

    # What the other tab sees, and when (docs/persistence.md, "What a second tab sees").
    type_note(a, "late")
    expect(shown(a, "notes")).to_contain_text("late", timeout=WAIT_MS)
    time.sleep(3)  # measuring, not waiting for a condition: b is given time to (not) update
    assert "late" not in notes_of(b)  # not live
    b.get_by_role("button", name="Rerun").click()
    wait_for_run(b, WAIT_MS)
    time.sleep(1)
    assert "late" not in notes_of(b)  # not on a rerun that changes nothing either
    b.get_by_role("button", name="+1").click()  # its next change rebases onto a's copy
    expect(shown(b, "notes")).to_contain_text("late", timeout=WAIT_MS)
    expect(shown(b, "count")).to_have_text(f"count={2 * ROUNDS + 1}", timeout=WAIT_MS)
    context.close()


def test_a_reload_shows_the_change_made_just_before_it_while_its_write_is_debounced(
    serve, browser, tmp_path
):
    db = tmp_path / "tabs.db"
    server = serve(SERVE, {"TABS_DB": str(db), "TABS_DEBOUNCE_S": "600",
                           "STREAMLIT_REDUX_SECRET_FILE": str(tmp_path / "secret")})
    context = browser.new_context()
    try:
        tab = context.new_page()
        tab.goto(server.url)
        wait_for_run(tab, WAIT_MS)
        type_note(tab, "typed just before the reload")
        expect(shown(tab, "notes")).to_have_text("notes=typed just before the reload")
        tab.reload()  # a new session, while the old one's write waits for its 600 s debounce
        wait_for_run(tab, WAIT_MS)
        expect(shown(tab, "notes")).to_have_text("notes=typed just before the reload")
    finally:
        context.close()
