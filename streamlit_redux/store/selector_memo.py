"""The memo of one store: what each selector last returned, bounded so it cannot grow per rerun.

A Streamlit script defines its inline selectors anew on every run, so the memo cannot key on
the selector objects alone. It keeps *slots*:

- a selector passed without a key has one slot tied to the object (a weak reference: the
  slot goes when the selector does);
- a selector passed with ``key=`` has the slot of that key; a :class:`MemoKey` (what the
  binding builds for inline selectors) also names its *site*, the code and the values that
  do not change from run to run. A new key from the same site replaces the slot, so a
  selector closing over a new object every run (an ``st.cache_data`` result is a new copy
  each time) keeps one slot, not one per run;
- keyed slots are kept in least-recently-used order, at most ``max_slots`` per store.

Inside a slot, a :class:`Composed` selector remembers its last ``memo_size`` input tuples
and results (inputs compared by identity, scalars by value), and every slot remembers the
last state it saw, so reading twice from one state costs one identity test.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from os.path import basename
from typing import Any

from streamlit_redux.store.reducers import unchanged

DEFAULT_MEMO_SIZE = 4
"""Input combinations each selector remembers per store: enough for a user flipping among a
few filter values; results of many sessions add up, so large data belongs in st.cache_data."""

MAX_SLOTS = 256
"""Keyed memo slots per store before the least recently used one is dropped."""


@dataclass
class SelectorStats:
    """Per-store usage of one selector: ``recomputations`` (misses) and ``hits``.

    Counted per store, unlike ``Selector.recomputations()``, because in Streamlit the
    question is "does this session's page recompute on every rerun", which totals over
    every session would hide. The memo bumps them without its lock: a race can lose an
    increment, which statistics can afford and a lock taken on every read could not.

    >>> SelectorStats(recomputations=1, hits=3).hit_rate
    0.75
    """

    recomputations: int = 0
    hits: int = 0

    @property
    def hit_rate(self) -> float:
        """Hits per read, 0.0 before the first read."""
        total = self.recomputations + self.hits
        return self.hits / total if total else 0.0


class Composed:
    """What the memo needs from a selector built on other selectors (``Selector`` is one).

    A base class rather than an import of ``Selector``: selectors.py imports this module for
    the memo, so the memo names only what it uses, and the import points one way.
    """

    dependencies: tuple[Callable[[Any], Any], ...]
    memo_size: int
    name: str

    def compute(self, inputs: tuple[Any, ...]) -> Any:
        """Run the combiner on ``inputs``."""
        raise NotImplementedError


class MemoKey:
    """A memo key that also names its site: ``key`` for equality, ``site`` for the slot.

    >>> a, b = MemoKey(("f", 1), site="f"), MemoKey(("f", 2), site="f")
    >>> a == b, a.site == b.site
    (False, True)
    """

    __slots__ = ("_hash", "key", "site")

    def __init__(self, key: Hashable, *, site: Hashable) -> None:
        self.key = key
        self.site = site
        self._hash = hash(key)

    def __hash__(self) -> int:
        """Computed once: a key built from code objects and closures is slow to hash."""
        return self._hash

    def __eq__(self, other: object) -> bool:
        """Equal keys read the same data the same way; the site takes no part."""
        return isinstance(other, MemoKey) and self._hash == other._hash and self.key == other.key

    def __repr__(self) -> str:
        """The start of the key: keys hold code objects and closures, and can be long."""
        return f"MemoKey({self.key!r:.60})"


def display_name(function: object) -> str:
    """The name a selector shows in stats: its ``name`` if it has one (``create_selector(...,
    name=)``), else its qualified name, with file and line for lambdas and nested functions.

    >>> display_name(len)
    'len'
    """
    given = getattr(function, "name", None)
    if isinstance(given, str) and given:
        return given
    name = str(getattr(function, "__qualname__", None) or type(function).__qualname__)
    code = getattr(function, "__code__", None)
    if code is not None and "<" in name:  # "<lambda>", "make.<locals>.f": not unique alone
        name = f"{name} ({basename(code.co_filename)}:{code.co_firstlineno})"
    return name


# "No result yet" / "not remembered": None is a result a selector may well return.
_NOTHING: Any = object()


class _Slot:
    """One selector's memory in one store: the last (state, result), and recent inputs.

    Plain functions only use ``last``: without inputs to compare, a new state is a miss.
    """

    __slots__ = ("__weakref__", "entries", "key", "last", "stats")

    def __init__(self, key: Hashable, stats: SelectorStats | None) -> None:
        self.key = key
        self.stats = stats
        # One tuple each, replaced whole: threads of a shared store read them without a lock.
        self.last: tuple[Any, Any] = (_NOTHING, None)
        self.entries: tuple[tuple[tuple[Any, ...], Any], ...] = ()

    def recall(self, inputs: tuple[Any, ...]) -> Any:
        """The result remembered for ``inputs`` (each the same object, or an equal scalar).

        Scalars compare by value because a widget hands back an equal but new ``str`` for the
        same choice; containers by identity, which pyrsistent makes exact and cheap.
        """
        for index, (seen, result) in enumerate(self.entries):
            if len(seen) == len(inputs) and all(map(unchanged, inputs, seen)):
                if index:  # most recent first, so the next recall finds it sooner
                    rest = self.entries[:index] + self.entries[index + 1 :]
                    self.entries = (self.entries[index], *rest)
                return result
        return _NOTHING

    def remember(self, inputs: tuple[Any, ...], result: Any, size: int) -> None:
        """Keep ``result`` first, dropping the least recently used beyond ``size`` entries."""
        self.entries = ((inputs, result), *self.entries[: size - 1])


class SelectorCache:
    """The memo of one store (see the module docstring for what it keeps and for how long).

    Thread-safe for a store shared by sessions: keyed slots change under a lock, and a
    slot's memory is replaced as whole tuples, so a reader never sees half an update. Two
    threads missing at once both compute; either result is right, so whichever stays is fine.
    """

    def __init__(self, *, max_slots: int = MAX_SLOTS) -> None:
        """An empty memo; ``max_slots`` bounds the keyed slots (the LRU one is dropped)."""
        self._by_object: weakref.WeakKeyDictionary[Any, _Slot] = weakref.WeakKeyDictionary()
        self._by_key: OrderedDict[Hashable, _Slot] = OrderedDict()
        self._max_slots = max_slots
        self._stats: dict[str, SelectorStats] = {}
        self._lock = threading.Lock()

    def evaluate(self, selector: Callable[[Any], Any], state: Any, key: Hashable = None) -> Any:
        """Return ``selector(state)``, reusing a remembered result when nothing it reads changed.

        >>> cache = SelectorCache()
        >>> cache.evaluate(len, (1, 2, 3)), cache.stats()["len"].recomputations
        (3, 1)
        """
        return self._evaluate(selector, state, self._slot(selector, key, counted=True))

    def stats(self) -> dict[str, SelectorStats]:
        """A copy of the per-selector counters, keyed by selector name."""
        with self._lock:
            return {n: SelectorStats(s.recomputations, s.hits) for n, s in self._stats.items()}

    def slot_count(self) -> int:
        """How many slots are alive: what the memo holds on to (for tests and devtools).

        Read without the lock: a count for a report, not a decision, so an approximate
        number during a concurrent insert is fine.
        """
        return len(self._by_key) + len(self._by_object)

    def _evaluate(self, selector: Callable[[Any], Any], state: Any, slot: _Slot) -> Any:
        """Answer from ``slot``: the same state, then remembered inputs, then compute.

        The combiner runs outside any lock: it may be slow, and two threads computing the same
        value at once is harmless, while one waiting for the other's combiner is not.
        """
        seen_state, result = slot.last
        if seen_state is state:
            if slot.stats is not None:
                slot.stats.hits += 1
            return result
        hit = False
        if isinstance(selector, Composed):
            inputs = tuple(
                self._evaluate(dep, state, self._slot(dep, None, counted=False))
                for dep in selector.dependencies
            )
            result = slot.recall(inputs)
            hit = result is not _NOTHING
            if not hit:
                result = selector.compute(inputs)
                slot.remember(inputs, result, selector.memo_size)
        else:
            result = selector(state)
        slot.last = (state, result)
        if slot.stats is not None:
            if hit:
                slot.stats.hits += 1
            else:
                slot.stats.recomputations += 1
        return result

    def _slot(self, selector: Callable[[Any], Any], key: Hashable, *, counted: bool) -> _Slot:
        """Find or make the slot of ``selector`` / ``key``, replacing a slot whose key changed.

        ``counted`` is False for the input selectors of a composed selector: their reads are
        part of the outer selector's, and would only crowd the stats.
        """
        if key is None:
            try:
                slot = self._by_object.get(selector)
            except TypeError:  # not weakly referenceable (a builtin): keyed by the object
                key = selector
            else:
                if slot is None:
                    slot = _Slot(None, self._stats_for(selector, counted))
                    self._by_object[selector] = slot
                return slot
        site = key.site if type(key) is MemoKey else key
        with self._lock:
            slot = self._by_key.get(site)
            if slot is not None and (slot.key is key or slot.key == key):
                self._by_key.move_to_end(site)
                return slot
            slot = self._by_key[site] = _Slot(key, None)
            self._by_key.move_to_end(site)
            if len(self._by_key) > self._max_slots:
                self._by_key.popitem(last=False)
        slot.stats = self._stats_for(selector, counted)
        return slot

    def _stats_for(self, selector: Callable[[Any], Any], counted: bool) -> SelectorStats | None:
        """The counters of ``selector``'s name, shared by every slot of that name."""
        if not counted:
            return None
        name = display_name(selector)
        with self._lock:
            return self._stats.setdefault(name, SelectorStats())
