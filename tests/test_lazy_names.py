"""One lazy-loading mechanism (streamlit_redux._lazy) for the top level and the binding: the
core imports without Streamlit, and each Streamlit-facing name loads on first use."""

import subprocess
import sys

import pytest


def run(code):
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()


def test_importing_the_package_and_the_core_does_not_import_streamlit():
    assert run(
        "import sys, streamlit_redux, streamlit_redux.binding\n"
        "from streamlit_redux import Store, default_middleware, RerunDecision\n"
        "print('streamlit' in sys.modules)"
    ) == ["False"]


def test_a_streamlit_facing_name_loads_on_first_use_and_is_the_same_object_everywhere():
    assert run(
        "import streamlit_redux, streamlit_redux.binding as binding\n"
        "from streamlit_redux.binding.session import get_store\n"
        "print(streamlit_redux.get_store is binding.get_store is get_store,"
        " streamlit_redux.devtools.__name__)"
    ) == ["True", "streamlit_redux.devtools"]


@pytest.mark.parametrize("package", ["streamlit_redux", "streamlit_redux.binding"])
def test_an_unknown_name_is_an_attribute_error(package):
    import importlib

    with pytest.raises(AttributeError, match=rf"^module '{package}' has no attribute 'nope'$"):
        importlib.import_module(package).nope  # noqa: B018
