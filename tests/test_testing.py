import pytest

from streamlit_redux import Action, Store, create_slice
from streamlit_redux.testing import captured_actions
from tests.store.matching import exact

counter = create_slice(name="c", initial_state=0, reducers={"inc": lambda s, a: s + 1})


def test_captured_actions_sees_only_its_store_and_only_inside_the_block():
    store, other = Store(counter.reducer), Store(counter.reducer)
    store.dispatch(Action("before"))
    with captured_actions(store) as actions:
        store.dispatch(counter.actions.inc())
        other.dispatch(counter.actions.inc())
        store.dispatch({"type": "noop"})
    store.dispatch(Action("after"))
    assert [a.type for a in actions] == ["c/inc", "noop"]


def test_app_store_and_counted_reruns_on_an_apptest():
    from pathlib import Path

    from streamlit.testing.v1 import AppTest

    from streamlit_redux.testing import app_store, counted_reruns

    app = AppTest.from_file(str(Path(__file__).parent / "binding" / "apps" / "dashboard.py")).run()
    store = app_store(app)
    with counted_reruns(store) as runs:
        app.button(key="inc").click().run()
        app.button(key="inc").click().run()
    assert runs == {"count": 2}
    app.run()  # AppTest's tree holds only the fragment the keyed rerun ran
    with counted_reruns(store) as runs:
        app.button(key="retitle").click().run()
    assert runs == {"app": 1, "count": 1, "greeting": 1}


def test_app_store_names_the_key_when_the_session_holds_no_store():
    from pathlib import Path

    from streamlit.testing.v1 import AppTest

    from streamlit_redux import AppStoreNotFoundError
    from streamlit_redux.testing import app_store

    app = AppTest.from_file(str(Path(__file__).parent / "binding" / "apps" / "dashboard.py")).run()
    with pytest.raises(AppStoreNotFoundError, match=exact(
        "session_state['streamlit_redux:board'] holds no store (found NoneType); run the app "
        'first (app.run()) and pass the key given to get_store(key="board").'
    )):
        app_store(app, key="board")
