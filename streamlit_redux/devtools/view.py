"""What the panel shows, computed without Streamlit: log pages, action details, stats rows.

Every function here costs what one page shows, not what the recorder holds (except a type
filter, which scans the action types once), so the panel stays cheap with long histories.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from pyrsistent import PVector

from streamlit_redux.binding.literal_text import literal
from streamlit_redux.binding.reruns import RerunDecision
from streamlit_redux.devtools._json import JSONValue, to_display_value
from streamlit_redux.devtools.diff import Change, diff
from streamlit_redux.devtools.recorder import Recorder
from streamlit_redux.devtools.sanitize import ActionSanitizer, StateSanitizer, sanitized_error
from streamlit_redux.middleware.persist_book import REHYDRATE
from streamlit_redux.store.actions import Action

PROBE_PREFIX = "streamlit_redux:devtools:"
"""Names of the panel's own selectors, left out of the selector stats."""



@dataclass(frozen=True)
class LogRow:
    """One line of the action log."""

    index: int
    action_id: int
    type: str
    skipped: bool
    error: str | None
    current: bool

    @property
    def label(self) -> str:
        """``#12 todos/added``: stable while the action is logged (widgets match on it)."""
        name = "(committed state)" if self.action_id == 0 else self.type
        return f"#{self.action_id} {name}"

    @property
    def markdown_label(self) -> str:
        """:attr:`label` for a Markdown-rendering widget: the type as literal text."""
        name = "(committed state)" if self.action_id == 0 else literal(self.type)
        return f"#{self.action_id} {name}"

    @property
    def marks(self) -> str:
        """What is special about the row: shown now, skipped, failed (empty if nothing)."""
        marks = (
            ("shown",) * self.current + ("skipped",) * self.skipped + ("error",) * bool(self.error)
        )
        return " · ".join(marks)


@dataclass(frozen=True)
class LogPage:
    """One page of the log, newest first, and how many actions matched the filter."""

    rows: tuple[LogRow, ...]
    matched: int
    page: int
    pages: int


@dataclass(frozen=True)
class ActionDetails:
    """The selected action: its payload, the state after it and the diff against before.

    ``error`` is the reducer's error text with what the action sanitizer hides masked.
    """

    row: LogRow
    action: JSONValue
    state: JSONValue
    changes: tuple[Change, ...]
    truncated: bool
    error: str | None = None


def log_page(
    recorder: Recorder, *, type_filter: str = "", page: int = 1, size: int = 20
) -> LogPage:
    """Page ``page`` (from 1) of the staged log, newest first, filtered by type substring."""
    last = recorder.last_index
    if type_filter:
        needle = type_filter.lower()
        by_id, staged = recorder.actions_by_id, recorder.staged_ids
        matches = [i for i in range(last, -1, -1) if needle in by_id[staged[i]].type.lower()]
        matched = len(matches)
    else:
        matches, matched = [], last + 1
    pages = max(1, -(-matched // size))
    page = min(max(page, 1), pages)
    start = (page - 1) * size
    indices = (
        matches[start : start + size]
        if type_filter
        else range(last - start, max(last - start - size, -1), -1)
    )
    return LogPage(tuple(row(recorder, i) for i in indices), matched, page, pages)


def row(recorder: Recorder, index: int) -> LogRow:
    """The log line of the action staged at ``index``."""
    action_id = recorder.staged_ids[index]
    return LogRow(
        index=index,
        action_id=action_id,
        type=recorder.actions_by_id[action_id].type,
        skipped=action_id in recorder.skipped_ids,
        error=recorder.computed[index].error,
        current=index == recorder.current_index,
    )


def action_details(
    recorder: Recorder,
    index: int,
    *,
    state_sanitizer: StateSanitizer | None = None,
    action_sanitizer: ActionSanitizer | None = None,
    diff_limit: int = 200,
) -> ActionDetails:
    """Payload, state after and diff for the action at ``index``, sanitized for display."""
    clean_state = state_sanitizer or _same
    clean_action = action_sanitizer or _same
    before = clean_state(recorder.state_before(index))
    after = clean_state(recorder.computed[index].state)
    changes = diff(before, after, limit=diff_limit + 1)
    raw_action = recorder.action_at(index)
    shown_action = clean_action(raw_action)
    if raw_action.type == REHYDRATE and state_sanitizer is not None:
        # Its payload is stored state: show it masked as the state is (as the logger does).
        shown_action = Action(shown_action.type, after, shown_action.meta, shown_action.error)
    error = recorder.computed[index].error
    return ActionDetails(
        row=row(recorder, index),
        action=to_display_value(shown_action),
        state=to_display_value(after),
        changes=tuple(changes[:diff_limit]),
        truncated=len(changes) > diff_limit,
        error=error and sanitized_error(error, raw_action, action_sanitizer),
    )


def change_rows(changes: tuple[Change, ...]) -> list[dict[str, str]]:
    """The diff as table rows: path, kind, old, new (values shortened for display)."""
    return [
        {
            "path": change.dotted,
            "change": change.kind,
            "old": "" if change.kind == "added" else _short(change.old),
            "new": "" if change.kind == "removed" else _short(change.new),
        }
        for change in changes
    ]


def is_undoable(state: Any) -> bool:
    """True when the state, or one of its top-level slices, reads like ``undoable``'s history.

    ``undo()`` / ``redo()`` reach every undoable reducer, wherever it sits in the tree.
    """
    return _is_history(state) or (
        isinstance(state, Mapping) and any(_is_history(value) for value in state.values())
    )


def _is_history(value: Any) -> bool:
    return isinstance(value, Mapping) and all(k in value for k in ("past", "present", "future"))


def scope_rows(scope_runs: Mapping[str, int]) -> list[dict[str, Any]]:
    """Reruns per scope, sorted by scope."""
    return [{"scope": scope, "runs": count} for scope, count in sorted(scope_runs.items())]


def rerun_rows(decisions: Iterable[RerunDecision], *, last: int = 10) -> list[dict[str, str]]:
    """The newest rerun decisions, newest first."""
    return [
        {
            "actions": ", ".join(decision.actions),
            "rerun": decision.kind,
            "scopes": ", ".join(decision.scopes) or "(none)",
            "reason": decision.reason,
        }
        for decision in reversed(list(decisions)[-last:])
    ]


def selector_rows(store: object) -> list[dict[str, Any]]:
    """Recomputations, hits and hit rate per selector, from ``store.selector_stats()``."""
    stats_of = getattr(store, "selector_stats", None)
    stats: Mapping[str, Any] = stats_of() if callable(stats_of) else {}
    return [
        {
            "selector": name,
            "recomputations": stat.recomputations,
            "hits": stat.hits,
            "hit rate": round(stat.hit_rate, 3),
        }
        for name, stat in sorted(stats.items())
        if not name.startswith(PROBE_PREFIX)
    ]


def _short(value: Any, width: int = 80) -> str:
    if isinstance(value, Mapping) and len(value) > 10:
        return f"{{… {len(value)} keys}}"
    if isinstance(value, (list, tuple, PVector)) and len(value) > 10:
        return f"[… {len(value)} items]"
    text = repr(to_display_value(value))
    return text if len(text) <= width else text[: width - 1] + "…"


def _same(value: Any) -> Any:
    return value
