"""The deep-link app of docs/binding.md runs as written (its python block under "Deep links")."""

import re
from pathlib import Path

from streamlit.testing.v1 import AppTest

DOC = Path(__file__).parents[2] / "docs" / "binding.md"


def deep_link_app() -> str:
    section = DOC.read_text().split("## Deep links: `store.bind(..., url=True)`", 1)[1]
    return re.findall(r"```python\n(.*?)```", section, flags=re.S)[0]


def opened(**params: str) -> AppTest:
    app = AppTest.from_string(deep_link_app(), default_timeout=15)
    for name, value in params.items():
        app.query_params[name] = value
    app.run()
    assert not app.exception, app.exception
    return app


def test_the_documented_filter_opens_a_shared_link_on_the_linked_filter():
    app = opened(category="travel", at_least="20")
    assert app.selectbox[0].value == "travel"
    assert app.number_input[0].value == 20
    assert app.text[0].value == "1 expenses: hotel"


def test_the_documented_filter_shows_everything_without_a_link():
    app = opened()
    assert app.text[0].value == "4 expenses: taxi, lunch, paper, hotel"
    assert not app.warning


def test_the_documented_filter_refuses_a_category_it_does_not_offer():
    app = opened(category="[gifts](http://example.com)")
    assert app.selectbox[0].value == "all"
    assert app.warning[0].value == (
        "The link's category is `[gifts](http://example.com)`, which is not one of the choices; "
        "kept all."
    )
    app.selectbox[0].select("food").run()
    assert app.text[0].value == "1 expenses: lunch"
    assert not app.warning
