import logging

from streamlit_redux import Store, combine_reducers, create_slice
from streamlit_redux.middleware.logging import changed_keys, logger_middleware

auth = create_slice(
    name="auth",
    initial_state={"user": None, "token": None},
    reducers={"logged_in": lambda s, a: s.set("user", a.payload["user"]).set("token", a.payload["token"])},
)
counter = create_slice(name="counter", initial_state=0, reducers={"inc": lambda s, a: s + 1})
root = combine_reducers(auth=auth.reducer, counter=counter.reducer)


def test_one_line_per_action_with_type_duration_and_changed_keys(caplog):
    store = Store(root, middleware=[logger_middleware()])
    with caplog.at_level(logging.INFO, logger="streamlit_redux"):
        store.dispatch(counter.actions.inc())
        store.dispatch({"type": "noop"})
    lines = [r.getMessage() for r in caplog.records]
    assert len(lines) == 2
    assert lines[0].startswith("action counter/inc in ")
    assert " ms; changed: counter; payload: None" in lines[0]
    assert "changed: nothing" in lines[1]


def test_sanitizers_mask_secrets_in_the_line_and_the_record(caplog):
    def hide_token(action):
        if action.type == "auth/logged_in":
            return type(action)(action.type, {**action.payload, "token": "***"})
        return action

    store = Store(root, middleware=[logger_middleware(
        action_sanitizer=hide_token,
        state_sanitizer=lambda s: s.set("auth", s["auth"].set("token", "***")),
    )])
    with caplog.at_level(logging.INFO, logger="streamlit_redux"):
        store.dispatch(auth.actions.logged_in({"user": "ada", "token": "s3cr3t"}))
    record = caplog.records[0]
    assert "s3cr3t" not in record.getMessage()
    assert record.action.payload["token"] == "***"
    assert record.state["auth"]["token"] == "***"
    assert store.state["auth"]["token"] == "s3cr3t"


def test_disabled_level_only_asks_is_enabled_for(caplog):
    log = logging.getLogger("streamlit_redux.test.off")
    asked, logged = [], []
    log.isEnabledFor = lambda level: asked.append(level) or False  # type: ignore[method-assign]
    log.log = lambda *args, **kw: logged.append(args)  # type: ignore[method-assign]
    store = Store(root, middleware=[logger_middleware(logger=log, level=logging.INFO)])
    store.dispatch(counter.actions.inc())
    assert asked == [logging.INFO, logging.INFO]  # the init action and this one
    assert logged == []
    assert store.state["counter"] == 1


def test_custom_logger_and_level(caplog):
    log = logging.getLogger("myapp.redux")
    store = Store(root, middleware=[logger_middleware(logger=log, level=logging.WARNING)])
    with caplog.at_level(logging.WARNING, logger="myapp.redux"):
        store.dispatch(counter.actions.inc())
    assert caplog.records[0].levelno == logging.WARNING
    assert caplog.records[0].name == "myapp.redux"


def test_changed_keys():
    state = root(None, counter.actions.inc())
    assert changed_keys(state, state) == []
    assert changed_keys(state, state.set("counter", 5)) == ["counter"]
    assert changed_keys(state, state.set("new", 1)) == ["new"]
    assert changed_keys(1, 2) == ["<root>"]


def test_sanitizers_cover_the_rehydrate_line(caplog):
    from streamlit_redux.middleware.persist import REHYDRATE, persist
    from streamlit_redux.storage import MemoryStorage

    storage = MemoryStorage()
    Store(root, middleware=[persist(storage, key="app")]).dispatch(auth.actions.logged_in({"user": "ada", "token": "s3cr3t"}))
    with caplog.at_level(logging.INFO, logger="streamlit_redux"):
        store = Store(root, middleware=[
            logger_middleware(
                action_sanitizer=lambda action: action,
                state_sanitizer=lambda s: s.set("auth", s["auth"].set("token", "***")),
            ),
            persist(storage, key="app"),
        ])
    (record,) = [r for r in caplog.records if r.action.type == REHYDRATE]
    assert "s3cr3t" not in record.getMessage()
    assert "s3cr3t" not in repr(record.action)
    assert record.action.payload["auth"]["token"] == "***"
    assert store.state["auth"]["token"] == "s3cr3t"
