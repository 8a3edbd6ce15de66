"""Two windows on one database never lose an edit: the second Ctrl+S on a record the first window
saved meanwhile is refused with who and when, its text stays in the editor (selectable), nothing is
overwritten, and the clerk may reopen; a roster save is one transaction and one audit event; a
read-only window cannot write."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from desktop.editors.disclosure_editor import DisclosureEditor, open_disclosure_editor
from desktop.main_window import MainWindow
from desktop.workspace import Workspace
from models.entities import AuditEvent
from models.rules.roster import preset_columns
from models.services.catalog import CatalogService
from models.services.disclosures import DisclosureService
from models.storage import open_database

from .editor_support import IDS, make_workspace, type_here
from .keyboard import type_text, wait_active

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def ws(village, settings, db_path, data_dir):
    return make_workspace(village, settings, db_path, data_dir)


@pytest.fixture
def second_ws(ws, settings, db_path, data_dir):
    """Another instance on the same database file: its own engine and connections, another clerk."""
    db = open_database(db_path)
    yield Workspace.open(db, user="李会计", db_path=db_path, data_dir=data_dir, settings=settings)
    db.dispose()


def _audit_count(ws) -> int:
    with ws.db.read_session() as s:
        return s.execute(select(func.count(AuditEvent.id))).scalar_one()


def _editor_in_window(qtbot, ws, disclosure_id: int) -> DisclosureEditor:
    window = MainWindow(ws)
    qtbot.addWidget(window)
    window.show()
    editor = DisclosureEditor(ws, disclosure_id, window)
    # Modal to its own main window only, as if each ran in a process of its own.
    editor.setWindowModality(Qt.WindowModality.WindowModal)
    qtbot.addWidget(editor)
    with qtbot.waitExposed(editor):
        editor.show()
    return editor


def _save_with_keys(qtbot, editor: DisclosureEditor) -> None:
    editor.activateWindow()
    wait_active(qtbot, editor)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, CTRL)


def test_second_window_saving_a_changed_record_is_refused_and_keeps_its_text(qtbot, ws, second_ws, dialog_calls):
    d = DisclosureService(ws.ctx).create("CW-01", "2026-M11", "十一月村务公告", kind="notice", body="原来的正文")
    first = _editor_in_window(qtbot, ws, d.id)
    second = _editor_in_window(qtbot, second_ws, d.id)

    first.body_edit.selectAll()
    type_text(qtbot, first.body_edit, "王文书写的正文")
    second.body_edit.selectAll()
    type_text(qtbot, second.body_edit, "李会计写的正文")

    _save_with_keys(qtbot, first)
    assert first.message_label.text() == "已保存"
    saved = DisclosureService(ws.ctx).get(d.id)
    events = _audit_count(ws)

    _save_with_keys(qtbot, second)
    when = saved.updated_at.astimezone().strftime("%Y-%m-%d %H:%M")
    refusal = f"这条记录已被 王文书 在 {when} 修改，请重新打开"
    asked = dialog_calls.of("ask")
    assert len(asked) == 1 and asked[0][2].startswith(refusal)
    assert "重新打开（放弃我的修改）" in asked[0][2] and "保留我的修改" in asked[0][2]
    # Nothing overwritten, nothing audited; the clerk's text is still there, selectable and copyable.
    assert DisclosureService(ws.ctx).get(d.id).body == "王文书写的正文"
    assert _audit_count(ws) == events
    assert second.body_edit.toPlainText() == "李会计写的正文" and not second.body_edit.isReadOnly()
    assert second.is_dirty() and second.isVisible()
    assert second.conflict_bar.isVisible() and refusal in second.conflict_label.text()
    second.body_edit.setFocus()
    second.body_edit.selectAll()
    qtbot.keyClick(second.body_edit, Qt.Key.Key_C, CTRL)
    assert QApplication.clipboard().text() == "李会计写的正文"

    # Saving again is refused again; the stored text never changes behind the clerk's back.
    _save_with_keys(qtbot, second)
    assert len(dialog_calls.of("ask")) == 2
    assert DisclosureService(ws.ctx).get(d.id).body == "王文书写的正文"

    # 重新打开 with the mouse: asked first (the clerk's changes would go), then the editor closes
    # asking to be opened afresh.
    dialog_calls.confirm_answer = True
    qtbot.mouseClick(second.reopen_button, Qt.MouseButton.LeftButton)
    assert dialog_calls.of("confirm") and second.reopen_requested and not second.isVisible()


def test_reopen_from_the_refusal_opens_the_record_as_it_is_now(qtbot, ws, second_ws, dialog_calls, monkeypatch):
    service = DisclosureService(ws.ctx)
    d = service.create("CW-01", "2026-M11", "十一月村务公告", kind="notice", body="原来的正文")
    opened: list[DisclosureEditor] = []

    def run(editor):  # stands in for the modal exec(): show it and act as the clerk
        opened.append(editor)
        editor.show()
        editor.activateWindow()
        wait_active(qtbot, editor)
        if len(opened) == 1:
            # Meanwhile the other window saves; this one types and saves, then takes 重新打开.
            DisclosureService(second_ws.ctx).update(d.id, body="李会计的正文")
            editor.body_edit.selectAll()
            type_text(qtbot, editor.body_edit, "我的正文")
            dialog_calls.ask_answer = 0
            qtbot.keyClick(editor.body_edit, Qt.Key.Key_S, CTRL)
        else:
            assert editor.body_edit.toPlainText() == "李会计的正文" and not editor.is_dirty()
            editor.reject()
        return 0

    monkeypatch.setattr(DisclosureEditor, "exec", run)
    assert open_disclosure_editor(ws, d.id) is False
    assert len(opened) == 2 and opened[0].reopen_requested and not dialog_calls.of("confirm")


def test_roster_editor_save_is_one_transaction_and_one_audit_event(qtbot, ws):
    service = DisclosureService(ws.ctx)
    d = service.create("CW-13", "2026", "2026年耕地地力保护补贴发放名单", kind="roster",
                       rows=[{"group": "一组", "name": "张三", "id_number": IDS[0], "quantity": "10", "rate": "18.34"}],
                       columns=[c.key for c in preset_columns("dili")])
    editor = _editor_in_window(qtbot, ws, d.id)
    editor.activateWindow()
    wait_active(qtbot, editor)
    editor.title_edit.selectAll()
    type_text(qtbot, editor.title_edit, "2026年耕地地力保护补贴名单（第二批）")
    view, model = editor.kind_editor.view, editor.kind_editor.model
    view.setFocus()
    view.go_to(0, model.column_of("name"))
    qtbot.keyClick(view, Qt.Key.Key_Down)  # below the last row: a new one
    type_here(qtbot, "李四")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert model.text(1, "name") == "李四"
    events = _audit_count(ws)

    _save_with_keys(qtbot, editor)
    assert editor.message_label.text() == "已保存"
    assert _audit_count(ws) == events + 1
    with ws.db.read_session() as s:
        ev = s.execute(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1)).scalar_one()
    assert ev.action == "disclosure.update" and {"title", "rows"} <= set(ev.detail["changed"])
    stored = service.get(d.id)
    assert stored.title == "2026年耕地地力保护补贴名单（第二批）"
    assert [r["name"] for r in stored.rows] == ["张三", "李四"] and stored.version == d.version + 1


def test_read_only_window_opens_records_read_only_and_cannot_save(qtbot, ws, second_ws, dialog_calls):
    d = DisclosureService(ws.ctx).create("CW-01", "2026-M11", "十一月村务公告", kind="notice", body="正文")
    second_ws.db.read_only = True
    editor = _editor_in_window(qtbot, second_ws, d.id)
    assert not editor.can_edit() and not editor.save_button.isEnabled() and editor.body_edit.isReadOnly()
    assert "只读" in editor.banner.text() and editor.banner.isVisible()
    events = _audit_count(ws)
    _save_with_keys(qtbot, editor)
    assert DisclosureService(ws.ctx).get(d.id).body == "正文" and _audit_count(ws) == events


def test_catalog_item_edited_in_another_window_is_refused_and_can_be_reopened(qtbot, catalog_page, workspace,
                                                                              db_path, dialog_calls):
    page = catalog_page
    page.reload(select_code="CF-01")
    rect = page.table_view.visualRect(page.table_view.currentIndex())
    qtbot.mouseClick(page.table_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = page.item_dialog
    assert dialog is not None and dialog.editing
    wait_active(qtbot, dialog)

    # Another instance renames the item while this dialog is open.
    other_db = open_database(db_path)
    try:
        other = Workspace.open(other_db, user="李会计", db_path=db_path, data_dir=workspace.data_dir,
                               settings=workspace.settings)
        theirs = CatalogService(other.ctx).get("CF-01")
        CatalogService(other.ctx).update("CF-01", replace(theirs, name="财务收支（李）"), expected_version=theirs.version)
    finally:
        other_db.dispose()

    dialog.name_edit.selectAll()
    type_text(qtbot, dialog.name_edit, "财务收支（王）")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_S, CTRL)
    assert page.item_dialog is dialog and dialog.isVisible()  # stays open, nothing saved
    assert "这条记录已被 李会计 在" in dialog.problems_text()
    assert dialog.name_edit.text() == "财务收支（王）"
    assert CatalogService(workspace.ctx).get("CF-01").name == "财务收支（李）"
    assert len(dialog_calls.of("ask")) == 1

    # This time the clerk takes 重新打开: the form shows the stored item, and a save now goes through.
    dialog_calls.ask_answer = 0
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_S, CTRL)
    assert dialog.name_edit.text() == "财务收支（李）" and dialog.problems_text() == ""
    dialog.name_edit.selectAll()
    type_text(qtbot, dialog.name_edit, "财务收支（合）")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: page.item_dialog is None)
    assert CatalogService(workspace.ctx).get("CF-01").name == "财务收支（合）"


def test_adding_a_week_of_holidays_in_the_calendar_dialog_is_one_audit_event(qtbot, ws, dialog_calls):
    from datetime import date

    from desktop.editors.calendar_dialog import CalendarDialog

    dialog = CalendarDialog(ws, year=2027)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.from_edit.setDate(date(2027, 10, 1))
    dialog.to_edit.setDate(date(2027, 10, 7))
    events = _audit_count(ws)
    type_text(qtbot, dialog.note_edit, "国庆节")
    qtbot.keyClick(dialog.note_edit, Qt.Key.Key_Return)  # Enter in the note adds the days
    assert dialog.model.rowCount() == 7 and _audit_count(ws) == events + 1
    dialog.table.setFocus()
    dialog.table.selectAll()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)  # after confirming
    assert dialog.model.rowCount() == 0 and _audit_count(ws) == events + 2


def test_print_settings_saved_over_another_windows_change_are_refused_then_reopened(qtbot, ws, second_ws,
                                                                                   dialog_calls):
    from desktop.printing.settings_dialog import open_print_settings
    from models.printing.settings import print_settings, set_print_settings

    dialog = open_print_settings(ws)
    qtbot.addWidget(dialog)
    wait_active(qtbot, dialog)
    set_print_settings(second_ws.ctx, issuer="李会计填的落款")  # the other window saves first
    type_text(qtbot, dialog.issuer_edit, "王文书填的落款")
    qtbot.keyClick(dialog.issuer_edit, Qt.Key.Key_S, CTRL)
    assert dialog.isVisible() and dialog.issuer_edit.text() == "王文书填的落款"
    assert "这条记录已被 李会计 在" in dialog_calls.texts("ask")
    assert print_settings(ws.ctx).issuer == "李会计填的落款"

    dialog_calls.ask_answer = 0  # 重新打开
    qtbot.keyClick(dialog.issuer_edit, Qt.Key.Key_S, CTRL)
    assert dialog.issuer_edit.text() == "李会计填的落款"
    dialog.phones_edit.setFocus()
    type_text(qtbot, dialog.phones_edit, "村务监督委员会 13800000000")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.phones_edit, Qt.Key.Key_S, CTRL)
    saved = print_settings(ws.ctx)
    assert saved.issuer == "李会计填的落款" and saved.phones == ("村务监督委员会 13800000000",)


def test_approving_a_record_changed_since_the_reviewer_looked_is_refused(qtbot, village_ws, records, editor_calls,
                                                                         dialog_calls):
    """The reviewer's list shows the submitted record; meanwhile it is returned, edited and submitted
    again elsewhere. Approving what is on the reviewer's screen is refused, naming who and when."""
    from desktop.pages.records_page import RecordsPage

    from .records_support import TODAY, show_page

    d = records.make("submitted")
    page = show_page(qtbot, RecordsPage(village_ws), 1280, 800)
    page.reload(select_id=d.id)
    other = DisclosureService(village_ws.ctx, clock=lambda: TODAY)
    other.return_(d.id, "赵监委", "请补充")
    changed = other.update(d.id, body="补充后的正文")
    other.submit(d.id)

    page.approve_action.trigger()
    dialog = page.active_dialog
    wait_active(qtbot, dialog)
    type_text(qtbot, dialog.reviewer_combo, "李监委")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert "这条记录已被 王文书 在" in dialog_calls.texts("error") and dialog.isVisible()
    stored = other.get(d.id)
    assert stored.status == "submitted" and stored.reviewer != "李监委" and stored.version > changed.version
