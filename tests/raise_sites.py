"""Finds where the package builds exceptions, and which anchored ``match=`` patterns tests pin.

The reading half of ``test_raise_sites.py``: ``sites(package)`` lists every place an
exception class is called (``raise X(...)``, or ``X(...)`` built by a helper and raised or
reported by its caller) with the literal runs of its message; ``pinned(tests)`` lists every
``(class name, anchored pattern)`` a test gives ``pytest.raises``. Kept apart so the test
module holds only the rules and their justified exceptions.
"""

from __future__ import annotations

import ast
import builtins
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import streamlit_redux

WILDCARD = "\0"  # an unescaped "." in a pattern: any one character


def exception_names() -> dict[str, str]:
    """Exception class names a raise site may call: ``{"TypeError": "builtin", ...}``."""
    found = {}
    for origin, names in (("builtin", dir(builtins)), ("library", streamlit_redux.__all__)):
        namespace = builtins if origin == "builtin" else streamlit_redux
        for name in names:
            value = getattr(namespace, name)
            if isinstance(value, type) and issubclass(value, BaseException):
                found.update({} if issubclass(value, Warning) else {name: origin})
    return found


@dataclass(frozen=True)
class Site:
    """One place an exception is built: ``where`` is ``path:line (function)``."""

    where: str
    path: str
    function: str
    name: str
    runs: tuple[str, ...]


def _name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


class _Module:
    """One parsed module: resolves a message expression to its literal runs."""

    def __init__(self, tree: ast.Module) -> None:
        self.functions = {
            node.name: node
            for node in ast.walk(tree)
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        }
        self.constants = {
            target.id: node.value
            for node in tree.body
            if isinstance(node, ast.Assign)
            for target in node.targets
            if isinstance(target, ast.Name)
        }

    def runs(self, node: ast.expr | None, scope: ast.AST | None, depth: int = 0) -> list[str]:
        """The literal text pieces of a message expression (placeholders split them)."""
        if node is None or depth > 4:
            return []
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return [node.value]
        if isinstance(node, ast.JoinedStr):
            return [v.value for v in node.values if isinstance(v, ast.Constant)]
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            return self.runs(node.left, scope, depth + 1) + self.runs(node.right, scope, depth + 1)
        if isinstance(node, ast.Name):
            return self._assigned(node.id, scope, depth)
        if isinstance(node, ast.Call) and (name := _name(node.func)) in self.functions:
            function = self.functions[name]
            returned = [n.value for n in ast.walk(function) if isinstance(n, ast.Return)]
            return [run for value in returned for run in self.runs(value, function, depth + 1)]
        return []

    def _assigned(self, name: str, scope: ast.AST | None, depth: int) -> list[str]:
        values = [
            node.value
            for node in (ast.walk(scope) if scope is not None else [])
            if isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == name for t in node.targets)
        ]
        if not values and name in self.constants:
            values = [self.constants[name]]
        return [run for value in values for run in self.runs(value, None, depth + 1)]


def sites(package: Path) -> Iterator[Site]:
    """Every call of an exception class in ``package``, with its message's literal runs."""
    names = exception_names()
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text())
        module = _Module(tree)
        relative = path.relative_to(package.parent).as_posix()
        for function, node in _calls(tree, "<module>"):
            name = _name(node.func)
            if name not in names:
                continue
            message = node.args[0] if node.args else None
            runs = tuple(r.strip() for r in module.runs(message, module.functions.get(function)))
            where = f"{relative}:{node.lineno} ({function})"
            yield Site(where, relative, function, name, tuple(r for r in runs if r))


def _calls(node: ast.AST, function: str) -> Iterator[tuple[str, ast.Call]]:
    for child in ast.iter_child_nodes(node):
        inner = child.name if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)) else function
        if isinstance(child, ast.Call):
            yield function, child
        elif isinstance(child, ast.Raise) and isinstance(child.exc, ast.Name):
            yield function, ast.Call(func=child.exc, args=[], keywords=[], lineno=child.lineno)
        yield from _calls(child, inner)


def pattern_runs(pattern: str) -> list[str]:
    """The literal text of a regex, split where it matches more than one text (``.*``, ``\\d``)."""
    runs, current, i = [], "", 0
    while i < len(pattern):
        char = pattern[i]
        quantified = i + 1 < len(pattern) and pattern[i + 1] in "*+?{"
        if char == "\\" and i + 1 < len(pattern) and not pattern[i + 1].isalnum():
            current, i = current + pattern[i + 1], i + 2
            continue
        if char == "." and not quantified:
            current, i = current + WILDCARD, i + 1
            continue
        if char == "\\" or char in ".^$*+?()[]{}|" or quantified:
            runs.append(current)
            current = ""
            i += 2 if char == "\\" else 1
            continue
        current, i = current + char, i + 1
    return [run for run in [*runs, current] if run]


def holds(run: str, fragment: str) -> bool:
    """Whether the pattern run ``run`` contains ``fragment`` (its wildcards match anything)."""
    for start in range(len(run) - len(fragment) + 1):
        if all(r in (f, WILDCARD) for r, f in zip(run[start:], fragment, strict=False)):
            return True
    return False


def pinned(tests: Path) -> Iterator[tuple[str, str]]:
    """Every ``(exception class name, anchored pattern)`` that a test under ``tests`` pins.

    ``pytest.raises(X, match=r"^...")`` and ``match=exact("...")`` count; so does a class or
    pattern given by the test's ``parametrize`` (pairs from one parameter tuple when both are),
    and, for errors reported on a signal, ``isinstance(error, X)`` with ``re.match(r"^...")``.
    """
    for path in sorted(tests.rglob("*.py")):
        tree = ast.parse(path.read_text())
        cases = _Module(tree).constants  # parametrize(..., BAD_FILES): a module-level list
        for function in ast.walk(tree):
            if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
                params = [
                    node
                    for decorator in function.decorator_list
                    for name in ast.walk(decorator)
                    for node in ast.walk(cases.get(_name(name) or "", name))
                ]
                for node in ast.walk(function):
                    if isinstance(node, ast.Call) and _name(node.func) == "raises" and node.args:
                        yield from _pairs(node, params)
                yield from _reported(function, params)


def _reported(function: ast.AST, params: list[ast.AST]) -> Iterator[tuple[str, str]]:
    """An error reported, not raised: ``isinstance(error, X)`` and ``re.match(r"^...", ...)``."""
    calls = [node for node in ast.walk(function) if isinstance(node, ast.Call)]
    classes = {
        name
        for call in calls
        if _name(call.func) == "isinstance" and len(call.args) == 2
        and (name := _name(call.args[1])) in exception_names()
    }
    matched = [
        call.args[0] for call in calls if _name(call.func) in ("match", "fullmatch") and call.args
    ]
    given = [n for n in params if isinstance(n, ast.expr)] if any(
        isinstance(m, ast.Name) for m in matched
    ) else []
    patterns = [p for node in matched + given if (p := _pattern(node)) is not None]
    yield from ((name, pattern) for name in sorted(classes) for pattern in patterns)


def _pairs(raises: ast.Call, params: list[ast.AST]) -> Iterator[tuple[str, str]]:
    names = exception_names()
    name = _name(raises.args[0])
    match = next((k.value for k in raises.keywords if k.arg == "match"), None)
    pattern = _pattern(match)
    if name in names and pattern is not None:
        yield str(name), pattern
    elif name in names and isinstance(match, ast.Name):
        yield from ((str(name), p) for n in params if (p := _pattern(n)) is not None)
    elif pattern is not None:
        yield from ((str(c), pattern) for n in params if (c := _name(n)) in names)
    elif isinstance(match, ast.Name):
        for case in (n for n in params if isinstance(n, ast.Tuple) or _is_param(n)):
            elements = case.elts if isinstance(case, ast.Tuple) else case.args
            classes = [c for e in elements if (c := _name(e)) in names]
            patterns = [p for e in elements if (p := _pattern(e)) is not None]
            yield from ((str(c), p) for c in classes for p in patterns)


def _is_param(node: ast.AST) -> bool:
    """``pytest.param(...)``: a parameter tuple with an id."""
    return isinstance(node, ast.Call) and _name(node.func) == "param"


def _pattern(node: ast.expr | None) -> str | None:
    """An anchored pattern's text (placeholders of an f-string become ``.+``), else None."""
    if isinstance(node, ast.Call) and _name(node.func) == "exact" and node.args:
        inner = _text(node.args[0], escape=True)
        return None if inner is None else "^" + inner
    text = _text(node, escape=False)
    return text if text is not None and text.startswith("^") else None


def _text(node: ast.expr | None, *, escape: bool) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return _escaped(node.value) if escape else node.value
    if isinstance(node, ast.JoinedStr):
        parts = [
            (_escaped(v.value) if escape else v.value) if isinstance(v, ast.Constant) else ".+"
            for v in node.values
        ]
        return "".join(str(p) for p in parts)
    return None


def _escaped(text: str) -> str:
    return "".join("\\" + c if not c.isalnum() and c != " " else c for c in text)
