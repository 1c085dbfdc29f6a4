"""Slices: one part of the state with its reducer, action creators and selectors together.

RTK's ``createSlice`` without Immer: case reducers return the new (immutable) state. A slice
names its action types after itself (``"todos/added"``), so two slices can both have an
``added`` case without their actions colliding in one store.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any, Generic

from streamlit_redux.store._state_type import S
from streamlit_redux.store.actions import Action, ActionCreator
from streamlit_redux.store.errors import ReducerDefinitionError, UnknownSliceMemberError
from streamlit_redux.store.reducers import CaseReducer, HandlerKey, create_reducer


class _Namespace:
    """Attribute and item access to a fixed table: ``slice.actions.added`` or ``["added"]``.

    A typo fails at once and lists the names that exist, instead of ``None`` reaching a
    widget callback and failing on the click.
    """

    def __init__(self, owner: str, kind: str, table: Mapping[str, Any]) -> None:
        self._owner = owner
        self._kind = kind
        self._table = dict(table)

    def __getattr__(self, name: str) -> Any:
        """The entry ``name``, or an error listing every name this slice has.

        The error is also an ``AttributeError``, so ``hasattr(slice.actions, "x")`` and
        ``getattr(..., default)`` keep their usual meaning.
        """
        table = self.__dict__.get("_table", {})
        if name in table:
            return table[name]
        # Through __dict__: copy.copy and pickle probe attributes before __init__ ran.
        owner, kind = self.__dict__.get("_owner", "?"), self.__dict__.get("_kind", "member")
        raise UnknownSliceMemberError(
            f'Slice "{owner}" has no {kind} "{name}"; '
            f"it has: {', '.join(sorted(table)) or 'none'}."
        )

    def __getitem__(self, name: str) -> Any:
        """``slice.actions["added"]``, for names that come from data (a devtools form)."""
        return getattr(self, name)

    def __iter__(self) -> Iterator[str]:
        """The names, in the order they were given to :func:`create_slice`."""
        return iter(self._table)

    def __len__(self) -> int:
        """How many names: ``len(slice.actions)``."""
        return len(self._table)

    def __dir__(self) -> list[str]:
        """The defined names, so an editor or a REPL completes them."""
        return sorted(self._table)


class Slice(Generic[S]):
    """What ``create_slice`` returns: ``.name``, ``.reducer``, ``.actions``, ``.selectors``.

    ``Slice[S]`` types the reducer as returning ``S``, the slice's state (inferred from
    ``initial_state``), so a ``Store`` built on it types ``store.state`` as ``S``.
    """

    def __init__(
        self,
        name: str,
        reducer: Callable[[Any, Action], S],
        actions: Mapping[str, ActionCreator],
        selectors: Mapping[str, Callable[..., Any]],
    ) -> None:
        """Hold what :func:`create_slice` built (build slices with it: it checks the name).

        ``actions`` and ``selectors`` are typed ``Any``: their attributes are the case names
        the user chose, which no static type can list, and ``Any`` keeps ``slice.actions.added``
        free of editor warnings while a wrong name still fails at once at run time.
        """
        self.name = name
        self.reducer = reducer
        self.actions: Any = _Namespace(name, "action", actions)
        self.selectors: Any = _Namespace(name, "selector", selectors)

    def select_slice(self, root_state: Mapping[str, Any]) -> S:
        """Return this slice's part of a root state built by ``combine_reducers``."""
        value: S = root_state[self.name]
        return value

    def __repr__(self) -> str:
        """The name and the action cases: what tells two slices apart in a log or a REPL."""
        return f"Slice({self.name!r}, actions={list(self.actions)})"


def create_slice(
    *,
    name: str,
    initial_state: S,
    reducers: Mapping[str, Callable[[S, Action], S]],
    extra_reducers: Mapping[HandlerKey, CaseReducer] | None = None,
    selectors: Mapping[str, Callable[..., Any]] | None = None,
) -> Slice[S]:
    """Return a slice: case reducers become action creators typed ``"<name>/<case>"``.

    ``extra_reducers`` handles actions defined elsewhere, keyed by type, by creator, or by a
    matcher (``matches_prefix("auth/")`` or any predicate on actions, like RTK's
    ``addMatcher``): exact cases run first, then every matcher that accepts the action, in
    order. ``selectors`` take the slice's state and are exposed taking the root state.

    >>> from streamlit_redux import create_slice, matches_prefix
    >>> counter = create_slice(name="counter", initial_state=0,
    ...                        reducers={"incremented": lambda s, a: s + 1},
    ...                        extra_reducers={matches_prefix("session/"): lambda s, a: 0})
    >>> counter.reducer(None, counter.actions.incremented())
    1
    >>> counter.reducer(7, Action("session/ended"))
    0
    """
    if not isinstance(name, str) or not name or "/" in name:
        raise ReducerDefinitionError(
            f"create_slice needs a non-empty name without '/', got {name!r}; e.g. name='todos'."
        )
    creators = {case: ActionCreator(f"{name}/{case}") for case in reducers}
    # The slice's own cases go in last, so they win over an extra reducer for the same action
    # type (the table keeps the last handler per type): ``reducers`` is where a reader looks
    # first for what an action does.
    handlers: dict[HandlerKey, CaseReducer] = dict(extra_reducers or {})
    handlers.update({creators[case]: fn for case, fn in reducers.items()})
    bound = {key: _on_root(name, fn) for key, fn in (selectors or {}).items()}
    return Slice(name, create_reducer(initial_state, handlers), creators, bound)


def _on_root(name: str, selector: Callable[..., Any]) -> Callable[..., Any]:
    """Expose a slice selector on the root state, named ``"<slice>.<selector>"`` for stats.

    Slice selectors are written against the slice's own state, so the slice can be mounted
    anywhere; views read the root state, so the slice does the step down for them.
    """

    def select_from_root(root_state: Mapping[str, Any], *args: Any) -> Any:
        return selector(root_state[name], *args)

    select_from_root.__name__ = select_from_root.__qualname__ = (
        f"{name}.{getattr(selector, '__name__', 'selector')}"
    )
    return select_from_root
