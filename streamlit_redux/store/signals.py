"""The blinker signals a store sends; devtools, loggers and the rerun tracker listen here.

Each is sent with the store as sender, after the dispatch's transaction is over:

- ``action_dispatched(store, action=, previous_state=, state=, duration_s=)`` per action
  that reached the reducers;
- ``state_changed(store, previous_state=, state=)`` once per dispatch that changed the state;
- ``dispatch_failed(store, action=, error=)`` when a dispatch raised (state left unchanged);
- ``persist_failed(persistor, key=, error=)`` when the persist middleware could not read, migrate
  or write the stored state (the app goes on; the stored copy is kept).

>>> from streamlit_redux import signals
>>> @signals.state_changed.connect
... def on_change(store, **kw): ...
"""

from __future__ import annotations

from blinker import Namespace

_signals = Namespace()

action_dispatched = _signals.signal("streamlit_redux.action_dispatched")
state_changed = _signals.signal("streamlit_redux.state_changed")
dispatch_failed = _signals.signal("streamlit_redux.dispatch_failed")
persist_failed = _signals.signal("streamlit_redux.persist_failed")

__all__ = ["action_dispatched", "dispatch_failed", "persist_failed", "state_changed"]
