import pytest

from streamlit_redux import StreamlitReduxError
from streamlit_redux.workflow import (
    FieldPathError,
    InvalidTransitionError,
    Step,
    UnknownStepError,
    WorkflowDefinitionError,
    WorkflowError,
    create_workflow,
)

from .flows import actions, fill, make_store, onboarding, select

TWO = [Step("a", fields=["x"]), Step("b")]


def test_every_workflow_error_is_a_streamlit_redux_error():
    for error in (WorkflowDefinitionError, UnknownStepError, InvalidTransitionError, FieldPathError):
        assert issubclass(error, WorkflowError)
    assert issubclass(WorkflowError, StreamlitReduxError)


# What a definition gets wrong is refused when it is built: (build, error, message).
BAD_DEFINITIONS = [
    pytest.param(
        lambda: create_workflow("w", steps=TWO, initial="c"),
        UnknownStepError,
        r"^Workflow \"w\" has no step 'c' \(in initial\); its steps are: a, b\. Fix the step name\.$",
        id="unknown initial step",
    ),
    pytest.param(
        lambda: create_workflow("w", steps=TWO, transitions={"z": "a"}),
        UnknownStepError,
        r"^Workflow \"w\" has no step 'z' \(in transitions\); its steps are: a, b\. Fix the step name\.$",
        id="transitions from an unknown step",
    ),
    pytest.param(
        lambda: create_workflow("w", steps=TWO, transitions={"a": "c"}),
        InvalidTransitionError,
        r'^Workflow "w" step "a" sends event "next" to \'c\', which is not a step; use one '
        r"of: a, b, None \(last step\), or a function of the data returning one\.$",
        id="transition to a step that does not exist",
    ),
    pytest.param(
        lambda: create_workflow("w", steps=TWO, transitions={"a": {"back": "b"}}),
        WorkflowDefinitionError,
        r'^Workflow "w" step "a" has the event \'back\'; events are identifiers other than '
        r"the built-in actions \(abandon, back, field_changed, goto, reset, submit\): rename it, "
        r'e\.g\. "choose_plan"\.$',
        id="event named like a built-in action",
    ),
    pytest.param(
        lambda: create_workflow("a/b", steps=TWO),
        WorkflowDefinitionError,
        r"^create_workflow needs a non-empty name without '/', got 'a/b'; "
        r'e\.g\. create_workflow\("onboarding", steps=\[\.\.\.\]\)\.$',
        id="bad workflow name",
    ),
    pytest.param(
        lambda: create_workflow("w", steps=["a", "b"]),
        WorkflowDefinitionError,
        r"^Workflow \"w\" got steps=\['a', 'b'\]; pass a non-empty list of Step objects, "
        r'e\.g\. steps=\[Step\("account"\), Step\("profile"\)\]\.$',
        id="steps that are not Step objects",
    ),
    pytest.param(
        lambda: create_workflow("w", steps=[Step("a"), Step("a")]),
        WorkflowDefinitionError,
        r'^Workflow "w" has more than one step named a; step names must be unique: rename one\.$',
        id="two steps with one name",
    ),
    pytest.param(
        lambda: create_workflow("w", steps=[Step("a", skip=lambda d: False)]),
        WorkflowDefinitionError,
        r'^Workflow "w" starts on step "a", which has a skip condition; the initial step is '
        r"always shown: remove its skip=, or start on another step\.$",
        id="skip condition on the initial step",
    ),
    pytest.param(
        lambda: create_workflow("w", steps=TWO, data=[1]),
        WorkflowDefinitionError,
        r'^Workflow "w" got data=\[1\]; the draft is a mapping of fields, e\.g\. \{"email": ""\}\.$',
        id="initial data that is not a mapping",
    ),
    pytest.param(
        lambda: Step(""),
        WorkflowDefinitionError,
        r'^Step needs a non-empty str name, got \'\'; e\.g\. Step\("account"\)\.$',
        id="step without a name",
    ),
    pytest.param(
        lambda: Step("a", fields={"email": "required"}),
        WorkflowDefinitionError,
        r'^Step "a" field "email" has the validator \'required\'; validators are functions '
        r"value -> None \(fine\) or an error message\.$",
        id="validator that is not callable",
    ),
    pytest.param(
        lambda: Step("a", guard=True),
        WorkflowDefinitionError,
        r'^Step "a" got guard=True; pass a function of the draft data \(or leave it out\)\.$',
        id="guard that is not callable",
    ),
]


@pytest.mark.parametrize(("build", "error", "message"), BAD_DEFINITIONS)
def test_a_bad_definition_is_refused_when_it_is_built(build, error, message):
    with pytest.raises(error, match=message):
        build()


# What only a run can reveal fails the dispatch of "next" from step "a" and keeps the state:
# (workflow, error, message).
BAD_RUNS = [
    pytest.param(
        lambda: create_workflow("w", steps=TWO, transitions={"a": lambda data: "shipping"}),
        InvalidTransitionError,
        r'^Workflow "w": the transition for event "next" on step "a" returned \'shipping\', '
        r"which is not a step; return one of: a, b, or None when there is no further step\.$",
        id="branch returning an unknown step",
    ),
    pytest.param(
        lambda: create_workflow(
            "w",
            steps=[Step("a"), Step("b", skip=lambda d: True), Step("c", skip=lambda d: True)],
            transitions={"c": "b"},
        ),
        InvalidTransitionError,
        r'^Workflow "w": leaving step "a" loops through skipped steps back to "b"; make a '
        r"skip condition false or change a transition so the path ends\.$",
        id="skipped steps that loop",
    ),
    pytest.param(
        lambda: create_workflow("w", steps=[Step("a", fields={"x": lambda v: v is not None}), Step("b")]),
        WorkflowDefinitionError,
        r'^Step "a" validator of field "x" returned False; return None when the value is fine '
        r"and the message to show \(a str\) when it is not\.$",
        id="validator returning a bool",
    ),
    pytest.param(
        lambda: create_workflow("w", steps=[Step("a", guard=lambda d: ["x"]), Step("b")]),
        WorkflowDefinitionError,
        r'^Step "a" guard returned list \[\'x\'\]; return \{field: message\} for what is '
        r"wrong, or \{\} when all is fine\.$",
        id="guard returning something else than a mapping",
    ),
]


@pytest.mark.parametrize(("build", "error", "message"), BAD_RUNS)
def test_a_bad_run_fails_the_dispatch_and_keeps_the_state(build, error, message):
    wf = build()
    store = make_store_for(wf)
    before = store.state
    with pytest.raises(error, match=message):
        store.dispatch(wf.actions.next())
    assert store.state is before


def test_goto_an_unknown_step_fails_when_the_action_is_built():
    with pytest.raises(
        UnknownStepError,
        match=r'^Workflow "onboarding" has no step \'shipping\' \(in goto\); its steps are: '
        r"account, profile, company, plan, payment, review, failed, welcome\. Fix the step name\.$",
    ):
        actions.goto("shipping")


def test_a_dispatched_goto_to_an_unknown_step_leaves_the_state_alone():
    store = make_store()
    before = store.state
    with pytest.raises(UnknownStepError, match=r'^Workflow "onboarding" has no step \'nowhere\''):
        store.dispatch({"type": "onboarding/goto", "payload": "nowhere"})
    assert store.state is before


def test_errors_for_an_unknown_step():
    with pytest.raises(UnknownStepError, match=r"^Workflow \"onboarding\" has no step 'acount' \(in errors_for\)"):
        select.errors_for("acount")


def test_reset_with_data_that_is_not_a_mapping():
    with pytest.raises(WorkflowDefinitionError, match=r'^Workflow "onboarding" got reset\(data\)=\'x\'; the draft is a mapping'):
        actions.reset("x")


def test_a_malformed_field_path():
    with pytest.raises(
        FieldPathError,
        match=r"^Workflow \"onboarding\" got the field path 'company\.\.name'; write fields as "
        r"dotted keys into the draft, like 'email', 'address\.city' or 'items\.0'\.$",
    ):
        onboarding.setter("company..name")
    with pytest.raises(
        FieldPathError,
        match=r"^Workflow \"onboarding\" got the field path 'items\[0\]'; write fields as "
        r"dotted keys into the draft, like 'email', 'address\.city' or 'items\.0'\.$",
    ):
        onboarding.setter("items[0]")
    with pytest.raises(FieldPathError, match=r"^Workflow \"step a\" got the field path ''"):
        Step("a", fields=[""])


def test_a_field_path_through_a_text_value_fails_and_keeps_the_state():
    store = make_store()
    fill(store, email="ann@example.com")
    before = store.state
    with pytest.raises(
        FieldPathError,
        match=r'^Workflow "onboarding" cannot set field "email\.domain": at "domain" the draft '
        r"holds str 'ann@example\.com', not a map \(or a vector index in range\); fix the path, "
        r"or set the parent field to a map first\.$",
    ):
        fill(store, **{"email.domain": "example.com"})
    assert store.state is before


def test_an_unknown_action_name_lists_the_workflow_actions():
    from streamlit_redux import UnknownSliceMemberError

    with pytest.raises(UnknownSliceMemberError, match=r'^Slice "onboarding" has no action "finish"; it has: abandon, back, change_plan'):
        onboarding.actions.finish  # noqa: B018


def make_store_for(wf):
    from streamlit_redux import Store, combine_reducers

    return Store(combine_reducers(w=wf.reducer))


def test_a_dispatched_reset_with_data_that_is_not_a_mapping_keeps_the_state():
    store = make_store()
    before = store.state
    with pytest.raises(WorkflowDefinitionError, match=r'^Workflow "onboarding" got reset\(data\)=\'x\'; the draft is a mapping'):
        store.dispatch({"type": "onboarding/reset", "payload": "x"})
    assert store.state is before
