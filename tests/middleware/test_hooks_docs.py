"""The middleware-author example of docs/middleware.md runs as written and means what it says."""

import re
from pathlib import Path

DOC = Path(__file__).parents[2] / "docs" / "middleware.md"


def hooks_example() -> str:
    section = DOC.read_text().split("## Hooks for middleware authors", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```python\n(.*?)```", section, flags=re.S)[0]


def test_the_documented_audit_middleware_sees_each_commit_once_across_rebuilds():
    scope: dict[str, object] = {}
    exec(hooks_example(), scope)  # its own assert checks the log after INIT and one tick
    store = scope["store"]
    store.replace_middleware([scope["audit"]])  # what a Streamlit rerun does
    store.dispatch({"type": "tick"})
    assert store.resource("audit.log", list) == [1, 2, 3]  # rebuilt: replaced, not doubled
