from streamlit_redux import Action, Store, create_slice
from streamlit_redux.testing import captured_actions

counter = create_slice(name="c", initial_state=0, reducers={"inc": lambda s, a: s + 1})


def test_captured_actions_sees_only_its_store_and_only_inside_the_block():
    store, other = Store(counter.reducer), Store(counter.reducer)
    store.dispatch(Action("before"))
    with captured_actions(store) as actions:
        store.dispatch(counter.actions.inc())
        other.dispatch(counter.actions.inc())
        store.dispatch({"type": "noop"})
    store.dispatch(Action("after"))
    assert [a.type for a in actions] == ["c/inc", "noop"]
