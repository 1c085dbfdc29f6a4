"""The README's code runs as written: the counter, the API tour, the middleware stack, the signup."""

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from streamlit_redux import InvalidActionError, signals

README = Path(__file__).parents[1] / "README.md"


def block(heading: str, index: int = 0) -> str:
    """The `index`-th python block after `heading`."""
    section = README.read_text().split(heading + "\n", 1)[1]
    return re.findall(r"```python\n(.*?)```", section, flags=re.S)[index]


def test_the_readme_counter_counts():
    app = AppTest.from_string(block("## A counter in 20 lines"), default_timeout=15).run()
    assert not app.exception, app.exception
    app.button[0].click().run()
    app.button[1].click().run()
    assert app.metric[0].value == "11"


def test_the_readme_api_tour_runs_and_its_failure_receiver_takes_any_dispatch(capsys):
    namespace: dict = {}
    exec(compile(block("## API tour"), str(README), "exec"), namespace)
    try:
        store = namespace["store"]
        assert store.select(namespace["visible"]) == []  # "milk" is not "done"
        with pytest.raises(InvalidActionError, match=r"^dispatch received int 3: "):
            store.dispatch(3)  # the receiver gets the int, not an Action
        assert "dispatch failed: dispatch received int 3" in capsys.readouterr().out
    finally:
        signals.dispatch_failed.disconnect(namespace["report"])
        namespace["unsubscribe"]()


@pytest.mark.filterwarnings(
    "ignore::streamlit_redux.middleware.persist_scope.PersistenceDisabledWarning"
)
def test_the_readme_middleware_stack_runs_in_a_session_and_undoes(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # persist(SQLiteStorage("app.db")) is relative
    tour = block("## API tour").split("# Memoized selectors")[0]
    script = "\n".join([
        "import streamlit as st",
        "from streamlit_redux import get_store",
        tour,
        block("### Middleware", 1),
        "st.button('Add', on_click=store.dispatch, args=(todos.actions.added('eggs'),))",
        "st.text(', '.join(store.state['present']['todos']['items']))",
    ])
    app = AppTest.from_string(script, default_timeout=15).run()
    assert not app.exception, app.exception
    assert app.text[0].value == ""  # the tour's "milk" went to its own plain Store
    app.button[1].click().run()
    app.button[1].click().run()
    assert app.text[0].value == "eggs, eggs"
    app.button[0].click().run()  # Undo
    assert app.text[0].value == "eggs"


def test_the_readme_signup_workflow_binds_its_email_field_and_moves_on():
    script = "\n".join([
        "import streamlit as st",
        "from streamlit_redux import Step, create_workflow, get_store, render_workflow, required",
        "def draw_account():",
        "    st.text_input('Email', **store.bind(onboarding.store_path('email'),",
        "                                        onboarding.setter('email')))",
        "def draw_profile():",
        "    st.text('profile')",
        "def draw_review():",
        "    st.text('review')",
        block("### Multi-step workflows"),
    ])
    app = AppTest.from_string(script, default_timeout=15).run()
    assert not app.exception, app.exception
    assert app.button(key="signup-account-next").disabled  # required(): an empty email holds Next
    app.text_input[0].input("ann@example.com").run()
    app.button(key="signup-account-next").click().run()
    app.run()  # AppTest's tree after a keyed rerun holds only the fragments that ran
    assert [t.value for t in app.text] == ["profile"]
