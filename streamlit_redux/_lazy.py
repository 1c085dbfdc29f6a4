"""Names a package exports but loads on first use: how ``import streamlit_redux`` stays fast.

The Streamlit-facing names (``get_store``, ``devtools``, ...) import Streamlit, about 300 ms.
Tests, scripts and workers that only use the core never pay for it. One mechanism for every
package that does this (the top level and ``binding``): PEP 562's module ``__getattr__``.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping
from typing import Any


def lazy_names(package: str, names: Mapping[str, str]) -> Callable[[str], Any]:
    """Return a module ``__getattr__`` loading ``name`` from the module ``names[name]``.

    A name equal to its module's last part is the module itself (``devtools``). The value is
    stored in the package on first use, so later lookups are plain attribute reads.

    >>> __getattr__ = lazy_names("streamlit_redux", {"codec": "streamlit_redux.store.codec"})
    >>> __getattr__("codec").__name__
    'streamlit_redux.store.codec'
    """

    def load_on_first_use(name: str) -> Any:
        module_name = names.get(name)
        if module_name is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        module = importlib.import_module(module_name)
        value = module if module_name.rpartition(".")[2] == name else getattr(module, name)
        setattr(sys.modules[package], name, value)
        return value

    return load_on_first_use
