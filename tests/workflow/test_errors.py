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


def test_an_unknown_initial_step():
    with pytest.raises(UnknownStepError, match=r"^Workflow \"w\" has no step 'c' \(in initial\); its steps are: a, b\. Fix the step name\.$"):
        create_workflow("w", steps=TWO, initial="c")


def test_transitions_from_an_unknown_step():
    with pytest.raises(UnknownStepError, match=r"^Workflow \"w\" has no step 'z' \(in transitions\); its steps are: a, b\. Fix the step name\.$"):
        create_workflow("w", steps=TWO, transitions={"z": "a"})


def test_a_transition_to_a_step_that_does_not_exist():
    with pytest.raises(
        InvalidTransitionError,
        match=r'^Workflow "w" step "a" sends event "next" to \'c\', which is not a step; use one '
        r"of: a, b, None \(last step\), or a function of the data returning one\.$",
    ):
        create_workflow("w", steps=TWO, transitions={"a": "c"})


def test_a_branch_returning_an_unknown_step_fails_the_dispatch_and_keeps_the_state():
    wf = create_workflow("w", steps=TWO, transitions={"a": lambda data: "shipping"})
    store = make_store_for(wf)
    before = store.state
    with pytest.raises(
        InvalidTransitionError,
        match=r'^Workflow "w": the transition for event "next" on step "a" returned \'shipping\', '
        r"which is not a step; return one of: a, b, or None when there is no further step\.$",
    ):
        store.dispatch(wf.actions.next())
    assert store.state is before


def test_skipped_steps_that_loop():
    wf = create_workflow(
        "w",
        steps=[Step("a"), Step("b", skip=lambda d: True), Step("c", skip=lambda d: True)],
        transitions={"c": "b"},
    )
    with pytest.raises(
        InvalidTransitionError,
        match=r'^Workflow "w": leaving step "a" loops through skipped steps back to "b"; make a '
        r"skip condition false or change a transition so the path ends\.$",
    ):
        make_store_for(wf).dispatch(wf.actions.next())


def test_an_event_named_like_a_built_in_action():
    with pytest.raises(
        WorkflowDefinitionError,
        match=r'^Workflow "w" step "a" has the event \'back\'; events are identifiers other than '
        r"the built-in actions \(abandon, back, field_changed, goto, reset, submit\): rename it, "
        r'e\.g\. "choose_plan"\.$',
    ):
        create_workflow("w", steps=TWO, transitions={"a": {"back": "b"}})


def test_a_bad_workflow_name():
    with pytest.raises(
        WorkflowDefinitionError,
        match=r"^create_workflow needs a non-empty name without '/', got 'a/b'; "
        r'e\.g\. create_workflow\("onboarding", steps=\[\.\.\.\]\)\.$',
    ):
        create_workflow("a/b", steps=TWO)


def test_steps_that_are_not_step_objects():
    with pytest.raises(
        WorkflowDefinitionError,
        match=r"^Workflow \"w\" got steps=\['a', 'b'\]; pass a non-empty list of Step objects, "
        r'e\.g\. steps=\[Step\("account"\), Step\("profile"\)\]\.$',
    ):
        create_workflow("w", steps=["a", "b"])


def test_two_steps_with_one_name():
    with pytest.raises(
        WorkflowDefinitionError,
        match=r'^Workflow "w" has more than one step named a; step names must be unique: rename one\.$',
    ):
        create_workflow("w", steps=[Step("a"), Step("a")])


def test_a_skip_condition_on_the_initial_step():
    with pytest.raises(
        WorkflowDefinitionError,
        match=r'^Workflow "w" starts on step "a", which has a skip condition; the initial step is '
        r"always shown: remove its skip=, or start on another step\.$",
    ):
        create_workflow("w", steps=[Step("a", skip=lambda d: False)])


def test_initial_data_that_is_not_a_mapping():
    with pytest.raises(
        WorkflowDefinitionError,
        match=r'^Workflow "w" got data=\[1\]; the draft is a mapping of fields, e\.g\. \{"email": ""\}\.$',
    ):
        create_workflow("w", steps=TWO, data=[1])


def test_reset_with_data_that_is_not_a_mapping():
    with pytest.raises(WorkflowDefinitionError, match=r'^Workflow "onboarding" got reset\(data\)=\'x\'; the draft is a mapping'):
        actions.reset("x")


def test_a_step_without_a_name():
    with pytest.raises(WorkflowDefinitionError, match=r'^Step needs a non-empty str name, got \'\'; e\.g\. Step\("account"\)\.$'):
        Step("")


def test_a_validator_that_is_not_callable():
    with pytest.raises(
        WorkflowDefinitionError,
        match=r'^Step "a" field "email" has the validator \'required\'; validators are functions '
        r"value -> None \(fine\) or an error message\.$",
    ):
        Step("a", fields={"email": "required"})


def test_a_guard_that_is_not_callable():
    with pytest.raises(
        WorkflowDefinitionError,
        match=r'^Step "a" got guard=True; pass a function of the draft data \(or leave it out\)\.$',
    ):
        Step("a", guard=True)


def test_a_validator_returning_a_bool_is_refused_with_the_contract():
    wf = create_workflow("w", steps=[Step("a", fields={"x": lambda v: v is not None}), Step("b")])
    with pytest.raises(
        WorkflowDefinitionError,
        match=r'^Step "a" validator of field "x" returned False; return None when the value is fine '
        r"and the message to show \(a str\) when it is not\.$",
    ):
        make_store_for(wf).dispatch(wf.actions.next())


def test_a_guard_returning_something_else_than_a_mapping():
    wf = create_workflow("w", steps=[Step("a", guard=lambda d: ["x"]), Step("b")])
    with pytest.raises(
        WorkflowDefinitionError,
        match=r'^Step "a" guard returned list \[\'x\'\]; return \{field: message\} for what is '
        r"wrong, or \{\} when all is fine\.$",
    ):
        make_store_for(wf).dispatch(wf.actions.next())


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
