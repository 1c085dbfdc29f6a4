import re

from hypothesis import given
from hypothesis import strategies as st

from streamlit_redux.binding.literal_text import literal


def code_span_content(markdown):
    """What CommonMark shows for ``markdown`` if it is exactly one code span, else None."""
    match = re.fullmatch(r"(`+)(.*?)\1", markdown, flags=re.S)
    if match is None:
        return None
    fence, content = match.groups()
    if fence in re.findall(r"`+", content):
        return None  # a run as long as the fence would close the span early
    if content.startswith(" ") and content.endswith(" ") and content.strip(" "):
        content = content[1:-1]
    return content


@given(st.text())
def test_any_text_renders_as_exactly_itself(text):
    shown = literal(text)
    expected = re.sub(r"\r\n|\r|\n", "⏎", text) or " "
    if shown == text:
        assert re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9/ -]*", text) and not text.endswith(" ")
    else:
        assert code_span_content(shown) == expected
        assert "\n" not in shown and "\r" not in shown


def test_links_images_and_urls_become_code_spans():
    assert literal("[a](https://x.example)") == "`[a](https://x.example)`"
    assert literal("https://x.example") == "`https://x.example`"
    assert literal(":red[alert] :material/home:") == "`:red[alert] :material/home:`"


def test_plain_action_types_stay_as_they_are():
    assert literal("counter/incremented") == "counter/incremented"
    assert literal("Add todo 2") == "Add todo 2"
    assert literal("@@streamlit_redux/INIT") == "`@@streamlit_redux/INIT`"
