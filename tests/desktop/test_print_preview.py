"""The print preview window over a real roster notice: pages, options that render again, the internal
copy behind a confirmation, 保存为 PDF, printing onto a QPrinter (PDF output instead of a printer),
and a character no font has shown as its message."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import QPoint, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog

from models.printing.document import PrintOptions
from models.printing.jobs import NoticePrinter

from . import print_support
from .print_support import FULL_ID, ROSTER_TITLE, id_number, pdf_pages, pdf_text, wait_rendered
from .records_support import TODAY

roster = print_support.roster


@pytest.fixture
def preview(qtbot, village_ws, roster):
    from desktop.printing.actions import preview_disclosure

    dialog = preview_disclosure(village_ws, roster.id)
    wait_rendered(qtbot, dialog)
    yield dialog
    if shiboken6.isValid(dialog):  # it deletes itself when closed
        dialog.close()


def _size(preview) -> tuple[int, int]:
    size = preview.document.pagePointSize(0)
    return round(size.width()), round(size.height())


def test_the_preview_shows_every_page_of_the_notice(preview, village_ws, roster):
    expected = NoticePrinter(village_ws.ctx, today=TODAY).print_disclosure(roster.id)
    assert expected.pages >= 2
    assert preview.document.pageCount() == expected.pages == preview.result.pages
    assert preview.page_label.text() == f"第 1 页，共 {expected.pages} 页"
    assert ROSTER_TITLE in preview.windowTitle()
    assert preview.view.pageMode() == preview.view.PageMode.MultiPage
    assert preview.unmasked_check.isVisibleTo(preview)  # a roster: the internal copy is offered
    assert preview.print_button.isEnabled() and preview.save_button.isEnabled()
    preview.next_page()
    assert preview.page_label.text() == f"第 2 页，共 {expected.pages} 页"


def test_zoom_in_out_and_fit_width(preview):
    preview.resize(1000, 700)
    fitted = preview.effective_zoom()
    preview.zoom_in_action.trigger()
    assert preview.view.zoomMode() == preview.view.ZoomMode.Custom
    assert preview.view.zoomFactor() == pytest.approx(fitted * 1.25, rel=0.01)
    preview.zoom_out_action.trigger()
    preview.zoom_out_action.trigger()
    assert preview.view.zoomFactor() == pytest.approx(fitted / 1.25, rel=0.01)
    preview.fit_width_action.trigger()
    assert preview.view.zoomMode() == preview.view.ZoomMode.FitToWidth


def test_paper_and_orientation_render_again(qtbot, preview):
    assert _size(preview) == (595, 842)
    a4_pages = preview.page_count()
    with qtbot.waitSignal(preview.rendered, timeout=20_000):
        qtbot.mouseClick(preview.a3_radio, Qt.MouseButton.LeftButton)
    assert _size(preview) == (842, 1191)
    assert preview.page_count() <= a4_pages
    with qtbot.waitSignal(preview.rendered, timeout=20_000):
        qtbot.mouseClick(preview.landscape_radio, Qt.MouseButton.LeftButton)
    assert _size(preview) == (1191, 842)
    assert preview.shown_options == PrintOptions(paper="A3", landscape=True)
    with qtbot.waitSignal(preview.rendered, timeout=20_000):
        preview.large_check.setChecked(True)
    assert preview.shown_options.large
    assert preview.page_label.text().endswith(f"共 {preview.page_count()} 页")


def test_the_internal_copy_needs_a_confirmation(qtbot, preview, dialog_calls, roster):
    public = pdf_text(preview.result.data)
    assert not FULL_ID.search(public)
    assert f"{id_number(7)[:6]}********{id_number(7)[-4:]}" in public

    dialog_calls.confirm_answer = False
    qtbot.mouseClick(preview.unmasked_check, Qt.MouseButton.LeftButton)
    assert len(dialog_calls.of("confirm")) == 1
    assert "内部资料 不得张贴" in dialog_calls.texts("confirm") and "身份证号" in dialog_calls.texts("confirm")
    assert not preview.unmasked_check.isChecked() and not preview.busy and not preview.unmasked

    dialog_calls.confirm_answer = True
    with qtbot.waitSignal(preview.rendered, timeout=20_000):
        qtbot.mouseClick(preview.unmasked_check, Qt.MouseButton.LeftButton)
    internal = pdf_text(preview.result.data)
    assert id_number(7) in internal and "62284800000" in internal
    assert "内部资料" in internal and "不得张贴" in internal
    assert preview.unmasked_note.isVisibleTo(preview)
    assert "内部资料" in preview.suggested_path().name

    with qtbot.waitSignal(preview.rendered, timeout=20_000):  # and back to the public copy
        qtbot.mouseClick(preview.unmasked_check, Qt.MouseButton.LeftButton)
    assert not FULL_ID.search(pdf_text(preview.result.data))
    assert len(dialog_calls.of("confirm")) == 2  # turning it off asks nothing


def test_save_as_pdf_writes_the_notice(qtbot, preview, dialog_calls, tmp_path, village_ws):
    with qtbot.waitSignal(preview.rendered, timeout=20_000):
        preview.a3_radio.setChecked(True)
    dialog_calls.save_path = tmp_path / "out" / "名单"  # the .pdf is added
    qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    saved = tmp_path / "out" / "名单.pdf"
    assert saved.exists()
    assert ROSTER_TITLE in pdf_text(saved.read_bytes())
    assert pdf_pages(saved.read_bytes()) == preview.page_count()
    assert dialog_calls.of("save_file")[0][2].endswith(f"{ROSTER_TITLE}.pdf")  # the title is suggested
    assert "已保存到" in preview.status_label.text()
    assert village_ws.settings.print_paper == "A3"  # the options used are remembered

    dialog_calls.save_path = None  # cancelled: nothing happens
    assert preview.save_pdf() is None


@pytest.fixture
def print_to_file(monkeypatch, tmp_path):
    """The system print dialog 'accepts' with the printer turned into a PDF file writer."""
    out = tmp_path / "printed.pdf"
    shown: list[QPrinter] = []

    def accept(self):
        printer = self.printer()
        shown.append(printer)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    return out, shown


def test_printing_paints_every_page_on_the_printer(qtbot, preview, print_to_file, village_ws):
    out, shown = print_to_file
    with qtbot.waitSignal(preview.printed, timeout=60_000) as sent:
        qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    assert sent.args == [preview.page_count()]
    assert out.stat().st_size > 10_000
    assert pdf_pages(out.read_bytes()) == preview.page_count()
    printer = shown[0]
    assert printer.fullPage()
    assert printer.pageLayout().pageSize().id() == printer.pageLayout().pageSize().PageSizeId.A4
    assert "已发送" in preview.status_label.text()
    assert village_ws.settings.print_paper == "A4"


def test_printing_a_page_range(qtbot, preview, print_to_file, monkeypatch):
    out, _shown = print_to_file

    def accept(self):
        printer = self.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setPrintRange(QPrinter.PrintRange.PageRange)
        printer.setFromTo(2, 2)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    with qtbot.waitSignal(preview.printed, timeout=60_000) as sent:
        preview.print_action.trigger()
    assert sent.args == [1]
    assert pdf_pages(out.read_bytes()) == 1


def test_cancelling_the_print_dialog_prints_nothing(qtbot, preview, monkeypatch, tmp_path):
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    preview.print_pdf()
    assert preview.print_progress is None and preview.print_button.isEnabled()


def test_a_character_no_font_has_is_shown_as_its_message(qtbot, records, village_ws, dialog_calls):
    from desktop.printing.actions import preview_disclosure

    record = records.make("draft", item="CW-22", period="2026-Q1", title="第一季度\ue000监督情况")
    dialog = preview_disclosure(village_ws, record.id)
    qtbot.waitUntil(lambda: bool(dialog_calls.of("error")), timeout=20_000)
    title, text = dialog_calls.of("error")[0][1:]
    assert title == "无法打印"
    assert "U+E000" in text and "\ue000" in text and "标题" in text
    assert "Traceback" not in text
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible(), timeout=5000)


def test_keyboard_ctrl_s_saves_and_escape_closes(qtbot, preview, dialog_calls, tmp_path):
    from .keyboard import press, wait_active

    preview.activateWindow()
    wait_active(qtbot, preview)
    assert preview.focusWidget() is preview.print_button  # Enter prints
    dialog_calls.save_path = tmp_path / "名单.pdf"
    with qtbot.waitSignal(preview.saved):
        press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert (tmp_path / "名单.pdf").exists()
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not shiboken6.isValid(preview), timeout=5000)  # closed and deleted


def test_a_finish_delivered_inside_the_progress_update_does_not_crash(qtbot, preview, monkeypatch):
    """setValue on a modal progress dialog runs the event loop: the queued `finished` may arrive inside
    it and close the dialog. The progress slot must not touch the dialog afterwards (was flaky)."""
    from PySide6.QtWidgets import QProgressDialog

    original = QProgressDialog.setValue
    finished_inside: list[bool] = []

    def set_value_delivering_finish(self, value):
        original(self, value)
        if value > 0 and not finished_inside:  # what the event loop would do with the queued finish
            finished_inside.append(True)
            preview._print_finished(1)

    preview.print_progress = QProgressDialog("…", "取消", 0, 2, preview)
    monkeypatch.setattr(QProgressDialog, "setValue", set_value_delivering_finish)
    with qtbot.waitSignal(preview.printed, timeout=5_000):
        preview._print_progress(1, 2, "")
    assert finished_inside and preview.print_progress is None
    preview._print_progress(2, 2, "")  # a report queued behind the finish: ignored
    assert preview.status_label.text() == "已发送 1 页到打印机"


def click_box(qtbot, box) -> None:
    """Click a check box on its box, where a person clicks (its middle may be past its text)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def test_large_print_is_the_print_settings_choice_not_carried_to_the_next_record(
        qtbot, preview, dialog_calls, tmp_path, village_ws, records):
    from desktop.printing.actions import preview_disclosure
    from desktop.printing.settings_dialog import open_print_settings

    assert not preview.large_check.isChecked()
    assert preview.large_note.text() == "打印设置中默认为标准字号"
    with qtbot.waitSignal(preview.rendered, timeout=20_000):  # this notice in large print …
        click_box(qtbot, preview.large_check)
    assert preview.shown_options.large
    assert "仅本份使用大字版" in preview.large_note.text() and "打印设置" in preview.large_note.text()
    dialog_calls.save_path = tmp_path / "大字版.pdf"
    qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "大字版.pdf").exists()
    preview.close()

    other = records.make("posted", item="CW-22", period="2026-Q1", title="第一季度村务公开")
    second = preview_disclosure(village_ws, other.id)  # … the next record is not
    wait_rendered(qtbot, second)
    assert not second.large_check.isChecked() and not second.shown_options.large
    second.close()

    settings = open_print_settings(village_ws)  # the clerk makes it the default where it is seen
    qtbot.addWidget(settings)
    assert not settings.large_check.isChecked()
    click_box(qtbot, settings.large_check)
    with qtbot.waitSignal(settings.accepted):
        qtbot.mouseClick(settings.save_button, Qt.MouseButton.LeftButton)
    third = preview_disclosure(village_ws, other.id)
    wait_rendered(qtbot, third)
    assert third.large_check.isChecked() and third.shown_options.large
    assert third.large_note.text() == "打印设置中默认使用大字版"
    third.close()


def test_save_as_pdf_onto_a_symlink_is_refused_with_its_message(qtbot, preview, dialog_calls, tmp_path):
    real = tmp_path / "别人的.pdf"
    real.write_bytes(b"not ours")
    link = tmp_path / "名单.pdf"
    link.symlink_to(real)
    dialog_calls.save_path = link
    qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    assert f"无法写入 {link}：它是符号链接，不是普通文件" in dialog_calls.texts("error")
    assert link.is_symlink() and real.read_bytes() == b"not ours"
    assert "已保存到" not in preview.status_label.text()


def test_the_internal_copy_is_saved_owner_only(qtbot, preview, dialog_calls, tmp_path):
    import os
    import stat

    dialog_calls.confirm_answer = True
    with qtbot.waitSignal(preview.rendered, timeout=20_000):
        qtbot.mouseClick(preview.unmasked_check, Qt.MouseButton.LeftButton)
    dialog_calls.save_path = tmp_path / "内部.pdf"
    qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    assert "内部资料" in pdf_text((tmp_path / "内部.pdf").read_bytes())
    if os.name == "posix":
        assert stat.S_IMODE((tmp_path / "内部.pdf").stat().st_mode) == 0o600


def test_the_first_page_shows_while_the_rest_is_drawn(qtbot, village_ws, roster, dialog_calls, tmp_path):
    from desktop.printing.actions import preview_disclosure

    dialog = preview_disclosure(village_ws, roster.id)
    seen = []

    def opened():
        seen.append((dialog.result, dialog.busy, dialog.document.pageCount(), dialog.page_label.text(),
                     dialog.print_button.isEnabled(), dialog.save_button.isEnabled(), dialog.windowTitle()))

    dialog.opened.connect(opened)
    try:
        wait_rendered(qtbot, dialog)
        whole = dialog.result.pages
        assert whole >= 2
        # the first page alone, numbered of the whole, nothing to print or save from yet
        assert seen == [(None, True, 1, f"第 1 页，共 {whole} 页", False, False, f"打印预览 — {ROSTER_TITLE}")]
        # then the whole PDF in its place, every page, ready to save
        assert dialog.document.pageCount() == whole and dialog.page_label.text() == f"第 1 页，共 {whole} 页"
        assert dialog.save_button.isEnabled() and dialog.print_button.isEnabled()
        assert pdf_pages(dialog.result.data) == whole
    finally:
        if shiboken6.isValid(dialog):
            dialog.close()


def test_a_new_render_keeps_the_whole_pdf_on_screen_until_it_is_done(qtbot, preview):
    pages = preview.page_count()
    seen = []
    preview.opened.connect(lambda: seen.append(preview.document.pageCount()))
    with qtbot.waitSignal(preview.rendered, timeout=20_000):
        qtbot.mouseClick(preview.landscape_radio, Qt.MouseButton.LeftButton)
    assert seen == []  # no single page in place of the PDF that was on screen
    assert preview.page_count() >= pages


def test_a_page_as_tall_as_the_view_does_not_lay_the_view_out_again_and_again(qtbot, village_ws, records):
    """Fitted to the width, a page about as tall as the view used to toggle the scroll bar, refit,
    toggle … thousands of relayouts a second that froze the window (seen while a roster's first page
    was shown alone)."""
    from PySide6.QtCore import QEvent, QObject

    from desktop.printing.actions import preview_disclosure

    class Resizes(QObject):
        count = 0

        def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Resize:
                Resizes.count += 1
            return False

    notice = records.make("posted")  # one page
    dialog = preview_disclosure(village_ws, notice.id)
    watcher = Resizes()
    try:
        wait_rendered(qtbot, dialog)
        assert dialog.page_count() == 1
        dialog.view.viewport().installEventFilter(watcher)
        most = 0
        for height in range(500, 1100, 15):  # one of these makes the fitted page about as tall as the view
            dialog.resize(900, height)
            qtbot.wait(20)
            Resizes.count = 0
            qtbot.wait(40)
            most = max(most, Resizes.count)
        assert most <= 2
    finally:
        if shiboken6.isValid(dialog):
            dialog.close()


def test_the_first_render_begins_once_the_window_is_on_screen(qtbot, village_ws, roster, monkeypatch):
    """A render started beside the window's first paint took the GIL from every Python call of that
    paint; it begins after it, and the window says it is working from the start."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QWidget

    from desktop.printing import preview_dialog as module
    from desktop.printing.actions import preview_disclosure

    painted: list[bool] = []
    began: list[int] = []

    class Paints(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
            if (event.type() == QEvent.Type.Paint and isinstance(obj, QWidget)
                    and isinstance(obj.window(), module.PrintPreviewDialog)):
                painted.append(True)
            return False

    real = module.PrintPreviewDialog.render_again
    monkeypatch.setattr(module.PrintPreviewDialog, "render_again",
                        lambda self: began.append(len(painted)) or real(self))
    paints = Paints()
    QApplication.instance().installEventFilter(paints)
    try:
        dialog = preview_disclosure(village_ws, roster.id)
        assert dialog.busy and not dialog.print_button.isEnabled() and not dialog.save_button.isEnabled()
        assert dialog.busy_label.text() == "正在生成预览……"
        wait_rendered(qtbot, dialog)
        assert len(began) == 1 and began[0] > 0  # once, after the window had painted
        assert dialog.print_button.isEnabled() and dialog.result.pages >= 2
        dialog.close()
    finally:
        QApplication.instance().removeEventFilter(paints)


def test_a_preview_closed_before_it_painted_renders_nothing(qtbot, village_ws, roster, monkeypatch):
    from desktop.printing import preview_dialog as module
    from desktop.printing.actions import preview_disclosure

    began: list[bool] = []
    real = module.PrintPreviewDialog.render_again
    monkeypatch.setattr(module.PrintPreviewDialog, "render_again", lambda self: began.append(True) or real(self))
    dialog = preview_disclosure(village_ws, roster.id)
    dialog.close()  # before the event loop ran: never painted
    qtbot.wait(400)  # past the watcher's 300 ms fallback
    assert began == []
