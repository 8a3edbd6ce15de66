"""The roster grid of the disclosure editor, typed with the keyboard against a real database."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.editors.grid_view import GridView
from models.services.disclosures import DisclosureService

from .editor_support import IDS, key, make_workspace, open_editor, type_here

TAB = Qt.Key.Key_Tab
ENTER = Qt.Key.Key_Return


@pytest.fixture
def ws(village, settings, db_path, data_dir):
    return make_workspace(village, settings, db_path, data_dir)


def _cell(editor, row: int, key_: str) -> str:
    model = editor.kind_editor.model
    return model.index(row, model.column_of(key_)).data() or ""


def test_typing_a_roster_with_the_keyboard(qtbot, ws):
    d = DisclosureService(ws.ctx).create("CW-13", "2026", "2026年耕地地力保护补贴发放名单", kind="roster")
    editor = open_editor(qtbot, ws, d.id)
    roster = editor.kind_editor
    view: GridView = roster.view
    assert [c.label for c in roster.model.columns][:6] == ["村民小组", "姓名", "身份证号", "面积（亩）",
                                                           "补贴标准（元/亩）", "补贴金额（元）"]
    view.setFocus()
    view.go_to(0, 0)

    type_here(qtbot, "一组")  # typing on a cell starts editing it
    key(qtbot, TAB)
    type_here(qtbot, "张三")
    key(qtbot, TAB)
    type_here(qtbot, IDS[0])
    key(qtbot, TAB)
    type_here(qtbot, "10.5")
    key(qtbot, TAB)
    type_here(qtbot, "18.34")
    key(qtbot, TAB)  # amount left empty: computed
    assert _cell(editor, 0, "amount") == "192.57"
    assert roster.model.index(0, roster.model.column_of("amount")).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert "户数（行数）：1" in roster.totals_text() and "192.57" in roster.totals_text()
    key(qtbot, TAB)  # bank card
    key(qtbot, TAB)  # remark: the last cell; Tab adds a row and goes to its first cell
    key(qtbot, TAB)
    assert roster.model.rowCount() == 2
    assert view.currentIndex().row() == 1 and view.currentIndex().column() == 0

    type_here(qtbot, "二组")
    key(qtbot, TAB)
    type_here(qtbot, "李四")
    key(qtbot, TAB)
    type_here(qtbot, IDS[1])
    key(qtbot, TAB)
    type_here(qtbot, "3")
    key(qtbot, TAB)
    type_here(qtbot, "18.34")
    key(qtbot, ENTER)  # Enter commits and moves down (a row is added under a filled last row)
    assert view.currentIndex().row() == 2
    assert _cell(editor, 1, "amount") == "55.02"
    assert "合计补贴金额：247.59 元" in roster.totals_text()  # the amount column's own label and unit
    assert "合计面积：13.5 亩" in roster.totals_text()

    assert editor.is_dirty()
    assert editor.save()
    stored = DisclosureService(ws.ctx).get(d.id)
    assert [(r["group"], r["name"], r["id_number"], r["amount"]) for r in stored.rows] == [
        ("一组", "张三", IDS[0], Decimal("192.57")), ("二组", "李四", IDS[1], Decimal("55.02"))]
    assert [c["key"] for c in stored.columns[:3]] == ["group", "name", "id_number"]
    assert not editor.is_dirty()
    editor.close()

    again = open_editor(qtbot, ws, d.id)
    assert _cell(again, 0, "name") == "张三" and _cell(again, 1, "amount") == "55.02"
    assert "户数（行数）：2" in again.kind_editor.totals_text()


def test_wrong_check_digit_marks_the_cell(qtbot, ws):
    d = DisclosureService(ws.ctx).create("CW-13", "2026", "名单", kind="roster")
    editor = open_editor(qtbot, ws, d.id)
    view = editor.kind_editor.view
    model = editor.kind_editor.model
    view.setFocus()
    view.go_to(0, model.column_of("name"))
    type_here(qtbot, "王五")
    key(qtbot, TAB)
    type_here(qtbot, IDS[0][:-1] + "4")
    cell_editor = QApplication.focusWidget()  # red while typing, as soon as all 18 characters are in
    assert "background" in cell_editor.styleSheet() and "校验位错误" in cell_editor.toolTip()
    key(qtbot, ENTER)
    index = model.index(0, model.column_of("id_number"))
    assert "校验位错误" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert index.data(Qt.ItemDataRole.BackgroundRole) is not None
    editor.refresh_findings()
    texts = [editor.findings_model.index(i).data() for i in range(editor.findings_model.rowCount())]
    assert any("第 1 行“身份证号”" in t and "校验位错误" in t for t in texts)


def test_ctrl_tab_leaves_the_grid_and_tab_past_a_blank_last_row_too(qtbot, ws):
    d = DisclosureService(ws.ctx).create("CW-13", "2026", "名单", kind="roster")
    editor = open_editor(qtbot, ws, d.id)
    roster = editor.kind_editor
    view = roster.view
    view.setFocus()
    view.go_to(0, 0)
    qtbot.keyClick(view, TAB, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is roster.insert_button
    view.setFocus()
    last = roster.model.columnCount() - 1
    view.go_to(0, last)  # the only row is blank: Tab from its last cell moves on to the buttons
    qtbot.keyClick(view, TAB)
    assert QApplication.focusWidget() is roster.insert_button
    assert roster.model.rowCount() == 1


def test_emitting_many_signals_keeps_the_reference_to_true():
    """PySide6 6.12.0 dropped a reference to True on every emit from Python (excluded in pyproject);
    a 10,000-row paste must not abort the interpreter (bool_dealloc) on the installed build."""
    import sys

    from desktop.qtmodels.grid_model import GridColumn, GridModel

    model = GridModel([GridColumn("a", "A")])
    before = sys.getrefcount(True)
    for _ in range(5000):
        model.changed.emit()
    assert sys.getrefcount(True) >= before - 5
