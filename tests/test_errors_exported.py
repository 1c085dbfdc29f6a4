"""One error hierarchy: every exception type the package defines derives from
StreamlitReduxError and is exported from the top level (warnings: from UserWarning)."""

import importlib
import inspect
import pkgutil

import streamlit_redux
from streamlit_redux import StreamlitReduxError


def defined_exceptions():
    found = {}
    for info in pkgutil.walk_packages(streamlit_redux.__path__, "streamlit_redux."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if (inspect.isclass(value) and issubclass(value, BaseException)
                    and value.__module__.startswith("streamlit_redux")):
                found[name] = value
    return found


def test_every_error_is_a_streamlit_redux_error_or_a_user_warning():
    odd = [name for name, cls in defined_exceptions().items()
           if not issubclass(cls, (StreamlitReduxError, UserWarning))]
    assert odd == []


def test_every_error_is_exported_from_the_top_level():
    missing = sorted(set(defined_exceptions()) - set(streamlit_redux.__all__))
    assert missing == []
    for name in defined_exceptions():
        assert getattr(streamlit_redux, name) is defined_exceptions()[name]
