"""The ways into printing: Ctrl+P on 公开记录, 打印目录, 打印本月全部公告 (on the thread pool, with progress
and a working 取消), 打印答复 under 群众意见, and 打印设置 on 关于与设置."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from models.printing.jobs import NoticePrinter
from models.printing.settings import print_settings
from models.services.feedback import FeedbackService

from . import print_support
from .keyboard import press, type_text, wait_active
from .print_support import ROSTER_TITLE, pdf_text, wait_rendered
from .records_support import TODAY, show_page

roster = print_support.roster


def previews() -> list:
    from desktop.printing.preview_dialog import PrintPreviewDialog

    return [w for w in QApplication.topLevelWidgets() if isinstance(w, PrintPreviewDialog) and w.isVisible()]


@pytest.fixture(autouse=True)
def _close_previews():
    yield
    for dialog in previews():
        dialog.close()


def test_ctrl_p_on_the_records_page_previews_the_selected_notice(qtbot, make_village_window, roster, editor_calls):
    window = make_village_window()
    window.show_page("records")
    page = window.page("records")
    assert page.show_record(roster.id)
    assert page.print_action.isEnabled()
    wait_active(qtbot, window)
    press(qtbot, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(previews()) == 1, timeout=5000)
    preview = previews()[0]
    wait_rendered(qtbot, preview)
    assert preview.result.title == ROSTER_TITLE
    assert preview.unmasked_check.isVisibleTo(preview)

    page.table_view.clearSelection()  # the page follows the selection, however it changed
    assert not page.print_action.isEnabled()


def test_print_catalog_starts_landscape(qtbot, village_ws):
    from desktop.pages.catalog_page import CatalogPage

    page = CatalogPage(village_ws)
    qtbot.addWidget(page)
    with qtbot.waitExposed(page):
        page.show()
    assert page.print_action.shortcut().toString() == "Ctrl+P"
    page.print_action.trigger()
    preview = previews()[0]
    wait_rendered(qtbot, preview)
    size = preview.document.pagePointSize(0)
    assert (round(size.width()), round(size.height())) == (842, 595)
    assert not preview.unmasked_check.isVisibleTo(preview)  # no personal data in the catalog
    text = pdf_text(preview.result.data)
    assert "耕地地力保护补贴" in text and "测试村" in text


def _month_expected(village_ws) -> int:
    return NoticePrinter(village_ws.ctx, today=TODAY).print_due(TODAY.year, TODAY.month).pages


@pytest.fixture
def todo_page(qtbot, village_ws):
    from desktop.pages.todo_page import TodoPage

    return show_page(qtbot, TodoPage(village_ws), 1100, 700)


@pytest.fixture
def threads(monkeypatch):
    """Records on which thread each notice of the month is prepared."""
    seen: list[threading.Thread] = []
    original = NoticePrinter.disclosure_document

    def recording(self, *args, **kwargs):
        seen.append(threading.current_thread())
        return original(self, *args, **kwargs)

    monkeypatch.setattr(NoticePrinter, "disclosure_document", recording)
    return seen


def test_print_the_whole_month_on_the_thread_pool(qtbot, todo_page, records, roster, village_ws, threads):
    other = records.make("posted", item="CW-22", period="2026-Q1", title="第一季度村务监督委员会工作情况")
    expected = _month_expected(village_ws)
    threads.clear()
    assert todo_page.print_button.text() == "打印本月全部公告…"

    job = todo_page.print_month()
    assert job.progress_dialog.isVisible()
    with qtbot.waitSignal(job.finished, timeout=30_000) as done:
        pass
    preview = done.args[0]
    assert job.outcome == "opened" and preview is not None and preview.isVisible()
    assert threads and all(t is not threading.main_thread() for t in threads)

    assert preview.document.pageCount() == expected == preview.result.pages
    assert preview.result.documents == 3  # the list sheet and the two notices
    text = pdf_text(preview.result.data)
    assert "2026年6月村务公开清单" in text and ROSTER_TITLE in text and other.title in text
    total = job.reports[0][1]
    assert job.reports[0] == (1, total, "2026年6月村务公开清单")
    assert [r[0] for r in job.reports] == sorted(r[0] for r in job.reports)
    assert job.reports[-1] == (total, total, "完成")
    assert preview.unmasked_check.isVisibleTo(preview)
    assert "2026年6月" in preview.windowTitle()
    assert not job.progress_dialog.isVisible()


def test_cancel_after_the_first_document_opens_no_preview(qtbot, todo_page, records, roster, village_ws,
                                                          monkeypatch):
    records.make("posted", item="CW-22", period="2026-Q1", title="第一季度村务监督委员会工作情况")
    release = threading.Event()
    calls: list[int] = []
    original = NoticePrinter.disclosure_document

    def slow(self, disclosure_id, *args, **kwargs):
        calls.append(disclosure_id)
        if len(calls) == 1:
            release.wait(120)  # the first notice takes until the clerk has pressed 取消
        return original(self, disclosure_id, *args, **kwargs)

    monkeypatch.setattr(NoticePrinter, "disclosure_document", slow)
    job = todo_page.print_month()
    # Waits are generous (they end as soon as the event comes) so a loaded CI machine is not a failure.
    qtbot.waitUntil(lambda: len(job.reports) == 1, timeout=60_000)  # the list sheet is done
    cancel = job.progress_dialog.findChild(type(todo_page.print_button))
    assert cancel is not None and cancel.text() == "取消"
    with qtbot.waitSignal(job.finished, timeout=60_000) as done:
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
        release.set()
    assert done.args == [None] and job.outcome == "cancelled"
    assert len(calls) == 1  # stopped before the second notice
    assert previews() == []


def test_ctrl_p_on_the_start_page_prints_the_month(qtbot, make_village_window, roster):
    window = make_village_window()
    window.show_page("todo")
    wait_active(qtbot, window)
    press(qtbot, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(previews()) == 1, timeout=30_000)
    wait_rendered(qtbot, previews()[0])
    assert "2026年6月村务公开清单" in pdf_text(previews()[0].result.data)


def test_a_month_with_nothing_to_print_says_so(qtbot, workspace, dialog_calls):
    from desktop.printing.actions import print_month

    job = print_month(workspace, 2026, 2)  # an empty catalog: nothing due, nothing posted
    with qtbot.waitSignal(job.finished, timeout=10_000):
        pass
    assert job.outcome == "failed"
    assert previews() == []
    assert "2026年2月没有应公开的事项" in dialog_calls.texts("info")
    assert dialog_calls.of("error") == []


def test_print_answer_under_feedback(qtbot, village_ws, roster, editor_calls):
    from desktop.pages.records_page import RecordsPage

    service = FeedbackService(village_ws.ctx)
    question = service.add(roster.id, "三组王堃的面积是否有误？", received=TODAY, from_name="王五")
    service.answer(question.id, "经村民小组核实，面积无误。", on=TODAY)
    page = RecordsPage(village_ws)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    with qtbot.waitExposed(page):
        page.show()
    page.show_record(roster.id)
    detail = page.detail
    detail.feedback_view.selectRow(0)
    assert detail.print_answer_button.isEnabled()
    qtbot.mouseClick(detail.print_answer_button, Qt.MouseButton.LeftButton)
    preview = previews()[0]
    wait_rendered(qtbot, preview)
    text = pdf_text(preview.result.data)
    assert "经村民小组核实，面积无误。" in text
    assert not preview.unmasked_check.isVisibleTo(preview)


def test_an_open_question_has_no_answer_to_print(qtbot, village_ws, roster, editor_calls):
    from desktop.pages.records_page import RecordsPage

    FeedbackService(village_ws.ctx).add(roster.id, "补贴什么时候发？", received=TODAY)
    page = RecordsPage(village_ws)
    qtbot.addWidget(page)
    page.show_record(roster.id)
    page.detail.feedback_view.selectRow(0)
    assert not page.detail.print_answer_button.isEnabled()


def test_print_settings_from_the_about_page(qtbot, village_ws, dialog_calls):
    from desktop.pages.about_page import AboutPage

    page = AboutPage(village_ws)
    qtbot.addWidget(page)
    with qtbot.waitExposed(page):
        page.show()
    qtbot.mouseClick(page.print_settings_button, Qt.MouseButton.LeftButton)
    dialog = page.print_settings_dialog
    assert dialog.isVisible()
    assert "测试村村务监督委员会" in dialog.accepting_edit.placeholderText()
    type_text(qtbot, dialog.phones_edit, "村务监督委员会 李监委 13812341234")
    dialog.phones_edit.appendPlainText("城关镇纪委 0379-67891234")
    type_text(qtbot, dialog.issuer_edit, "测试村村民委员会（盖章）")
    with qtbot.waitSignal(dialog.accepted):
        dialog.save()
    saved = print_settings(village_ws.ctx)
    assert saved.phones == ("村务监督委员会 李监委 13812341234", "城关镇纪委 0379-67891234")
    assert saved.issuer == "测试村村民委员会（盖章）" and saved.accepting_unit == ""


def test_print_settings_refused_are_shown(qtbot, village_ws, dialog_calls):
    from desktop.printing.settings_dialog import open_print_settings

    dialog = open_print_settings(village_ws)
    qtbot.addWidget(dialog)
    dialog.phones_edit.setPlainText("\n".join(f"电话 {n}" for n in range(11)))
    dialog.save()
    assert "监督电话最多 10 条" in dialog_calls.texts("error")
    assert dialog.isVisible() and dialog.saved is None


def test_month_progress_that_delivers_the_end_inside_set_value(qtbot, workspace, monkeypatch):
    """The month's progress slot: `_end` arriving inside setValue's event loop leaves nothing to crash on."""
    from PySide6.QtWidgets import QProgressDialog

    from desktop.printing.actions import print_month

    job = print_month(workspace, 2026, 2)
    with qtbot.waitSignal(job.finished, timeout=10_000):
        pass
    job.outcome = "running"  # replay: a progress report whose setValue runs into the end
    job.progress_dialog = QProgressDialog("…", "取消", 0, 2)
    job.progress_dialog.canceled.connect(job.cancel)
    original = QProgressDialog.setValue

    def set_value_delivering_end(self, value):
        original(self, value)
        if value > 0 and job.outcome == "running":
            job._end("cancelled")

    monkeypatch.setattr(QProgressDialog, "setValue", set_value_delivering_end)
    job._progress(1, 2, "第一份")
    assert job.outcome == "cancelled"
    job._progress(2, 2, "第二份")  # queued behind the end: ignored, no crash
    assert job.reports == [(1, 2, "第一份")]
