"""列设置: a roster's columns chosen, ordered, added and removed in the editor (one undo step),
saved with the rows and printed; the roster preset chosen per catalog item."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from desktop.editors.catalog_item_dialog import CatalogItemDialog
from desktop.editors.roster_columns_dialog import RosterColumnsDialog
from models.printing.jobs import NoticePrinter
from models.services.catalog import CatalogService
from models.services.disclosures import DisclosureService

from .editor_support import IDS, make_workspace, open_editor, type_here

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
CARDS = ("6217000000000001234", "6217000000000005678")


@pytest.fixture
def ws(village, settings, db_path, data_dir):
    return make_workspace(village, settings, db_path, data_dir)


@pytest.fixture
def service(ws):
    return DisclosureService(ws.ctx)


def _dili_roster(service):
    """CW-13 耕地地力保护补贴 (preset dili): 组、姓名、身份证号、面积、标准、金额、银行卡号、备注."""
    rows = [
        {"group": "一组", "name": "张三", "id_number": IDS[0], "quantity": "10.5", "rate": "18.34",
         "bank_card": CARDS[0], "remark": "已核实"},
        {"group": "二组", "name": "李四", "id_number": IDS[1], "quantity": "3", "rate": "18.34",
         "bank_card": CARDS[1]},
    ]
    return service.create("CW-13", "2026", "2026年耕地地力保护补贴发放名单", kind="roster", rows=rows)


def _headers(model) -> list[str]:
    return [model.headerData(n, Qt.Orientation.Horizontal) for n in range(model.columnCount())]


def _open_columns(qtbot, editor) -> RosterColumnsDialog:
    roster = editor.kind_editor
    roster.view.setFocus()
    qtbot.keyClick(roster.view, Qt.Key.Key_L, CTRL_SHIFT)
    dialog = roster.columns_dialog
    assert isinstance(dialog, RosterColumnsDialog) and dialog.isVisible()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def _listed(dialog) -> list[str]:
    m = dialog.model
    return [m.index(r).data() for r in range(m.rowCount())]


def _pdf_text(data: bytes) -> str:
    return re.sub(r"\s+", "", "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages))


def test_columns_dialog_changes_the_grid_as_one_undo_step_and_saves(qtbot, ws, service, dialog_calls):
    d = _dili_roster(service)
    assert [c["key"] for c in d.columns] == ["group", "name", "id_number", "quantity", "rate", "amount", "bank_card",
                                             "remark"]
    editor = open_editor(qtbot, ws, d.id)
    roster = editor.kind_editor
    model = roster.model
    before = _headers(model)
    assert before == ["村民小组", "姓名", "身份证号", "面积（亩）", "补贴标准（元/亩）", "补贴金额（元）",
                      "银行卡号", "备注"]

    dialog = _open_columns(qtbot, editor)
    assert "银行卡号（不公示）" in _listed(dialog)  # internal columns say they are not printed
    name_row = dialog.model.keys().index("name")
    assert not dialog.model.flags(dialog.model.index(name_row)) & Qt.ItemFlag.ItemIsUserCheckable

    # A custom column, typed and added with Enter.
    dialog.custom_edit.setFocus()
    type_here(qtbot, "保障类别")
    qtbot.keyClick(dialog.custom_edit, Qt.Key.Key_Return)
    assert dialog.model.keys()[-1] == "保障类别" and dialog.custom_edit.text() == ""
    assert dialog.isVisible()  # Enter added the column; it did not press 确定
    # A standard column from the combo (only columns not yet listed are offered).
    combo = dialog.standard_combo
    offered = [combo.itemData(i) for i in range(combo.count())]
    assert "household_size" in offered and "name" not in offered and "bank_card" not in offered
    combo.setCurrentIndex(combo.findData("household_size"))
    qtbot.mouseClick(dialog.add_standard_button, Qt.MouseButton.LeftButton)
    assert dialog.model.keys()[-1] == "household_size"
    # Move the custom column up past 备注 with Alt+Up.
    dialog.select(dialog.model.keys().index("保障类别"))
    dialog.list_view.setFocus()
    qtbot.keyClick(dialog.list_view, Qt.Key.Key_Up, ALT)
    assert dialog.model.keys()[-4:] == ["bank_card", "保障类别", "remark", "household_size"]
    # Untick 备注, which holds data: confirming is asked on 确定.
    dialog.model.set_shown(dialog.model.keys().index("remark"), False)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert len(dialog_calls.of("confirm")) == 1 and "备注" in dialog_calls.texts("confirm")
    assert roster.columns_dialog is None
    editor.activateWindow()  # what the window manager does when the dialog closes
    qtbot.waitUntil(editor.isActiveWindow)
    assert roster.view.hasFocus()

    after = _headers(model)
    assert after == ["村民小组", "姓名", "身份证号", "面积（亩）", "补贴标准（元/亩）", "补贴金额（元）",
                     "银行卡号", "保障类别", "家庭人口（人）"]
    assert model.text(0, "name") == "张三" and model.text(0, "bank_card") == CARDS[0]
    assert "remark" not in model.rows()[0]
    assert editor.is_dirty()

    # Ctrl+Z: the previous columns and their data come back; Ctrl+Y applies the change again.
    qtbot.keyClick(roster.view, Qt.Key.Key_Z, CTRL)
    assert _headers(model) == before and model.text(0, "remark") == "已核实"
    assert not editor.is_dirty()
    qtbot.keyClick(roster.view, Qt.Key.Key_Y, CTRL)
    assert _headers(model) == after

    # Type into the new column, then Ctrl+S.
    roster.view.setFocus()
    roster.view.go_to(0, model.column_of("保障类别"))
    type_here(qtbot, "一类")
    qtbot.keyClick(roster.view.focusWidget() or roster.view, Qt.Key.Key_Return)
    assert model.text(0, "保障类别") == "一类"
    qtbot.keyClick(roster.view, Qt.Key.Key_S, CTRL)
    assert not editor.is_dirty() and editor.message_label.text() == "已保存"

    saved = service.get(d.id)
    assert [c["key"] for c in saved.columns] == ["group", "name", "id_number", "quantity", "rate", "amount",
                                                 "bank_card", "保障类别", "household_size"]
    assert saved.rows[0]["保障类别"] == "一类" and saved.rows[0]["bank_card"] == CARDS[0]
    assert not saved.rows[0].get("remark")

    # The notice prints the custom column, never the internal bank card.
    text = _pdf_text(NoticePrinter(ws.ctx).print_disclosure(d.id).data)
    assert "保障类别" in text and "一类" in text
    assert "银行卡号" not in text and not any(card in text for card in CARDS)
    assert "备注" not in text

    # Reopened, the editor shows the saved set (备注 stays out).
    editor.close()
    again = open_editor(qtbot, ws, d.id)
    assert _headers(again.kind_editor.model) == after


def test_refusing_to_drop_a_column_with_data_keeps_the_dialog_open(qtbot, ws, service, dialog_calls):
    d = _dili_roster(service)
    editor = open_editor(qtbot, ws, d.id)
    dialog = _open_columns(qtbot, editor)
    dialog.model.set_shown(dialog.model.keys().index("bank_card"), False)
    dialog_calls.confirm_answer = False
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "银行卡号" in dialog_calls.texts("confirm")
    assert editor.kind_editor.model.column_of("bank_card") >= 0 and not editor.is_dirty()
    dialog.reject()


def test_dropping_rate_stops_computing_the_amount_and_the_checks_follow(qtbot, ws, service, dialog_calls):
    d = _dili_roster(service)
    editor = open_editor(qtbot, ws, d.id)
    model = editor.kind_editor.model
    assert model.index(0, model.column_of("amount")).data() == "192.57"  # 10.5 × 18.34
    assert not [f for f in editor.live_findings() if f.field == "amount"]

    columns = [c for c in model.roster_columns if c.key != "rate"]
    assert editor.kind_editor.apply_columns(columns)
    assert model.index(0, model.column_of("amount")).data() == ""  # no rate: nothing to compute
    editor.refresh_findings()
    assert any(f.field == "amount" and f.rule == "required" for f in editor.shown_findings())
    editor.undo_stack.undo()
    editor.refresh_findings()
    assert model.index(0, model.column_of("amount")).data() == "192.57"
    assert not [f for f in editor.shown_findings() if f.field == "amount"]


def test_reset_to_a_preset_and_adding_an_existing_name(qtbot, ws, service, dialog_calls):
    d = _dili_roster(service)
    editor = open_editor(qtbot, ws, d.id)
    dialog = _open_columns(qtbot, editor)
    assert not dialog.add_custom("备注")  # the standard column is already there
    assert "已有" in dialog.message.text()
    dialog.preset_combo.setCurrentIndex(dialog.preset_combo.findData("dibao"))
    qtbot.mouseClick(dialog.reset_button, Qt.MouseButton.LeftButton)
    assert [c.key for c in dialog.columns()] == ["group", "name", "id_number", "household_size", "保障类别",
                                                 "amount", "remark"]
    # The columns the preset lacks stay listed, unticked, so they can be ticked back.
    assert {"quantity", "rate", "bank_card"} <= set(dialog.model.keys())
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "面积" in dialog_calls.texts("confirm") and "银行卡号" in dialog_calls.texts("confirm")
    assert editor.kind_editor.model.keys() == ["group", "name", "id_number", "household_size", "保障类别",
                                               "amount", "remark"]


def test_read_only_roster_has_no_column_button(qtbot, ws, service):
    d = _dili_roster(service)
    editor = open_editor(qtbot, ws, d.id)
    editor.kind_editor.set_read_only(True)
    assert editor.kind_editor.columns_button.isHidden()
    editor.kind_editor.edit_columns()
    assert editor.kind_editor.columns_dialog is None


def test_catalog_item_roster_preset_is_chosen_and_saved(qtbot, ws):
    service = CatalogService(ws.ctx)
    item = service.get("CW-18")  # 土地征收及征地补偿费分配: a roster without a preset
    assert item.default_kind == "roster" and item.roster_preset is None
    dialog = CatalogItemDialog(item, lambda data: service.update(item.code, data), editing=True)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    combo = dialog.preset_combo
    assert combo.isEnabled() and combo.currentText() == "无"
    assert [combo.itemText(i) for i in range(combo.count())][1:4] == ["耕地地力保护补贴", "低保", "临时救助"]
    combo.setFocus()
    combo.setCurrentIndex(combo.findText("低保"))
    qtbot.keyClick(combo, Qt.Key.Key_S, CTRL)
    assert dialog.problems_text() == ""
    assert dialog.result() == dialog.DialogCode.Accepted
    assert service.get("CW-18").roster_preset == "dibao"

    # Items whose records are not rosters have no preset.
    dialog2 = CatalogItemDialog(service.get("CW-18"), lambda data: service.update("CW-18", data), editing=True)
    qtbot.addWidget(dialog2)
    assert dialog2.preset_combo.currentData() == "dibao"
    dialog2.kind_combo.setCurrentIndex(dialog2.kind_combo.findData("notice"))
    assert not dialog2.preset_combo.isEnabled() and dialog2.item().roster_preset is None


def test_the_column_list_answers_clicks_and_its_menu_moves_a_column(qtbot, ws, service, dialog_calls,
                                                                    monkeypatch):
    from .mouse import click_row, record_menus, right_click_row

    editor = open_editor(qtbot, ws, _dili_roster(service).id)
    dialog = _open_columns(qtbot, editor)
    menus = record_menus(monkeypatch)
    keys = dialog.model.keys()
    click_row(qtbot, dialog.list_view, keys.index("rate"))
    assert dialog.current_row() == keys.index("rate")
    menus.choose = "上移(&U)"
    right_click_row(qtbot, dialog.list_view, keys.index("amount"))  # the menu acts on the row clicked
    assert menus.texts() == ["上移(&U)", "下移(&D)"]
    moved = dialog.model.keys()
    assert moved.index("amount") == keys.index("amount") - 1 and moved.index("rate") == keys.index("rate") + 1
    dialog.reject()


def test_rename_a_column_with_its_unit_and_stop_summing_it(qtbot, ws, service, dialog_calls):
    """Select a column with the mouse, change its label and unit, untick 合计: the grid, the saved
    record and the printed notice follow (label and unit are stored with the record)."""
    d = _dili_roster(service)
    editor = open_editor(qtbot, ws, d.id)
    roster = editor.kind_editor
    dialog = _open_columns(qtbot, editor)
    row = dialog.model.keys().index("quantity")
    rect = dialog.list_view.visualRect(dialog.model.index(row))
    qtbot.mouseClick(dialog.list_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.current_row() == row and dialog.title_edit.text() == "面积" and dialog.unit_combo.currentText() == "亩"
    assert not dialog.type_combo.isEnabled()  # a standard column keeps its type
    dialog.title_edit.setText("实际种植面积")
    dialog.unit_combo.setCurrentText("公顷")
    dialog.summed_check.setChecked(False)
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert "实际种植面积（公顷）" in _listed(dialog)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "实际种植面积（公顷）" in _headers(roster.model)
    assert "面积" not in roster.totals_text()  # not summed: no total shown
    editor.activateWindow()  # what the window manager does when the dialog closes
    qtbot.waitUntil(editor.isActiveWindow)
    qtbot.keyClick(roster.view, Qt.Key.Key_S, CTRL)
    assert not editor.is_dirty() and editor.message_label.text() == "已保存"
    saved = {c["key"]: c for c in service.get(d.id).to_json()["columns"]}
    assert (saved["quantity"]["label"], saved["quantity"]["unit"], saved["quantity"]["summed"]) == (
        "实际种植面积", "公顷", False)
    text = _pdf_text(NoticePrinter(ws.ctx).print_disclosure(d.id).data)
    assert "实际种植面积（公顷）" in text and "面积（亩）" not in text
