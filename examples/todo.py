"""Todo list with fragments: a click reruns only the parts whose data changed.

Run: streamlit run examples/todo.py   (this is `make demo`)

The page has three fragments (filter, list, stats). Each reads the store through
`store.select`, so the store knows what each part shows. Toggling a todo reruns the list and the
stats, changing the filter reruns the filter and the list, and the header never reruns.
"""

import streamlit as st
from pyrsistent import freeze

from streamlit_redux import combine_reducers, create_selector, create_slice, get_store

todos = create_slice(
    name="todos",
    initial_state=[
        {"title": "Write reducers", "done": True},
        {"title": "Bind widgets", "done": False},
    ],
    reducers={
        "added": lambda s, a: s.append(freeze({"title": a.payload, "done": False})),
        "toggled": lambda s, a: s.set(
            a.payload, s[a.payload].set("done", not s[a.payload]["done"])
        ),
        "cleared_done": lambda s, a: freeze([t for t in s if not t["done"]]),
    },
)
view = create_slice(
    name="view",
    initial_state={"filter": "all", "draft": ""},
    reducers={
        "filtered": lambda s, a: s.set("filter", a.payload),
        "drafted": lambda s, a: s.set("draft", a.payload),
    },
)
# devtools="auto": the devtools panel shows in development (`make demo` sets STREAMLIT_REDUX_DEV=1).
store = get_store(combine_reducers(todos=todos.reducer, view=view.reducer), devtools="auto")


def _visible(items, shown):
    return [(i, t) for i, t in enumerate(items) if shown == "all" or t["done"] == (shown == "done")]


# Module-level selectors: memoized per session by the store.
visible = create_selector(lambda s: s["todos"], lambda s: s["view"]["filter"], _visible)
done_count = create_selector(lambda s: s["todos"], lambda items: sum(t["done"] for t in items))


def add_todo():
    title = store.state["view"]["draft"].strip()
    if title:
        store.dispatch(todos.actions.added(title))
        store.dispatch(view.actions.drafted(""))


st.title("Todos")


@store.fragment(key="filter")
def filter_bar():
    st.radio(
        "Show",
        ["all", "open", "done"],
        horizontal=True,
        **store.bind("view.filter", view.actions.filtered),
    )


@store.fragment(key="todo-list")
def todo_list():
    st.text_input("New todo", **store.bind("view.draft", view.actions.drafted))
    # store.callback: several dispatches, one rerun decision at the end.
    st.button("Add", on_click=store.callback(add_todo))
    for index, todo in store.select(visible):
        # The key includes the done flag: a toggled todo is a new widget with the new value.
        st.checkbox(
            todo["title"],
            value=todo["done"],
            key=f"todo-{index}-{todo['done']}",
            on_change=store.dispatch,
            args=(todos.actions.toggled(index),),
        )


@store.fragment(key="stats")
def stats():
    total = store.select(lambda s: len(s["todos"]))
    st.metric("Done", f"{store.select(done_count)} / {total}")
    st.button("Clear done", on_click=store.dispatch, args=(todos.actions.cleared_done(),))


filter_bar()
todo_list()
stats()
