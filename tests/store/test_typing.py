"""``Store``, ``Slice`` and ``Selector`` carry the state's type to the user's editor (mypy here)."""

import sys
import textwrap
from pathlib import Path

from mypy import api

ROOT = Path(__file__).parents[2]

CHECKED = textwrap.dedent(
    """
    from typing import Any
    from typing_extensions import assert_type
    from pyrsistent import PMap, pmap
    from streamlit_redux import Action, Selector, Slice, Store, create_selector, create_slice

    counter = create_slice(name="counter", initial_state=0,
                           reducers={"incremented": lambda s, a: s + 1})
    assert_type(counter, Slice[int])
    store = Store(counter.reducer)
    assert_type(store, Store[int])
    assert_type(store.state, int)

    def rows(state: PMap[str, int]) -> int:
        return state["rows"]

    def double(n: int) -> int:
        return n * 2

    assert_type(create_selector(rows, double), Selector[PMap[str, int], int])
    create_selector(rows, lambda n: n * 2)  # a lambda combiner is accepted (typed as Any)
    def keep(state: PMap[str, int] | None, action: Action) -> PMap[str, int]:
        return state or pmap({"rows": 1})

    table = Store(keep)
    assert_type(table.select(create_selector(rows, double)), int)
    store.select(create_selector(rows, double))  # error: this store's state is an int

    def legacy(store: Store) -> Any:  # a bare Store still type-checks
        return store.state

    store.state.upper()  # error: an int has no upper()
    """
)


def test_the_state_type_reaches_the_user(tmp_path):
    source = tmp_path / "app.py"
    source.write_text(CHECKED)
    # The project's own cache (make lint fills it) spares re-reading Streamlit's stubs.
    limit = sys.getrecursionlimit()
    try:
        out, err, _ = api.run(["--strict", f"--cache-dir={ROOT / '.mypy_cache'}", str(source)])
    finally:  # mypy raises the limit for itself and leaves it raised: later tests need the default
        sys.setrecursionlimit(limit)
    errors = [line.split(": error: ")[1] for line in out.splitlines() if ": error:" in line]
    assert errors == [
        'Argument 1 to "select" of "Store" has incompatible type "Selector[PMap[str, int], int]"; '
        'expected "Callable[[int], int]"  [arg-type]',
        '"int" has no attribute "upper"  [attr-defined]',
    ], out + err
