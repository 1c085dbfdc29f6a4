"""One session's view of a store: what each part of the page read, and what must rerun.

The store knows nothing of Streamlit (Redux's rule: the store has no idea who renders it).
A :class:`StoreView` wraps it for one session: ``select`` records which scope (the app body
or a fragment) read what, ``bind`` ties a widget to a path, ``fragment`` makes a keyed
fragment, and after a callback's dispatches the view reruns exactly the scopes whose
selections changed. One store may have many views (a shared store: one per session); one
session may hold views of several stores.
"""

from __future__ import annotations

import threading
import warnings
from collections.abc import Callable, Container, Hashable, Mapping, Sequence
from functools import wraps
from typing import Any, Generic, ParamSpec, TypeVar

from streamlit_redux.binding import run_end, runtime
from streamlit_redux.binding.alerts import show_refused
from streamlit_redux.binding.drawn_widgets import DrawnWidgets
from streamlit_redux.binding.forms import FormBinding
from streamlit_redux.binding.memo_keys import stable_key
from streamlit_redux.binding.push import Pusher
from streamlit_redux.binding.reruns import APP, RerunDecision, plan_reruns
from streamlit_redux.binding.tracker import SelectionTracker
from streamlit_redux.binding.uploads import bind_upload
from streamlit_redux.binding.widgets import bind_widget
from streamlit_redux.store import signals
from streamlit_redux.store.actions import Action
from streamlit_redux.store.errors import DispatchDuringRenderWarning
from streamlit_redux.store.reducers import Reducer
from streamlit_redux.store.selectors import SelectorCache
from streamlit_redux.store.store import Store

P = ParamSpec("P")
R = TypeVar("R")
S = TypeVar("S")


class _Batch(threading.local):
    """The callback batch of this thread (a session's script thread): one rerun decision for
    every dispatch inside ``callback(...)``, whichever of the session's views they went to."""

    def __init__(self) -> None:
        self.depth = 0
        self.actions: list[str] = []


_batch = _Batch()


class StoreView(Generic[S]):
    """A store as one Streamlit session sees it (``get_store`` returns one).

    It offers the store's interface (``state``, ``dispatch``, ``subscribe``, ``select``) plus
    ``callback``, ``bind`` and ``fragment``; ``view.store`` is the plain core store.

    >>> # store = get_store(todos.reducer)
    >>> # st.button("Add", on_click=store.dispatch, args=(todos.actions.added("milk"),))
    """

    def __init__(
        self, store: Store, *, session_id: str | None = None, shared: bool = False
    ) -> None:
        self.store = store
        # A shared store's view memoizes for its session alone: a selector may read who the
        # session is (user_id(), a widget), so its result on one state differs per session.
        # What another thread computes for it (another session's dispatch asking whether this
        # one must rerun, where "who" is that session) goes to a memo of its own, used only
        # for that question: it never becomes what this session shows.
        self._memos = (SelectorCache(), SelectorCache()) if shared else None  # (own, probe)
        self.session_id = session_id or runtime.current_session_id()
        self.tracker = SelectionTracker()
        self._drawn = DrawnWidgets()
        self._fragment_keys: dict[str, str] = {}  # Streamlit fragment id -> our scope key
        self._run_marker: object | None = None
        self._warned_render_dispatch = False
        self.shows_alerts = False
        """This session shows the store's alerts (``show_alerts`` ran for it): then a fragment
        that reruns alone toasts its own refusals, as the body's ``show_alerts`` does not run."""
        self._lock = threading.Lock()
        self._pusher = (
            None
            if self.session_id is None
            else Pusher(self.session_id, fragment_keys=self._known_fragments, decided=self._decided)
        )
        if self.session_id is not None:
            run_end.note_store_session(self.session_id)
        # Held weakly by blinker: a view that its session dropped stops receiving at once.
        signals.state_changed.connect(self._on_state_changed, sender=store)

    # -- the store's interface ------------------------------------------------------------

    @property
    def name(self) -> str:
        """The store's name (``get_store``'s ``key``)."""
        return self.store.name

    @property
    def state(self) -> Any:
        """The store's current state."""
        return self.store.state

    def subscribe(self, listener: Callable[[Any], None]) -> Callable[[], None]:
        """Subscribe to the store (see :meth:`Store.subscribe`)."""
        return self.store.subscribe(listener)

    def selector_stats(self) -> Any:
        """The selector statistics of this view's memo (see :meth:`Store.selector_stats`):
        the store's, or this session's own for a shared store."""
        return self.store.selector_stats() if self._memos is None else self._memos[0].stats()

    # -- runs ------------------------------------------------------------------------------

    def begin_run(self) -> None:
        """Called by ``get_store`` on every script run: a full run starts scope tracking anew."""
        marker = runtime.current_run_marker()
        if marker is self._run_marker or runtime.in_fragment_rerun():
            return
        self._run_marker = marker
        self.tracker.begin_app_run()
        self._drawn.full_run()
        self._note_run(APP)

    # -- reading ---------------------------------------------------------------------------

    def select(
        self,
        selector: Callable[[Any], Any],
        *,
        key: Hashable = None,
        holds: Callable[[Any], bool] | None = None,
    ) -> Any:
        """Return ``selector(state)`` (memoized) and note that the running scope read it.

        Inline lambdas keep their memo across reruns: they are keyed by their code (or by
        ``key``). ``holds`` is for widget bindings: it tells whether the widget holds a store
        value, so a widget that disagrees with the store is re-seeded.
        """
        memo_key = key if key is not None else stable_key(selector)
        if runtime.in_callback():
            return self._selected(selector, memo_key)
        state = self.store.state
        value = self._selected(selector, memo_key)
        self.tracker.record(selector, memo_key, value, holds=holds)
        if self.store.state is not state:
            # A change committed between reading and recording: its notification may have
            # looked before this selection was recorded, so look again now.
            self._push_changed_scopes()
        return value

    # -- dispatching -----------------------------------------------------------------------

    def dispatch(self, action: Any) -> Any:
        """Dispatch to the store; from a widget callback, rerun the scopes whose data changed."""
        result = self.store.dispatch(action)
        if runtime.in_callback():
            _batch.actions.append(str(getattr(action, "type", type(action).__name__)))
            if _batch.depth == 0:
                self._rerun_changed_scopes()
        elif _batch.depth == 0 and self.tracker.current_scope is not None:
            self._warn_render_dispatch(action)
        return result

    def callback(self, fn: Callable[P, R]) -> Callable[P, R]:
        """Wrap a callback that dispatches several actions: one rerun decision at the end.

        The batch covers every view of the session (your store and shared ones), so a callback
        may dispatch to several stores in any order.

        >>> # st.button("Reset all", on_click=store.callback(reset_everything))
        """

        @wraps(fn)
        def batched(*args: P.args, **kwargs: P.kwargs) -> R:
            _batch.depth += 1
            try:
                result = fn(*args, **kwargs)
            finally:
                _batch.depth -= 1
            if _batch.depth == 0 and runtime.in_callback() and _batch.actions:
                self._rerun_changed_scopes()
            return result

        return batched

    def _rerun_changed_scopes(self) -> None:
        actions, _batch.actions = tuple(_batch.actions), []
        # One interaction, one rerun: a callback that changed another view of this session
        # first (its own store, a shared one) must not have that change dropped by this
        # view's narrower rerun, so decide on every view's changes together.
        changed = set(self.changed_scopes())
        for other in runtime.session_values():
            if isinstance(other, StoreView) and other is not self:
                changed.update(other.changed_scopes())
        plan = plan_reruns(
            changed,
            origin=runtime.interaction_fragment_ids(),
            fragment_keys=self._known_fragments(),
            keyed_reruns=runtime.KEYED_RERUNS,
        )
        decision = RerunDecision(plan.kind, plan.scopes, plan.reason, actions)
        signals.rerun_decided.send(self, decision=decision)
        if decision.kind == "app":
            runtime.rerun_app()
        if decision.kind == "fragments":
            runtime.rerun_fragments(decision.scopes)

    def changed_scopes(self) -> list[str]:
        """The scopes of this session whose recorded selections differ from the store now."""
        return self.tracker.changed_scopes(self._selected)

    def _selected(self, selector: Callable[[Any], Any], key: Hashable) -> Any:
        """``selector(state)`` through this view's memo (the store's, unless shared)."""
        if self._memos is None:
            return self.store.select(selector, key=key)
        own, probe = self._memos
        memo = own if runtime.current_session_id() == self.session_id else probe
        return memo.evaluate(selector, self.store.state, key)

    def _on_state_changed(self, sender: Store, **_: Any) -> None:
        """A change this session did not make (another session, a background thread): push
        a rerun of exactly the scopes whose data changed, without a click."""
        if runtime.current_session_id() == self.session_id:
            return  # this session's own run or callback: the dispatch path decides
        self._push_changed_scopes()

    def _push_changed_scopes(self) -> None:
        if self._pusher is None or not runtime.PUSH_RERUNS:
            return  # without push internals the polling fragment picks the change up
        changed = self.changed_scopes()
        if changed:
            self._pusher.push(changed)

    def _note_run(self, scope: str) -> None:
        if self._pusher is not None:
            self._pusher.note_run(scope)
        signals.scope_ran.send(self, scope=scope)

    def _known_fragments(self) -> dict[str, str]:
        with self._lock:
            return dict(self._fragment_keys)

    def _decided(self, decision: RerunDecision) -> None:
        signals.rerun_decided.send(self, decision=decision)

    def _warn_render_dispatch(self, action: Any) -> None:
        if self._warned_render_dispatch or str(getattr(action, "type", "")).startswith("@@"):
            return
        self._warned_render_dispatch = True
        action_type = getattr(action, "type", action)
        warnings.warn(
            DispatchDuringRenderWarning(
                f'Action "{action_type}" was dispatched while the script body ran, so what '
                "was drawn before it may show old data (and no rerun follows). Dispatch from a "
                "widget callback instead: on_click=store.dispatch, args=(action,)."
            ),
            stacklevel=3,
        )

    # -- widgets and fragments -------------------------------------------------------------

    def bind(
        self,
        source: str | Callable[[Any], Any],
        action_creator: Callable[[Any], Action],
        *,
        key: str | None = None,
        url: bool = False,
        options: Container[Any] | None = None,
    ) -> dict[str, Any]:
        """Widget kwargs (``key``, ``on_change``) binding a widget to ``source`` in the store.

        The widget's return value is current wherever it is drawn: when its value changes,
        the scope it is drawn in reruns. ``url=True`` makes it a deep link (a query parameter);
        ``options`` are the values a link may set.

        >>> # city = st.selectbox("City", cities, **store.bind("city", address.actions.chosen))
        """
        return bind_widget(self, source, action_creator, key=key, url=url, options=options)

    def bind_table(
        self,
        source: str | Callable[[Any], Any],
        action_creator: Callable[[Any], Action],
        *,
        columns: Sequence[str],
        types: Mapping[str, type] | None = None,
        key: str | None = None,
    ) -> dict[str, Any]:
        """``st.data_editor`` kwargs binding a table (a vector of row maps); see ``table.py``.

        >>> # st.data_editor(**store.bind_table("rows", edited, columns=["day", "amount"]))
        """
        from streamlit_redux.binding.table import bind_table  # imports pandas: on first use

        return bind_table(self, source, action_creator, columns=columns, types=types, key=key)

    def bind_upload(
        self,
        source: str | Callable[[Any], Any],
        action_creator: Callable[[Any], Action],
        *,
        keep: Callable[[str, bytes], None] | None = None,
        key: str | None = None,
    ) -> dict[str, Any]:
        """``st.file_uploader`` / ``st.camera_input`` kwargs: metadata and a hash in the store,
        the bytes handed to ``keep``; see ``uploads.py``.

        >>> # st.file_uploader("Receipt", **store.bind_upload("receipt", attached, keep=save))
        """
        return bind_upload(self, source, action_creator, keep=keep, key=key)

    def redrawn(self, widget_key: str) -> bool | None:
        """Note the widget ``widget_key`` drawn in this run; return whether the browser showed
        it in the run before (``None``: not known). See ``drawn_widgets.py``."""
        scope = self.tracker.current_scope
        return None if scope is None else self._drawn.note(widget_key, scope=scope)

    def bind_form(
        self,
        source: str | Callable[[Any], Any],
        action_creator: Callable[[Any], Action],
        *,
        validate: Callable[[Mapping[str, Any]], Mapping[str, str]] | None = None,
        key: str | None = None,
    ) -> FormBinding:
        """Bind the fields of an ``st.form`` to a map in the store: one action per submit,
        errors per field; see ``forms.py``.

        >>> # form = store.bind_form("draft", expense.actions.submitted, validate=check)
        """
        return FormBinding(self, source, action_creator, validate=validate, key=key)

    def fragment(
        self,
        func: Callable[P, R] | None = None,
        *,
        key: str | None = None,
        run_every: float | str | None = None,
    ) -> Any:
        """``st.fragment`` with a stable key, rerun by the view when its data changed.

        >>> # @store.fragment
        >>> # def stats(): st.metric("Done", store.select(done_count))
        """
        if func is None:
            return lambda f: self.fragment(f, key=key, run_every=run_every)
        import streamlit as st

        scope = key or f"{func.__module__}.{func.__qualname__}".replace("<", "").replace(">", "")

        @wraps(func)
        def tracked(*args: P.args, **kwargs: P.kwargs) -> R:
            fragment_id = runtime.current_fragment_id()
            if fragment_id is not None:
                with self._lock:
                    self._fragment_keys[fragment_id] = scope
                if fragment_id in runtime.interaction_fragment_ids():  # this run runs it alone
                    self._drawn.fragment_run(scope)
                    if self.shows_alerts:  # the body's show_alerts does not run in this run
                        show_refused(self)
            self._note_run(scope)
            with self.tracker.scope(scope):
                return func(*args, **kwargs)

        if runtime.KEYED_RERUNS:
            return st.fragment(tracked, run_every=run_every, key=scope)
        return st.fragment(tracked, run_every=run_every)

    def dialog(
        self, title: str, *, key: str | None = None, **options: Any
    ) -> Callable[[Callable[P, None]], Callable[P, None]]:
        """``st.dialog`` (``options``: ``width``, ``dismissible``, ``icon``, ``on_dismiss``)
        whose content runs in a keyed fragment of this view.

        A widget in a plain ``@st.dialog`` sits in a fragment the view did not make, so each
        change reruns the whole app, and Streamlit closes a dialog that the run does not open
        again. Here an edit reruns the dialog's content alone, and the app only when the page
        body shows the changed data.

        >>> # @store.dialog("Edit note")
        >>> # def edit(): st.text_input("Note", **store.bind("note", note_set))
        """
        import streamlit as st

        def decorate(func: Callable[P, None]) -> Callable[P, None]:
            content = self.fragment(func, key=key)

            @wraps(func)
            def opened(*args: P.args, **kwargs: P.kwargs) -> None:
                content(*args, **kwargs)

            return st.dialog(title, **options)(opened)

        return decorate

    def inject_slice(self, name: str, reducer: Reducer) -> None:
        """Add a slice reducer under ``name`` (a page that brings its own slice); idempotent.

        >>> # store.inject_slice("settings", settings.reducer)
        """
        self.store.inject_slice(name, reducer)

    def __repr__(self) -> str:
        return f"StoreView({self.store!r})"
