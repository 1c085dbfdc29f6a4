"""One edit of a table (a vector of row maps), as plain data a reducer applies.

``st.data_editor`` reports what the user changed since the data it was given: cells edited by
row position, rows added, row positions deleted. :func:`table_edit` turns that record into one
action payload; :func:`apply_table_edit` is the pure reducer step, so every edit is an ordinary
action: logged, undoable, replayed by time travel. Pure: no Streamlit import.

>>> from pyrsistent import freeze
>>> rows = freeze([{"what": "taxi", "amount": 12.0}, {"what": "lunch", "amount": 9.5}])
>>> edit = table_edit(edited={1: {"amount": 11.0}}, added=[{"what": "hotel"}], deleted=[0])
>>> [(r["what"], r["amount"]) for r in apply_table_edit(rows, edit, columns=("what", "amount"))]
[('lunch', 11.0), ('hotel', None)]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from pyrsistent import PMap, PVector, freeze, pmap, pvector

from streamlit_redux.store.errors import BindingError

TableEdit = PMap[str, Any]
"""``{"edited": {row: {column: value}}, "added": [row map], "deleted": [row]}``."""


def table_edit(
    *,
    edited: Mapping[int, Mapping[str, Any]] | None = None,
    added: Iterable[Mapping[str, Any]] = (),
    deleted: Iterable[int] = (),
) -> TableEdit:
    """Build the payload of one table edit (row numbers are positions in the shown rows).

    >>> table_edit(deleted=[2])["deleted"]
    pvector([2])
    """
    return freeze(
        {
            "edited": {int(i): dict(cells) for i, cells in (edited or {}).items()},
            "added": [dict(row) for row in added],
            "deleted": sorted({int(i) for i in deleted}),
        }
    )


def apply_table_edit(rows: Any, edit: Mapping[str, Any], *, columns: Sequence[str]) -> PVector[Any]:
    """Return ``rows`` with ``edit`` applied the way ``st.data_editor`` applies it.

    Cell edits first, then deletions (positions in the rows as they were), then additions at
    the end; an added row gets every column (None where the user left a cell empty). A cell of
    a column not in ``columns`` or a row number out of range is refused: the grid and the
    store disagree, and guessing would corrupt the table.

    >>> apply_table_edit(freeze([{"a": 1}]), table_edit(edited={0: {"a": 2}}), columns=["a"])
    pvector([pmap({'a': 2})])
    """
    known = set(columns)
    result = pvector(rows)
    for index, cells in edit.get("edited", pmap()).items():
        _check_row(index, len(result))
        _check_columns(cells, known)
        result = result.set(index, result[index].update(freeze(dict(cells))))
    deleted = set(edit.get("deleted", ()))
    for index in deleted:
        _check_row(index, len(result))
    result = pvector(row for i, row in enumerate(result) if i not in deleted)
    for added in edit.get("added", ()):
        _check_columns(added, known)
        result = result.append(freeze({c: added.get(c) for c in columns}))
    return result


def _check_columns(cells: Mapping[str, Any], columns: set[str]) -> None:
    unknown = sorted(set(cells) - columns)
    if unknown:
        raise BindingError(
            f"A table edit names column {unknown[0]!r}, which is not one of the bound columns "
            f"{sorted(columns)}; pass every column the editor shows in columns=[...]."
        )


def _check_row(index: int, size: int) -> None:
    if not 0 <= index < size:
        raise BindingError(
            f"A table edit names row {index}, but the table has {size} rows; the editor showed "
            "other rows than the store holds. Draw the editor from store.bind_table(...) so it "
            "always shows the store's rows."
        )
