"""The type variable for "the type of the state", shared by ``Store``, ``Slice`` and ``Selector``.

It has a default (PEP 696) so that code written before these classes were generic can keep
writing a bare ``Store``; ``typing.TypeVar`` accepts no default before Python 3.13, and the
runtime needs none, so only the type checker sees it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from typing_extensions import TypeVar

    S = TypeVar("S", default=Any)
    """The state's type (``Any`` when nobody says)."""
else:
    from typing import TypeVar

    S = TypeVar("S")
