"""An app for the devtools safety tests: a payment reducer whose error quotes its payload,
an action sanitizer that masks the card, and the panel on (AppTest and real Chromium)."""

from collections.abc import Mapping

import streamlit as st

from streamlit_redux import Action, StreamlitReduxError, create_slice, devtools, get_store


def pay(state, action):
    if action.payload["card"].startswith("4"):
        raise ValueError(f"card {action.payload['card']} declined for {action.payload['user']}")
    return state + 1


payments = create_slice(name="payments", initial_state=0, reducers={"paid": pay})


def mask_card(action: Action) -> Action:
    if isinstance(action.payload, Mapping) and "card" in action.payload:
        return Action(action.type, {**action.payload, "card": "****"}, action.meta)
    return action


store = get_store(payments.reducer)
devtools.sidebar(store, enabled=True, action_sanitizer=mask_card)


def try_to_pay() -> None:
    try:
        store.dispatch(payments.actions.paid({"card": "4111-1111-1111-1111", "user": "bob"}))
    except StreamlitReduxError:
        st.session_state.refused = True


st.button("Pay", key="pay", on_click=try_to_pay)
st.markdown(f"payments={store.select(lambda s: s)}")
