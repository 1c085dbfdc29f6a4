"""The draft: the data a workflow collects, addressed by dotted field paths.

The syntax is ``select_path``'s (``"address.city"``, ``"items.0"``: digits index a vector), so
one path names a field in a step declaration, in ``store.bind`` and in an error. Reading goes
through ``select_path`` itself; writing is here, because the store core only reads paths.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pyrsistent import PMap, PVector, freeze, pmap

from streamlit_redux.store.paths import select_path
from streamlit_redux.workflow.errors import FieldPathError

Reader = Callable[[Any], Any]


def split_field(path: object, *, workflow: str) -> tuple[str, ...]:
    """The parts of a field path; a non-string or an empty part is refused, naming the path.

    >>> split_field("address.city", workflow="onboarding")
    ('address', 'city')
    """
    if (
        not isinstance(path, str)
        or not path
        or any(part == "" for part in path.split("."))
        or "[" in path  # "items[0]" would name a key of that name: refused, like select_path
    ):
        raise FieldPathError(
            f'Workflow "{workflow}" got the field path {path!r}; write fields as dotted keys '
            "into the draft, like 'email', 'address.city' or 'items.0'."
        )
    return tuple(path.split("."))


def field_reader(path: str) -> Reader:
    """A function reading ``path`` from the draft, ``None`` where nothing was entered yet."""
    return select_path(path, default=None)


def set_field(data: PMap, path: object, value: Any, *, workflow: str) -> PMap:  # type: ignore[type-arg]
    """``data`` with ``value`` (frozen) at ``path``; the same object when it already held it.

    Missing maps on the way are created, so a step can collect ``address.city`` into an empty
    draft. Returning the same object for an equal value keeps a re-sent widget value from
    counting as an edit (no undo entry, no rerun, no cleared errors).

    >>> set_field(pmap(), "address.city", "Oslo", workflow="w")
    pmap({'address': pmap({'city': 'Oslo'})})
    """
    parts = split_field(path, workflow=workflow)
    updated: PMap = _set_in(data, parts, freeze(value), str(path), workflow)  # type: ignore[type-arg]
    return updated


def _set_in(container: Any, parts: tuple[str, ...], value: Any, path: str, workflow: str) -> Any:
    head, rest = parts[0], parts[1:]
    if container is None:
        container = pmap()
    if isinstance(container, PVector) and head.isdigit() and int(head) < len(container):
        index = int(head)
        old = container[index]
        new = value if not rest else _set_in(old, rest, value, path, workflow)
        return container if _same(new, old) else container.set(index, new)
    if isinstance(container, PMap):
        old = container.get(head)
        new = value if not rest else _set_in(old, rest, value, path, workflow)
        return container if head in container and _same(new, old) else container.set(head, new)
    raise FieldPathError(
        f'Workflow "{workflow}" cannot set field "{path}": at "{head}" the draft holds '
        f"{type(container).__name__} {container!r:.40}, not a map (or a vector index in range); "
        "fix the path, or set the parent field to a map first."
    )


def _same(new: Any, old: Any) -> bool:
    return new is old or (type(new) is type(old) and new == old)


def touches(changed: str, field: str) -> bool:
    """Whether editing ``changed`` edits ``field``: the same path, or one inside the other.

    An error on ``address`` clears when ``address.city`` changes, and one on ``address.city``
    when the whole ``address`` is replaced.

    >>> touches("address.city", "address"), touches("address", "address.city")
    (True, True)
    >>> touches("addressee", "address")
    False
    """
    return changed == field or changed.startswith(field + ".") or field.startswith(changed + ".")
