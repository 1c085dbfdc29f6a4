"""Identity without a browser: signed cookie values, owner-id derivation, the server secret, the
middleware driven through a real Starlette app, and what persistence does with no identity."""

import ast
import asyncio
import hashlib
import hmac
import os
import stat
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from starlette.applications import Starlette
from starlette.responses import HTMLResponse, PlainTextResponse
from starlette.routing import Route
from streamlit import config
from streamlit.testing.v1 import AppTest

from streamlit_redux import IdentityError
from streamlit_redux.binding import server_secret
from streamlit_redux.binding.browser_cookie import new_cookie_value, verified_id
from streamlit_redux.binding.identity import owner_id
from streamlit_redux.identity import COOKIE_NAME, browser_id_middleware, owner_for_scope
from streamlit_redux.middleware.persist import PersistenceDisabledWarning
from streamlit_redux.storage import SQLiteStorage

APPS = os.path.join(os.path.dirname(__file__), "apps")


@pytest.fixture(autouse=True)
def secret_file(tmp_path, monkeypatch):
    monkeypatch.delenv("STREAMLIT_REDUX_SECRET", raising=False)
    monkeypatch.setenv("STREAMLIT_REDUX_SECRET_FILE", str(tmp_path / "secret"))
    monkeypatch.setattr(server_secret, "_cached", None)
    return tmp_path / "secret"


# -- the cookie value ---------------------------------------------------------------------------

def test_a_signed_cookie_verifies_and_any_change_to_it_does_not():
    value = new_cookie_value()
    browser_id, signature = value.split(".")
    assert verified_id(value) == browser_id
    flipped = ("0" if signature[0] != "0" else "1") + signature[1:]
    other_id = browser_id[:-1] + ("A" if browser_id[-1] != "A" else "B")
    for forged in (browser_id, f"{browser_id}.{flipped}", f"{other_id}.{signature}",
                   f"{browser_id}.{signature.upper()}", f" {value}", "", "a.b", f"{value}.x", None):
        assert verified_id(forged) is None


@settings(max_examples=300)
@given(st.text())
def test_no_value_the_server_did_not_issue_verifies(forged):
    assert verified_id(forged) is None


def test_a_cookie_signed_with_another_secret_does_not_verify(monkeypatch):
    value = new_cookie_value()
    monkeypatch.setenv("STREAMLIT_REDUX_SECRET", "x" * 40)
    monkeypatch.setattr(server_secret, "_cached", None)
    assert verified_id(value) is None


# -- owner ids ------------------------------------------------------------------------------------

def test_an_owner_id_is_the_hmac_of_the_identity_with_the_server_secret(secret_file):
    secret = server_secret.server_secret()
    assert secret == secret_file.read_bytes().strip()
    expected = hmac.new(secret, b"owner-browser:some-browser", hashlib.sha256).hexdigest()[:40]
    assert owner_id("browser", "some-browser") == expected


@given(st.text(min_size=1))
def test_owner_ids_reveal_nothing_and_differ_per_scope(identity):
    browser, user = owner_id("browser", identity), owner_id("user", identity)
    assert browser != user and len(browser) == len(user) == 40
    assert set(browser) <= set("0123456789abcdef")  # a valid stored-key part: no ":" or "."
    assert identity not in browser or len(identity) < 4


def test_an_owner_id_is_not_the_cookie_signature():
    browser_id, signature = new_cookie_value().split(".")
    assert owner_id("browser", browser_id) not in signature


def test_another_secret_gives_other_owner_ids(monkeypatch):
    before = owner_id("browser", "same-id")
    monkeypatch.setenv("STREAMLIT_REDUX_SECRET", "y" * 40)
    monkeypatch.setattr(server_secret, "_cached", None)
    assert owner_id("browser", "same-id") != before


def test_owner_ids_outside_a_script_run_say_where_to_call_them():
    with pytest.raises(IdentityError, match=r"^browser_id\(\) was called outside a Streamlit script run; the identity comes from the browser's cookies in a session\. Call it in your app script or a callback\.$"):
        owner_for_scope("browser")
    with pytest.raises(IdentityError, match=r"^user_id\(\) was called outside a Streamlit script run; the identity comes from the browser's cookies in a session\. Call it in your app script or a callback\.$"):
        owner_for_scope("user")
    assert owner_for_scope("app") == "app"
    assert owner_for_scope("session") is None


def test_an_unknown_scope_is_an_error_not_a_silent_session_scope():
    with pytest.raises(IdentityError, match=r"""^owner_for_scope\('brwoser'\): unknown scope; use one of "browser", "user", "app", "session"\.$"""):
        owner_for_scope("brwoser")


def test_in_a_run_without_the_middleware_or_a_login_there_is_no_owner():
    def app():
        import streamlit as st

        from streamlit_redux.identity import browser_id, owner_for_scope, user_id

        st.write(repr((browser_id(), user_id(), owner_for_scope("browser"),
                       owner_for_scope("user"), owner_for_scope("app"))))

    run = AppTest.from_function(app).run()
    assert run.markdown[0].value == "(None, None, None, None, 'app')"


def _user_app():
    import streamlit as st

    from streamlit_redux.identity import owner_for_scope, user_id

    st.write(repr((user_id(), owner_for_scope("user"))))


def as_user(user):
    run = AppTest.from_function(_user_app)
    run.user = user
    return ast.literal_eval(run.run().markdown[0].value)


def test_a_logged_in_user_is_their_issuer_and_subject_and_owns_an_hmac_of_it():
    google = {"is_logged_in": True, "iss": "https://accounts.google.com", "sub": "user-qz",
              "email": "ada@example.com"}
    other_idp = {**google, "iss": "https://login.example.org"}
    found, owner = as_user(google)
    assert found == "https://accounts.google.com user-qz"
    # An HMAC, not the id: a hex digest can never contain the subject's non-hex letters.
    assert owner == owner_id("user", found) and "qz" not in owner
    assert as_user(other_idp)[1] != owner  # sub is unique per issuer only
    assert as_user({"is_logged_in": True, "email": "ada@example.com"})[0] == "ada@example.com"
    assert as_user({**google, "is_logged_in": False}) == (None, None)


# -- the server secret ----------------------------------------------------------------------------

def test_the_secret_is_generated_once_into_a_file_only_its_owner_can_read(secret_file):
    first = server_secret.server_secret()
    assert stat.S_IMODE(secret_file.stat().st_mode) == 0o600
    assert len(first) >= 32
    server_secret._cached = None
    assert server_secret.server_secret() == first
    assert [p.name for p in secret_file.parent.iterdir()] == ["secret"]  # no temporary left


def test_processes_starting_together_agree_on_one_secret(secret_file):
    code = "from streamlit_redux.binding.server_secret import server_secret; print(server_secret().decode())"
    env = {**os.environ, "STREAMLIT_REDUX_SECRET_FILE": str(secret_file)}
    workers = [subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE,
                                text=True) for _ in range(4)]
    seen = {worker.communicate(timeout=60)[0].strip() for worker in workers}
    assert seen == {secret_file.read_text().strip()}


def test_a_secret_file_others_can_read_is_refused(secret_file):
    secret_file.write_text("z" * 48)
    secret_file.chmod(0o644)
    with pytest.raises(IdentityError, match=rf"^The server secret file {secret_file} has mode 644: other users can read it, so they could forge browser ids\. Run: chmod 600 {secret_file}$"):
        server_secret.server_secret()


def test_an_unwritable_secret_file_says_how_to_configure_one(tmp_path, monkeypatch):
    blocked = tmp_path / "not-a-dir"
    blocked.write_text("")
    monkeypatch.setenv("STREAMLIT_REDUX_SECRET_FILE", str(blocked / "secret"))
    with pytest.raises(IdentityError, match=rf"^Could not read or create the server secret file {blocked}/secret \(.+\); set STREAMLIT_REDUX_SECRET \(32\+ random characters\) or point STREAMLIT_REDUX_SECRET_FILE at a writable place\.$"):
        server_secret.server_secret()


def test_the_environment_variable_wins_over_the_file(secret_file, monkeypatch):
    monkeypatch.setenv("STREAMLIT_REDUX_SECRET", "e" * 40)
    assert server_secret.server_secret() == b"e" * 40
    assert not secret_file.exists()


def test_a_short_secret_is_refused_with_how_to_make_one(monkeypatch):
    monkeypatch.setenv("STREAMLIT_REDUX_SECRET", "short")
    with pytest.raises(IdentityError, match=r"^The server secret from the STREAMLIT_REDUX_SECRET environment variable has 5 characters; use at least 32 random ones, e\.g\. python -c \"import secrets; print\(secrets\.token_urlsafe\(32\)\)\"\.$"):
        server_secret.server_secret()


# -- the middleware, through a real Starlette app -------------------------------------------------

async def _seen(request):
    return PlainTextResponse(request.cookies.get(COOKIE_NAME, "-"),
                             headers={"Cache-Control": "public, max-age=3600"})


async def _page(request):
    return HTMLResponse("<html></html>", headers={"Cache-Control": "no-cache"})


def get(headers=(), scheme="http", url="/", **options):
    """GET ``url`` through a Starlette app with the middleware: (status, headers, body)."""
    app = Starlette(routes=[Route("/", _seen), Route("/page", _page)],
                    middleware=[browser_id_middleware(**options)])
    messages = []
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
             "scheme": scheme, "path": url, "raw_path": url.encode(), "root_path": "", "query_string": b"",
             "headers": [(k.encode(), v.encode("latin-1")) for k, v in headers],
             "server": ("127.0.0.1", 80), "client": ("127.0.0.1", 5000)}

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        messages.append(message)

    # In a thread of its own: after a browser test Playwright's loop runs on this thread,
    # and asyncio.run refuses to start inside a running loop.
    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, app(scope, receive, send)).result()
    start = next(m for m in messages if m["type"] == "http.response.start")
    found = [(k.decode(), v.decode("latin-1")) for k, v in start["headers"]]
    body = b"".join(m.get("body", b"") for m in messages if m["type"] == "http.response.body")
    return start["status"], found, body.decode()


def set_cookies(headers):
    return [v for k, v in headers if k == "set-cookie"]


def test_a_new_browser_gets_an_httponly_lax_cookie_on_a_response_no_cache_keeps():
    status, headers, _ = get()
    (cookie,) = set_cookies(headers)
    name_value, *flags = cookie.split("; ")
    assert name_value.startswith(f"{COOKIE_NAME}=") and verified_id(name_value.split("=", 1)[1])
    assert flags == ["Max-Age=31536000", "Path=/", "HttpOnly", "SameSite=Lax"]
    assert [v for k, v in headers if k == "cache-control"] == ["no-store"]
    assert status == 200


def test_a_browser_with_a_valid_cookie_keeps_it_and_the_response_is_untouched():
    value = new_cookie_value()
    _, headers, body = get([("cookie", f"other=1; {COOKIE_NAME}={value}")])
    assert set_cookies(headers) == [] and body == value
    assert [v for k, v in headers if k == "cache-control"] == ["public, max-age=3600"]


def test_each_page_load_renews_a_valid_cookie_with_the_same_id():
    value = new_cookie_value()
    _, headers, _ = get([("cookie", f"{COOKIE_NAME}={value}")], url="/page", max_age_s=600)
    assert set_cookies(headers) == [f"{COOKIE_NAME}={value}; Max-Age=600; Path=/; HttpOnly; SameSite=Lax"]
    assert [v for k, v in headers if k == "cache-control"] == ["no-store"]


def test_a_second_value_of_the_name_from_another_app_does_not_cost_this_browser_its_id():
    # The browser sends the cookie of the more specific path first; Starlette keeps the last.
    ours = new_cookie_value()
    for header in (f"{COOKIE_NAME}={ours}; {COOKIE_NAME}=other-app",
                   f"{COOKIE_NAME}=other-app; {COOKIE_NAME}={ours}"):
        assert set_cookies(get([("cookie", header)])[1]) == []
    assert set_cookies(get([("cookie", "x=1"), ("cookie", f"{COOKIE_NAME}={ours}")])[1]) == []


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=255), max_size=200))
def test_any_tampered_cookie_header_gets_a_fresh_id_and_a_normal_page(header):
    status, headers, _ = get([("cookie", f"{COOKIE_NAME}={header}")])
    (cookie,) = set_cookies(headers)
    assert status == 200
    assert verified_id(cookie.split(";")[0].split("=", 1)[1]) is not None


def test_a_forged_signature_or_a_bare_id_is_replaced_not_trusted():
    browser_id = new_cookie_value().split(".")[0]
    for forged in (browser_id, f"{browser_id}.{'0' * 64}", "garbage", '"quoted;"'):
        _, headers, _ = get([("cookie", f"{COOKIE_NAME}={forged}")])
        (cookie,) = set_cookies(headers)
        assert browser_id not in cookie


def test_https_directly_or_per_x_forwarded_proto_marks_the_cookie_secure():
    assert set_cookies(get(scheme="https")[1])[0].endswith("; Secure")
    assert set_cookies(get([("x-forwarded-proto", "https, http")])[1])[0].endswith("; Secure")
    assert not set_cookies(get([("x-forwarded-proto", "http")])[1])[0].endswith("; Secure")
    assert not set_cookies(get(scheme="https", secure=False)[1])[0].endswith("; Secure")
    assert set_cookies(get(secure=True)[1])[0].endswith("; Secure")


def test_the_cookie_path_follows_the_base_url_path_or_the_option():
    previous = config.get_option("server.baseUrlPath")
    config.set_option("server.baseUrlPath", "/team/drafts/")
    try:
        assert "; Path=/team/drafts;" in set_cookies(get()[1])[0]
    finally:
        config.set_option("server.baseUrlPath", previous)
    assert "; Path=/mine;" in set_cookies(get(path="/mine", max_age_s=60)[1])[0]
    assert "; Max-Age=60;" in set_cookies(get(max_age_s=60)[1])[0]


def test_bad_middleware_options_say_what_to_pass():
    with pytest.raises(IdentityError, match=r"^browser_id_middleware\(max_age_s=0\): the cookie's max age must be a positive whole number of seconds; pass e\.g\. max_age_s=30 \* 24 \* 3600\.$"):
        browser_id_middleware(max_age_s=0)
    with pytest.raises(IdentityError, match=r"""^browser_id_middleware\(path='/a; Domain=evil'\): a cookie path starts with "/" and holds no spaces, "," or ";"; pass e\.g\. path="/myapp", or leave it out to use server\.baseUrlPath\.$"""):
        browser_id_middleware(path="/a; Domain=evil")


# -- persistence without an identity ---------------------------------------------------------------

def test_without_an_identity_the_default_scope_stores_nothing_and_warns_once(tmp_path, monkeypatch):
    db = tmp_path / "drafts.db"
    monkeypatch.setenv("DRAFT_DB", str(db))
    first = AppTest.from_file(os.path.join(APPS, "persisted_draft.py"), default_timeout=10)
    with pytest.warns(PersistenceDisabledWarning, match=r'^persist\(key="draft", scope="browser"\): this browser has no id, so this state lives for this session only'):
        first.run()
        first.text_input[0].input("private").run()
    assert SQLiteStorage(str(db)).keys() == []  # nothing shared with the next visitor
