"""The blinker signals a store sends; devtools, loggers and the rerun tracker listen here.

Each is sent with the store as sender, after the dispatch's transaction is over:

- ``action_dispatched(store, action=, previous_state=, state=, duration_s=)`` per action
  that reached the reducers;
- ``state_changed(store, previous_state=, state=)`` once per dispatch that changed the state;
- ``dispatch_failed(store, action=, error=)`` when a dispatch raised (state left unchanged);
- ``persist_failed(persistor, key=, error=)`` when the persist middleware could not read, migrate
  or write the stored state (the app goes on; the stored copy is kept);
- ``persist_recovered(persistor, key=)`` when, after reads or writes of that key failed, the
  stored copy holds the whole state again (a write succeeded, or the state came back to it);
- ``effect_failed(effect, action=, error=)`` when an effect raised (the dispatch went on).

The Streamlit binding's views publish what they decide, with the view as sender (devtools and
``streamlit_redux.testing`` read these, never the view's insides):

- ``scope_ran(view, scope=)`` when a scope (``"app"`` or a fragment key) starts a run;
- ``rerun_decided(view, decision=)`` after a callback's dispatches, with the
  :class:`~streamlit_redux.binding.RerunDecision` (actions, scopes rerun, reason);
- ``panel_requested(view, enabled=)`` on every run of ``get_store(..., devtools=...)``: the
  devtools package answers it by drawing its panel (so the binding never imports devtools).

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
persist_recovered = _signals.signal("streamlit_redux.persist_recovered")
effect_failed = _signals.signal("streamlit_redux.effect_failed")
scope_ran = _signals.signal("streamlit_redux.scope_ran")
rerun_decided = _signals.signal("streamlit_redux.rerun_decided")
panel_requested = _signals.signal("streamlit_redux.panel_requested")

__all__ = [
    "action_dispatched",
    "dispatch_failed",
    "effect_failed",
    "panel_requested",
    "persist_failed",
    "persist_recovered",
    "rerun_decided",
    "scope_ran",
    "state_changed",
]
