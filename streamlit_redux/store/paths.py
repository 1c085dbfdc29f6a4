"""State paths: ``"todos.items.0"`` names one value inside the state.

One syntax everywhere (selectors, ``bind``, persistence filters, the dev checks' ignored paths
and their reports, the devtools diff): dot-separated keys, where a part made of digits indexes
a sequence. The bracket form other tools use (``"items[0]"``) is refused with the dotted
spelling, never read as a key named ``"items[0]"``: a persistence filter or an ignored path
that silently names nothing is worse than an error. A path is read through the same error type
as other selectors, naming the part that was missing, because a typo in a path is the most
common way a view reads nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from streamlit_redux.store.errors import SelectorError, StatePathError

# "No default given": None is a default a caller may want.
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
    parts = split_path(path)
    dotted = ".".join(str(p) for p in parts)

    def read_path(state: Any) -> Any:
        """Walk the parts from the root; the first missing one names the error."""
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

    # Named after its path, so selector stats give one row per path, not one "read_path".
    read_path.__qualname__ = read_path.__name__ = f"select_path({dotted!r})"
    return read_path


def split_path(
    path: str | Sequence[str | int], *, where: str | None = None
) -> tuple[str | int, ...]:
    """A path as its parts, refused when it would name nothing: brackets, an empty part.

    Checked when the selector, the persistence filter or the check is built, not when it runs.
    ``where`` names the option that got the path, for the message.

    >>> split_path("todos.items.0")
    ('todos', 'items', '0')
    >>> split_path("items[0].title", where="persist(exclude=...)")
    Traceback (most recent call last):
    ...
    streamlit_redux.store.errors.StatePathError: Bad state path 'items[0].title' in \
persist(exclude=...): brackets are not path syntax; write 'items.0.title' (paths are dotted \
everywhere).
    """
    in_where = f" in {where}" if where else ""
    if isinstance(path, str) and ("[" in path or "]" in path):
        dotted = path.replace("[", ".").replace("]", "").lstrip(".")
        raise StatePathError(
            f"Bad state path {path!r}{in_where}: brackets are not path syntax; write "
            f"{dotted!r} (paths are dotted everywhere)."
        )
    parts = tuple(path.split(".")) if isinstance(path, str) else tuple(path)
    if not parts or any(p == "" for p in parts):
        raise StatePathError(f"Bad state path {path!r}{in_where}; write it like 'todos.items.0'.")
    return parts


def _is_index(container: Any, part: str | int) -> bool:
    """Digits index a sequence but stay a key in a map (``{"2024": ...}`` keeps working)."""
    return isinstance(part, int) or (
        part.isdigit() and isinstance(container, Sequence) and not isinstance(container, str)
    )
