"""The workflow's exception types, all under ``StreamlitReduxError``.

Each message names the workflow, the step or the field involved, and ends with the fix.
"""

from __future__ import annotations

from streamlit_redux.store.errors import (  # re-exported: defined with every other error
    FieldPathError as FieldPathError,
)
from streamlit_redux.store.errors import (
    InvalidTransitionError as InvalidTransitionError,
)
from streamlit_redux.store.errors import (
    UnknownStepError as UnknownStepError,
)
from streamlit_redux.store.errors import (
    WorkflowDefinitionError as WorkflowDefinitionError,
)
from streamlit_redux.store.errors import (
    WorkflowError as WorkflowError,
)
