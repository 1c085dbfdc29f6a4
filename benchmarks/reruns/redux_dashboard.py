"""The same dashboard on streamlit_redux: each click reruns only the parts whose data changed."""

import streamlit as st
from sales import REGIONS, log_run, monthly, top_row, total_sales

from streamlit_redux import create_selector, create_slice, get_store

dashboard = create_slice(
    name="dashboard",
    initial_state={"title": "Dashboard", "region": "North", "metric": "sales", "likes": 0, "notes": ""},
    reducers={
        "liked": lambda s, a: s.set("likes", s["likes"] + 1),
        "renamed": lambda s, a: s.set("title", a.payload),
        "region_set": lambda s, a: s.set("region", a.payload),
        "metric_set": lambda s, a: s.set("metric", a.payload),
        "noted": lambda s, a: s.set("notes", a.payload),
    },
)
actions = dashboard.actions
store = get_store(dashboard.reducer)
log_run("app")

region = create_selector(lambda s: s["region"], lambda r: r)
total = create_selector(region, total_sales)  # memoized per session: no st.cache_data needed

st.header(store.select(lambda s: s["title"]))


# Bound widgets rerun the scope they are drawn in (their return value may be used there), so
# the controls get a fragment of their own: a change reruns it and the fragments reading it.
@store.fragment(key="controls")
def controls():
    log_run("controls")
    st.selectbox("Region", REGIONS, **store.bind("region", actions.region_set))
    st.radio("Metric", ["sales", "units"], **store.bind("metric", actions.metric_set))
    st.button("Like", on_click=store.dispatch, args=(actions.liked(),))
    st.button("Rename", on_click=store.dispatch, args=(actions.renamed("Dashboard 2"),))


with st.sidebar:
    controls()


@store.fragment(key="kpis")
def kpis():
    log_run("kpis")
    st.write(f"total={store.select(total)}")


@store.fragment(key="table")
def table():
    log_run("table")
    st.write(f"top={top_row(store.select(region))[2]}")


@store.fragment(key="chart")
def chart():
    log_run("chart")
    metric = store.select(lambda s: s["metric"])
    st.write(f"chart={metric}:{sum(monthly(store.select(region), metric))}")


@store.fragment(key="likes")
def likes():
    log_run("likes")
    st.write(f"likes={store.select(lambda s: s['likes'])}")


@store.fragment(key="notes")
def notes():
    log_run("notes")
    st.text_input("Notes", **store.bind("notes", actions.noted))
    st.write(f"notes={store.select(lambda s: s['notes'])}")


kpis()
table()
chart()
likes()
notes()
