"""What the panel's sections (log, JSON tools) need of the panel: a protocol, so the sections
do not import the panel that imports them."""

from __future__ import annotations

from typing import Any, Literal, Protocol

from streamlit_redux.binding.view import StoreView
from streamlit_redux.devtools.recorder import Recorder
from streamlit_redux.devtools.sanitize import ActionSanitizer, StateSanitizer
from streamlit_redux.store.store import Store


class PanelContext(Protocol):
    """The panel as its sections see it (``devtools.panel.Panel`` implements it)."""

    store: Store | StoreView[Any]
    recorder: Recorder
    state_sanitizer: StateSanitizer | None
    action_sanitizer: ActionSanitizer | None
    page_size: int

    def key(self, name: str) -> str: ...

    def button(
        self, label: str, name: str, action: Any, *, disabled: bool = False, icon: str | None = None
    ) -> None: ...

    def dispatch(self, action: Any) -> None: ...

    def report(self, level: Literal["error", "success"], markdown: str) -> None: ...

    def report_error(self, text: str) -> None: ...
