"""公开记录 with a mouse: a click selects a record and shows it with its steps enabled, exactly as the
arrow keys do; a double click edits; a right click lists the record's steps (the toolbar's own
actions); the detail's 附件 and 群众意见 lists answer clicks the same way.

And a selected record shows at once: its summary is read on the GUI thread, the whole record (rows
and findings) by a worker, the latest selection winning."""

from __future__ import annotations

import threading
from datetime import date

from PySide6.QtCore import QPoint, Qt, QThreadPool

from desktop.qtmodels.todo_models import FeedbackModel
from models.services.disclosures import DisclosureData, DisclosureService, DisclosureSummary
from models.services.feedback import FeedbackService

from . import records_support
from .mouse import (
    click_row,
    double_click_row,
    menu_at,
    record_menus,
    right_click_at,
    right_click_row,
    row_center,
)
from .records_support import IDS, TODAY, wait_whole

page = records_support.records_page  # the fixtures of records_support come from conftest

STEPS = ["编辑", "提交审核", "审核通过", "退回", "张贴公示", "更正", "归档", "删除草稿", "打印…"]


def _row(page, disclosure_id: int) -> int:
    return page.model.row_of(disclosure_id)


def test_a_click_selects_the_record_and_enables_its_steps_as_the_arrow_keys_do(qtbot, page, records):
    draft = records.make("draft", item="CW-22", period="2026-Q1", title="2026年第一季度村务监督委员会工作情况")
    submitted = records.make("submitted", item="CW-29", period="2026-Q1", title="2026年第一季度党费收缴情况")
    page.reload()
    assert page.current is None and not page.edit_action.isEnabled()

    click_row(qtbot, page.table_view, _row(page, submitted.id), column=4)
    assert page.current is not None and page.current.id == submitted.id
    assert "2026年第一季度党费收缴情况" in page.detail.summary.toPlainText()
    assert page.approve_action.isEnabled() and page.return_action.isEnabled()
    assert not page.edit_action.isEnabled() and not page.submit_action.isEnabled()

    click_row(qtbot, page.table_view, _row(page, draft.id), column=2)
    assert page.current.id == draft.id
    assert "2026年第一季度村务监督委员会工作情况" in page.detail.summary.toPlainText()
    assert page.edit_action.isEnabled() and page.submit_action.isEnabled() and page.delete_action.isEnabled()
    assert not page.approve_action.isEnabled()
    wait_whole(qtbot, page)

    # The arrow keys land in the same state.
    page.table_view.setFocus()
    qtbot.keyClick(page.table_view, Qt.Key.Key_Up)
    assert page.current.id == submitted.id and page.approve_action.isEnabled()

    # Ctrl-click on the selected row deselects it: nothing is selected, nothing is enabled.
    click_row(qtbot, page.table_view, _row(page, submitted.id), Qt.KeyboardModifier.ControlModifier)
    assert page.current is None and not page.approve_action.isEnabled()
    assert page.table_view.selectionModel().selectedRows() == []
    assert "选中一条记录" in page.detail.summary.toPlainText()


def test_a_record_takes_one_row_at_a_time(qtbot, page, records):
    a = records.make("draft", period="2026-Q1")
    b = records.make("draft", period="2026-Q2")
    page.reload()
    click_row(qtbot, page.table_view, _row(page, a.id))
    click_row(qtbot, page.table_view, _row(page, b.id), Qt.KeyboardModifier.ShiftModifier)
    assert [i.row() for i in page.table_view.selectionModel().selectedRows()] == [_row(page, b.id)]
    assert page.current.id == b.id


def test_a_double_click_edits_as_enter_does(qtbot, page, records, editor_calls):
    posted = records.make("posted", item="CW-22", period="2026-Q1")
    draft = records.make("draft", item="CW-29", period="2026-Q1")
    page.reload()
    double_click_row(qtbot, page.table_view, _row(page, draft.id), column=4)
    assert editor_calls == [draft.id]

    double_click_row(qtbot, page.table_view, _row(page, posted.id), column=4)
    assert editor_calls == [draft.id]  # a public record is not edited …
    assert page.current.id == posted.id  # … but it is selected, and the status bar says why


def test_the_right_click_menu_lists_the_records_steps_enabled_as_on_the_toolbar(qtbot, page, records,
                                                                                 monkeypatch, village_ws):
    draft = records.make("draft", item="CW-22", period="2026-Q1")
    approved = records.make("approved", item="CW-29", period="2026-Q1")
    page.reload()
    menus = record_menus(monkeypatch)
    click_row(qtbot, page.table_view, _row(page, approved.id))

    # The right click first selects the row under the cursor, then lists its steps.
    right_click_row(qtbot, page.table_view, _row(page, draft.id), column=4)
    assert page.current.id == draft.id
    assert menus.texts() == [*STEPS, "新建", "刷新"]
    for action in (*page.step_actions, page.print_action, page.new_action):
        assert menus.enabled(action.text()) == action.isEnabled()
    assert menus.enabled("提交审核") and not menus.enabled("张贴公示")

    # Only the context-menu event (the menu key, or a platform that raises the menu on press):
    # the row is selected all the same, and a chosen step runs on it.
    menus.choose = "提交审核"
    menu_at(page.table_view, row_center(page.table_view, _row(page, approved.id)))
    assert menus.chosen_enabled is False  # an approved record is not submitted again
    assert page.current.id == approved.id
    menus.choose = "提交审核"
    right_click_row(qtbot, page.table_view, _row(page, draft.id))
    assert menus.chosen_enabled is True
    assert DisclosureService(village_ws.ctx, clock=lambda: TODAY).get(draft.id).status == "submitted"
    assert page.current.id == draft.id and page.current.status == "submitted"


def test_the_right_click_menu_on_empty_space_offers_new_and_refresh(qtbot, page, records, monkeypatch):
    records.make("draft")
    page.reload()
    menus = record_menus(monkeypatch)
    click_row(qtbot, page.table_view, 0)
    below = page.table_view.viewport().rect().bottomLeft() + QPoint(20, -5)
    assert not page.table_view.indexAt(below).isValid()
    menus.choose = "新建"
    right_click_at(qtbot, page.table_view, below)
    assert menus.texts() == ["新建", "刷新"]
    assert page.active_dialog is not None and page.active_dialog.windowTitle().startswith("新建")
    page.active_dialog.reject()


def test_the_detail_lists_answer_the_mouse(qtbot, page, records, village_ws, monkeypatch, tmp_path, dialog_calls):
    from desktop.pages import record_detail

    d = records.make("posted")
    service = FeedbackService(village_ws.ctx)
    first = service.add(d.id, "低保名单里的张三家是否符合条件？", date(2026, 6, 13), "赵村民")
    second = service.add(d.id, "公示栏的照片看不清", date(2026, 6, 14), "钱村民")
    service.answer(first.id, "经核实符合条件。", date(2026, 6, 15))
    photo = tmp_path / "公示栏.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0 a photo of the board")
    page.reload(select_id=d.id)
    dialog_calls.open_path, dialog_calls.choice = photo, 0
    page.detail.add_attachment_button.click()
    menus = record_menus(monkeypatch)
    detail = page.detail

    # 附件: double click opens; the right-click menu has 打开 / 删除附件 / 添加照片/票据….
    opened = []
    monkeypatch.setattr(record_detail, "open_local_file", lambda path: opened.append(path) or True)
    detail.setCurrentIndex(1)
    detail.attachment_view.clearSelection()
    assert not detail.open_attachment_button.isEnabled()
    click_row(qtbot, detail.attachment_view, 0, column=1)
    assert detail.open_attachment_button.isEnabled()
    double_click_row(qtbot, detail.attachment_view, 0, column=1)
    assert len(opened) == 1 and opened[0].name.endswith(".jpg")
    right_click_row(qtbot, detail.attachment_view, 0, column=1)
    assert menus.last == [("打开", True), ("删除附件", False), ("添加照片/票据…", True)]

    # 群众意见: a click on the answered question enables 打印答复, on the open one 答复…
    detail.setCurrentIndex(2)
    rows = {f.id: n for n, f in enumerate(detail.feedback_model.entries())}
    click_row(qtbot, detail.feedback_view, rows[first.id], column=FeedbackModel.COL_TEXT)
    assert detail.print_answer_button.isEnabled() and not detail.answer_button.isEnabled()
    click_row(qtbot, detail.feedback_view, rows[second.id], column=FeedbackModel.COL_TEXT)
    assert detail.answer_button.isEnabled() and not detail.print_answer_button.isEnabled()
    right_click_row(qtbot, detail.feedback_view, rows[first.id], column=FeedbackModel.COL_TEXT)
    assert menus.texts() == ["答复…", detail.print_answer_action.text(), "登记意见…"]
    assert not menus.enabled("答复…") and menus.enabled(detail.print_answer_action.text())
    double_click_row(qtbot, detail.feedback_view, rows[second.id], column=FeedbackModel.COL_TEXT)
    dialog = detail.active_dialog
    assert dialog is not None and dialog.feedback.id == second.id
    dialog.reject()


# --- a record shows at once; its rows and findings follow from a worker -------------------------

def _roster(records, rows: int, title: str):
    people = [{"name": f"村民{n}", "id_number": IDS[n % len(IDS)], "amount": "300.00"} for n in range(rows)]
    people[0]["id_number"] = "410322197003150025"  # a check digit the checks will find
    return records.make("draft", item="CW-08", period="2026-06-01", title=title, rows=people)


def test_selecting_a_large_roster_reads_only_its_summary_on_the_gui_thread(qtbot, page, records, monkeypatch):
    big = _roster(records, 3000, "2026年6月低保名单")
    notice = records.make("draft", item="CW-22", period="2026-Q1")
    page.reload()
    whole_reads: list[bool] = []  # for each DisclosureService.get: was it on the GUI thread?
    real_get = DisclosureService.get

    def get(self, disclosure_id):
        whole_reads.append(threading.current_thread() is threading.main_thread())
        return real_get(self, disclosure_id)

    monkeypatch.setattr(DisclosureService, "get", get)
    click_row(qtbot, page.table_view, _row(page, big.id), column=4)
    assert isinstance(page.current, DisclosureSummary)  # shown from the summary at once
    text = page.detail.summary.toPlainText()
    assert "2026年6月低保名单" in text and "行数 3000" in text and "金额 900,000.00" in text
    assert "正在检查" in text
    assert page.edit_action.isEnabled() and page.submit_action.isEnabled()

    wait_whole(qtbot, page)  # the findings arrive
    assert page.current.id == big.id and len(page.current.rows) == 3000
    assert "身份证号校验位错误" in page.detail.summary.toPlainText()
    assert "正在检查" not in page.detail.summary.toPlainText()

    page.table_view.setFocus()
    qtbot.keyClick(page.table_view, Qt.Key.Key_Down if _row(page, notice.id) > _row(page, big.id)
                   else Qt.Key.Key_Up)
    assert page.current.id == notice.id
    wait_whole(qtbot, page)
    assert whole_reads and not any(whole_reads)  # never the whole record on the GUI thread


def test_the_latest_selection_wins_and_a_late_record_is_dropped(qtbot, page, records, monkeypatch):
    first = _roster(records, 50, "第一份名单")
    second = records.make("draft", item="CW-22", period="2026-Q1", title="第二份公告")
    page.reload()
    release = threading.Event()
    real_get = DisclosureService.get

    def get(self, disclosure_id):
        if disclosure_id == first.id:
            release.wait(5)  # the first record is slow to read
        return real_get(self, disclosure_id)

    monkeypatch.setattr(DisclosureService, "get", get)
    shown: list[int] = []
    real_show = page.detail.show_facts
    monkeypatch.setattr(page.detail, "show_facts", lambda data: (shown.append(data.id), real_show(data)))

    click_row(qtbot, page.table_view, _row(page, first.id), column=4)
    click_row(qtbot, page.table_view, _row(page, second.id), column=4)
    wait_whole(qtbot, page)
    assert page.current.id == second.id
    release.set()
    QThreadPool.globalInstance().waitForDone(5000)
    qtbot.wait(50)  # the first record's late answer is delivered … and dropped
    assert shown == [second.id]
    assert page.current.id == second.id and isinstance(page.current, DisclosureData)
    assert "第二份公告" in page.detail.summary.toPlainText() and "第一份名单" not in page.detail.summary.toPlainText()


def test_a_slow_record_does_not_hold_back_the_next_on_one_core(qtbot):
    """With one core Qt's pool has one thread; the jobs' pool keeps two so a slow read (or a print)
    cannot queue the clerk's next selection behind it."""
    from desktop import workers

    pool = QThreadPool()
    pool.setMaxThreadCount(1)  # what Qt picks on a one-core machine
    gate, order = threading.Event(), []
    slow = workers.Job(lambda _p, _c: (gate.wait(5), order.append("slow")))
    quick = workers.Job(lambda _p, _c: order.append("quick"))
    workers.start(slow, pool)
    workers.start(quick, pool)
    qtbot.waitUntil(lambda: order == ["quick"], timeout=3000)
    gate.set()
    assert pool.waitForDone(5000) and order == ["quick", "slow"]
