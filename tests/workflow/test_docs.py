"""The worked example of docs/workflow.md runs as written (its python blocks, in order)."""

import re
from pathlib import Path

DOC = Path(__file__).parents[2] / "docs" / "workflow.md"


def test_the_documented_onboarding_wizard_runs():
    blocks = re.findall(r"```python\n(.*?)```", DOC.read_text(), flags=re.S)
    assert len(blocks) >= 6
    namespace: dict = {}
    for block in blocks:
        exec(compile(block, str(DOC), "exec"), namespace)
    assert namespace["accounts"][0]["email"] == "ann@example.com"
