"""The dashboard written the idiomatic plain-Streamlit way: st.session_state + fragments.

Controls live in the sidebar (the app body), so a change reruns the whole app and every
fragment; that is what keeps the plain version correct (a control inside a fragment would leave
the other fragments stale). The expensive aggregate is cached with st.cache_data.
"""

import streamlit as st
from sales import REGIONS, log_run, monthly, top_row, total_sales

log_run("app")
st.session_state.setdefault("likes", 0)
st.session_state.setdefault("title", "Dashboard")


def like():
    st.session_state.likes += 1


def rename():
    st.session_state.title = "Dashboard 2"


@st.cache_data
def cached_total(region):
    return total_sales(region)


st.header(st.session_state.title)
with st.sidebar:
    st.selectbox("Region", REGIONS, key="region")
    st.radio("Metric", ["sales", "units"], key="metric")
    st.button("Like", on_click=like)
    st.button("Rename", on_click=rename)


@st.fragment
def kpis():
    log_run("kpis")
    st.write(f"total={cached_total(st.session_state.region)}")


@st.fragment
def table():
    log_run("table")
    st.write(f"top={top_row(st.session_state.region)[2]}")


@st.fragment
def chart():
    log_run("chart")
    values = monthly(st.session_state.region, st.session_state.metric)
    st.write(f"chart={st.session_state.metric}:{sum(values)}")


@st.fragment
def likes():
    log_run("likes")
    st.write(f"likes={st.session_state.likes}")


@st.fragment
def notes():
    log_run("notes")
    st.text_input("Notes", key="notes")
    st.write(f"notes={st.session_state.notes}")


kpis()
table()
chart()
likes()
notes()
