"""The store as a Streamlit session sees it: a core Store plus scope tracking and reruns."""

from __future__ import annotations

import warnings
from collections import Counter, deque
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from functools import wraps
from typing import Any, ParamSpec, TypeVar

from streamlit_redux.binding import runtime
from streamlit_redux.binding.memo_keys import stable_key
from streamlit_redux.binding.tracker import APP, SelectionTracker
from streamlit_redux.binding.widgets import bind
from streamlit_redux.store.actions import REPLACE, Action
from streamlit_redux.store.errors import StreamlitReduxError
from streamlit_redux.store.middleware_api import Middleware
from streamlit_redux.store.reducers import Reducer
from streamlit_redux.store.store import Store

P = ParamSpec("P")
R = TypeVar("R")


class DispatchDuringRenderWarning(UserWarning):
    """A dispatch ran in the script body: what was drawn before it may show old data."""


@dataclass(frozen=True)
class RerunDecision:
    """What the store asked Streamlit to rerun after a callback, and why."""

    actions: tuple[str, ...]
    scopes: tuple[str, ...]
    reason: str


class SessionStore(Store):
    """A Store bound to one Streamlit session (made by ``get_store``).

    Adds ``select`` recording per scope, ``callback``, ``bind``, ``fragment`` and
    ``inject_slice``; after a callback's dispatches it reruns only the scopes whose data changed.
    """

    def __init__(
        self,
        reducer: Reducer,
        initial_state: Any = None,
        middleware: Iterable[Middleware] = (),
        *,
        name: str = "store",
    ) -> None:
        self.tracker = SelectionTracker()
        self.scope_runs: Counter[str] = Counter()
        self.rerun_log: deque[RerunDecision] = deque(maxlen=200)
        self._batch_depth = 0
        self._batch_actions: list[str] = []
        self._warned_render_dispatch = False
        self._run_marker: object | None = None
        self._injected: dict[str, Reducer] = {}
        super().__init__(reducer, initial_state, middleware, name=name)

    # -- runs ------------------------------------------------------------------------------

    def _adopt_run(self, reducer: Reducer, middleware: Iterable[Middleware]) -> None:
        """Called by ``get_store`` on every run: take this run's code, start scope tracking."""
        self.replace_middleware(middleware)
        if reducer is not self.reducer:
            self.adopt_reducer(reducer)
        marker = runtime.current_run_marker()
        if marker is not self._run_marker and not runtime.in_fragment_rerun():
            self._run_marker = marker
            self.tracker.begin_app_run()
            self.scope_runs[APP] += 1

    def inject_slice(self, name: str, reducer: Reducer) -> None:
        """Add a slice reducer under ``name`` (for a page that brings its own slice).

        Idempotent; the slice's initial state appears at once.
        """
        if self._injected.get(name) is reducer:
            return
        self._injected[name] = reducer
        injected = dict(self._injected)

        def with_injected(base: Reducer) -> Reducer:
            def reducer_with_slices(state: Any, action: Action) -> Any:
                state = base(state, action)
                for key, slice_reducer in injected.items():
                    before = state.get(key)
                    after = slice_reducer(before, action)
                    if after is not before:
                        state = state.set(key, after)
                return state

            return reducer_with_slices

        self.enhance_reducer(with_injected, name="streamlit_redux:injected-slices")
        self.dispatch(Action(REPLACE))

    # -- reading ---------------------------------------------------------------------------

    def select(self, selector: Callable[[Any], Any], *, key: Hashable = None) -> Any:
        """Return ``selector(state)`` (memoized) and note that the running scope read it.

        Inline lambdas keep their memo across reruns: they are keyed by their code.
        """
        return self._select_recorded(selector, key, shown=None)

    def _select_recorded(
        self,
        selector: Callable[[Any], Any],
        key: Hashable,
        *,
        shown: Callable[[], Any] | None,
    ) -> Any:
        memo_key = key if key is not None else stable_key(selector)
        value = super().select(selector, key=memo_key)
        if not runtime.in_callback():
            self.tracker.record(selector, memo_key, value, shown=shown)
        return value

    # -- dispatching -----------------------------------------------------------------------

    def dispatch(self, action: Any) -> Any:
        """Dispatch; from a widget callback, then rerun only the scopes whose data changed."""
        result = super().dispatch(action)
        if self._depth:  # a middleware's nested dispatch: decide once, at the outermost
            return result
        if runtime.in_callback():
            self._batch_actions.append(str(getattr(action, "type", type(action).__name__)))
            if self._batch_depth == 0:
                self._rerun_changed_scopes()
        elif self._batch_depth == 0 and self.tracker.current_scope is not None:
            self._warn_render_dispatch(action)
        return result

    def callback(self, fn: Callable[P, R]) -> Callable[P, R]:
        """Wrap a callback that dispatches several actions: one rerun decision at the end.

        >>> # st.button("Reset all", on_click=store.callback(reset_everything))
        """

        @wraps(fn)
        def batched(*args: P.args, **kwargs: P.kwargs) -> R:
            self._batch_depth += 1
            try:
                result = fn(*args, **kwargs)
            finally:
                self._batch_depth -= 1
            if self._batch_depth == 0 and runtime.in_callback() and self._batch_actions:
                self._rerun_changed_scopes()
            return result

        return batched

    def _rerun_changed_scopes(self) -> None:
        actions, self._batch_actions = tuple(self._batch_actions), []
        changed = self.tracker.changed_scopes(
            lambda selector, key: Store.select(self, selector, key=key)
        )
        if not changed:
            self.rerun_log.append(RerunDecision(actions, (), "no rendered data changed"))
            return
        if APP in changed or not runtime.KEYED_RERUNS:
            reason = "the app body's data changed" if APP in changed else "no keyed reruns"
            self.rerun_log.append(RerunDecision(actions, (APP,), reason))
            runtime.rerun_app()
        self.rerun_log.append(RerunDecision(actions, tuple(changed), "only fragment data changed"))
        runtime.rerun_fragments(changed)

    def _warn_render_dispatch(self, action: Any) -> None:
        if self._warned_render_dispatch or str(getattr(action, "type", "")).startswith("@@"):
            return
        self._warned_render_dispatch = True
        action_type = getattr(action, "type", action)
        warnings.warn(
            DispatchDuringRenderWarning(
                f'Action "{action_type}" was dispatched while the script body ran, so what '
                "was drawn before it may show old data (and no rerun follows). Dispatch from a "
                f"widget callback instead: on_click=store.dispatch, args=(action,)."
            ),
            stacklevel=3,
        )

    # -- widgets ---------------------------------------------------------------------------

    def bind(
        self,
        source: str | Callable[[Any], Any],
        action_creator: Callable[[Any], Action],
        *,
        key: str | None = None,
    ) -> dict[str, Any]:
        """Widget kwargs (``key``, ``on_change``) binding a widget to ``source`` in the store.

        >>> # st.text_input("Name", **store.bind("profile.name", profile.actions.renamed))
        """
        return bind(self, source, action_creator, key=key)

    # -- fragments -------------------------------------------------------------------------

    def fragment(
        self,
        func: Callable[P, R] | None = None,
        *,
        key: str | None = None,
        run_every: float | str | None = None,
    ) -> Any:
        """``st.fragment`` with a stable key, rerun by the store when its data changed.

        >>> # @store.fragment
        >>> # def stats(): st.metric("Done", store.select(done_count))
        """
        if func is None:
            return lambda f: self.fragment(f, key=key, run_every=run_every)
        import streamlit as st

        scope = key or f"{func.__module__}.{func.__qualname__}".replace("<", "").replace(">", "")

        @wraps(func)
        def tracked(*args: P.args, **kwargs: P.kwargs) -> R:
            self.scope_runs[scope] += 1
            with self.tracker.scope(scope):
                return func(*args, **kwargs)

        if runtime.KEYED_RERUNS:
            return st.fragment(tracked, run_every=run_every, key=scope)
        return st.fragment(tracked, run_every=run_every)


class NotInScriptRunError(StreamlitReduxError):
    """``get_store`` was called outside a Streamlit script run."""
