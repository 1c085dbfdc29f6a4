"""Memoized selectors: derived data recomputed only when an input changed identity.

pyrsistent shares every untouched subtree between states, so ``is`` on an input's result is
a cheap and exact test for "did this change". Memo entries live in a :class:`SelectorCache`
owned by a store, never in the module: two sessions never see or evict each other's entries.

A selector remembers its last ``memo_size`` results (reselect 5's ``lruMemoize`` with a
``maxSize``), so a user switching North, South, North gets North back without a recompute.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar, overload

from streamlit_redux.store._state_type import R, S
from streamlit_redux.store.errors import SelectorError
from streamlit_redux.store.paths import select_path
from streamlit_redux.store.selector_memo import (
    DEFAULT_MEMO_SIZE,
    Composed,
    MemoKey,
    SelectorCache,
    SelectorStats,
    display_name,
)

A = TypeVar("A")
B = TypeVar("B")
C = TypeVar("C")

__all__ = [
    "DEFAULT_MEMO_SIZE",
    "MemoKey",
    "Selector",
    "SelectorCache",
    "SelectorStats",
    "create_selector",
    "select_path",
]


class Selector(Composed, Generic[S, R]):
    """A selector built by :func:`create_selector`; call it with a state, or pass it to
    ``store.select`` to use the store's memo.

    Introspection as in reselect: ``dependencies``, ``result_func``, ``recomputations()``
    (counted across every store, like reselect's), ``memo_size``; per store counts come from
    ``store.selector_stats()`` under ``name``.
    """

    def __init__(
        self,
        dependencies: Sequence[Callable[[S], Any]],
        result_func: Callable[..., R],
        *,
        name: str | None = None,
        memo_size: int = DEFAULT_MEMO_SIZE,
    ) -> None:
        """Keep the inputs and the combiner; build one with :func:`create_selector`, which
        checks them.

        The selector holds no memo of its own, only what it is: one selector defined at module
        level is shared by every session, and a memo on it would let sessions evict (and
        read) each other's results. The count is the one thing shared, under a lock, because
        ``+=`` on an attribute is not atomic across threads.
        """
        self.dependencies = tuple(dependencies)
        self.result_func = result_func
        self.name = name or display_name(result_func)
        self.memo_size = memo_size
        self._recomputations = 0
        self._count_lock = threading.Lock()

    def __call__(self, state: S) -> R:
        """Compute against ``state`` with a throwaway memo (no caching shared across callers).

        Called directly there is no store whose memo to use; reselect keeps its memo on the
        selector itself, which in a Streamlit server would be shared by every session.
        ``store.select(selector)`` is the memoized way.

        >>> total = create_selector(lambda s: s["prices"], lambda prices: sum(prices))
        >>> total({"prices": [2, 3]}), total.recomputations()
        (5, 1)
        """
        result: R = SelectorCache().evaluate(self, state)
        return result

    def recomputations(self) -> int:
        """How many times the combiner ran, across every store that used this selector.

        As reselect counts; for one store (one session) read ``store.selector_stats()``.
        """
        return self._recomputations

    def reset_recomputations(self) -> None:
        """Set the recomputation count back to zero (reselect's ``resetRecomputations``).

        For tests that count recomputations after a setup step; the memos are untouched.
        """
        with self._count_lock:
            self._recomputations = 0

    def compute(self, inputs: tuple[Any, ...]) -> R:
        """Run the combiner on ``inputs`` and count it: what a memo calls on a miss.

        The combiner runs outside the lock, which guards only the count: a slow combiner on
        one thread never holds up another's.
        """
        result = self.result_func(*inputs)
        with self._count_lock:
            self._recomputations += 1
        return result

    def __repr__(self) -> str:
        """The name, as stats show it."""
        return f"Selector({self.name!r})"


# Typed forms for one to three inputs with the combiner last (reselect's usual shape), so an
# editor knows what each combiner argument is; anything else types as Selector[Any, Any].
@overload
def create_selector(
    first: Callable[[S], A], combiner: Callable[[A], R], /, *,
    name: str | None = None, memo_size: int = DEFAULT_MEMO_SIZE,
) -> Selector[S, R]: ...
@overload
def create_selector(
    first: Callable[[S], A], second: Callable[[S], B], combiner: Callable[[A, B], R], /, *,
    name: str | None = None, memo_size: int = DEFAULT_MEMO_SIZE,
) -> Selector[S, R]: ...
@overload
def create_selector(
    first: Callable[[S], A], second: Callable[[S], B], third: Callable[[S], C],
    combiner: Callable[[A, B, C], R], /, *,
    name: str | None = None, memo_size: int = DEFAULT_MEMO_SIZE,
) -> Selector[S, R]: ...
@overload
def create_selector(
    *input_selectors: Callable[..., Any] | Sequence[Callable[..., Any]],
    combiner: Callable[..., Any] | None = None,
    name: str | None = None,
    memo_size: int = DEFAULT_MEMO_SIZE,
) -> Selector[Any, Any]: ...
def create_selector(
    *input_selectors: Callable[..., Any] | Sequence[Callable[..., Any]],
    combiner: Callable[..., Any] | None = None,
    name: str | None = None,
    memo_size: int = DEFAULT_MEMO_SIZE,
) -> Selector[Any, Any]:
    """Return a memoized selector: ``combiner(*inputs)`` reruns only when an input changed.

    The combiner may be passed last positionally (reselect style) or as ``combiner=``.
    ``name`` labels the selector in ``store.selector_stats()`` (default: the combiner's name,
    with its file and line for lambdas). ``memo_size`` is how many input combinations each
    store remembers: raise it for a selector whose input flips among more values, lower it to
    1 when its results are large.

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
            f"create_selector({display_name(combiner)!r}) has no input selectors; give at "
            "least one, e.g. create_selector(lambda s: s['todos'], combiner)."
        )
    for item in inputs:
        if not callable(item):
            raise SelectorError(
                f"create_selector got {item!r} as an input selector; inputs must be callables "
                "taking the state (or other selectors)."
            )
    if isinstance(memo_size, bool) or not isinstance(memo_size, int) or memo_size < 1:
        raise SelectorError(
            f"create_selector({display_name(combiner)!r}) got memo_size={memo_size!r}; "
            "give a whole number of entries, at least 1."
        )
    return Selector(inputs, combiner, name=name, memo_size=memo_size)
