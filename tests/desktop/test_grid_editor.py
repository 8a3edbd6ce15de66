"""The grid model under every editor table: text cells, undoable edits, clipboard blocks."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from desktop.qtmodels.grid_model import GridColumn, GridModel, parse_tsv, to_tsv
from models.rules.kinds import Finding

CLASSES = (("各项收入", "各项收入"), ("各项支出", "各项支出"), ("其他", "其他"))


def _model(rows=()):
    model = GridModel([GridColumn("a", "甲"), GridColumn("b", "乙", "choice", CLASSES),
                       GridColumn("c", "丙", "money"), GridColumn("_x", "计算", editable=False)], QUndoStack())
    model.set_rows(rows)
    return model


def test_parse_tsv_reads_excel_and_wps_clipboard_blocks():
    assert parse_tsv("a\tb\r\nc\td\r\n") == [["a", "b"], ["c", "d"]]
    assert parse_tsv('"第一行\n第二行"\tx\n') == [["第一行\n第二行", "x"]]
    assert parse_tsv("") == []
    assert parse_tsv("单独一格") == [["单独一格"]]
    block = [["张三", 'a"b'], ["李\t四", ""]]
    assert parse_tsv(to_tsv(block)) == block


def test_paste_maps_columns_onto_editable_ones_and_resolves_choices():
    model = _model([{"a": "x"}])
    rows, added = model.paste_block(0, 0, [["甲1", "收入", "1,200.00", "多余"], ["甲2", "其他"]])
    assert (rows, added) == (2, 1)
    assert model.rows()[0] == {"a": "甲1", "b": "各项收入", "c": "1,200.00"}  # kept as typed: checks read it
    assert model.rows()[1] == {"a": "甲2", "b": "其他"}
    model.undo_stack.undo()
    assert model.rows() == [{"a": "x"}]


def test_edits_are_undoable_and_unchanged_cells_are_not_steps():
    model = _model([{"a": "1"}, {"a": "2"}, {"a": "3"}])
    assert not model.set_cells([(0, "a", "1")])
    assert model.undo_stack.count() == 0
    model.setData(model.index(1, 0), " 二 ")
    assert model.text(1, "a") == "二"
    model.remove_rows([0, 2])
    assert [r["a"] for r in model.rows()] == ["二"]
    model.undo_stack.undo()
    assert [r["a"] for r in model.rows()] == ["1", "二", "3"]
    model.insert_rows(1, [{"a": "新"}])
    assert [r.get("a") for r in model.rows()] == ["1", "新", "二", "3"]
    model.undo_stack.undo()
    model.undo_stack.undo()
    assert [r["a"] for r in model.rows()] == ["1", "2", "3"]


def test_cell_findings_follow_rows_and_colour_cells():
    model = _model([{"a": "1"}, {"a": "2"}])
    model.set_cell_findings({(1, "c"): [Finding(2, "c", "number", "不是有效数字")]})
    index = model.index(1, 2)
    assert index.data(Qt.ItemDataRole.ToolTipRole) == "不是有效数字"
    assert index.data(Qt.ItemDataRole.BackgroundRole) is not None
    model.insert_rows(0, count=1)
    assert model.index(2, 2).data(Qt.ItemDataRole.ToolTipRole) == "不是有效数字"


def test_read_only_model_refuses_every_edit():
    model = _model([{"a": "1"}])
    model.set_read_only(True)
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(model.index(0, 0), "2")
    model.paste_block(0, 0, [["x"]])
    model.remove_rows([0])
    model.append_row()
    assert model.rows() == [{"a": "1"}] and model.undo_stack.count() == 0


def test_choice_columns_show_labels_and_store_values():
    column = GridColumn("k", "会议", "choice", (("party_members", "党员大会"), ("villagers", "村民会议")))
    assert column.value_of("党员大会") == "party_members"
    assert column.value_of("党员") == "party_members"  # part of exactly one label
    assert column.value_of("会") == "会"  # in both labels: kept for the checks to name
    free = GridColumn("n", "来源", "choice", (("村民筹资", "村民筹资"),), free_choice=True)
    assert free.value_of("村民") == "村民"
