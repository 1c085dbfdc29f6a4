"""The devtools' exception types, all under ``StreamlitReduxError``."""

from __future__ import annotations

from streamlit_redux.store.errors import (  # re-exported: defined with every other error
    DevtoolsError as DevtoolsError,
)
from streamlit_redux.store.errors import (
    SessionExportError as SessionExportError,
)
from streamlit_redux.store.errors import (
    SessionImportError as SessionImportError,
)



