from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from streamlit_redux import DispatchDuringRenderWarning

APPS = Path(__file__).parent / "apps"


def test_inline_selector_is_not_recomputed_when_unrelated_state_changes():
    app = AppTest.from_file(str(APPS / "inline_selector.py"), default_timeout=10).run()
    assert app.session_state["sort_calls"] == [1]
    app.button(key="click").click().run()
    app.button(key="click").click().run()
    assert "clicks=2" in [m.value for m in app.markdown]
    assert app.session_state["sort_calls"] == [1]
    app.button(key="add").click().run()
    assert "sorted=[0, 1, 2, 3]" in [m.value for m in app.markdown]
    assert app.session_state["sort_calls"] == [1, 1]


def test_removing_the_row_a_fragment_shows_reruns_the_app_instead_of_raising():
    # The removed row's fragment read items[2], which no longer exists: its selector raises on
    # the new state. That scope must rerun (the app's run draws two rows), not break the click.
    app = AppTest.from_file(str(APPS / "row_fragments.py"), default_timeout=10).run()
    app.button(key="remove-2").click().run()
    assert not app.exception, app.exception
    assert [t.value for t in app.text] == ["count=2", "item 0: milk", "item 1: eggs"]
    app.button(key="remove-0").click().run()
    app.run()  # AppTest's tree holds only what a keyed rerun ran
    assert [t.value for t in app.text] == ["count=1", "item 0: eggs"]


def test_dispatch_from_the_script_body_warns_once_and_does_not_loop():
    app = AppTest.from_file(str(APPS / "render_dispatch.py"), default_timeout=10)
    with pytest.warns(DispatchDuringRenderWarning, match=r'"counter/incremented" was dispatched while the script body ran.*on_click=store.dispatch') as record:
        app.run()
    assert len([w for w in record if w.category is DispatchDuringRenderWarning]) == 1
    assert app.session_state["streamlit_redux:store"].state == 2


def test_fifty_interleaved_sessions_never_see_each_others_state():
    # AppTest cannot run in parallel threads (one Streamlit runtime per process), so the
    # sessions interleave here; tests/browser/test_isolation.py runs them truly at once.
    apps = {}
    for i in range(50):
        secret = f"s{i:02d}"
        apps[secret] = AppTest.from_file(str(APPS / "secret.py"), default_timeout=30)
        apps[secret].session_state["secret"] = secret
        apps[secret].run()
    for _ in range(2):
        for app in apps.values():
            app.button(key="note").click().run()
    states = set()
    for secret, app in apps.items():
        state = app.session_state["streamlit_redux:store"].state
        assert [m.value for m in app.markdown] == [f"secret={secret}", f"notes={secret},{secret}"]
        assert list(state["notes"]) == [secret, secret]
        states.add(id(state))
    assert len(states) == 50
