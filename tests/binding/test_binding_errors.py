"""Binding errors through the path a user takes: a ``get_store`` store in an app script."""

import pytest

from streamlit_redux import BindingError
from tests.binding.raised import raise_from_app
from tests.store.matching import exact


def test_bind_with_a_lambda_selector_and_no_key_is_refused():
    with pytest.raises(BindingError, match=exact(
        "store.bind got a lambda selector without key=; its name changes with the code, so "
        'give the widget a stable key: store.bind(lambda s: ..., action, key="city").'
    )):
        raise_from_app("""
            from streamlit_redux import create_slice, get_store
            city = create_slice(name="city", initial_state="", reducers={"chosen": lambda s, a: a.payload})
            store = get_store(city.reducer)
            st.text_input("City", **store.bind(lambda state: state, city.actions.chosen))
        """)
