"""The rerun decision: which scopes a callback's dispatches make Streamlit rerun, and how.

Pure: it takes the scopes whose selections changed and what Streamlit would rerun anyway (the
interaction's default: the whole app for a widget in the body, its fragment for a widget inside
one), and returns the cheapest rerun that leaves no scope stale.

>>> plan_reruns({"stats"}, origin=APP_DEFAULT, fragment_keys={}).scopes
('stats',)
>>> plan_reruns({"stats"}, origin=("f1",), fragment_keys={"f1": "stats"}).kind
'default'
"""

from __future__ import annotations

from collections.abc import Mapping, Set
from dataclasses import dataclass
from typing import Literal

APP = "app"
"""The scope of the app body (fragment keys name the other scopes)."""

APP_DEFAULT: tuple[str, ...] = ()
"""``origin`` of an interaction whose widget lives in the app body: its default is a full run."""

RerunKind = Literal["default", "app", "fragments"]


@dataclass(frozen=True)
class RerunDecision:
    """What a view asked Streamlit to rerun after a callback, and why.

    ``kind`` is ``"default"`` when Streamlit's own rerun of the interaction already covers
    every changed scope (no ``st.rerun`` call at all: the cheapest path), ``"app"`` for a full
    run, ``"fragments"`` for a keyed rerun of ``scopes``.
    """

    kind: RerunKind
    scopes: tuple[str, ...]
    reason: str
    actions: tuple[str, ...] = ()


def plan_reruns(
    changed: Set[str],
    *,
    origin: tuple[str, ...],
    fragment_keys: Mapping[str, str],
    keyed_reruns: bool = True,
) -> RerunDecision:
    """Decide the rerun for ``changed`` scopes.

    ``origin`` is Streamlit's list of fragment ids the interaction reruns by default (empty:
    the whole app); ``fragment_keys`` maps the fragment ids this view has seen to its scope
    keys. A keyed rerun replaces the default, so it is used only when the default would run
    too little (a fragment elsewhere changed) or too much (a button in the body changed only
    a fragment's data).
    """
    default_scopes = _default_scopes(origin, fragment_keys)
    if not changed:
        return RerunDecision("default", default_scopes or (), "no rendered data changed")
    if default_scopes is None:
        # A fragment we did not make (a plain st.fragment) may show its own widgets' values:
        # replacing its rerun could leave it stale, so widen to the whole app.
        return RerunDecision("app", (APP,), "the interaction came from a fragment of another kind")
    if APP in changed:
        if default_scopes == (APP,):
            return RerunDecision("default", (APP,), "the app body's data changed")
        return RerunDecision("app", (APP,), "the app body's data changed")
    wanted = tuple(sorted(changed))
    if set(default_scopes) == set(wanted) and default_scopes != (APP,):
        return RerunDecision("default", wanted, "the interaction's own fragment changed")
    if not keyed_reruns:
        kind: RerunKind = "default" if default_scopes == (APP,) else "app"
        return RerunDecision(kind, (APP,), "this Streamlit has no keyed reruns")
    return RerunDecision("fragments", wanted, "only fragment data changed")


def _default_scopes(
    origin: tuple[str, ...], fragment_keys: Mapping[str, str]
) -> tuple[str, ...] | None:
    """The scopes Streamlit's default rerun covers; None if it runs a fragment we don't know."""
    if not origin:
        return (APP,)
    scopes = [fragment_keys.get(fragment_id) for fragment_id in origin]
    if any(scope is None for scope in scopes):
        return None
    return tuple(sorted({scope for scope in scopes if scope is not None}))
