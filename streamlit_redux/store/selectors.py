"""Memoized selectors: derived data recomputed only when an input changed identity.

pyrsistent shares every untouched subtree between states, so ``is`` on an input's result is
a cheap and exact test for "did this change". Memo entries live in a :class:`SelectorCache`
owned by a store, never in the module: two sessions never see or evict each other's entries.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any

from streamlit_redux.store.errors import SelectorError


class Selector:
    """A selector built by :func:`create_selector`; call it with a state, or pass it to
    ``store.select`` to use the store's memo."""

    def __init__(
        self,
        dependencies: Sequence[Callable[[Any], Any]],
        result_func: Callable[..., Any],
        *,
        name: str | None = None,
    ) -> None:
        self.dependencies = tuple(dependencies)
        self.result_func = result_func
        self.name = name or getattr(result_func, "__qualname__", repr(result_func))
        self._recomputations = 0
        self._count_lock = threading.Lock()

    def __call__(self, state: Any) -> Any:
        """Compute against ``state`` with a throwaway memo (no caching shared across callers)."""
        return SelectorCache().evaluate(self, state)

    def recomputations(self) -> int:
        """How many times the combiner ran, across every store that used this selector."""
        return self._recomputations

    def reset_recomputations(self) -> None:
        """Set the recomputation count back to zero."""
        with self._count_lock:
            self._recomputations = 0

    def _counted(self, inputs: tuple[Any, ...]) -> Any:
        result = self.result_func(*inputs)
        with self._count_lock:
            self._recomputations += 1
        return result

    def __repr__(self) -> str:
        return f"Selector({self.name!r})"


def create_selector(
    *input_selectors: Callable[[Any], Any] | Sequence[Callable[[Any], Any]],
    combiner: Callable[..., Any] | None = None,
    name: str | None = None,
) -> Selector:
    """Return a memoized selector: ``combiner(*inputs)`` reruns only when an input changed.

    The combiner may be passed last positionally (reselect style) or as ``combiner=``.

    >>> from streamlit_redux import create_selector
    >>> done = create_selector(lambda s: s["todos"], lambda todos: [t for t in todos if t])
    >>> done({"todos": [1, 0, 2]})
    [1, 2]
    """
    inputs: list[Any] = list(input_selectors)
    if combiner is None:
        if not inputs or not callable(inputs[-1]):
            raise SelectorError(
                "create_selector needs a combiner function; pass it last or as combiner=..."
            )
        combiner = inputs.pop()
    if len(inputs) == 1 and isinstance(inputs[0], (list, tuple)):
        inputs = list(inputs[0])
    if not inputs:
        raise SelectorError(
            f"create_selector({getattr(combiner, '__qualname__', combiner)!r}) has no input "
            "selectors; give at least one, e.g. create_selector(lambda s: s['todos'], combiner)."
        )
    for item in inputs:
        if not callable(item):
            raise SelectorError(
                f"create_selector got {item!r} as an input selector; inputs must be callables "
                "taking the state (or other selectors)."
            )
    return Selector(inputs, combiner, name=name)


_MISSING: Any = object()


def select_path(
    path: str | Sequence[str | int], *, default: Any = _MISSING
) -> Callable[[Any], Any]:
    """Return a selector reading a dotted path: ``select_path("todos.items.0")``.

    A missing key raises :class:`SelectorError` naming it, unless ``default`` is given.
    """
    parts = _split_path(path)
    dotted = ".".join(str(p) for p in parts)

    def read_path(state: Any) -> Any:
        current = state
        for index, part in enumerate(parts):
            try:
                current = current[int(part) if _is_index(current, part) else part]
            except (KeyError, IndexError, TypeError) as exc:
                if default is not _MISSING:
                    return default
                where = ".".join(str(p) for p in parts[: index + 1])
                raise SelectorError(
                    f'Path "{dotted}" is missing at "{where}"; check the path, or pass '
                    "default=... to select_path."
                ) from exc
        return current

    read_path.__qualname__ = read_path.__name__ = f"select_path({dotted!r})"
    return read_path


def _split_path(path: str | Sequence[str | int]) -> tuple[str | int, ...]:
    parts = tuple(path.split(".")) if isinstance(path, str) else tuple(path)
    if not parts or any(p == "" for p in parts):
        raise SelectorError(f"Bad state path {path!r}; write it like 'todos.items.0'.")
    return parts


def _is_index(container: Any, part: str | int) -> bool:
    return isinstance(part, int) or (
        part.isdigit() and isinstance(container, Sequence) and not isinstance(container, str)
    )


@dataclass
class SelectorStats:
    """Per-store usage of one selector: ``recomputations`` (misses) and ``hits``."""

    recomputations: int = 0
    hits: int = 0

    @property
    def hit_rate(self) -> float:
        total = self.recomputations + self.hits
        return self.hits / total if total else 0.0


@dataclass
class _Entry:
    state: Any
    inputs: tuple[Any, ...] | None
    result: Any


class SelectorCache:
    """The memo of one store: last state, input results and result per selector."""

    def __init__(self) -> None:
        self._by_object: weakref.WeakKeyDictionary[Any, _Entry] = weakref.WeakKeyDictionary()
        self._by_key: dict[Hashable, _Entry] = {}
        self._stats: dict[str, SelectorStats] = {}

    def evaluate(self, selector: Callable[[Any], Any], state: Any, key: Hashable = None) -> Any:
        """Return ``selector(state)``, reusing the last result when nothing it reads changed."""
        return self._evaluate(selector, state, key, counted=True)

    def _evaluate(
        self, selector: Callable[[Any], Any], state: Any, key: Hashable, *, counted: bool
    ) -> Any:
        entry = self._by_key.get(key) if key is not None else self._by_object.get(selector)
        if entry is not None and entry.state is state:
            self._count(selector, counted, hit=True)
            return entry.result
        if isinstance(selector, Selector):
            inputs = tuple(
                self._evaluate(dep, state, None, counted=False) for dep in selector.dependencies
            )
            if entry is not None and _same(entry.inputs, inputs):
                entry.state = state
                self._count(selector, counted, hit=True)
                return entry.result
            result = selector._counted(inputs)
        else:
            inputs, result = None, selector(state)
        self._count(selector, counted, hit=False)
        fresh = _Entry(state, inputs, result)
        if key is not None:
            self._by_key[key] = fresh
        else:
            self._by_object[selector] = fresh
        return result

    def stats(self) -> dict[str, SelectorStats]:
        """A copy of the per-selector counters, keyed by selector name."""
        return {name: SelectorStats(s.recomputations, s.hits) for name, s in self._stats.items()}

    def _count(self, selector: Callable[[Any], Any], counted: bool, *, hit: bool) -> None:
        if not counted:
            return
        name = str(getattr(selector, "name", None) or getattr(selector, "__qualname__", "?"))
        stats = self._stats.get(name)
        if stats is None:
            stats = self._stats[name] = SelectorStats()
        if hit:
            stats.hits += 1
        else:
            stats.recomputations += 1


def _same(previous: tuple[Any, ...] | None, current: tuple[Any, ...]) -> bool:
    return previous is not None and len(previous) == len(current) and all(
        a is b for a, b in zip(previous, current, strict=True)
    )
