"""The effects example in two real AppTest sessions: each save is copied to its own user."""

from pathlib import Path

from streamlit.testing.v1 import AppTest

EXAMPLE = Path(__file__).parents[2] / "examples" / "notes_effects.py"


def session(name):
    app = AppTest.from_file(str(EXAMPLE), default_timeout=15).run()
    app.text_input[0].input(name).run()
    return app


def save(app, text):
    app.text_input[1].input(text).run()
    app.button[0].click().run()
    assert not app.exception, app.exception


def copies(app):
    return [element.value for element in app.markdown]


def test_each_save_is_copied_to_the_user_who_saved_it():
    alice = session("alice")
    bob = session("bob")  # Bob's script run defines his effect after Alice's
    save(alice, "alice's plan")
    alice.run()
    bob.run()
    save(bob, "bob's plan")
    save(alice, "second plan")
    assert copies(alice) == ["Copy sent to alice: alice's plan", "Copy sent to alice: second plan"]
    assert copies(bob) == ["Copy sent to bob: bob's plan"]
