"""Whether anyone listens to one store's signals, looked up once per change of receivers.

``signal.receivers`` is truthy when anything listens to any store: devtools open in one
session, or any session's view, would make every store in the process time its reducer and
send signals. ``has_receivers_for(store)`` answers for one store but costs about 0.4 µs per
call, twice per dispatch. So the answer is kept per store with the generation of receivers it
was computed for; connecting or disconnecting a receiver (blinker's ``receiver_connected`` /
``receiver_disconnected``) starts a new generation. A weakly held receiver that dies leaves
the answer at True until the next generation: the store then sends to nobody, which is only
slower.

>>> from streamlit_redux.store import signals
>>> store, other = object(), object()
>>> watch = Listening()
>>> def hear(sender, **_): pass
>>> _ = signals.action_dispatched.connect(hear, sender=other, weak=False)
>>> watch.answer(store)
(False, False)
>>> _ = signals.action_dispatched.connect(hear, sender=store, weak=False)
>>> watch.answer(store)
(True, False)
>>> signals.action_dispatched.disconnect(hear)
"""

from __future__ import annotations

from typing import Any

from streamlit_redux.store import signals

_WATCHED = (signals.action_dispatched, signals.state_changed)
_generation = [0]


def _new_generation(*_: Any, **__: Any) -> None:
    _generation[0] += 1


for _signal in _WATCHED:
    _signal.receiver_connected.connect(_new_generation, weak=False)
    _signal.receiver_disconnected.connect(_new_generation, weak=False)


class Listening:
    """One store's cached answer: (someone hears its actions, someone hears its changes)."""

    __slots__ = ("_cached",)

    def __init__(self) -> None:
        self._cached: tuple[int, bool, bool] = (-1, False, False)

    def answer(self, store: object) -> tuple[bool, bool]:
        """``(action_dispatched, state_changed)``: does each have a receiver for ``store``?"""
        generation, dispatched, changed = self._cached
        if generation != _generation[0]:
            generation = _generation[0]  # read first: a connect meanwhile forces a new look
            dispatched = signals.action_dispatched.has_receivers_for(store)
            changed = signals.state_changed.has_receivers_for(store)
            self._cached = (generation, dispatched, changed)
        return dispatched, changed
