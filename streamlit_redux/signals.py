"""The blinker signals stores and middleware send (``action_dispatched``, ``state_changed``,
``dispatch_failed``, ``persist_failed``, ``effect_failed``).

Defined in :mod:`streamlit_redux.store.signals`; this module is their public address.
"""

from streamlit_redux.store.signals import *  # noqa: F403
from streamlit_redux.store.signals import __all__ as __all__
