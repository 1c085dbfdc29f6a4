"""Effects belong to one store: what one session's script registers never runs for another."""

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from streamlit_redux import Store, create_slice
from streamlit_redux.middleware import effects_middleware, on, thunk_middleware

doc = create_slice(
    name="doc",
    initial_state={"text": ""},
    reducers={"saved": lambda s, a: s.set("text", a.payload)},
)
saved = doc.actions.saved

# What a user writes in the script body, as docs/middleware.md shows it: the effect closes over
# this session's user. `get_store` keeps one store per session and adopts each run's middleware;
# `stores` and `get_store` below stand for st.session_state and the binding.
SCRIPT = """
user = USER

@on(saved)
def email_copy(action, api):
    outbox.append((user, action.payload))

store = get_store(USER, [thunk_middleware(), effects_middleware(email_copy)])
"""


class Server:
    """Script runs of several sessions in one process, as Streamlit executes them."""

    def __init__(self):
        self.stores = {}
        self.outbox = []

    def get_store(self, session, middleware):
        store = self.stores.get(session)
        if store is None:
            store = self.stores[session] = Store(doc.reducer, middleware=middleware)
        else:
            store.replace_middleware(middleware)
        return store

    def run(self, session):
        namespace = {"USER": session, "on": on, "saved": saved, "thunk_middleware": thunk_middleware, "outbox": self.outbox}
        namespace["effects_middleware"] = effects_middleware
        namespace["get_store"] = self.get_store
        exec(compile(SCRIPT, "app.py", "exec"), namespace)

    def save(self, session, text):
        self.stores[session].dispatch(saved(text))


def test_alices_save_never_runs_bobs_closure():
    server = Server()
    server.run("alice")
    server.run("bob")  # Bob's run registers his effect after Alice's
    server.save("alice", "alice's draft")
    server.run("alice")
    server.run("bob")
    server.save("alice", "second draft")
    server.save("bob", "bob's draft")
    assert server.outbox == [
        ("alice", "alice's draft"),
        ("alice", "second draft"),
        ("bob", "bob's draft"),
    ]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["alice", "bob", "carol"]), st.booleans()), max_size=30))
def test_every_email_goes_to_the_session_that_saved(steps):
    server, expected = Server(), []
    for session, is_save in steps:
        if is_save and session in server.stores:
            server.save(session, f"{session}:{len(expected)}")
            expected.append((session, f"{session}:{len(expected)}"))
        else:
            server.run(session)
    assert server.outbox == expected


def test_a_module_level_effects_middleware_cannot_be_added_to():
    shared = effects_middleware(on(saved, lambda action, api: None))
    assert not hasattr(shared, "on")  # no registry: listeners are given when it is made
    listener = on(saved, lambda action, api: None)
    with pytest.raises(dataclasses.FrozenInstanceError):
        listener.effect = lambda action, api: None


def test_one_middleware_object_in_two_stores_keeps_their_background_runners_apart():
    shared = effects_middleware(on(saved, lambda action, api, token: None, background=True))
    first, second = Store(doc.reducer, middleware=[shared]), Store(doc.reducer, middleware=[shared])
    assert first.resource("streamlit_redux:effects", list) is not second.resource("streamlit_redux:effects", list)
