"""Test app: a body, two fragments and bound widgets; logs each scope's run to session_state."""

import os

import streamlit as st

from streamlit_redux import combine_reducers, create_selector, create_slice
from streamlit_redux.binding import get_store

counter = create_slice(
    name="counter",
    initial_state=0,
    reducers={"incremented": lambda s, a: s + 1},
)
profile = create_slice(
    name="profile",
    initial_state={"name": "Ada", "show": True},
    reducers={
        "renamed": lambda s, a: s.set("name", a.payload),
        "toggled": lambda s, a: s.set("show", not s["show"]),
    },
)
title = create_slice(name="title", initial_state="Dashboard", reducers={"set": lambda s, a: a.payload})
store = get_store(combine_reducers(counter=counter.reducer, profile=profile.reducer, title=title.reducer))
runs = st.session_state.setdefault("runs", [])


def log_run(scope):
    runs.append(scope)
    if os.environ.get("RUN_LOG"):  # browser tests read which scopes ran from this file
        with open(os.environ["RUN_LOG"], "a") as log:
            log.write(scope + "\n")


log_run("app")

shout = create_selector(lambda s: s["profile"]["name"], lambda name: name.upper())

st.header(store.select(lambda s: s["title"]))
st.button("Rename title", key="retitle", on_click=store.dispatch, args=(title.actions.set("Board"),))
if store.select(lambda s: s["profile"]["show"]):
    st.text_input("Name", **store.bind("profile.name", profile.actions.renamed))
st.button("Toggle name", key="toggle", on_click=store.dispatch, args=(profile.actions.toggled(),))


@store.fragment(key="count")
def count_view():
    log_run("count")
    st.write(f"count={store.select(lambda s: s['counter'])}")
    st.button("+1", key="inc", on_click=store.dispatch, args=(counter.actions.incremented(),))
    st.button("Retitle from fragment", key="retitle-in-fragment", on_click=store.dispatch, args=(title.actions.set("Fragment board"),))


@store.fragment(key="greeting")
def greeting_view():
    log_run("greeting")
    st.write(f"hello={store.select(shout)}")


count_view()
greeting_view()
st.button("Reset name", key="reset", on_click=store.dispatch, args=(profile.actions.renamed("Ada"),))
