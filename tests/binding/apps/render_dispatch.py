"""Test app: the common mistake of dispatching from the script body."""

from streamlit_redux import create_slice, get_store

counter = create_slice(name="counter", initial_state=0, reducers={"incremented": lambda s, a: s + 1})
store = get_store(counter.reducer)
store.select(lambda s: s)
store.dispatch(counter.actions.incremented())
store.dispatch(counter.actions.incremented())
