import threading
from pathlib import Path

from streamlit.testing.v1 import AppTest

from streamlit_redux import signals

APP = Path(__file__).parent / "apps" / "alerting.py"
DEBOUNCED_APP = Path(__file__).parent / "apps" / "debounced_alerting.py"


def run(tmp_path, monkeypatch):
    monkeypatch.setenv("ALERTS_STORE", str(tmp_path / "store.json"))
    app = AppTest.from_file(str(APP), default_timeout=10).run()
    assert not app.exception, app.exception
    return app


def test_a_failed_save_shows_a_banner_until_dismissed(tmp_path, monkeypatch):
    app = run(tmp_path, monkeypatch)
    assert not app.error
    app.button[0].click().run()  # Break: a NaN JSON cannot hold
    assert len(app.error) == 1
    assert app.error[0].value.startswith("Your changes are not being saved. `persist: writing key")
    app.button[1].click().run()  # another interaction: the banner stays while saving is broken
    assert len(app.error) == 1
    [dismiss] = [b for b in app.button if b.label == "Dismiss"]
    dismiss.click().run()
    assert not app.error


def test_a_refused_action_shows_a_toast_once(tmp_path, monkeypatch):
    app = run(tmp_path, monkeypatch)
    app.button[1].click().run()
    assert len(app.toast) == 1
    assert app.toast[0].value.startswith("`order/qty_set` was not applied: `The reducer raised ValueError")
    assert "a quantity cannot be negative" in app.toast[0].value
    assert app.text[0].value == "qty=1"
    app.run()
    assert not app.toast


def test_stored_data_that_cannot_be_read_shows_the_banner_on_the_first_run(tmp_path, monkeypatch):
    (tmp_path / "store.json").write_text("{not json")
    app = run(tmp_path, monkeypatch)
    assert len(app.error) == 1
    assert app.error[0].value.startswith("Your changes are not being saved. `persist: reading key")


def test_a_debounced_save_that_fails_on_its_timer_shows_the_banner_on_the_next_run(tmp_path, monkeypatch):
    monkeypatch.setenv("ALERTS_DB", str(tmp_path / "store.db"))
    app = AppTest.from_file(str(DEBOUNCED_APP), default_timeout=10).run()
    failed = threading.Event()

    def on_failure(sender, **kw):
        if threading.current_thread() is not threading.main_thread():
            failed.set()

    signals.persist_failed.connect(on_failure)
    try:
        app.button[0].click().run()  # Break: the write is debounced, so this run shows nothing
        assert failed.wait(30)  # the timer thread's write failed (nobody's script thread)
    finally:
        signals.persist_failed.disconnect(on_failure)
    app.run()
    assert len(app.error) == 1
    assert app.error[0].value.startswith("Your changes are not being saved. `persist: writing key")
    app.run()  # shown once, kept until dismissed, like any failed save
    assert len(app.error) == 1


def test_a_save_that_works_again_takes_the_banner_away_with_a_toast(tmp_path, monkeypatch):
    app = run(tmp_path, monkeypatch)
    app.button[0].click().run()  # Break
    assert len(app.error) == 1
    [fix] = [b for b in app.button if b.label == "Fix"]
    fix.click().run()  # the next write succeeds: the whole state is stored again
    assert not app.error
    assert [t.value for t in app.toast] == ["Your changes are saved again."]
    app.run()
    assert not app.error and not app.toast


def test_a_debounced_save_that_works_again_takes_the_banner_away_on_the_next_run(tmp_path, monkeypatch):
    monkeypatch.setenv("ALERTS_DB", str(tmp_path / "store.db"))
    app = AppTest.from_file(str(DEBOUNCED_APP), default_timeout=10).run()
    heard = {"failed": threading.Event(), "recovered": threading.Event()}

    def on_failure(sender, **kw):
        heard["failed"].set()

    def on_recovery(sender, **kw):
        if threading.current_thread() is not threading.main_thread():
            heard["recovered"].set()

    signals.persist_failed.connect(on_failure)
    signals.persist_recovered.connect(on_recovery)
    try:
        app.button[0].click().run()  # Break
        assert heard["failed"].wait(30)
        app.run()
        assert len(app.error) == 1
        [fix] = [b for b in app.button if b.label == "Fix"]
        fix.click().run()
        assert heard["recovered"].wait(30)  # on the timer thread: no session hears it there
    finally:
        signals.persist_failed.disconnect(on_failure)
        signals.persist_recovered.disconnect(on_recovery)
    app.run()
    assert not app.error
    assert [t.value for t in app.toast] == ["Your changes are saved again."]
