"""Helpers for the panel tests: run the test apps with AppTest and read what they show."""

from pathlib import Path

from streamlit.testing.v1 import AppTest

APPS = Path(__file__).parent / "apps"
EXAMPLES = Path(__file__).parents[2] / "examples"
K = "streamlit_redux:devtools:store:"


def run_app(name="counter_app.py"):
    app = AppTest.from_file(str(APPS / name), default_timeout=20)
    app.run()
    assert not app.exception, app.exception
    return app


def click(app, key):
    app.button(key=key).click().run()
    assert not app.exception, app.exception
    return app


def markdown(app):
    return [m.value for m in app.main.markdown]


def store_of(app):
    return app.session_state["streamlit_redux:store"]


def recorder_of(app):
    return store_of(app).store.resource("streamlit_redux:devtools", lambda: None).recorder
