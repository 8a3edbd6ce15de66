"""The start page (待办) over a real village database on a fixed day, driven through its widgets."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from models.services.calendar import CalendarService
from models.services.feedback import FeedbackService

from .keyboard import press, type_text, wait_active
from .records_support import TODAY, show_page


@pytest.fixture
def todo(qtbot, village_ws, editor_calls):  # village_ws, editor_calls: records_support via conftest
    from desktop.pages.todo_page import TodoPage

    return show_page(qtbot, TodoPage(village_ws), 1200, 800)


def _rows(section) -> list[list[str]]:
    model = section.model
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def _row_of(section, item_code: str, period: str) -> int:
    for r, e in enumerate(section.model.entries()):
        if e.item_code == item_code and e.period == period:
            return r
    raise AssertionError(f"{item_code} {period} not listed")


def _select(section, row: int) -> None:
    section.view.setFocus()
    section.view.setCurrentIndex(section.model.index(row, 0))


def test_the_window_opens_on_the_start_page(make_village_window, editor_calls):
    window = make_village_window()
    assert window.page_keys()[0] == "todo"
    assert window.current_key() == "todo"
    assert window.page_titles()[:2] == ["待办", "公开记录"]
    assert "今天是2026年6月15日 星期一" == window.current_page().date_label.text()


def test_an_overdue_item_shows_with_days_late(todo):
    section = todo.overdue_section
    row = _row_of(section, "FW-04", "2026-M04")
    assert _rows(section)[row] == ["村级财务收支明细", "2026年4月", "5月10日", "36 天", "未起草"]
    assert section.model.index(row, section.model.COL_LATE).data(Qt.ItemDataRole.ForegroundRole).name() == "#c62828"
    n = section.model.rowCount()
    assert f"逾期未公开（{n}）" in section.header.text()
    assert section.view.isVisibleTo(todo)
    assert not todo.banner.isVisibleTo(todo)  # 2026 is in the shipped calendar


def test_a_record_posted_late_shows_its_status(todo, records):
    d = records.make("posted", item="FW-04", period="2026-M05", title="2026年5月村级财务收支明细",
                     kind="notice", posted_on=date(2026, 6, 12))
    todo.refresh()
    section = todo.due_section
    row = _row_of(section, "FW-04", "2026-M05")
    texts = _rows(section)[row]
    assert texts[:4] == ["村级财务收支明细", "2026年5月", "6月10日", "逾期公开（晚 2 天）"]
    assert texts[4] == f"#{d.id}，6月12日公示"
    status = section.model.index(row, section.model.COL_STATUS)
    assert status.data(Qt.ItemDataRole.ForegroundRole).name() == "#e65100"
    assert "本月应公开（" in section.header.text()


def test_enter_on_an_overdue_entry_offers_a_prefilled_new_record(qtbot, todo, editor_calls, village_ws):
    section = todo.overdue_section
    _select(section, _row_of(section, "FW-04", "2026-M04"))
    qtbot.keyClick(section.view, Qt.Key.Key_Return)
    dialog = todo.active_dialog
    assert dialog is not None and dialog.isVisible()
    wait_active(qtbot, dialog)
    assert dialog.item_combo.current_item().code == "FW-04"
    assert dialog.period_picker.period() == "2026-M04"
    assert dialog.kind_combo.currentData() == "finance"  # the item's default kind
    assert dialog.title_edit.text() == "2026年4月村级财务收支明细"
    assert dialog.title_edit.hasFocus()
    press(qtbot, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: todo.active_dialog is None)
    assert len(editor_calls) == 1
    from models.services.disclosures import DisclosureService

    created = DisclosureService(village_ws.ctx).get(editor_calls[0])
    assert (created.item_code, created.period, created.kind, created.status) == ("FW-04", "2026-M04", "finance", "draft")
    row = _row_of(todo.overdue_section, "FW-04", "2026-M04")
    assert _rows(todo.overdue_section)[row][4] == f"#{created.id}，未公示"


def test_double_click_on_an_entry_with_a_record_opens_it_on_the_records_page(qtbot, make_village_window, records):
    d = records.make("draft", item="FW-04", period="2026-M04", kind="notice")
    window = make_village_window()
    page = window.current_page()
    section = page.overdue_section
    row = _row_of(section, "FW-04", "2026-M04")
    rect = section.view.visualRect(section.model.index(row, 0))
    qtbot.mouseClick(section.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(section.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_key() == "records"
    records_page = window.current_page()
    assert records_page.current is not None and records_page.current.id == d.id
    assert records_page.table_view.hasFocus()


def test_posting_windows_about_to_end_and_feedback_awaiting_an_answer(qtbot, todo, records, village_ws):
    ending = records.make("posted", item="CW-22", period="2026-Q1", posted_on=date(2026, 6, 10))  # to 6-16
    older = records.make("posted", item="CW-29", period="2026-Q1", posted_on=date(2026, 5, 1))
    service = FeedbackService(village_ws.ctx)
    late = service.add(older.id, "帮扶资金发放到哪几户？", received=date(2026, 5, 3), from_name="王大柱")
    fresh = service.add(ending.id, "监委会开了几次会？", received=date(2026, 6, 12))
    todo.refresh()

    posting = _rows(todo.posting_section)
    assert posting == [[str(ending.id), ending.title, "村务监督委员会工作情况", "6月10日至6月16日", "还剩 1 天"]]
    assert "公示即将结束（1）" in todo.posting_section.header.text()

    feedback = todo.feedback_section
    assert [f.id for f in feedback.model.entries()] == [late.id, fresh.id]
    state = feedback.model.index(0, feedback.model.COL_STATE)
    assert state.data() == "逾期未答复"
    assert state.data(Qt.ItemDataRole.ForegroundRole).name() == "#c62828"
    assert feedback.model.index(1, feedback.model.COL_STATE).data() == "待答复"
    assert feedback.model.index(1, feedback.model.COL_FROM).data() == "（未留名）"
    assert "待答复的村民意见（2）" in feedback.header.text() and "其中 1 条已超过答复期限" in feedback.header.text()

    # Enter answers the selected question
    _select(feedback, 0)
    qtbot.keyClick(feedback.view, Qt.Key.Key_Return)
    dialog = todo.active_dialog
    assert dialog is not None
    wait_active(qtbot, dialog)
    assert dialog.answer_edit.hasFocus()
    type_text(qtbot, dialog.answer_edit, "发放到张三、李四两户，名单已公示。")
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: todo.active_dialog is None)
    answered = service.get(late.id)
    assert answered.answer_text == "发放到张三、李四两户，名单已公示。" and answered.answered_on == TODAY
    assert [f.id for f in feedback.model.entries()] == [fresh.id]


def test_the_calendar_fallback_banner_leads_to_entering_the_holidays(qtbot, todo, monkeypatch, village_ws,
                                                                     dialog_calls):
    from desktop import clock

    monkeypatch.setattr(clock, "today", lambda: date(2026, 12, 15))
    todo.refresh_button.click()
    assert todo.banner.isVisibleTo(todo)
    assert todo.banner_label.text().startswith("2027年的法定节假日安排尚未录入")

    todo.banner_button.click()
    dialog = todo.active_dialog
    assert dialog is not None and dialog.year() == 2027
    assert "尚未录入" in dialog.coverage_label.text()
    dialog.from_edit.setDate(date(2027, 2, 6))
    dialog.to_edit.setDate(date(2027, 2, 12))
    type_text(qtbot, dialog.note_edit, "春节")
    qtbot.keyClick(dialog.note_edit, Qt.Key.Key_Return)  # Enter in the note adds the days
    assert [d.day for d in CalendarService(village_ws.ctx).list_days(2027)] == [date(2027, 2, d) for d in range(6, 13)]
    assert dialog.model.rowCount() == 7
    assert dialog.model.index(0, 2).data() == "放假" and dialog.model.index(0, 3).data() == "春节"
    dialog.from_edit.setDate(date(2027, 2, 14))
    dialog.to_edit.setDate(date(2027, 2, 14))
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("workday"))
    dialog.add_days()
    assert dialog.model.rowCount() == 8 and dialog.model.index(7, 2).data() == "调休上班"
    assert dialog_calls.of("error") == []

    # Delete removes the selected day (after confirming)
    dialog.table.setFocus()
    dialog.table.selectRow(7)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    assert dialog_calls.of("confirm")
    assert dialog.model.rowCount() == 7

    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: todo.active_dialog is None)
    assert not todo.banner.isVisibleTo(todo)  # 2027 is known now


def test_the_answer_deadline_is_set_in_the_calendar_dialog(qtbot, village_ws, dialog_calls):
    from desktop.editors.calendar_dialog import CalendarDialog

    dialog = CalendarDialog(village_ws, year=2027)
    qtbot.addWidget(dialog)
    assert dialog.answer_days_spin.value() == 10 and not dialog.answer_working_check.isChecked()
    dialog.answer_days_spin.setValue(7)
    dialog.answer_working_check.setChecked(True)
    dialog.save_answer_button.click()
    settings = FeedbackService(village_ws.ctx).settings()
    assert (settings.answer_days, settings.answer_working) == (7, True)
    assert "收到后7个工作日内答复" in dialog.answer_note.text()
    assert dialog_calls.of("error") == []


def test_f5_recomputes_when_shown_in_the_window(qtbot, make_village_window, records):
    window = make_village_window()
    page = window.current_page()
    before = page.overdue_section.model.rowCount()
    records.make("posted", item="FW-04", period="2026-M04", kind="notice", posted_on=date(2026, 6, 1))
    page.overdue_section.view.setFocus()
    press(qtbot, Qt.Key.Key_F5)
    assert page.overdue_section.model.rowCount() == before - 1
    assert QApplication.focusWidget() is page.overdue_section.view
