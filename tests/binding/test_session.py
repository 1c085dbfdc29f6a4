from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from streamlit_redux import NotInScriptRunError, Store, StoreView, create_slice, get_store
from streamlit_redux.testing import captured_reruns, counted_reruns

APPS = Path(__file__).parent / "apps"


def run_app(name="dashboard.py"):
    app = AppTest.from_file(str(APPS / name), default_timeout=10)
    app.run()
    assert not app.exception, app.exception
    return app


def store_of(app) -> StoreView:
    return app.session_state["streamlit_redux:store"]


def test_get_store_outside_a_script_run_points_to_store():
    counter = create_slice(name="c", initial_state=0, reducers={})
    with pytest.raises(NotInScriptRunError, match=r'^get_store\(key="store"\) was called outside a Streamlit script run; .* use streamlit_redux\.Store\(reducer\) directly\.$'):
        get_store(counter.reducer)


def test_store_lives_in_session_state_and_survives_reruns():
    app = run_app()
    store = store_of(app)
    assert isinstance(store, StoreView) and isinstance(store.store, Store)
    app.button(key="inc").click().run()
    assert store_of(app) is store
    assert store.state["counter"] == 1
    assert "count=1" in [m.value for m in app.markdown]


def test_dispatch_from_button_callback_updates_the_view_in_the_same_click():
    app = run_app()
    app.button(key="retitle").click().run()
    assert app.header[0].value == "Board"


def test_bound_widget_writes_to_the_store():
    app = run_app()
    app.text_input[0].input("Grace").run()
    assert store_of(app).state["profile"]["name"] == "Grace"
    assert "hello=GRACE" in [m.value for m in app.markdown]


def test_bound_widget_gets_its_value_back_after_being_hidden():
    app = run_app()
    app.text_input[0].input("Grace").run()
    app.run()  # AppTest's tree holds only what the keyed rerun ran
    app.button(key="toggle").click().run()
    assert len(app.text_input) == 0
    app.button(key="toggle").click().run()
    assert app.text_input[0].value == "Grace"


def test_hot_reload_adopts_new_reducer_without_replace_noise():
    app = run_app()
    store = store_of(app)
    seen = []
    store.subscribe(seen.append)
    app.run()
    app.run()
    assert seen == []
    assert store.state["title"] == "Dashboard"


def test_click_in_fragment_reruns_only_that_fragment():
    app = run_app()
    app.session_state["runs"].clear()
    with captured_reruns(store_of(app)) as decisions:
        app.button(key="inc").click().run()
    assert decisions[-1].actions == ("counter/incremented",)
    assert decisions[-1].scopes == ("count",)
    assert app.session_state["runs"] == ["count"]


def test_change_read_by_the_body_reruns_the_app():
    app = run_app()
    with captured_reruns(store_of(app)) as decisions:
        app.button(key="retitle").click().run()
    assert decisions[-1].scopes == ("app",)


def test_bound_widget_in_the_body_reruns_the_body_even_when_a_fragment_reads_the_same_data():
    # The widget's return value may be used in the body: a keyed rerun of the fragment alone
    # would leave the body stale. The body's default full run covers both: no st.rerun call.
    app = run_app()
    app.session_state["runs"].clear()
    with captured_reruns(store_of(app)) as decisions:
        app.text_input[0].input("Lin").run()
    assert (decisions[-1].kind, decisions[-1].scopes) == ("default", ("app",))
    assert app.session_state["runs"] == ["app", "count", "greeting"]
    assert "hello=LIN" in [m.value for m in app.markdown]


def test_scope_runs_count_executions_per_scope():
    app = run_app()
    with counted_reruns(store_of(app)) as runs:
        app.button(key="inc").click().run()
    assert runs == {"count": 1}


def test_bound_widget_is_rerun_when_the_store_changes_it_from_elsewhere():
    app = run_app()
    app.text_input[0].input("Grace").run()
    app.run()
    with captured_reruns(store_of(app)) as decisions:
        app.button(key="reset").click().run()
    assert decisions[-1].scopes[0] == "app"
    assert app.text_input[0].value == "Ada"


def test_click_inside_a_fragment_that_changes_body_data_reruns_the_whole_app():
    app = run_app()
    app.session_state["runs"].clear()
    with captured_reruns(store_of(app)) as decisions:
        app.button(key="retitle-in-fragment").click().run()
    assert decisions[-1].scopes == ("app",)
    assert app.session_state["runs"] == ["app", "count", "greeting"]
    assert app.header[0].value == "Fragment board"


@pytest.mark.parametrize("enabled", [True, False])
def test_get_store_devtools_flag_draws_the_panel(enabled):
    app = AppTest.from_file(str(APPS / "with_devtools.py"), default_timeout=15)
    app.session_state["devtools"] = enabled
    app.run()
    app.button(key="inc").click().run()
    app.run()
    assert not app.exception, app.exception
    subheaders = [h.value for h in app.sidebar.subheader]
    assert any("devtools" in h for h in subheaders) is enabled
    if enabled:
        assert any("#1 counter/incremented" in o for o in app.sidebar.radio[0].options)
