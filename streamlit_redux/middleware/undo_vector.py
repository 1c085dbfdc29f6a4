"""The sequence behind an undo history's ``past`` and ``future``: O(1) at both ends.

``undoable`` moves one state per step between the ends of ``past`` and ``future``: a new entry
appends to ``past`` (and, at the ``limit``, drops its oldest), undo moves the newest past state
to the front of ``future``, redo moves it back. On a ``PVector`` only the append is cheap;
slicing off either end copies the whole vector (measured: 150 µs at 10,000 states), so a step
would cost as much as the history is long.

A ``HistoryVector`` is a window ``[start, stop)`` of a ``PVector``, read forwards (``past``) or
backwards (``future``, so that its front is the vector's end). Growing or shrinking at the
vector's end is a ``PVector.set`` / ``append`` and a moved bound, dropping at the other end
moves a bound: each step is O(1) (O(log32 n) for the trie). Slots outside the window are reused
by the next push; when they outnumber the states in the window, the window is copied into a
fresh vector, which amortizes to O(1) a step and keeps at most about twice the states alive.

It registers as a ``PVector`` and reads like one (``len``, indexing, iteration, ``==`` and
``hash`` with an equal ``pvector``, ``repr``); any other ``PVector`` method (``append``,
``set``, slicing ...) answers from a plain copy, so code written for ``pvector`` keeps working.

>>> from pyrsistent import pvector
>>> past = HistoryVector.of(pvector([1, 2])).pushed_back(3).without_front()
>>> past == pvector([2, 3]), list(past), past
(True, [2, 3], pvector([2, 3]))
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from pyrsistent import PVector, pvector

__all__ = ["HistoryVector"]

_SPARE = 32
"""Unused slots tolerated beyond the window's own length before it is copied."""


class HistoryVector(Sequence[Any]):
    """An immutable sequence of states with O(1) pushes and drops at both ends.

    Made by :meth:`of` and the moves, never called with arguments: it has no ``__init__``, so
    ``HistoryVector()`` is a bare allocation and the slots are filled by the maker (a Python
    ``__init__`` frame costs a third of an undo step's ``recorded``).
    """

    __slots__ = ("__weakref__", "_backwards", "_base", "_plain", "_start", "_stop")
    _base: PVector[Any]
    _start: int
    _stop: int
    _backwards: bool
    _plain: PVector[Any] | None

    @classmethod
    def of(cls, items: Sequence[Any], *, backwards: bool = False) -> HistoryVector:
        """``items`` as a ``HistoryVector`` (a ``HistoryVector`` comes back as it is).

        ``backwards`` stores the items reversed: pushes at the front are then the cheap ones
        without a first copy (what ``future`` needs).
        """
        if isinstance(items, HistoryVector):
            return items
        if backwards:
            base = pvector(reversed(items))
        else:
            base = items if isinstance(items, PVector) else pvector(items)
        return _made(base, 0, len(base), backwards)

    # -- the four moves ------------------------------------------------------------------

    def pushed_back(self, value: Any, *, at_most: int | None = None) -> HistoryVector:
        """This sequence with ``value`` appended, then the first items dropped beyond ``at_most``.

        Appending and dropping the oldest in one move builds one object, not two: a history
        at its ``limit`` does both on every step.
        """
        length = self._stop - self._start + 1
        drop = 0 if at_most is None or length <= at_most else length - max(at_most, 0)
        if not self._backwards:  # the common case, written out: it runs on every step
            base, stop = self._base, self._stop
            base = base.append(value) if stop == len(base) else base.set(stop, value)
            return _windowed(base, self._start + drop, stop + 1, False)
        pushed = self._pushed_low(value)
        for _ in range(drop):
            pushed = pushed.without_front()
        return pushed

    def recorded(self, value: Any, room: int) -> HistoryVector:
        """An undo step's ``past``: ``value`` appended; when there are ``room`` items or more
        already, the first one goes (one at most, as redux-undo trims).

        ``pushed_back(value, at_most=...)`` for the step ``undoable`` takes on every action,
        with the window arithmetic written out.
        """
        start, stop = self._start, self._stop
        if self._backwards or stop == start:
            length = stop - start
            full = room <= length
            return self.pushed_back(value, at_most=max(length, 1) if full else None)
        base = self._base
        base = base.append(value) if stop == len(base) else base.set(stop, value)
        if room <= stop - start:
            start += 1
        stop += 1
        if start + len(base) - stop > 2 * (stop - start) + _SPARE:
            return _made(base[start:stop], 0, stop - start, False)
        made = HistoryVector()  # _made, written out: it runs on every step
        made._base = base
        made._start = start
        made._stop = stop
        made._backwards = False
        made._plain = None
        return made

    def pushed_front(self, value: Any) -> HistoryVector:
        """This sequence with ``value`` inserted before the first item."""
        return self._pushed_high(value) if self._backwards else self._pushed_low(value)

    def without_front(self) -> HistoryVector:
        """This sequence without its first item (itself when empty)."""
        if self._stop == self._start:
            return self
        if self._backwards:
            return self._window(self._start, self._stop - 1)
        return self._window(self._start + 1, self._stop)

    def without_back(self) -> HistoryVector:
        """This sequence without its last item (itself when empty)."""
        if self._stop == self._start:
            return self
        if self._backwards:
            return self._window(self._start + 1, self._stop)
        return self._window(self._start, self._stop - 1)

    def _pushed_high(self, value: Any) -> HistoryVector:
        base, stop = self._base, self._stop
        base = base.append(value) if stop == len(base) else base.set(stop, value)
        return _made(base, self._start, stop + 1, self._backwards)

    def _pushed_low(self, value: Any) -> HistoryVector:
        start = self._start
        if start:
            base = self._base.set(start - 1, value)
            return _made(base, start - 1, self._stop, self._backwards)
        # No room below: store the items the other way round, so this end is the cheap one.
        flipped = HistoryVector.of(list(self), backwards=not self._backwards)
        return flipped._pushed_high(value)

    def _window(self, start: int, stop: int) -> HistoryVector:
        return _windowed(self._base, start, stop, self._backwards)

    # -- reading like a PVector ----------------------------------------------------------

    def plain(self) -> PVector[Any]:
        """The same items as a plain ``pvector`` (built once, on first need)."""
        plain = self._plain
        if plain is None:
            window = self._base[self._start : self._stop]
            plain = self._plain = pvector(reversed(window)) if self._backwards else window
        return plain

    def __len__(self) -> int:
        return self._stop - self._start

    def __getitem__(self, index: Any) -> Any:
        length = self._stop - self._start
        at = index + length if isinstance(index, int) and index < 0 else index
        if not isinstance(at, int) or not 0 <= at < length:
            # Slices, and the IndexError or TypeError a plain vector raises, from a plain one.
            return self.plain()[index]
        if self._backwards:
            return self._base[self._stop - 1 - at]
        return self._base[self._start + at]

    def __iter__(self) -> Iterator[Any]:
        return iter(self.plain())

    def __reversed__(self) -> Iterator[Any]:
        return reversed(self.plain())  # type: ignore[no-any-return]

    def __contains__(self, value: object) -> bool:
        return value in self.plain()

    def __eq__(self, other: object) -> bool:
        # What a plain pvector answers (it equals a list with the same items, too).
        return self is other or bool(self.plain() == _plain_of(other))

    def __lt__(self, other: object) -> bool:
        return bool(self.plain() < _plain_of(other))

    def __le__(self, other: object) -> bool:
        return bool(self.plain() <= _plain_of(other))

    def __gt__(self, other: object) -> bool:
        return bool(self.plain() > _plain_of(other))

    def __ge__(self, other: object) -> bool:
        return bool(self.plain() >= _plain_of(other))

    def __hash__(self) -> int:
        return hash(self.plain())

    def __repr__(self) -> str:
        return repr(self.plain())

    def __add__(self, other: Any) -> Any:
        return self.plain() + _plain_of(other)

    def __mul__(self, times: int) -> Any:
        plain: Any = self.plain()
        return plain * times

    __rmul__ = __mul__

    def __reduce__(self) -> tuple[Any, tuple[list[Any]]]:
        # Pickled (and copied) as the plain vector it reads as.
        return pvector, (list(self.plain()),)

    # The rest of the PVector API, answered by a plain copy so code written for pvector keeps
    # working. Methods, not a __getattr__: with one, CPython 3.11 cannot specialize reads of
    # this class's slots, and an undo step reads four (measured: a third of ``recorded``).

    def append(self, value: Any) -> PVector[Any]:
        return self.plain().append(value)

    def extend(self, values: Iterable[Any]) -> PVector[Any]:
        return self.plain().extend(values)

    def set(self, index: int, value: Any) -> PVector[Any]:
        return self.plain().set(index, value)

    def mset(self, *pairs: Any) -> PVector[Any]:
        return self.plain().mset(*pairs)

    def delete(self, index: int, stop: int | None = None) -> PVector[Any]:
        plain = self.plain()
        return plain.delete(index) if stop is None else plain.delete(index, stop)

    def remove(self, value: Any) -> PVector[Any]:
        return self.plain().remove(value)

    def evolver(self) -> Any:
        return self.plain().evolver()

    def transform(self, *transformations: Any) -> PVector[Any]:
        return self.plain().transform(*transformations)

    def tolist(self) -> list[Any]:
        return self.plain().tolist()


def _windowed(base: PVector[Any], start: int, stop: int, backwards: bool) -> HistoryVector:
    """The window ``[start, stop)`` of ``base``, copied out when most of ``base`` is unused."""
    if start + len(base) - stop > 2 * (stop - start) + _SPARE:
        return _made(base[start:stop], 0, stop - start, backwards)
    return _made(base, start, stop, backwards)


def _made(base: PVector[Any], start: int, stop: int, backwards: bool) -> HistoryVector:
    """The window ``[start, stop)`` of ``base``, read backwards or not, as it is."""
    made = HistoryVector()
    made._base = base
    made._start = start
    made._stop = stop
    made._backwards = backwards
    made._plain = None
    return made


def _plain_of(value: Any) -> Any:
    return value.plain() if isinstance(value, HistoryVector) else value


PVector.register(HistoryVector)
