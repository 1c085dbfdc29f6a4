from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = Path(__file__).parents[2] / "examples" / "multipage" / "app.py"


def test_form_values_survive_page_switches():
    app = AppTest.from_file(str(APP), default_timeout=10).run()
    assert not app.exception, app.exception
    app.text_input[0].input("Grace").run()
    app.number_input[0].set_value(41).run()
    app.switch_page("settings_page.py").run()
    assert not app.exception, app.exception
    assert len(app.text_input) == 0
    app.switch_page("profile_page.py").run()
    assert app.text_input[0].value == "Grace"
    assert app.number_input[0].value == 41
    assert "Signed in as **Grace**" in [m.value for m in app.sidebar.markdown]


def test_a_page_injects_its_slice_and_the_store_is_shared_by_all_pages():
    app = AppTest.from_file(str(APP), default_timeout=10).run()
    store = app.session_state["streamlit_redux:store"]
    assert "settings" not in store.state
    app.switch_page("settings_page.py").run()
    assert app.session_state["streamlit_redux:store"] is store
    assert store.state["settings"]["theme"] == "light"
    app.radio[0].set_value("dark").run()
    assert store.state["settings"]["theme"] == "dark"
    app.switch_page("profile_page.py").run()
    app.switch_page("settings_page.py").run()
    assert app.radio[0].value == "dark"
    assert store.state["profile"]["name"] == ""
