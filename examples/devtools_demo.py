"""Counter and todos with the devtools sidebar: time travel, skip, export/import.

Run: streamlit run examples/devtools_demo.py

Click around, then open the sidebar: every action is in the log. Drag "Time travel" back and
the page shows that past state (the app ignores clicks until you go back to the present);
select an action and press Skip to see the app as if it never happened.
"""

import streamlit as st
from pyrsistent import freeze

from streamlit_redux import combine_reducers, create_selector, create_slice, devtools, get_store
from streamlit_redux.middleware.undo import undoable

counter = create_slice(
    name="counter",
    initial_state=0,
    reducers={
        "incremented": lambda s, a: s + 1,
        "decremented": lambda s, a: s - 1,
    },
)
todos = create_slice(
    name="todos",
    initial_state=[],
    reducers={
        "added": lambda s, a: s.append(freeze({"title": a.payload, "done": False})),
        "toggled": lambda s, a: s.set(
            a.payload, s[a.payload].set("done", not s[a.payload]["done"])
        ),
    },
)
# undoable() keeps past/present/future for the todos: the devtools then show Undo / Redo too.
store = get_store(combine_reducers(counter=counter.reducer, todos=undoable(todos.reducer)))

# enabled=True for the demo; the default "auto" shows the panel only in development
# (streamlit run --global.developmentMode true, or STREAMLIT_REDUX_DEV=1).
devtools.sidebar(store, enabled=True)

done_count = create_selector(
    lambda s: s["todos"]["present"], lambda items: sum(t["done"] for t in items)
)


def add_todo():
    title = st.session_state.draft.strip()
    if title:
        store.dispatch(todos.actions.added(title))


st.title("Devtools demo")
left, right = st.columns(2)
with left:
    st.markdown(f"### Count: {store.select(lambda s: s['counter'])}")
    st.button("+1", key="inc", on_click=store.dispatch, args=(counter.actions.incremented(),))
    st.button("-1", key="dec", on_click=store.dispatch, args=(counter.actions.decremented(),))


@store.fragment(key="todos")
def todo_list():
    # A fragment: adding a todo reruns only this part (and the devtools panel, which has its
    # own fragment), never the counter above.
    items = store.select(lambda s: s["todos"]["present"])
    st.markdown(f"### Todos ({store.select(done_count)}/{len(items)} done)")
    st.text_input("New todo", key="draft")
    st.button("Add", key="add", on_click=add_todo)
    for index, todo in enumerate(items):
        st.checkbox(
            todo["title"],
            value=todo["done"],
            # The key includes the value: after time travel the checkbox shows the stored state.
            key=f"todo-{index}-{todo['done']}",
            on_change=store.dispatch,
            args=(todos.actions.toggled(index),),
        )


with right:
    todo_list()
