"""The package's shape: imports point inward (devtools -> binding -> middleware/storage ->
store), no import cycle anywhere (TYPE_CHECKING imports included), the core never imports
Streamlit, no module over 300 lines of code, and the core explains itself: at least half a
line of docstring or comment per code line in store/ (STYLE.md's measure)."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parents[1] / "streamlit_redux"
LAYERS = {"store": 0, "storage": 1, "middleware": 2, "workflow": 2, "binding": 3, "devtools": 4}
TOP_LEVEL = {"__init__", "__main__", "signals", "testing", "identity", "storage", "middleware"}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py")}
GRAPH = {
    name: {m for m in imports_of(path) if m in MODULES and m != name}
    for name, path in MODULES.items()
}


def layer(module: str) -> int | None:
    parts = module.split(".")
    return LAYERS.get(parts[1]) if len(parts) > 2 or (len(parts) == 2 and parts[1] in LAYERS) else None


def test_imports_point_inward():
    wrong = [
        f"{source} imports {target}"
        for source, targets in GRAPH.items()
        for target in targets
        if layer(source) is not None and layer(target) is not None and layer(target) > layer(source)
    ]
    assert wrong == []


def test_no_import_cycles():
    def cycle_from(start, node, seen):
        for target in GRAPH[node]:
            if target == start:
                return [node, target]
            if target not in seen:
                seen.add(target)
                rest = cycle_from(start, target, seen)
                if rest:
                    return [node, *rest]
        return None

    cycles = [c for name in GRAPH if (c := cycle_from(name, name, set()))]
    # A package __init__ that re-exports its own modules is not a cycle of concepts.
    real = [c for c in cycles if not any(MODULES[m].name == "__init__.py" for m in c)]
    assert real == []


@pytest.mark.parametrize("package", ["store", "middleware", "storage", "workflow"])
def test_the_core_never_imports_streamlit(package):
    offenders = [
        name
        for name, path in MODULES.items()
        if name.startswith(f"streamlit_redux.{package}")
        and any(m == "streamlit" or m.startswith("streamlit.") for m in imports_of(path))
    ]
    assert offenders == []


def docstring_lines(source: str) -> set[int]:
    """Line numbers of every module, class and function docstring in ``source``."""
    docstrings = set()
    for node in ast.walk(ast.parse(source)):
        body = getattr(node, "body", None)
        if (isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                and body and isinstance(body[0], ast.Expr)
                and isinstance(body[0].value, ast.Constant) and isinstance(body[0].value.value, str)):
            docstrings.update(range(body[0].lineno, body[0].end_lineno + 1))
    return docstrings


def code_lines(path: Path) -> int:
    """Lines of code as STYLE.md measures them: no blanks, comments or docstrings."""
    source = path.read_text()
    docstrings = docstring_lines(source)
    return sum(
        1 for number, line in enumerate(source.splitlines(), 1)
        if line.strip() and not line.strip().startswith("#") and number not in docstrings
    )


def doc_lines(path: Path) -> int:
    """Docstring lines plus whole-line comments: the explanation STYLE.md's doc ratio counts."""
    source = path.read_text()
    docstrings = docstring_lines(source)
    return sum(
        1 for number, line in enumerate(source.splitlines(), 1)
        if line.strip() and (number in docstrings or line.strip().startswith("#"))
    )


def test_modules_stay_small():
    big = {name: n for name, p in MODULES.items() if (n := code_lines(p)) > 300}
    assert big == {}


def test_the_store_core_explains_itself():
    # STYLE.md's admired small cores (redux 0.69, blinker 0.73, attrs ~0.56) explain as much as
    # they code; the store is the part every other layer leans on, so it keeps at least 0.5.
    files = sorted((PACKAGE / "store").glob("*.py"))
    code = sum(code_lines(p) for p in files)
    doc = sum(doc_lines(p) for p in files)
    assert doc / code >= 0.5, f"store/ has {doc} doc lines for {code} code lines ({doc / code:.2f})"
