"""What the pages call to print: a notice, the catalog, an answer, or the whole month.

    preview_disclosure(workspace, disclosure_id, parent)   # 打印 (Ctrl+P) on 公开记录
    preview_catalog(workspace, parent)                     # 打印目录 on 公开事项目录
    preview_feedback_answer(workspace, feedback_id, parent)  # 打印答复 under 群众意见
    print_month(workspace, year, month, parent)            # 打印本月全部公告 on 待办
    preview_survey(workspace, survey_id, what, parent)     # 打印问卷 / 打印结果公告 on 问卷

Each opens the preview window (`PrintPreviewDialog`) and returns it; the month's bundle is prepared
first on a worker thread with a progress dialog and 取消 (`MonthPrint`), and the preview opens when
it is ready. `print_action` / `print_button` make the pages' entry points, with their wording here
so it is translated in one place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QProgressDialog, QPushButton, QWidget

from models.errors import CunwuError, NotFound
from models.rules import kinds as K
from models.rules.footer import TABLE_KINDS

from .. import clock, dialogs, workers

if TYPE_CHECKING:
    from .preview_dialog import PreviewSource, PrintPreviewDialog

# The pages import this module at start-up for their entry points; the preview (QtPdf) and the
# print jobs (ReportLab) are imported on first use, which keeps start-up ~0.1 s shorter.


CONTEXT = "Printing"

# (text, tooltip) of each entry point
ENTRY_TEXTS = {
    "disclosure": (QT_TRANSLATE_NOOP("Printing", "打印…"),
                   QT_TRANSLATE_NOOP("Printing", "预览并打印选中的公告（Ctrl+P）")),
    "catalog": (QT_TRANSLATE_NOOP("Printing", "打印目录…"),
                QT_TRANSLATE_NOOP("Printing", "预览并打印公开事项目录（Ctrl+P）")),
    "month": (QT_TRANSLATE_NOOP("Printing", "打印本月全部公告…"),
              QT_TRANSLATE_NOOP("Printing", "本月公开清单和各份公告合成一份，预览后打印（Ctrl+P）")),
    "feedback": (QT_TRANSLATE_NOOP("Printing", "打印答复…"),
                 QT_TRANSLATE_NOOP("Printing", "预览并打印选中意见的答复公告")),
}


translate = QCoreApplication.translate  # lupdate reads translate("Printing", "…") calls


def _tr(text: str) -> str:
    """A string marked with QT_TRANSLATE_NOOP("Printing", …), translated now."""
    return translate(CONTEXT, text)


# --- entry points for the pages -------------------------------------------------------------------


def print_action(parent: QWidget, kind: str, slot, *, shortcut: bool = True) -> QAction:
    """A page's print action (``kind``: disclosure, catalog, month, feedback); Ctrl+P by default."""
    text, tip = ENTRY_TEXTS[kind]
    action = QAction(_tr(text), parent)
    action.setToolTip(_tr(tip))
    action.setStatusTip(_tr(tip))
    if shortcut:
        action.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
    action.triggered.connect(lambda _checked=False: slot())
    return action


def print_button(parent: QWidget, kind: str, slot, *, shortcut: bool = False) -> QPushButton:
    """A push button for a print entry point; with ``shortcut`` Ctrl+P on ``parent`` does the same."""
    text, tip = ENTRY_TEXTS[kind]
    button = QPushButton(_tr(text), parent)
    button.setToolTip(_tr(tip))
    button.setAutoDefault(False)
    button.clicked.connect(lambda _checked=False: slot())
    if shortcut:
        parent.addAction(print_action(parent, kind, slot))
    return button


# --- previews ----------------------------------------------------------------------------------------


def open_preview(workspace, source: PreviewSource, parent: QWidget | None = None, **kwargs) -> PrintPreviewDialog:
    from .preview_dialog import PrintPreviewDialog

    dialog = PrintPreviewDialog(workspace, source, parent, **kwargs)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


def preview_disclosure(workspace, disclosure_id: int, parent: QWidget | None = None) -> PrintPreviewDialog | None:
    """The preview of one record's notice; rosters offer the internal copy."""
    from models.printing.jobs import NoticePrinter
    from models.services.disclosures import DisclosureService

    from .preview_dialog import PreviewSource

    service = DisclosureService(workspace.ctx, clock=clock.service_clock)
    try:
        # The header only: a roster's rows are read and laid out by the render, off the GUI thread.
        summary = service.summary(disclosure_id)
        personal = summary.kind == "roster" or bool(K.privacy_findings(service.findings(disclosure_id)))
    except CunwuError as exc:
        dialogs.error(translate("Printing", "无法打印"), exc, parent=parent)
        return None
    ctx, today = workspace.ctx, clock.today()

    def render(options, unmasked, _progress, _cancelled, opening=None):
        return NoticePrinter(ctx, today=today).print_disclosure(disclosure_id, None, options, unmasked=unmasked,
                                                                opening=opening)

    return open_preview(workspace, PreviewSource(summary.title, render, personal=personal,
                                                 handout=summary.kind in TABLE_KINDS, opening=True), parent)


def preview_catalog(workspace, parent: QWidget | None = None) -> PrintPreviewDialog:
    """The catalog, landscape to start with (its eleven columns want the width)."""
    from models.printing.jobs import NoticePrinter

    from .preview_dialog import PreviewSource

    ctx, today = workspace.ctx, clock.today()

    def render(options, _unmasked, _progress, _cancelled):
        return NoticePrinter(ctx, today=today).print_catalog(None, options)

    return open_preview(workspace, PreviewSource(translate("Printing", "公开事项目录"), render, landscape=True), parent)


def preview_feedback_answer(workspace, feedback_id: int, parent: QWidget | None = None) -> PrintPreviewDialog:
    """The notice answering a villager's question (异议答复)."""
    from models.printing.jobs import NoticePrinter

    from .preview_dialog import PreviewSource

    ctx, today = workspace.ctx, clock.today()

    def render(options, _unmasked, _progress, _cancelled):
        return NoticePrinter(ctx, today=today).print_feedback(feedback_id, None, options)

    return open_preview(workspace, PreviewSource(translate("Printing", "答复公告"), render), parent)


def preview_survey(workspace, survey_id: int, what: str, parent: QWidget | None = None, *,
                   base: str = "selections") -> PrintPreviewDialog | None:
    """A survey's paper questionnaire (``what`` "questionnaire") or its result notice ("results";
    ``base``: what multiple-choice percentages are of, "selections" or "respondents")."""
    from models.printing.jobs import NoticePrinter
    from models.services.surveys import SurveyService

    from .preview_dialog import PreviewSource

    try:
        title = SurveyService(workspace.ctx).get(survey_id).title
        if what == "results" and not SurveyService(workspace.ctx).results(survey_id).respondents:
            dialogs.error(translate("Printing", "无法打印"),
                          translate("Printing", "这份问卷还没有计入统计的答卷，不能打印结果公告。"), parent=parent)
            return None
    except CunwuError as exc:
        dialogs.error(translate("Printing", "无法打印"), exc, parent=parent)
        return None
    ctx, today = workspace.ctx, clock.today()

    def render(options, _unmasked, _progress, _cancelled):
        return NoticePrinter(ctx, today=today).print_survey(survey_id, what, None, options, base=base)

    heading = title if what == "questionnaire" else translate("Printing", "%1结果公布").replace("%1", title)
    return open_preview(workspace, PreviewSource(heading, render), parent)


# --- the month's bundle --------------------------------------------------------------------------


class MonthPrint(QObject):
    """打印本月全部公告: prepares the bundle off the GUI thread, then opens its preview.

    ``progress_dialog`` shows how far it is; its 取消 stops the job between documents (no preview).
    ``finished`` carries the preview window, or None when cancelled or refused.
    """

    finished = Signal(object)

    _active: set[MonthPrint] = set()  # alive until the job reports, whatever the caller keeps

    def __init__(self, workspace, year: int, month: int, parent: QWidget | None = None):
        from models.printing.jobs import NoticePrinter, PrintCancelled

        from .preview_dialog import remembered_options

        super().__init__(parent)
        self.ws = workspace
        self.year, self.month = year, month
        self.parent_widget = parent
        self.preview: PrintPreviewDialog | None = None
        self.reports: list[tuple[int, int, str]] = []
        self.outcome = "running"  # then: opened, cancelled, failed
        self.options = remembered_options(workspace.settings)
        ctx, today, options = workspace.ctx, clock.today(), self.options

        def work(progress, cancelled):
            try:
                return NoticePrinter(ctx, today=today).print_due(year, month, None, options, progress=progress,
                                                                 cancelled=cancelled)
            except PrintCancelled:
                return None  # the job's cancel flag is set: it reports `cancelled`

        self.job = workers.Job(work)
        heading = self.heading()
        self.progress_dialog = QProgressDialog(heading, translate("Printing", "取消"), 0, 0, parent)
        self.progress_dialog.setWindowTitle(translate("Printing", "打印本月全部公告"))
        self.progress_dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress_dialog.setMinimumDuration(0)
        self.progress_dialog.setAutoClose(False)
        self.progress_dialog.setAutoReset(False)
        self.progress_dialog.setMinimumWidth(420)
        self.progress_dialog.canceled.connect(self.cancel)
        self.job.signals.progress.connect(self._progress)
        self.job.signals.finished.connect(self._finished)
        self.job.signals.failed.connect(self._failed)
        self.job.signals.cancelled.connect(self._cancelled)
        MonthPrint._active.add(self)
        self.progress_dialog.setValue(0)
        self.progress_dialog.show()
        workers.start(workers.keep_until_done(self.job))

    def heading(self) -> str:
        return translate("Printing", "正在准备%1年%2月的全部公告……").replace("%1", str(self.year)).replace("%2", str(self.month))

    def cancel(self) -> None:
        self.job.cancel()

    def _progress(self, done: int, total: int, text: str) -> None:
        if self.outcome != "running":  # a report queued behind the end: the dialog is gone
            return
        self.reports.append((done, total, text))
        self.progress_dialog.setLabelText(f"{self.heading()}\n{text}")
        self.progress_dialog.setMaximum(total)
        # Last: on a modal dialog setValue runs the event loop, which may deliver `finished` and let
        # _end close the dialog; nothing may touch it after this call.
        self.progress_dialog.setValue(done)

    def _end(self, outcome: str, preview: PrintPreviewDialog | None = None) -> None:
        self.outcome = outcome
        self.preview = preview
        self.progress_dialog.canceled.disconnect(self.cancel)
        self.progress_dialog.close()
        self.progress_dialog.deleteLater()
        MonthPrint._active.discard(self)
        self.finished.emit(preview)

    def _finished(self, result) -> None:
        from models.printing.jobs import NoticePrinter

        from .preview_dialog import PreviewSource

        ctx, today, year, month = self.ws.ctx, clock.today(), self.year, self.month

        def render(options, unmasked, progress, cancelled):
            return NoticePrinter(ctx, today=today).print_due(year, month, None, options, unmasked=unmasked,
                                                             progress=progress, cancelled=cancelled)

        name = translate("Printing", "%1年%2月全部公告").replace("%1", str(year)).replace("%2", str(month))
        preview = open_preview(self.ws, PreviewSource(name, render, personal=True), self.parent_widget,
                               result=result, options=self.options)
        self._end("opened", preview)

    def _cancelled(self) -> None:
        self._end("cancelled")
        _status(self.parent_widget, translate("Printing", "已取消打印本月全部公告"))

    def _failed(self, exc: Exception) -> None:
        from .preview_dialog import shows_as_message

        self._end("failed")
        if not shows_as_message(exc):
            raise exc  # a bug: the crash handler logs it and shows the report
        if isinstance(exc, NotFound):  # nothing due and nothing posted: not an error, just nothing to print
            dialogs.info(translate("Printing", "打印本月全部公告"), str(exc), parent=self.parent_widget)
        else:
            dialogs.error(translate("Printing", "无法打印"), exc, parent=self.parent_widget)


def print_month(workspace, year: int, month: int, parent: QWidget | None = None) -> MonthPrint:
    """打印本月全部公告: the month's list sheet and every notice in one file, then the preview."""
    return MonthPrint(workspace, year, month, parent)


def _status(widget: QWidget | None, text: str) -> None:
    window = widget.window() if widget is not None else None
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, 6000)
