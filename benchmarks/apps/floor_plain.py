"""Streamlit's floor: a plain @st.fragment with a selectbox (FLOOR_KEYED_RERUN=1: its callback
also calls st.rerun with the fragment's key, the cost of a keyed rerun)."""

import os

import streamlit as st
from heavy_data import PRODUCTS, log_run

KEYED = os.environ.get("FLOOR_KEYED_RERUN") == "1"


def keyed_rerun():
    st.rerun(["floor"])


@st.fragment(key="floor")
def floor():
    log_run("floor")
    choice = st.selectbox("Product", PRODUCTS, key="product", on_change=keyed_rerun if KEYED else None)
    st.write(f"picked={choice}")


log_run("app")
floor()
