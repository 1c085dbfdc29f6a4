"""Type variables for "the type of the state" and "the type a selector returns".

``Store``, ``Slice`` and ``Selector`` are generic in them so an editor can check what
``store.state`` and ``store.select(...)`` give. They have defaults (PEP 696), so code written
before these classes were generic can keep writing a bare ``Store``; ``typing.TypeVar`` takes
no default before Python 3.13, and the runtime needs none, so only the type checker sees them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from typing_extensions import TypeVar

    S = TypeVar("S", default=Any)
    """The state's type (``Any`` when nobody says)."""
    R = TypeVar("R", default=Any)
    """A selector's result type (``Any`` when nobody says)."""
else:
    from typing import TypeVar

    S = TypeVar("S")
    R = TypeVar("R")
