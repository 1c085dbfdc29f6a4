"""Test app: a persisted wallet (a card number in its state) with the devtools panel on and a
state sanitizer that masks the card; a new AppTest on the same database is a refresh."""

import os

import streamlit as st

from streamlit_redux import create_slice, devtools, get_store
from streamlit_redux.middleware import persist
from streamlit_redux.storage import SQLiteStorage

wallet = create_slice(name="wallet", initial_state={"card": "", "paid": 0},
                      reducers={"carded": lambda s, a: s.set("card", a.payload),
                                "paid": lambda s, a: s.set("paid", s["paid"] + 1)})
store = get_store(wallet.reducer, middleware=[
    persist(SQLiteStorage(os.environ["WALLET_DB"]), key="wallet", scope="app"),
])
devtools.sidebar(store, enabled=True, state_sanitizer=lambda s: s.set("card", "****"))
st.button("Card", key="card", on_click=store.dispatch,
          args=(wallet.actions.carded("4111-1111-1111-1111"),))
st.button("Pay", key="pay", on_click=store.dispatch, args=(wallet.actions.paid(),))
st.markdown(f"paid={store.select(lambda s: s['paid'])}, card={bool(store.select(lambda s: s['card']))}")
