"""The same heavy dashboard on streamlit_redux: picking a product reruns the picker and the
detail fragments only; adding to the tray reruns the tray; the metric reruns the app."""

import streamlit as st
from heavy_data import METRICS, PRODUCTS, detail_text, kpi_text, load_orders, log_run, trend

from streamlit_redux import create_slice, get_store

dashboard = create_slice(
    name="dashboard",
    initial_state={"product": PRODUCTS[0], "metric": METRICS[0], "tray": []},
    reducers={
        "picked": lambda s, a: s.set("product", a.payload),
        "metric_set": lambda s, a: s.set("metric", a.payload),
        "added": lambda s, a: s.set("tray", s["tray"].append(s["product"])),
    },
)
actions = dashboard.actions
store = get_store(dashboard.reducer)
log_run("app")


@store.fragment(key="tray")
def tray():
    log_run("tray")
    st.write(f"tray={','.join(store.select(lambda s: s['tray'])) or '-'}")


with st.sidebar:
    metric = st.radio("Metric", METRICS, **store.bind("metric", actions.metric_set))
    tray()

st.header("Orders")
st.write(kpi_text(metric))
st.line_chart(trend(metric), height=250)
st.dataframe(load_orders(), height=300)


@store.fragment(key="picker")
def picker():
    log_run("picker")
    st.selectbox("Product", PRODUCTS, **store.bind("product", actions.picked))


@store.fragment(key="detail")
def detail():
    log_run("detail")
    st.write(detail_text(store.select(lambda s: s["product"])))
    st.button("Add to tray", on_click=store.dispatch, args=(actions.added(),))


picker()
detail()
