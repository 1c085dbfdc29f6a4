"""State paths: ``"todos.items.0"`` names one value inside the state.

One syntax everywhere (selectors, ``bind``, persistence filters): dot-separated keys, where a
part made of digits indexes a sequence. A path is read through the same error type as other
selectors, naming the part that was missing, because a typo in a path is the most common way
a view reads nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from streamlit_redux.store.errors import SelectorError

_MISSING: Any = object()


def select_path(
    path: str | Sequence[str | int], *, default: Any = _MISSING
) -> Callable[[Any], Any]:
    """Return a selector reading a dotted path: ``select_path("todos.items.0")``.

    A missing key raises :class:`SelectorError` naming it, unless ``default`` is given.

    >>> select_path("todos.0.title")({"todos": [{"title": "milk"}]})
    'milk'
    >>> select_path("todos.3.title", default="?")({"todos": []})
    '?'
    """
    parts = _split_path(path)
    dotted = ".".join(str(p) for p in parts)

    def read_path(state: Any) -> Any:
        current = state
        for index, part in enumerate(parts):
            try:
                current = current[int(part) if _is_index(current, part) else part]
            except (KeyError, IndexError, TypeError) as exc:
                if default is not _MISSING:
                    return default
                where = ".".join(str(p) for p in parts[: index + 1])
                raise SelectorError(
                    f'Path "{dotted}" is missing at "{where}"; check the path, or pass '
                    "default=... to select_path."
                ) from exc
        return current

    read_path.__qualname__ = read_path.__name__ = f"select_path({dotted!r})"
    return read_path


def _split_path(path: str | Sequence[str | int]) -> tuple[str | int, ...]:
    """A path as its parts; an empty part (``"a..b"``) is refused when the selector is built."""
    parts = tuple(path.split(".")) if isinstance(path, str) else tuple(path)
    if not parts or any(p == "" for p in parts):
        raise SelectorError(f"Bad state path {path!r}; write it like 'todos.items.0'.")
    return parts


def _is_index(container: Any, part: str | int) -> bool:
    """Digits index a sequence but stay a key in a map (``{"2024": ...}`` keeps working)."""
    return isinstance(part, int) or (
        part.isdigit() and isinstance(container, Sequence) and not isinstance(container, str)
    )
