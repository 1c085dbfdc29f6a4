"""One rule for development mode: the dev checks and devtools="auto" always agree."""

import pytest

from streamlit_redux.devtools.panel import devtools_enabled
from streamlit_redux.middleware.checks import checks_enabled


@pytest.mark.parametrize(("flag", "expected"), [("1", True), ("0", False)])
def test_the_environment_flag_turns_checks_and_devtools_on_and_off_together(monkeypatch, flag, expected):
    monkeypatch.setenv("STREAMLIT_REDUX_DEV", flag)
    assert checks_enabled() is expected
    assert devtools_enabled("auto") is expected


def test_streamlits_development_mode_counts_for_both_when_no_flag_is_set(monkeypatch):
    from streamlit import config

    monkeypatch.delenv("STREAMLIT_REDUX_DEV", raising=False)
    for mode in (True, False):
        monkeypatch.setattr(config, "get_option", lambda name, mode=mode: mode)
        assert checks_enabled() is mode
        assert devtools_enabled("auto") is mode
