"""The blinker signals stores send: ``action_dispatched``, ``state_changed``, ``dispatch_failed``.

Defined in :mod:`streamlit_redux.store.signals`; this module is their public address.
"""

from streamlit_redux.store.signals import (
    action_dispatched,
    dispatch_failed,
    persist_failed,
    state_changed,
)

__all__ = ["action_dispatched", "dispatch_failed", "persist_failed", "state_changed"]
