from streamlit.testing.v1 import AppTest

from streamlit_redux.testing import app_store


def expense_form():
    import streamlit as st

    from streamlit_redux import create_slice, get_store

    def submitted(state, action):
        if any(line["what"] == action.payload["what"] for line in state["lines"]):
            raise ValueError(f"{action.payload['what']} is already in the list")
        return state.set("lines", (*state["lines"], action.payload))

    expense = create_slice(
        name="expense",
        initial_state={"draft": {"what": "", "amount": 0.0}, "lines": ({"what": "taxi"},)},
        reducers={"submitted": submitted},
    )
    store = get_store(expense.reducer)
    with st.form("expense"):
        form = store.bind_form("draft", expense.actions.submitted)
        st.text_input("What", **form.field("what"))
        st.number_input("Amount", **form.field("amount"))
        st.form_submit_button("Add", **form.submit())


def test_a_submit_the_reducer_refuses_keeps_what_was_typed_and_says_why():
    app = AppTest.from_function(expense_form, default_timeout=10).run()
    app.text_input[0].input("taxi")
    app.number_input[0].set_value(12.5)
    app.button[0].click().run()
    assert not app.exception, app.exception
    assert [t.value for t in app.toast] == [
        "expense/submitted was not applied: `The reducer raised ValueError: taxi is already in "
        'the list while handling action "expense/submitted"; the state was left unchanged. Fix '
        "the reducer.`"
    ]
    assert len(app_store(app).state["lines"]) == 1
    app.run()  # a later run does not throw the typed values away either
    assert (app.text_input[0].value, app.number_input[0].value) == ("taxi", 12.5)
    app.text_input[0].input("bus")
    app.button[0].click().run()
    assert [line["what"] for line in app_store(app).state["lines"]] == ["taxi", "bus"]
