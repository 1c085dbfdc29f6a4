"""Every exception the package builds is a specific library error, and a test pins its message.

Walks all of ``streamlit_redux`` (``tests/raise_sites.py`` does the reading) and fails when

(a) a site raises the bare ``StreamlitReduxError`` or a builtin (``TypeError``, ``ValueError``,
    ...) where a subclass from ``store/errors.py`` belongs, outside ``BUILTIN_ALLOWED``; or
(b) no test under ``tests/`` pins the site's message: some ``pytest.raises(<same class>,
    match=r"^...")`` (or ``match=exact(...)``, or for an error reported on a signal
    ``isinstance(error, <same class>)`` with ``re.match``) must spell out, unbroken, a literal
    run of the message that no other message of that class has. An f-string's placeholders
    split its runs; a message built by a helper function of the module, a local variable or a
    module constant is followed. ``NOT_A_MESSAGE`` lists the few exceptions that only carry
    another message.

To see it fail: add ``raise StorageError(f"{key} is empty; pass a key.")`` anywhere in the
package, or ``raise ValueError(...)``."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from tests.raise_sites import Site, exception_names, holds, pattern_runs, pinned, sites

ROOT = Path(__file__).parents[1]
SITES = list(sites(ROOT / "streamlit_redux"))
PINNED = list(pinned(ROOT / "tests"))
MIN_FRAGMENT = 12  # shorter literal runs (", got ", "; pass ") say nothing about which message

# (path, function, class): the sites where a builtin is right, and why.
BUILTIN_ALLOWED = {
    # PEP 562 module __getattr__: getattr(module, name, default) and hasattr need AttributeError.
    ("streamlit_redux/_lazy.py", "load_on_first_use", "AttributeError"),
    ("streamlit_redux/devtools/__init__.py", "__getattr__", "AttributeError"),
    # Unreachable: st.rerun() always raises; the AssertionError only tells mypy the path ends.
    ("streamlit_redux/binding/runtime.py", "rerun_app", "AssertionError"),
    ("streamlit_redux/binding/runtime.py", "rerun_fragments", "AssertionError"),
    # Parse failures caught by their one caller: sync_from_url keeps the stored value when a
    # URL parameter does not read, the codec's Reader re-raises as SerializationError.
    ("streamlit_redux/binding/url.py", "url_value", "ValueError"),
    ("streamlit_redux/binding/url.py", "_scalar", "ValueError"),
    ("streamlit_redux/store/_codec_read.py", "_datetime_from", "ValueError"),
    ("streamlit_redux/store/_codec_read.py", "_decimal_from", "ValueError"),
    # An abstract method: a subclass that forgets it is a bug in this package, not a user's.
    ("streamlit_redux/store/selector_memo.py", "compute", "NotImplementedError"),
}


# (path, function, class): exceptions whose text is not a message of their own, so rule (b)
# is kept by the tests of what the user reads instead.
NOT_A_MESSAGE = {
    # "persist: " + its caller's report; each report is pinned in tests/middleware/test_persist.py
    # ("reading key ... failed", "could not be loaded", "changed under this store", ...).
    ("streamlit_redux/middleware/persist.py", "_report", "PersistError"),
    # Only the __cause__ of a reported PersistError whose (pinned) message says the same.
    ("streamlit_redux/middleware/persist_sync.py", "sync", "PersistError"),
    ("streamlit_redux/middleware/persist_sync.py", "rebase", "PersistError"),
}


def allowed(site: Site) -> bool:
    return (site.path, site.function, site.name) in BUILTIN_ALLOWED


def fragments(site: Site, all_sites: list[Site]) -> list[str]:
    """The literal runs of ``site``'s message that tell it apart from other messages of its class.

    The runs of ``MIN_FRAGMENT`` characters or more, else the longest one (``'"; it has: '``
    in ``f'Slice "{a}" has no {b} "{c}"; it has: {d}.'``). Sites sharing one message (a helper
    called from several places) share its test.
    """
    others = {
        run for other in all_sites if other.name == site.name and other.runs != site.runs
        for run in other.runs
    }
    own = [run for run in site.runs if not any(run in other for other in others)]
    long = [run for run in own if len(run) >= MIN_FRAGMENT]
    return long or sorted(own, key=len)[-1:]


def untested(all_sites: list[Site], all_pinned: list[tuple[str, str]]) -> list[str]:
    """The sites whose message no anchored test of the same class pins (rule b)."""
    patterns = defaultdict(list)
    for name, pattern in all_pinned:
        patterns[name].extend(pattern_runs(pattern))
    missing = []
    for site in all_sites:
        if (site.path, site.function, site.name) in NOT_A_MESSAGE:
            continue
        if exception_names()[site.name] == "builtin" and allowed(site):
            continue
        own = fragments(site, all_sites)
        if not any(holds(run, fragment) for fragment in own for run in patterns[site.name]):
            missing.append(f"{site.where}: {site.name}({(own or site.runs or ('?',))[0]!r}...)")
    return missing


def test_the_walk_finds_the_raise_sites_of_every_area():
    areas = {site.path.split("/")[1] for site in SITES}
    assert {"store", "binding", "middleware", "storage", "devtools", "workflow"} <= areas
    assert "streamlit_redux/testing.py" in {site.path for site in SITES}


def test_no_site_raises_the_bare_base_class_or_an_unlisted_builtin():
    wrong = [
        f"{site.where}: {site.name}"
        for site in SITES
        if site.name == "StreamlitReduxError"
        or (exception_names()[site.name] == "builtin" and not allowed(site))
    ]
    assert wrong == []


def test_every_listed_exception_still_has_its_site():
    found = {(site.path, site.function, site.name) for site in SITES}
    assert (BUILTIN_ALLOWED | NOT_A_MESSAGE) - found == set()


def test_every_raise_site_has_an_anchored_message_test():
    assert untested(SITES, PINNED) == []


# -- the checker itself can fail ----------------------------------------------------------------


def site(name: str, *runs: str, line: int = 1) -> Site:
    return Site(f"x.py:{line} (f)", "x.py", "f", name, runs)


@pytest.mark.parametrize(
    ("pattern", "covered"),
    [
        (r'^persist\(key="a"\): ttl=0 is not positive; pass seconds > 0\.$', True),
        (r'^persist\(key=".*"\): ttl=.* is not positive', True),
        (r"^persist.*pass seconds > 0\.$", False),  # skips the message's own words
        (r"ttl=0 is not positive; pass seconds", False),  # not anchored
    ],
)
def test_a_pattern_covers_a_site_only_anchored_and_with_its_own_words(pattern, covered):
    persist = site("PersistError", 'persist(key="', '"): ttl=', " is not positive; pass seconds > 0.")
    other = site("PersistError", "persist: give include= or exclude=, not both.", line=2)
    pins = [("PersistError", p) for p in [pattern] if p.startswith("^")]
    missing = [where.split(" ")[0] for where in untested([persist, other], pins)]
    assert missing == (["x.py:2"] if covered else ["x.py:1", "x.py:2"])


def test_a_pattern_of_another_class_does_not_cover_a_site():
    persist = site("PersistError", " is not positive; pass seconds > 0.")
    assert untested([persist], [("StorageError", r"^ttl=0 is not positive; pass seconds > 0\.$")])


def test_a_message_without_words_of_its_own_is_reported():
    assert untested([site("ActionJSONError", "")], [("ActionJSONError", r"^.*$")])


def test_the_walk_reads_helpers_variables_and_constants(tmp_path):
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "m.py").write_text(
        "FIX = 'pass a number above zero.'\n"
        "def _message(n):\n"
        "    return f'{n} is not positive; ' + FIX\n"
        "def check(n):\n"
        "    text = f'check({n}) failed'\n"
        "    if n: raise PersistError(text)\n"
        "    raise PersistError(_message(n))\n"
    )
    found = sorted(s.runs for s in sites(package))
    assert found == [("check(", ") failed"), ("is not positive;", "pass a number above zero.")]
