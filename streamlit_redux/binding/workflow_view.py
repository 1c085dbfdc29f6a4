"""Draw a workflow in Streamlit: progress, the current step, its errors and the nav buttons.

The workflow itself is pure (``streamlit_redux.workflow``); this is the thin Streamlit side.
The progress indicator and the current step each run in a keyed fragment of their own
(``"<workflow>-progress"``, ``"<workflow>-step"``) and the app body reads nothing of the
workflow, so typing in a step reruns that step alone, and Next reruns the step and the
progress, not the page.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from streamlit_redux.binding.view import StoreView
from streamlit_redux.workflow import UnknownStepError, Workflow, WorkflowDefinitionError
from streamlit_redux.workflow.graph import NEXT, OUTCOMES

INTERRUPTED = "The submit was interrupted; submit again."
RESTARTED = (
    "This form has changed since your last visit: it starts again at its first step, with "
    "what you entered."
)
_SESSION_MARK = "streamlit_redux:workflow-session:{store}:{workflow}"


def render_workflow(
    store: StoreView[Any],
    wf: Workflow,
    *,
    steps: Mapping[str, Callable[[], None]],
    disable_invalid: bool = True,
    labels: Mapping[str, str] | None = None,
    interrupted: str | None = INTERRUPTED,
) -> None:
    """Draw ``wf``: a progress bar, then the current step's function, its errors and nav buttons.

    ``steps`` maps every step name to a function that draws it (bind its widgets with
    ``store.bind(wf.store_path(field), wf.setter(field))``). The buttons are Back, Next (or
    Submit on a last step) and one per event of the current step (``retry`` → "Retry");
    ``labels`` renames them (``{"next": "Continue"}``). With ``disable_invalid`` (the default)
    Next and Submit are disabled until the step's checks pass; ``disable_invalid=False`` keeps
    them enabled, and a press on an invalid step shows each field's message instead.

    A submit still pending when the session starts (a refresh with a persisted draft: the
    effect that would have answered ran in the old session) is settled as failed with the
    message ``interrupted``; pass ``interrupted=None`` for a store whose submits other sessions
    run (a shared store).

    >>> # render_workflow(store, signup, steps={"account": draw_account, "done": draw_done})
    """
    _check_steps(wf, steps)
    _restart_on_unknown_step(store, wf)
    _settle_interrupted(store, wf, interrupted)
    names = {"back": "Back", "next": "Next", "submit": "Submit", **(labels or {})}

    def progress() -> None:
        _draw_progress(store, wf)

    def step() -> None:
        _draw_step(store, wf, steps, names, disable_invalid=disable_invalid)

    store.fragment(progress, key=f"{wf.name}-progress")()
    store.fragment(step, key=f"{wf.name}-step")()


def _check_steps(wf: Workflow, steps: Mapping[str, Callable[[], None]]) -> None:
    known = [step.name for step in wf.steps]
    for name, draw in steps.items():
        if name not in known:
            raise UnknownStepError(
                f'render_workflow("{wf.name}") got a function for step {name!r}, which the '
                f"workflow does not have; its steps are: {', '.join(known)}. Fix the step name."
            )
        if not callable(draw):
            raise WorkflowDefinitionError(
                f'render_workflow("{wf.name}") got {draw!r} for step "{name}"; pass a function '
                "that draws the step, e.g. steps={" + f'"{name}": draw_{name}' + "}."
            )
    missing = [name for name in known if name not in steps]
    if missing:
        raise WorkflowDefinitionError(
            f'render_workflow("{wf.name}") has no function for step(s) '
            f"{', '.join(missing)}; pass one per step in steps={{...}}, e.g. "
            f'steps={{"{missing[0]}": draw_{missing[0]}}}.'
        )


def _restart_on_unknown_step(store: StoreView[Any], wf: Workflow) -> None:
    """A draft stored by an earlier version of the app (``persist``) may stand on a step this
    version renamed or removed: every selector and Next would raise on it, on every load.
    Start it again at the first step, keeping the data entered, and say so."""
    import streamlit as st

    state = wf.select_slice(store.state)
    known = wf.graph.steps
    if state["step"] in known and all(step in known for step in state["history"]):
        return
    # The core store, as in _settle_interrupted: nothing of the flow is drawn yet.
    store.store.dispatch(wf.actions.reset(data=state["data"]))
    st.toast(RESTARTED, icon=":material/restart_alt:")


def _settle_interrupted(store: StoreView[Any], wf: Workflow, message: str | None) -> None:
    """On this session's first run, fail a submit left pending by an earlier session."""
    import streamlit as st

    mark = _SESSION_MARK.format(store=store.name, workflow=wf.name)
    if mark in st.session_state:
        return
    st.session_state[mark] = True
    pending = wf.selectors.pending_submit(store.state)
    if pending is not None and message is not None:
        # The core store: nothing is drawn yet, so no scope needs a rerun (and the view would
        # rightly warn about a dispatch from the script body).
        store.store.dispatch(wf.actions.submit_failed(message, request_id=pending))


def _draw_progress(store: StoreView[Any], wf: Workflow) -> None:
    import streamlit as st

    progress = store.select(wf.selectors.progress)
    title = wf.step(progress.step).title
    st.progress(progress.fraction, text=f"Step {progress.position} of {progress.total}: {title}")


def _draw_step(
    store: StoreView[Any],
    wf: Workflow,
    steps: Mapping[str, Callable[[], None]],
    names: Mapping[str, str],
    *,
    disable_invalid: bool,
) -> None:
    import streamlit as st

    select = wf.selectors
    current = store.select(select.current_step)
    steps[current]()
    errors = store.select(select.errors_for(current))
    order = {field: index for index, field in enumerate(wf.step(current).field_paths)}
    for field in sorted(errors, key=lambda f: (order.get(f, len(order)), f)):  # as declared
        st.error(f"{field}: {errors[field]}")
    failure = store.select(select.submit_error)
    if store.select(select.is_submitting):
        st.info("Submitting…")
    elif failure and not store.select(select.is_complete):
        st.error(failure)
    if not store.select(select.is_complete):
        _draw_nav(store, wf, current, names, disable_invalid=disable_invalid)


def _draw_nav(
    store: StoreView[Any],
    wf: Workflow,
    current: str,
    names: Mapping[str, str],
    *,
    disable_invalid: bool,
) -> None:
    import streamlit as st

    select, actions = wf.selectors, wf.actions
    editing = not store.select(select.is_submitting)
    events = [e for e in wf.graph.table[current] if e != NEXT and e not in OUTCOMES]
    last = store.select(select.is_last)
    forward = "submit" if last else "next"
    ready = store.select(select.can_submit if last else select.can_advance)
    # A press on a button of a step the flow has left (a second click while the next step
    # draws) must not move the flow again. Streamlit hands a press to whichever button holds
    # its key when the press is handled, so each step's buttons get keys of their own (a
    # press on a button no longer drawn is dropped), and each action names its step (the
    # reducer ignores it once the flow has moved on: a run cut short, another session).
    here = {"step": current}
    columns = st.columns(2 + len(events))
    columns[0].button(
        names["back"],
        key=f"{wf.name}-{current}-back",
        disabled=not store.select(select.can_back),
        on_click=store.dispatch,
        args=(actions.back(meta=here),),
    )
    for column, event in zip(columns[1:], events, strict=False):
        column.button(
            names.get(event, event.replace("_", " ").capitalize()),
            key=f"{wf.name}-{current}-{event}",
            disabled=not editing,
            on_click=store.dispatch,
            args=(getattr(actions, event)(meta=here),),
        )
    columns[-1].button(
        names[forward],
        key=f"{wf.name}-{current}-{forward}",
        type="primary",
        disabled=not editing or (disable_invalid and not ready),
        # A fresh submit action (a fresh request id) per click, built in the handler.
        on_click=lambda: store.dispatch(getattr(actions, forward)(meta=here)),
    )
