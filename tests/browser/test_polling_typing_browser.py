"""A polling fragment's reruns leave what the user is typing in a bound widget alone, though
`bind` seeds the widget from the store on every run."""

from pathlib import Path

import pytest

from tests.browser.conftest import wait_for_run

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect

APP = Path(__file__).parent / "apps" / "polling_typing.py"


def test_typing_survives_reruns_of_the_fragment_it_is_drawn_in(serve, page):
    server = serve(APP)
    page.goto(server.url)
    wait_for_run(page)
    page.get_by_label("Note").press_sequentially("half a sen")  # not sent yet: no Enter, no blur
    ticks = int(page.get_by_text("ticks=").inner_text().split("=")[1])
    page.wait_for_function(  # the fragment reran twice meanwhile
        """n => [...document.querySelectorAll("[data-testid='stText']")]
            .some(e => e.innerText.startsWith("ticks=") && +e.innerText.slice(6) >= n)""",
        arg=ticks + 2,
    )
    expect(page.get_by_label("Note")).to_have_value("half a sen")
