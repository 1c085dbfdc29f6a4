"""examples/expenses.py runs, and an edit of its table is one undoable action (AppTest)."""

from pathlib import Path

from pyrsistent import thaw
from streamlit.testing.v1 import AppTest

from streamlit_redux.binding.table_edit import table_edit
from streamlit_redux.testing import app_store

APP = Path(__file__).parents[2] / "examples" / "expenses.py"


def test_the_expense_table_edits_undoes_and_totals(tmp_path, monkeypatch):
    monkeypatch.setenv("EXPENSES_DB", str(tmp_path / "expenses.db"))
    app = AppTest.from_file(str(APP), default_timeout=15).run()
    assert not app.exception, app.exception
    assert app.metric[0].value == "75.50 EUR"
    store = app_store(app)
    # AppTest cannot type into the grid (the browser test does): dispatch what its callback would.
    store.store.dispatch(
        {"type": "lines/edited", "payload": table_edit(edited={1: {"amount": 20.0}})}
    )
    app.run()
    assert app.metric[0].value == "78.00 EUR"
    assert thaw(store.state["lines"]["present"][1])["amount"] == 20.0
    [undo] = [b for b in app.button if b.label == "Undo"]
    undo.click().run()
    assert app.metric[0].value == "75.50 EUR"
