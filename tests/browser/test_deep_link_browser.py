"""``store.bind(..., url=True)``: a selection is a shareable deep link (issue 9 B), and the
browser's Back and Forward buttons walk through the selections with nothing left stale."""

import re
from pathlib import Path

import pytest

from tests.browser.conftest import wait_for_run

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect

APP = Path(__file__).parent / "apps" / "deep_link.py"
SLOW = 30_000  # ms: two cores shared by several Chromiums


def store_shows(page, text: str) -> None:
    # Mid-run the new line may stand beside the old one (an element that moved: the old copy
    # goes when the run ends), so look for the new text first, then for nothing stale.
    expect(page.get_by_text(f"store: {text}", exact=True)).to_be_visible(timeout=SLOW)
    wait_for_run(page, SLOW)
    expect(page.get_by_text("store: ")).to_have_count(1, timeout=SLOW)


def trip_shows(page, city: str, tags: str, nights: int) -> None:
    """Every part of the search page shows this trip: nothing stale anywhere."""
    store_shows(page, f"{city} / {tags} / {nights}")
    expect(page.get_by_text("title: ")).to_have_text(f"title: trip to {city}", timeout=SLOW)
    expect(page.get_by_text("widgets: ")).to_have_text(f"widgets: {city} / {tags} / {nights}")
    expect(page.get_by_text("fragment: ")).to_have_text(f"fragment: {city}")
    expect(page.get_by_role("combobox", name="City")).to_have_value(city)
    expect(page.get_by_label("Nights")).to_have_value(str(nights))


def pick_city(page, city: str) -> None:
    page.get_by_role("combobox", name="City").click()
    page.get_by_role("option", name=city, exact=True).click()


def url_has(page, query: str) -> None:
    expect(page).to_have_url(re.compile(r"\?" + "".join(f"(?=.*{re.escape(p)})" for p in query.split("&"))), timeout=SLOW)


def test_a_link_restores_the_selection_into_the_store_and_page_switches_keep_it(serve, page):
    server = serve(APP)
    page.goto(f"{server.url}/?city=Lyon&tags=b&tags=c&nights=3")
    wait_for_run(page, SLOW)
    trip_shows(page, "Lyon", "b,c", 3)

    pick_city(page, "Nice")
    trip_shows(page, "Nice", "b,c", 3)
    url_has(page, "city=Nice&tags=b&tags=c&nights=3")

    page.get_by_role("link", name="Other").click()
    expect(page.get_by_text("on the other page")).to_be_visible(timeout=SLOW)
    wait_for_run(page, SLOW)
    page.get_by_role("link", name="Search").click()
    wait_for_run(page, SLOW)
    trip_shows(page, "Nice", "b,c", 3)
    url_has(page, "city=Nice&tags=b&tags=c&nights=3")
    shared = page.url

    second = page.context.new_page()  # the shared link, in a new session
    second.goto(shared)
    wait_for_run(second, SLOW)
    trip_shows(second, "Nice", "b,c", 3)
    second.close()


def test_back_and_forward_walk_through_the_selections(serve, page):
    server = serve(APP)
    page.goto(server.url)
    wait_for_run(page, SLOW)
    trip_shows(page, "Paris", "a", 1)
    for city in ("Lyon", "Nice", "Lille"):
        pick_city(page, city)
        trip_shows(page, city, "a", 1)
        url_has(page, f"city={city}")

    page.go_back()
    trip_shows(page, "Nice", "a", 1)
    url_has(page, "city=Nice")
    page.go_back()
    trip_shows(page, "Lyon", "a", 1)
    page.go_forward()
    trip_shows(page, "Nice", "a", 1)
    page.go_forward()
    trip_shows(page, "Lille", "a", 1)
    url_has(page, "city=Lille&tags=a&nights=1")

    # A choice after going back starts a new branch, as on any web page.
    page.go_back()
    trip_shows(page, "Nice", "a", 1)
    page.get_by_label("Nights").fill("4")
    page.get_by_label("Nights").press("Enter")
    trip_shows(page, "Nice", "a", 4)
    url_has(page, "city=Nice&nights=4")
    page.go_back()
    trip_shows(page, "Nice", "a", 1)

    # A change made by another action (a reset button) is an entry too.
    page.go_forward()
    trip_shows(page, "Nice", "a", 4)
    page.get_by_role("button", name="Reset").click()
    trip_shows(page, "Paris", "a", 1)
    url_has(page, "city=Paris&tags=a&nights=1")
    page.go_back()
    trip_shows(page, "Nice", "a", 4)



def test_back_across_a_page_switch_restores_the_selection_of_that_entry(serve, page):
    server = serve(APP)
    page.goto(f"{server.url}/?city=Lyon")
    wait_for_run(page, SLOW)
    trip_shows(page, "Lyon", "a", 1)
    pick_city(page, "Nice")
    trip_shows(page, "Nice", "a", 1)
    page.get_by_role("link", name="Other").click()
    expect(page.get_by_text("on the other page")).to_be_visible(timeout=SLOW)
    store_shows(page, "Nice / a / 1")

    page.go_back()  # to the search page as it was: Nice
    trip_shows(page, "Nice", "a", 1)
    page.go_back()  # the link as it was opened
    trip_shows(page, "Lyon", "a", 1)
    page.go_forward()
    trip_shows(page, "Nice", "a", 1)
    page.go_forward()
    expect(page.get_by_text("on the other page")).to_be_visible(timeout=SLOW)
    store_shows(page, "Nice / a / 1")



def test_a_linked_control_in_its_own_fragment_writes_the_url_and_steps_back(serve, page):
    server = serve(APP)
    page.goto(f"{server.url}/?city=Lyon")
    wait_for_run(page, SLOW)
    trip_shows(page, "Lyon", "a", 1)
    page.get_by_text("name", exact=True).click()
    expect(page.get_by_text("sorted by ")).to_have_text("sorted by name", timeout=SLOW)
    url_has(page, "sort=name&city=Lyon")
    wait_for_run(page, SLOW)
    page.go_back()
    expect(page.get_by_text("sorted by ")).to_have_text("sorted by price", timeout=SLOW)
    expect(page.get_by_role("radio", name="price")).to_be_checked()
    trip_shows(page, "Lyon", "a", 1)
    page.go_forward()
    expect(page.get_by_text("sorted by ")).to_have_text("sorted by name", timeout=SLOW)
    expect(page.get_by_role("radio", name="name")).to_be_checked()

HOSTILE = "**b** <b>x</b> [l](http://e.co) ![i](http://e.co/i.png)"


def test_invalid_values_in_a_link_are_shown_as_text_and_the_store_keeps_its_values(serve, page):
    server = serve(APP)
    from urllib.parse import quote

    page.goto(f"{server.url}/?city={quote(HOSTILE)}&tags=b&tags=zzz&nights=99")
    wait_for_run(page, SLOW)
    trip_shows(page, "Paris", "a", 1)
    alerts = page.get_by_test_id("stAlertContentWarning")
    expect(alerts).to_have_count(3, timeout=SLOW)
    expect(alerts.nth(0)).to_contain_text(
        f"The link's city is {HOSTILE}, which is not one of the choices; kept Paris."
    )
    expect(alerts.nth(1)).to_contain_text("The link's tags is b zzz, which is not one of the choices; kept ('a',).")
    expect(alerts.nth(2)).to_contain_text("The link's nights is 99, which is not one of the choices; kept 1.")
    expect(page.locator("[data-testid='stAlertContentWarning'] a")).to_have_count(0)
    expect(page.locator("[data-testid='stAlertContentWarning'] img")).to_have_count(0)

    page.goto(f"{server.url}/?nights=two&city=Nice")  # a new session: a valid and a mistyped value
    wait_for_run(page, SLOW)
    trip_shows(page, "Nice", "a", 1)
    expect(page.get_by_test_id("stAlertContentWarning")).to_contain_text(
        "The link's nights is two, which is not a valid value here; kept 1."
    )
    page.get_by_label("Nights").fill("2")
    page.get_by_label("Nights").press("Enter")
    trip_shows(page, "Nice", "a", 2)
    expect(page.get_by_test_id("stAlertContentWarning")).to_have_count(0)
    url_has(page, "city=Nice&nights=2")


def test_the_documented_filter_is_a_link_to_share_and_back_steps_through_it(serve, page, tmp_path):
    """A new user's app: the python block of docs/binding.md "Deep links", as written."""
    from tests.binding.test_binding_docs import deep_link_app

    app = tmp_path / "expenses_filter.py"
    app.write_text(deep_link_app())
    server = serve(app)
    page.goto(server.url)
    wait_for_run(page, SLOW)
    listed = page.get_by_text(re.compile(r"^\d+ expenses: "))
    expect(listed).to_have_text("4 expenses: taxi, lunch, paper, hotel", timeout=SLOW)

    page.get_by_role("combobox", name="Category").click()
    page.get_by_role("option", name="travel", exact=True).click()
    expect(listed).to_have_text("2 expenses: taxi, hotel", timeout=SLOW)
    page.get_by_label("At least").fill("20")
    page.get_by_label("At least").press("Enter")
    expect(listed).to_have_text("1 expenses: hotel", timeout=SLOW)
    url_has(page, "category=travel&at_least=20")
    wait_for_run(page, SLOW)
    shared = page.url

    fresh = page.context.browser.new_context()  # someone else opens the shared link
    other = fresh.new_page()
    other.goto(shared)
    wait_for_run(other, SLOW)
    expect(other.get_by_text(re.compile(r"^\d+ expenses: "))).to_have_text("1 expenses: hotel", timeout=SLOW)
    expect(other.get_by_role("combobox", name="Category")).to_have_value("travel")
    expect(other.get_by_label("At least")).to_have_value("20")
    fresh.close()

    page.go_back()
    expect(listed).to_have_text("2 expenses: taxi, hotel", timeout=SLOW)
    expect(page.get_by_label("At least")).to_have_value("0")
    page.go_back()
    expect(listed).to_have_text("4 expenses: taxi, lunch, paper, hotel", timeout=SLOW)
    expect(page.get_by_role("combobox", name="Category")).to_have_value("all")
    page.go_forward()
    expect(listed).to_have_text("2 expenses: taxi, hotel", timeout=SLOW)
    wait_for_run(page, SLOW)
    page.go_forward()
    expect(listed).to_have_text("1 expenses: hotel", timeout=SLOW)
    expect(page.get_by_label("At least")).to_have_value("20")


MATRIX_APP = Path(__file__).parent / "apps" / "deep_link_matrix.py"
# parameter -> (its values in the link, the store's value after opening it)
LINKED = {
    "text": (["hello"], "'hello'"),
    "area": (["two words"], "'two words'"),
    "amount": (["2.5"], "2.5"),
    "slider": (["42"], "42"),
    "range": (["30", "70"], "[30, 70]"),
    "size": (["L"], "'L'"),
    "drink": (["coffee"], "'coffee'"),
    "check": (["true"], "True"),
    "toggle": (["true"], "True"),
    "pill": (["blue"], "'blue'"),
    "colors": (["red", "blue"], "['red', 'blue']"),
    "side": (["right"], "'right'"),
    "thumbs": (["1"], "1"),
    "color": (["#ff0000"], "'#ff0000'"),
    "day": (["2026-01-06"], "datetime.date(2026, 1, 6)"),
    "days": (["2026-01-06", "2026-01-10"], "[datetime.date(2026, 1, 6), datetime.date(2026, 1, 10)]"),
    "time": (["09:15:00"], "datetime.time(9, 15)"),
    "when": (["2026-01-06T09:00:00"], "datetime.datetime(2026, 1, 6, 9, 0)"),
    "page": (["3"], "3"),
}


def rows_show(page, values: dict[str, str]) -> None:
    for name, value in values.items():
        expect(page.get_by_text(re.compile(rf"^row:{name} ok="))).to_have_text(
            f"row:{name} ok=True value={value}", timeout=SLOW
        )


def test_every_value_widget_opens_from_a_link_and_steps_back(serve, page):
    from urllib.parse import urlencode

    server = serve(MATRIX_APP)
    query = urlencode([(name, value) for name, (values, _) in LINKED.items() for value in values])
    page.goto(f"{server.url}/?{query}")
    wait_for_run(page, SLOW)
    opened = {name: shown for name, (_, shown) in LINKED.items()}
    rows_show(page, opened)

    page.get_by_text("Check", exact=True).click()
    rows_show(page, {**opened, "check": "False"})
    url_has(page, "check=false")
    wait_for_run(page, SLOW)
    written = page.url

    page.go_back()
    rows_show(page, opened)

    again = page.context.new_page()  # what the page wrote reads back the same in a new session
    again.goto(written)
    wait_for_run(again, SLOW)
    rows_show(again, {**opened, "check": "False"})
    again.close()
