"""Importing a roster from a real xlsx written by openpyxl: title row, 合计 line, signatures;
mapping prefilled (remembered or guessed), preview, bad rows listed, nothing written before
confirmation, rows into the grid as one undo step."""

from __future__ import annotations

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.editors.roster_import_dialog import RosterImportDialog
from models.rules.roster import preset_columns
from models.services.disclosures import DisclosureService
from models.services.import_mappings import mapping_for, remember_mapping

from .editor_support import IDS, make_workspace, open_editor


@pytest.fixture
def ws(village, settings, db_path, data_dir):
    return make_workspace(village, settings, db_path, data_dir)


HEADER = ["序号", "组别", "户主姓名", "身份证号码", "补贴面积（亩）", "计税面积", "补贴标准", "补贴金额（元）", "备注"]


def _write(path, rows, *, total=None):
    wb = openpyxl.Workbook()
    ws_ = wb.active
    ws_.title = "名单"
    ws_.append(["2026年耕地地力保护补贴发放名单"])
    ws_.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    ws_.append(HEADER)
    for n, r in enumerate(rows, start=1):
        ws_.append([n, *r])
    if total is not None:
        ws_.append(["合计", None, None, None, None, None, None, total, None])
    ws_.append([])
    ws_.append(["制表人：王文书", None, None, "审核人：李监委"])
    wb.save(path)
    return path


GOOD_ROWS = [
    ["一组", "张三", IDS[0], 10.5, 11, 18.34, 192.57, None],
    ["一组", "李四", IDS[1], "3", 3, "18.34", None, "外出务工"],
    ["二组", "王小二", IDS[2], 7.25, 8, 18.34, "132.97", None],
]


def _wait_read(qtbot, dialog):
    qtbot.waitUntil(lambda: dialog.result is not None and not dialog.reading, timeout=10_000)


def test_import_a_real_xlsx_through_the_editor(qtbot, ws, tmp_path, dialog_calls):
    path = _write(tmp_path / "地力补贴.xlsx", GOOD_ROWS, total=380.73)
    d = DisclosureService(ws.ctx).create("CW-13", "2026", "地力补贴名单", kind="roster")
    editor = open_editor(qtbot, ws, d.id)
    roster = editor.kind_editor
    dialog_calls.open_path = path
    roster.import_rows()
    dialog = roster.import_dialog
    assert isinstance(dialog, RosterImportDialog)
    _wait_read(qtbot, dialog)

    assert dialog.mapping() == {"group": "组别", "name": "户主姓名", "id_number": "身份证号码",
                                "quantity": "补贴面积（亩）", "rate": "补贴标准", "amount": "补贴金额（元）",
                                "remark": "备注"}
    preview = dialog.preview_model
    assert preview.rowCount() == 3
    assert [preview.headerData(i, Qt.Orientation.Vertical) for i in range(3)] == [3, 4, 5]  # Excel rows
    assert preview.index(1, 1).data() == "李四"
    assert "第 6 行的合计行未导入" in dialog.status_label.text()
    assert "合计金额 380.56 元" in dialog.status_label.text()
    # The file's own 合计 line is off: a warning, which does not stop the import (the record keeps
    # the file's figure, and its submission is refused until rows and 合计 agree).
    assert dialog.problem_texts() == ["提示：第 6 行，“补贴金额（元）”列：文件中“补贴金额（元）”的合计为 380.73，"
                                      "各行之和为 380.56，两者不符（可能漏录或录错了行）"]
    assert dialog.confirm_button.isEnabled() and dialog.confirm_button.text() == "导入 3 行"
    # Nothing is written before confirmation.
    assert DisclosureService(ws.ctx).get(d.id).rows == []
    assert mapping_for(ws.ctx, "CW-13") is None

    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: roster.import_dialog is None)
    assert mapping_for(ws.ctx, "CW-13")["name"] == "户主姓名"  # remembered for next year's file
    model = roster.model
    assert [model.text(i, "name") for i in range(3)] == ["张三", "李四", "王小二"]
    assert model.index(1, model.column_of("amount")).data() == "55.02"  # computed: the file left it empty
    assert "户数（行数）：3" in roster.totals_text()
    assert DisclosureService(ws.ctx).get(d.id).rows == []  # still only in the editor

    roster.undo_stack.undo()  # the import is one undo step
    assert roster.model.totals()["rows"] == 0
    roster.undo_stack.redo()
    assert editor.save()
    stored = DisclosureService(ws.ctx).get(d.id)
    assert [r["name"] for r in stored.rows] == ["张三", "李四", "王小二"]
    assert str(stored.totals["amount"]) == "380.56"
    # the file's 合计 travelled with the rows: on the record it is an error that refuses submission
    mismatch = [f for f in stored.findings if f.rule == "file_total"]
    assert mismatch and mismatch[0].is_error and "380.73" in mismatch[0].message and "380.56" in mismatch[0].message
    assert any(f.rule == "file_total" for f in editor.kind_editor.findings())


def test_remembered_mapping_is_offered_again(qtbot, ws, tmp_path, dialog_calls):
    remember_mapping(ws.ctx, "CW-13", {"name": "户主姓名", "quantity": "计税面积"})
    path = _write(tmp_path / "明年.xlsx", GOOD_ROWS)
    dialog = RosterImportDialog(ws, "CW-13", preset_columns("dili"), existing_rows=2)
    qtbot.addWidget(dialog)
    dialog_calls.open_path = path
    assert dialog.choose_file()
    _wait_read(qtbot, dialog)
    assert dialog.combos["quantity"].currentData() == "计税面积"  # not the guessed 补贴面积
    assert dialog.combos["id_number"].currentData() == "身份证号码"  # guessed where nothing is remembered
    assert dialog.result.rows[0]["quantity"] == 11
    assert not dialog.append_radio.isHidden() and not dialog.replace_radio.isChecked()  # 2 rows: append
    # The clerk changes a column: the file is read again with the new mapping.
    dialog.combos["quantity"].setCurrentIndex(dialog.combos["quantity"].findData("补贴面积（亩）"))
    qtbot.waitUntil(lambda: dialog.result is not None and not dialog.reading
                    and dialog.result.mapping.get("quantity") == "补贴面积（亩）", timeout=10_000)
    assert str(dialog.result.rows[0]["quantity"]) == "10.5"


def test_bad_rows_are_listed_and_nothing_is_imported(qtbot, ws, tmp_path, dialog_calls):
    rows = [
        ["一组", "张三", IDS[0][:-1] + "4", 10.5, 11, 18.34, 192.57, None],
        ["一组", "李四", IDS[1], 3, 3, 18.34, "五十五", None],
        ["二组", None, IDS[2], 7.25, 8, 18.34, 132.97, None],
    ]
    path = _write(tmp_path / "有错.xlsx", rows)
    d = DisclosureService(ws.ctx).create("CW-13", "2026", "地力补贴名单", kind="roster")
    editor = open_editor(qtbot, ws, d.id)
    dialog_calls.open_path = path
    editor.kind_editor.import_rows()
    dialog = editor.kind_editor.import_dialog
    _wait_read(qtbot, dialog)

    texts = dialog.problem_texts()
    assert any(t.startswith("第 3 行，“身份证号码”列：") and "校验位错误" in t for t in texts)
    assert any(t.startswith("第 4 行，“补贴金额（元）”列：") for t in texts)
    assert any(t.startswith("第 5 行，“户主姓名”列：") and "姓名未填写" in t for t in texts)
    assert "文件中有" in dialog.status_label.text()
    bad = dialog.preview_model.index(0, 2)
    assert bad.data(Qt.ItemDataRole.BackgroundRole) is not None and "校验位" in bad.data(Qt.ItemDataRole.ToolTipRole)
    assert not dialog.confirm_button.isEnabled()
    dialog.accept()  # refused while there are errors
    assert dialog.isVisible()
    assert mapping_for(ws.ctx, "CW-13") is None

    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.kind_editor.import_dialog is None)
    assert editor.kind_editor.model.totals()["rows"] == 0
    assert not editor.is_dirty()
    assert DisclosureService(ws.ctx).get(d.id).rows == []


def test_import_anyway_brings_the_errors_into_the_grid(qtbot, ws, tmp_path, dialog_calls):
    rows = [["一组", "张三", IDS[0][:-1] + "4", 10.5, 11, 18.34, None, None]]
    path = _write(tmp_path / "一行.xlsx", rows)
    d = DisclosureService(ws.ctx).create("CW-13", "2026", "地力补贴名单", kind="roster")
    editor = open_editor(qtbot, ws, d.id)
    dialog_calls.open_path = path
    editor.kind_editor.import_rows()
    dialog = editor.kind_editor.import_dialog
    _wait_read(qtbot, dialog)
    assert dialog.allow_errors.isVisible()
    dialog.allow_errors.setChecked(True)
    assert dialog.confirm_button.isEnabled()
    dialog.accept()
    model = editor.kind_editor.model
    cell = model.index(0, model.column_of("id_number"))
    assert "校验位错误" in cell.data(Qt.ItemDataRole.ToolTipRole)


def test_a_file_without_a_table_says_so(qtbot, ws, tmp_path, dialog_calls):
    path = tmp_path / "空.csv"
    path.write_text("随便写的一行\n第二行\n", encoding="utf-8")
    dialog = RosterImportDialog(ws, "CW-13", preset_columns("dili"))
    qtbot.addWidget(dialog)
    dialog.load_file(path)
    _wait_read(qtbot, dialog)
    assert any("没有找到表头行" in t for t in dialog.problem_texts())
    assert not dialog.confirm_button.isEnabled()


def test_import_an_ods_with_a_merged_rate_through_the_editor(qtbot, ws, tmp_path, dialog_calls):
    """An .ods from LibreOffice/WPS, its 补贴标准 merged down over all rows: read, every row gets the
    rate and its amount is checked, confirmed with a click."""
    from tests.models.exchange.test_sheet_formats import as_format, merged_roster

    path = as_format(merged_roster(tmp_path / "地力补贴.xlsx", wrong_amount=False), "ods")
    d = DisclosureService(ws.ctx).create("CW-13", "2026", "地力补贴名单", kind="roster")
    editor = open_editor(qtbot, ws, d.id)
    roster = editor.kind_editor
    dialog_calls.open_path = path
    roster.import_rows()
    dialog = roster.import_dialog
    _wait_read(qtbot, dialog)
    assert dialog.problem_texts() == []
    assert dialog.preview_model.rowCount() == 4
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: roster.import_dialog is None)
    model = roster.model
    assert [model.text(i, "name") for i in range(4)] == ["张三", "李四", "王五", "赵六"]
    assert [model.text(i, "group") for i in range(4)] == ["一组", "一组", "一组", "二组"]
    assert [model.index(i, model.column_of("rate")).data() for i in range(4)] == ["100"] * 4
    assert [model.index(i, model.column_of("amount")).data() for i in range(4)] == [
        "250.00", "120.00", "350.00", "400.00"]


@pytest.mark.parametrize("fmt", ["xls", "ods", "csv"])
def test_an_import_names_the_file_it_read_not_excel(qtbot, ws, tmp_path, dialog_calls, fmt):
    """An .xls, .ods or .csv is not an Excel workbook: the status names the file read and its rows,
    each problem is located as the core words it (Problem.located), without the word Excel."""
    from tests.models.exchange.test_sheet_formats import as_format, merged_roster

    xlsx = merged_roster(tmp_path / "地力补贴.xlsx", wrong_amount=True)
    if fmt == "csv":
        book = openpyxl.load_workbook(xlsx)
        sheet = book.active
        path = tmp_path / "地力补贴.csv"
        rows = [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]
        rows[3][2] = ""  # 李四 left out of 姓名 (and the merged rate is lost in a csv)
        lines = [",".join(row) for row in rows]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    else:
        path = as_format(xlsx, fmt)
    dialog = RosterImportDialog(ws, "CW-13", preset_columns("dili"))
    qtbot.addWidget(dialog)
    dialog.load_file(path)
    _wait_read(qtbot, dialog)
    status = dialog.status_label.text()
    shown = " ".join([status, dialog.preview_box.title(), *dialog.problem_texts()])
    assert "Excel" not in shown
    assert f"（{path.name} 第 " in status
    result = dialog.result
    assert dialog.problem_texts()[:len(result.problems)] == [p.located(with_file=False) for p in result.problems]
    assert any(t.startswith("第 ") and "行，“" in t for t in dialog.problem_texts()), dialog.problem_texts()


def _file_total_findings(editor):
    editor.refresh_findings()
    return [f for f in editor.findings_model.findings() if f.rule == "file_total"]


def test_undoing_an_import_takes_back_the_totals_it_carried(qtbot, ws, tmp_path, dialog_calls):
    """The record keeps an earlier file's 合计 (agreeing with its rows); a new file replaces the rows
    with a 合计 that disagrees — the finding shows; Ctrl+Z takes back the rows and that 合计, the
    finding goes, and the saved record holds the earlier figures."""
    from .editor_support import key

    svc = DisclosureService(ws.ctx)
    first = _write(tmp_path / "一月.xlsx", GOOD_ROWS[:1], total=192.57)
    d = svc.create("CW-13", "2026", "地力补贴名单", kind="roster")
    editor = open_editor(qtbot, ws, d.id)
    roster = editor.kind_editor
    for path in (first, _write(tmp_path / "二月.xlsx", GOOD_ROWS, total=380.73)):
        dialog_calls.open_path = path
        qtbot.mouseClick(roster.import_button, Qt.MouseButton.LeftButton)
        dialog = roster.import_dialog
        _wait_read(qtbot, dialog)
        if dialog.replace_radio.isEnabled():
            dialog.replace_radio.setChecked(True)
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: roster.import_dialog is None)
    assert roster.content()["stated_totals"]["amount"] == "380.73"
    assert len(_file_total_findings(editor)) == 1  # 380.73 stated, 380.56 in the rows

    editor.activateWindow()
    roster.view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    key(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the second import, as one step
    assert roster.model.totals()["rows"] == 1
    assert roster.content()["stated_totals"]["amount"] == "192.57"
    assert _file_total_findings(editor) == []

    key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    stored = svc.get(d.id)
    assert [r["name"] for r in stored.rows] == ["张三"]
    assert stored.content["stated_totals"]["amount"] == "192.57"
    assert not [f for f in stored.findings if f.rule == "file_total"]

    key(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # and the first: no 合计 at all
    assert "stated_totals" not in roster.content()
