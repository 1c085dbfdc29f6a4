import contextlib

from pyrsistent import pmap

from streamlit_redux import Action, Store
from streamlit_redux.devtools import instrument
from streamlit_redux.devtools.sanitize import sanitized_error
from streamlit_redux.devtools.view import action_details
from streamlit_redux.store.errors import ReducerError


def mask_card(action):
    return Action(action.type, action.payload.set("card", "****"), action.meta)


def failing(state, action):
    if action.type == "pay":
        raise ValueError(f"card {action.payload['card']} ({action.payload!r}) refused for "
                         f"{action.payload['user']}")
    return state


PAY = Action("pay", pmap({"card": "4111-1111", "user": "bob", "amount": 12}))


def test_a_reducer_error_is_shown_with_the_masked_payload_and_its_type():
    store = Store(failing, 0)
    recorder = instrument(store).recorder
    with contextlib.suppress(ReducerError):
        store.dispatch(PAY)
    details = action_details(recorder, 1, action_sanitizer=mask_card)
    assert "4111-1111" not in details.error
    assert details.error.startswith("ReducerError: The reducer raised ValueError: card *** (")
    assert "refused for bob" in details.error
    assert "4111-1111" in recorder.computed[1].error  # the recorder keeps the truth


def test_without_a_sanitizer_the_error_is_shown_as_it_is():
    assert sanitized_error("ValueError: card 4111", PAY, None) == "ValueError: card 4111"


def test_leaves_the_sanitizer_keeps_stay_and_the_exception_type_is_never_masked():
    def hide_all(action):
        return Action(action.type, "hidden")

    action = Action("pay", pmap({"v": "Value"}))
    assert sanitized_error("ValueError: Value and 'Value'", action, hide_all) == (
        "ValueError: *** and ***"
    )


def test_a_sanitizer_that_changes_the_type_masks_the_type():
    def rename(action):
        return Action("redacted", action.payload)

    assert sanitized_error('failed on "secret/op"', Action("secret/op"), rename) == (
        'failed on "***"'
    )


def test_a_broken_sanitizer_hides_the_whole_message():
    def broken(action):
        raise KeyError("card")

    assert sanitized_error("card 4111", PAY, broken) == (
        "(error text hidden: action_sanitizer raised KeyError)"
    )
