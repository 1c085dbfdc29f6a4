"""Identity without a browser: signed cookie values, the server secret, owner ids, and what
persistence does when a session has no identity."""

import os
import stat

import pytest
from streamlit.testing.v1 import AppTest

from streamlit_redux import StreamlitReduxError
from streamlit_redux.binding import server_secret
from streamlit_redux.binding.browser_cookie import new_cookie_value, verified_id
from streamlit_redux.identity import owner_for_scope
from streamlit_redux.middleware.persist import PersistenceDisabledWarning
from streamlit_redux.storage import SQLiteStorage

APPS = os.path.join(os.path.dirname(__file__), "apps")


@pytest.fixture(autouse=True)
def secret_file(tmp_path, monkeypatch):
    monkeypatch.delenv("STREAMLIT_REDUX_SECRET", raising=False)
    monkeypatch.setenv("STREAMLIT_REDUX_SECRET_FILE", str(tmp_path / "secret"))
    monkeypatch.setattr(server_secret, "_cached", None)
    return tmp_path / "secret"


def test_a_signed_cookie_verifies_and_any_change_to_it_does_not():
    value = new_cookie_value()
    browser_id, signature = value.split(".")
    assert verified_id(value) == browser_id
    flipped = ("0" if signature[0] != "0" else "1") + signature[1:]
    for forged in (browser_id, f"{browser_id}.{flipped}", f"{browser_id[:-1]}A.{signature}",
                   "", "a.b", f"{value}.x", None):
        assert verified_id(forged) is None


def test_the_secret_is_generated_once_into_a_file_only_its_owner_can_read(secret_file):
    first = server_secret.server_secret()
    assert stat.S_IMODE(secret_file.stat().st_mode) == 0o600
    server_secret._cached = None
    assert server_secret.server_secret() == first


def test_a_short_secret_is_refused_with_how_to_make_one(monkeypatch):
    monkeypatch.setenv("STREAMLIT_REDUX_SECRET", "short")
    with pytest.raises(StreamlitReduxError, match=r"^The server secret from the STREAMLIT_REDUX_SECRET environment variable has 5 characters; use at least 32 random ones, e\.g\. python -c \"import secrets; print\(secrets\.token_urlsafe\(32\)\)\"\.$"):
        server_secret.server_secret()


def test_owner_ids_outside_a_script_run_say_where_to_call_them():
    with pytest.raises(StreamlitReduxError, match=r"^browser_id\(\) was called outside a Streamlit script run; the identity comes from the browser's cookies in a session\. Call it in your app script or a callback\.$"):
        owner_for_scope("browser")
    assert owner_for_scope("app") == "app"
    assert owner_for_scope("session") is None


def test_without_an_identity_the_default_scope_stores_nothing_and_warns_once(tmp_path, monkeypatch):
    db = tmp_path / "drafts.db"
    monkeypatch.setenv("DRAFT_DB", str(db))
    first = AppTest.from_file(os.path.join(APPS, "persisted_draft.py"), default_timeout=10)
    with pytest.warns(PersistenceDisabledWarning, match=r'^persist\(key="draft", scope="browser"\): this browser has no id, so this state lives for this session only'):
        first.run()
        first.text_input[0].input("private").run()
    assert SQLiteStorage(str(db)).keys() == []  # nothing shared with the next visitor
