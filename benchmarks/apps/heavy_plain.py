"""The heavy dashboard written the idiomatic plain-Streamlit way: st.session_state keys, every
interaction a full rerun (a control in a fragment could not refresh the other parts)."""

import streamlit as st
from heavy_data import METRICS, PRODUCTS, detail_text, kpi_text, load_orders, log_run, trend

log_run("app")
st.session_state.setdefault("tray", [])


def add_to_tray():
    st.session_state.tray = [*st.session_state.tray, st.session_state.product]


with st.sidebar:
    metric = st.radio("Metric", METRICS, key="metric")
    st.write(f"tray={','.join(st.session_state.tray) or '-'}")

st.header("Orders")
st.write(kpi_text(metric))
st.line_chart(trend(metric), height=250)
st.dataframe(load_orders(), height=300)
product = st.selectbox("Product", PRODUCTS, key="product")
st.write(detail_text(product))
st.button("Add to tray", on_click=add_to_tray)
