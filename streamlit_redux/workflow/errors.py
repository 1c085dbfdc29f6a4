"""The workflow's exception types, all under ``StreamlitReduxError``.

They live beside the workflow (as the devtools' do) so the pure core stays free of them; each
message names the workflow, the step or the field involved, and ends with the fix.
"""

from __future__ import annotations

from streamlit_redux.store.errors import StreamlitReduxError


class WorkflowError(StreamlitReduxError):
    """Base of the workflow errors: a workflow was defined or driven wrongly."""


class WorkflowDefinitionError(WorkflowError, TypeError):
    """``create_workflow`` or a ``Step`` got options it cannot use (raised at definition)."""


class UnknownStepError(WorkflowError, KeyError):
    """A step name that the workflow does not have: in ``initial``, ``transitions`` or ``goto``.

    Derives from ``KeyError`` like a missing mapping key, but keeps a readable message.
    """

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class InvalidTransitionError(WorkflowError):
    """A transition names a target that is not a step, or skipped steps loop forever."""


class FieldPathError(WorkflowError, ValueError):
    """A field path is malformed (``"a..b"``) or crosses a value that holds no fields."""
