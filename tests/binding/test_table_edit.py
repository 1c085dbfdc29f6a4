import pytest
from hypothesis import given
from hypothesis import strategies as st
from pyrsistent import freeze, thaw

from streamlit_redux import BindingError, Store, create_slice
from streamlit_redux.binding.table_edit import apply_table_edit, table_edit
from streamlit_redux.middleware.undo import undo, undoable

COLUMNS = ("what", "amount")
rows_strategy = st.lists(
    st.fixed_dictionaries({"what": st.text(max_size=3), "amount": st.integers()}), max_size=6
)


def _as_pandas_would(rows, edited, added, deleted):
    """What st.data_editor returns for the same change record (edits, deletions, additions)."""
    table = [dict(r) for r in rows]
    for i, cells in edited.items():
        table[i].update(cells)
    table = [r for i, r in enumerate(table) if i not in set(deleted)]
    return table + [{c: row.get(c) for c in COLUMNS} for row in added]


@given(rows=rows_strategy, data=st.data())
def test_an_edit_applies_like_the_data_editor_and_leaves_the_input_unchanged(rows, data):
    frozen = freeze(rows)
    indices = st.integers(0, max(len(rows) - 1, 0))
    edited = (
        data.draw(st.dictionaries(indices, st.fixed_dictionaries({"amount": st.integers()})))
        if rows
        else {}
    )
    deleted = data.draw(st.lists(indices, max_size=3)) if rows else []
    added = data.draw(st.lists(st.fixed_dictionaries({"what": st.text(max_size=2)}), max_size=2))
    edit = table_edit(edited=edited, added=added, deleted=deleted)

    result = apply_table_edit(frozen, edit, columns=COLUMNS)

    assert thaw(result) == _as_pandas_would(rows, edited, added, deleted)
    assert frozen == freeze(rows)


def test_a_table_edit_is_one_undoable_action():
    lines = create_slice(
        name="lines",
        initial_state=[{"what": "taxi", "amount": 12}],
        reducers={"edited": lambda s, a: apply_table_edit(s, a.payload, columns=COLUMNS)},
    )
    store = Store(undoable(lines.reducer))
    store.dispatch(lines.actions.edited(table_edit(edited={0: {"amount": 15}}, deleted=[0])))
    assert thaw(store.state["present"]) == []
    store.dispatch(undo())
    assert thaw(store.state["present"]) == [{"what": "taxi", "amount": 12}]


def test_an_unknown_column_is_refused_naming_it():
    with pytest.raises(
        BindingError,
        match=r"^A table edit names column 'note', which is not one of the bound columns "
        r"\['amount', 'what'\]; pass every column the editor shows in columns=\[\.\.\.\]\.$",
    ):
        apply_table_edit(freeze([]), table_edit(added=[{"note": "x"}]), columns=COLUMNS)


def test_a_row_out_of_range_is_refused_naming_it():
    with pytest.raises(
        BindingError,
        match=r"^A table edit names row 3, but the table has 1 rows; the editor showed other "
        r"rows than the store holds\. Draw the editor from store\.bind_table\(\.\.\.\) so it "
        r"always shows the store's rows\.$",
    ):
        apply_table_edit(freeze([{"what": "a"}]), table_edit(deleted=[3]), columns=COLUMNS)
