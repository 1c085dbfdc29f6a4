"""Invariants of the workflow for any sequence of events (a Hypothesis state machine).

- Leaving a step forward (``next``, a user event, ``goto``) happens only when the checks of
  every step left behind passed on the data at that moment; a submit starts only when every
  step on the path taken passes.
- When the data is edited only on the step being shown (what a wizard's widgets do), every
  step on the path taken still passes its checks and none of them is now skipped.
- ``back`` then ``next`` is the identity (on the data, and on the whole workflow state when the
  current step was reached by ``next`` from the previous one).
- ``abandon`` restores the entry snapshot; a failed submit leaves the data as submitted.
"""

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from .flows import make_store, onboarding

actions = onboarding.actions
graph = onboarding.graph

VALUES = {
    "email": ["", "nope", "ann@example.com"],
    "password": ["", "short", "correct horse"],
    "name": ["", "Ann"],
    "kind": [None, "personal", "business"],
    "company.name": ["", "Acme"],
    "company": [{"name": "Initech"}, {"name": ""}],
    "plan": [None, "free", "pro"],
    "card": ["", "4242"],
}
FIELD_VALUES = [(path, value) for path, values in VALUES.items() for value in values]
STEPS = list(graph.order)
EVENTS = list(onboarding.events)


class WorkflowInvariants(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        self.store = make_store()
        self.entry = self.local()["data"]
        self.out_of_band = False

    def local(self):
        return onboarding.select_slice(self.store.state)

    def dispatch(self, action):
        before = self.local()
        self.store.dispatch(action)
        after = self.local()
        old, new = list(before["history"]), list(after["history"])
        outcome = action.type.endswith(("/submit_succeeded", "/submit_failed"))
        if len(new) > len(old) and new[: len(old)] == old and not outcome:
            for left in new[len(old) - 1 : -1]:
                assert not onboarding.step(left).errors(before["data"]), (left, action)
        if after["status"] == "submitting" and before["status"] != "submitting":
            for step in after["history"]:
                assert not onboarding.step(step).errors(after["data"]), step
        return before, after

    @rule(data=st.data())
    def edit_the_current_step(self, data):
        fields = [f for f in onboarding.step(self.local()["step"]).field_paths if f in VALUES]
        if fields:
            path = data.draw(st.sampled_from(fields))
            self.dispatch(onboarding.setter(path)(data.draw(st.sampled_from(VALUES[path]))))

    @rule(data=st.data())
    def fill_the_current_step_in(self, data):
        """What most users do: give every field of the step a value, mostly a valid one."""
        for path in onboarding.step(self.local()["step"]).field_paths:
            value = data.draw(st.sampled_from(VALUES[path][-2:]))  # the last value is valid
            self.dispatch(onboarding.setter(path)(value))

    @rule(kind=st.sampled_from(["personal", "business"]), plan=st.sampled_from(["free", "pro"]))
    def complete_the_step_and_go_on(self, kind, plan):
        """A user who fills the step in correctly and presses Next: takes runs deep."""
        choices = {"kind": kind, "plan": plan}
        for path in onboarding.step(self.local()["step"]).field_paths:
            self.dispatch(onboarding.setter(path)(choices.get(path, VALUES[path][-1])))
        self.dispatch(actions.next())

    @rule(data=st.data())
    def break_a_step_passed_earlier(self, data):
        """Another widget (a sidebar, a shared store) empties a field of a step left behind."""
        fields = [f for s in self.local()["history"][:-1] for f in onboarding.step(s).field_paths]
        if fields:
            self.edit_any_field((data.draw(st.sampled_from(fields)), None))

    @rule(edit=st.sampled_from(FIELD_VALUES))
    def edit_any_field(self, edit):
        before, after = self.dispatch(actions.field_changed(*edit))
        if after["data"] is not before["data"]:
            self.out_of_band = True

    @rule(move=st.sampled_from(["next", "back", *(("goto", s) for s in STEPS), *EVENTS]))
    def navigate(self, move):
        if move == "back":
            action = actions.back()
        elif isinstance(move, tuple):
            action = actions.goto(move[1])
        else:
            action = actions[move]()
        before, after = self.dispatch(action)
        assert after["data"] is before["data"]

    @precondition(lambda self: self.reached_by_next())
    @rule()
    def back_then_next_is_the_identity(self):
        before = self.local()
        self.store.dispatch(actions.back())
        self.store.dispatch(actions.next())
        assert self.local()["data"] is before["data"]
        assert self.local() == before

    def reached_by_next(self):
        state = self.local()
        history = state["history"]
        if state["status"] != "editing" or len(history) < 2:
            return False
        previous = history[-2]
        return not onboarding.step(previous).errors(state["data"]) and graph.target(
            previous, "next", state["data"]
        ) == state["step"]

    @rule()
    def submit(self):
        self.dispatch(actions.submit())

    @precondition(lambda self: self.local()["status"] == "submitting")
    @rule(result=st.sampled_from([None, "id-1"]))
    def submit_succeeds(self, result):
        request = onboarding.selectors.pending_submit(self.store.state)
        self.dispatch(actions.submit_succeeded(result, request_id=request))

    @precondition(lambda self: self.local()["status"] == "submitting")
    @rule(message=st.sampled_from(["declined", "timeout"]))
    def submit_fails(self, message):
        before, after = self.dispatch(actions.submit_failed(message))
        assert after["data"] is before["data"]
        assert after["submit_error"] == message

    @rule(how=st.sampled_from(["abandon", "reset", "reset with data"]))
    def start_over(self, how):
        if how == "abandon":
            before, after = self.dispatch(actions.abandon())
            if before["status"] != "done":
                assert after["data"] == self.entry
                assert list(after["history"]) == ["account"]
                self.out_of_band = False
            return
        data = {"email": "bo@example.com", "name": "Bo"} if how == "reset with data" else None
        self.dispatch(actions.reset(data))
        self.entry = self.local()["data"]
        self.out_of_band = False

    @invariant()
    def the_step_shown_is_the_end_of_the_path_taken(self):
        state = self.local()
        assert state["history"][-1] == state["step"]
        assert set(state["history"]) <= set(state["visited"])

    @invariant()
    def a_recorded_error_is_still_true_of_the_data(self):
        """Errors clear when their field changes, so none outlives the value it was about."""
        state = self.local()
        for step, recorded in state["errors"].items():
            current = onboarding.step(step).errors(state["data"])
            assert all(current.get(field) == message for field, message in recorded.items())

    @invariant()
    def with_edits_on_the_shown_step_only_the_path_taken_still_passes(self):
        if self.out_of_band:
            return
        state = self.local()
        for step in state["history"][:-1]:
            if step != state["step"]:
                assert not onboarding.step(step).errors(state["data"]), step
            assert step == "account" or not onboarding.step(step).skipped(state["data"]), step


TestWorkflowInvariants = WorkflowInvariants.TestCase
TestWorkflowInvariants.settings = settings(max_examples=200, stateful_step_count=50, deadline=None)
