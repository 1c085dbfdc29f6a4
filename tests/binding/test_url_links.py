"""``store.bind(..., url=True)`` in a script run (AppTest): what a link does to the store.

Back and Forward need a browser (``tests/browser/test_deep_link_browser.py``); these are the
rules a link follows when a session opens it.
"""

from streamlit.testing.v1 import AppTest


def trip_app() -> None:
    import streamlit as st

    from streamlit_redux import create_slice, get_store

    def nights_set(state, action):
        if action.payload == 13:
            raise ValueError("13 nights are not offered")
        return state.set("nights", action.payload)

    trip = create_slice(
        name="trip",
        initial_state={"city": "Paris", "nights": 1, "thumbs": None},
        reducers={
            "city_chosen": lambda s, a: s.set("city", a.payload),
            "nights_set": nights_set,
            "rated": lambda s, a: s.set("thumbs", a.payload),
        },
    )
    store = get_store(trip.reducer, alerts=False)
    st.text(f"title: {store.select(lambda s: s['city'], key='title')}")
    st.selectbox("City", ["Paris", "Lyon"], **store.bind("city", trip.actions.city_chosen, url=True))
    st.number_input("Nights", min_value=1, **store.bind("nights", trip.actions.nights_set, url=True))
    st.feedback("thumbs", **store.bind("thumbs", trip.actions.rated, url=True, options=range(2)))
    st.text(f"store: {sorted(dict(store.state).items())}")


def opened(**params: str) -> AppTest:
    app = AppTest.from_function(trip_app, default_timeout=15)
    for name, value in params.items():
        app.query_params[name] = value
    app.run()
    assert not app.exception, app.exception
    return app


def test_a_link_is_dispatched_before_anything_is_drawn_so_the_title_shows_it_too():
    app = opened(city="Lyon")
    assert app.text[0].value == "title: Lyon"
    assert app.selectbox[0].value == "Lyon"


def test_a_value_a_reducer_refuses_leaves_the_store_and_says_why():
    app = opened(nights="13", city="Lyon")
    assert app.text[-1].value == "store: [('city', 'Lyon'), ('nights', 1), ('thumbs', None)]"
    assert [w.value for w in app.warning] == [
        "The link's nights is 13, which was not applied: 13 nights are not offered"
    ]


def test_a_value_stored_as_none_is_read_as_the_option_its_text_names():
    app = opened(thumbs="1")
    assert app.text[-1].value == "store: [('city', 'Paris'), ('nights', 1), ('thumbs', 1)]"


def test_the_link_is_completed_with_the_stores_values_and_follows_a_change():
    app = opened(city="Lyon")
    assert dict(app.query_params) == {"city": "Lyon", "nights": "1", "thumbs": ""}
    app.number_input[0].set_value(4).run()
    assert dict(app.query_params) == {"city": "Lyon", "nights": "4", "thumbs": ""}
