"""A record's own footer in the editor (公告末尾…): clicked open, typed, kept with the editor's other
changes and saved by Ctrl+S; its signature lines shown per kind; 打印设置's 通讯地址 and 邮箱; the
preview's 发放签字表 — each read back from the printed PDF."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import QPoint, Qt

from models.printing.jobs import NoticePrinter
from models.printing.settings import print_settings
from models.services.disclosures import DisclosureService

from .editor_support import make_workspace, open_editor
from .keyboard import type_text
from .print_support import pdf_text, roster_rows, wait_rendered

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def ws(village, settings, db_path, data_dir):
    return make_workspace(village, settings, db_path, data_dir)


@pytest.fixture
def service(ws):
    return DisclosureService(ws.ctx)


def _click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=button.rect().center())


def test_footer_button_edits_this_record_only_and_ctrl_s_saves_it(qtbot, ws, service):
    table = service.create("CW-13", "2026", "2026年耕地地力保护补贴发放名单", kind="roster", rows=roster_rows(3))
    record = service.create("CW-22", "2026-Q1", "第一季度村务公开", body="本季度情况如下。")
    other = service.create("CW-22", "2026-Q2", "第二季度村务公开", body="本季度情况如下。")
    editor = open_editor(qtbot, ws, record.id)
    _click(qtbot, editor.footer_button)
    dialog = editor.footer_dialog
    assert dialog.isVisible()
    assert dialog.signature_label.text() == "签字栏：村民委员会、村务监督委员会"
    assert "测试村村务监督委员会" in dialog.form.accepting_edit.placeholderText()
    type_text(qtbot, dialog.form.phones_edit, "全国监督电话 12317")
    type_text(qtbot, dialog.form.accepting_edit, "城关镇农经站")
    type_text(qtbot, dialog.form.address_edit, "城关镇政府院内")
    type_text(qtbot, dialog.attachments_edit, f"#{table.id} 补贴发放名单")
    _click(qtbot, dialog.ok_button)
    assert not dialog.isVisible() and editor.is_dirty()
    qtbot.keyClick(editor, Qt.Key.Key_S, CTRL)
    saved = service.get(record.id).content
    assert saved["footer"] == {"phones": [{"label": "全国监督电话", "number": "12317"}], "unit": "城关镇农经站",
                               "address": "城关镇政府院内"}
    assert saved["attached_tables"] == [{"record": table.id, "title": "补贴发放名单"}]
    assert not editor.is_dirty()

    printer = NoticePrinter(ws.ctx)
    text = pdf_text(printer.print_disclosure(record.id).data)
    assert "全国监督电话：12317" in text and "受理单位：城关镇农经站" in text and "通讯地址：城关镇政府院内" in text
    assert "附件：补贴发放名单" in text and "410322********" in text
    other_text = pdf_text(printer.print_disclosure(other.id).data)
    assert "城关镇农经站" not in other_text and "测试村村务监督委员会" in other_text


def test_bad_footer_values_are_named_and_kept_open(qtbot, ws, service):
    record = service.create("FW-04", "2026-M05", "2026年5月财务收支明细")
    editor = open_editor(qtbot, ws, record.id)
    _click(qtbot, editor.footer_button)
    dialog = editor.footer_dialog
    assert dialog.signature_label.text() == "签字栏：村民委员会、村务监督委员会、民主理财小组"
    type_text(qtbot, dialog.form.email_edit, "不是邮箱")
    type_text(qtbot, dialog.attachments_edit, "#0")
    _click(qtbot, dialog.ok_button)
    assert dialog.isVisible()
    assert "不是电子邮箱地址" in dialog.problems_label.text() and "应为正整数" in dialog.problems_label.text()
    assert not editor.is_dirty()


def test_print_settings_address_and_email(qtbot, ws, dialog_calls):
    from desktop.printing.settings_dialog import open_print_settings

    dialog = open_print_settings(ws)
    qtbot.addWidget(dialog)
    type_text(qtbot, dialog.form.address_edit, "城关镇政府院内")
    type_text(qtbot, dialog.form.email_edit, "cgz@example.cn")
    with qtbot.waitSignal(dialog.accepted):
        _click(qtbot, dialog.save_button)
    saved = print_settings(ws.ctx)
    assert (saved.address, saved.email) == ("城关镇政府院内", "cgz@example.cn")


def test_preview_handout_copy_adds_the_signature_column(qtbot, village_ws, records):
    from desktop.printing.actions import preview_disclosure

    record = records.make("draft", item="CW-13", period="2026-06-01", title="补贴发放名单", rows=roster_rows(3))
    preview = preview_disclosure(village_ws, record.id)
    try:
        wait_rendered(qtbot, preview)
        assert preview.handout_check.isVisibleTo(preview)
        assert "受益户签字（手印）" not in pdf_text(preview.result.data)
        box = preview.handout_check  # on its indicator: a stretched check box's right part is not its button
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
        assert box.isChecked()
        qtbot.waitUntil(lambda: preview.shown_options is not None and preview.shown_options.handout
                        and not preview.busy, timeout=20_000)
        assert "受益户签字（手印）" in pdf_text(preview.result.data)
    finally:
        if shiboken6.isValid(preview):
            preview.close()
