"""打印预览: the notice as it will print, with its options, 打印… and 保存为 PDF….

The window shows the PDF that `models.printing` rendered (QtPdf: a `QPdfDocument` read from the bytes
through a `QBuffer`, a multi-page `QPdfView`). Changing paper, orientation or 大字版 renders again, off the
GUI thread (`desktop.workers`) with a busy bar, so a thousand-row roster does not freeze the window;
what is printed or saved is always the PDF on screen.

For rosters, 打印完整信息（内部资料） asks first: that copy carries full ID and bank card numbers, prints
“内部资料 不得张贴” across every page, and is recorded in the audit trail by the print job.

Printing goes through the system's print dialog; pages are drawn as images at print resolution
(`desktop.printing.paint`) on a worker thread with a progress dialog and 取消. The printer's name and
the options used are remembered in the settings.

A character no font has (`MissingGlyphError`) or any service error is shown by `dialogs.error` with its
message (record, field, character) — never a traceback.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QMargins, QObject, QPointF, Qt, QThread, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence, QPageLayout, QPageSize, QPalette
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from models.errors import CunwuError
from models.output_files import write_output
from models.printing.document import PrintOptions
from models.printing.fonts import MissingGlyphError
from models.printing.jobs import PrintCancelled, PrintResult

from .. import dialogs, workers
from ..permissions import gate
from ..screen_fit import fit_to_screen
from . import paint

#: ``render(options, unmasked, progress, cancelled) -> PrintResult``, run on a worker thread; a source
#: with ``opening`` set is also given ``opening=`` (models.printing.jobs.Opening).
Renderer = Callable[..., PrintResult]

ZOOM_STEP = 1.25
ZOOM_MIN, ZOOM_MAX = 0.25, 6.0
_UNSAFE_FILE_CHARS = re.compile(r'[\\/:*?"<>|\r\n\t]+')



def shows_as_message(exc: BaseException) -> bool:
    """Errors meant for the user (their text says what to fix); anything else is a bug."""
    return isinstance(exc, CunwuError | MissingGlyphError | OSError)


@dataclass(frozen=True)
class PreviewSource:
    """What to preview: a name until the first render gives the title, and how to render it.

    ``personal``: the notice can carry personal data, so the internal copy is offered.
    ``landscape``: the orientation to start with regardless of the last one used (the catalog's
    eleven columns want landscape paper), or None for the remembered one.
    """

    name: str
    render: Renderer
    personal: bool = False
    landscape: bool | None = None
    handout: bool = False  # a roster: offer the hand-out copy (发放签字表)
    #: the renderer takes ``opening=``: its first page is shown while the rest is drawn (a large roster)
    opening: bool = False


class _OpeningRelay(QObject):
    """Carries a render's first page from the worker to the window (a queued signal)."""

    ready = Signal(object, object)  # the job, its first page (PrintResult)


def remembered_options(settings, *, landscape: bool | None = None) -> PrintOptions:
    """The paper and orientation last printed or saved with (``landscape`` forces the orientation),
    large print as set in 打印设置."""
    turned = settings.print_landscape if landscape is None else landscape
    return PrintOptions(paper="A3" if settings.print_paper == "A3" else "A4", landscape=bool(turned),
                        large=bool(settings.print_large))


def safe_file_name(title: str) -> str:
    name = _UNSAFE_FILE_CHARS.sub("_", title).strip(" ._") or "公告"
    return name[:80]


class PrintPreviewDialog(QDialog):
    rendered = Signal()  # a new PDF is on screen
    opened = Signal()  # the first page of the first render is on screen, the rest still being drawn
    printed = Signal(int)  # sheets sent to the printer
    saved = Signal(object)  # the Path written

    def __init__(self, workspace, source: PreviewSource, parent: QWidget | None = None, *,
                 result: PrintResult | None = None, options: PrintOptions | None = None, unmasked: bool = False):
        super().__init__(parent)
        self.ws = workspace
        self.source = source
        self.result: PrintResult | None = None
        #: the first page shown while the first render draws the rest (``opening.pages``: the whole's)
        self.opening: PrintResult | None = None
        self._opening_relay = _OpeningRelay(self)
        self._opening_relay.ready.connect(self._opening_ready)
        self.shown_options: PrintOptions | None = None  # what the PDF on screen was rendered with
        self.shown_unmasked = False
        self.unmasked = unmasked and source.personal
        self._job: workers.Job | None = None
        self._pending = False  # options changed while a render ran: render again when it ends
        self._first_render = False  # the first render waits for the window's first paint
        self._print_job: workers.Job | None = None
        self._printer: QPrinter | None = None
        self._focus_back: QWidget | None = None
        self.print_progress: QProgressDialog | None = None
        self.setWindowTitle(self.tr("打印预览 — %1").replace("%1", source.name))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._build(options or self._remembered_options())
        # as tall as the screen allows: a portrait page is read top to bottom
        fit_to_screen(self, 1180, 100_000)
        if result is not None:
            self._show_pdf(result, options or self.options(), self.unmasked)
        else:  # the first render starts once the empty window is on screen (see _start_first_render)
            self._first_render = True
            self._set_busy(True)
            workers.AfterFirstPaint(self.view.viewport(), self._start_first_render)

    # --- building ---------------------------------------------------------------------------
    def _remembered_options(self) -> PrintOptions:
        return remembered_options(self.ws.settings, landscape=self.source.landscape)

    def _action(self, text: str, tip: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        action.setToolTip(tip)
        action.triggered.connect(slot)
        if shortcut is not None:
            action.setShortcuts(shortcut if isinstance(shortcut, list) else [QKeySequence(shortcut)])
        self.addAction(action)
        return action

    def _build(self, options: PrintOptions) -> None:
        # the viewer
        self.document = QPdfDocument(self)
        self._buffer = None
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        # Fitted to the width, a page about as tall as the view toggles the scroll bar, which changes
        # the width, which refits the page, which toggles the bar … — QPdfView then lays itself out
        # thousands of times (measured: 300–1000 ms GUI stalls while a one-page opening was shown).
        # With the bar always there the width never changes.
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.view.setPageSpacing(14)
        self.view.setDocumentMargins(QMargins(18, 14, 18, 14))
        self.view.setAccessibleName(self.tr("预览"))
        palette = self.view.palette()  # QPdfView paints around the pages with the Dark role
        palette.setColor(QPalette.ColorRole.Dark, QColor("#8a8f96"))
        self.view.setPalette(palette)
        self.navigator = self.view.pageNavigator()
        self.navigator.currentPageChanged.connect(self._update_page_label)

        self.zoom_out_action = self._action(self.tr("缩小"), self.tr("缩小（Ctrl+-）"), self.zoom_out,
                                            QKeySequence.StandardKey.ZoomOut)
        self.zoom_in_action = self._action(self.tr("放大"), self.tr("放大（Ctrl++）"), self.zoom_in,
                                           [QKeySequence.StandardKey.ZoomIn, QKeySequence("Ctrl+=")])
        self.fit_width_action = self._action(self.tr("适合宽度"), self.tr("页面宽度充满窗口"), self.fit_width)
        self.fit_page_action = self._action(self.tr("整页"), self.tr("整页显示"), self.fit_page)
        self.previous_action = self._action(self.tr("上一页"), self.tr("上一页"), self.previous_page)
        self.next_action = self._action(self.tr("下一页"), self.tr("下一页"), self.next_page)
        self.page_label = QLabel()
        self.page_label.setMinimumWidth(120)
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_label = QLabel()
        self.zoom_label.setMinimumWidth(48)
        self.busy_label = QLabel()
        self.busy_bar = QProgressBar()
        self.busy_bar.setMaximumWidth(180)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setRange(0, 0)  # indeterminate until a job reports how far it is

        toolbar = QToolBar()
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.zoom_out_action, self.zoom_in_action):
            toolbar.addAction(action)
        toolbar.addWidget(self.zoom_label)
        toolbar.addAction(self.fit_width_action)
        toolbar.addAction(self.fit_page_action)
        toolbar.addSeparator()
        toolbar.addAction(self.previous_action)
        toolbar.addWidget(self.page_label)
        toolbar.addAction(self.next_action)
        toolbar.addSeparator()
        # a widget in a tool bar is shown and hidden through its action
        self.busy_actions = (toolbar.addWidget(self.busy_bar), toolbar.addWidget(self.busy_label))
        for action in toolbar.actions():
            widget = toolbar.widgetForAction(action)
            if widget is not None:
                widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys are on the window

        # the options
        self.paper_group = QButtonGroup(self)
        self.a4_radio = QRadioButton(self.tr("A4"))
        self.a3_radio = QRadioButton(self.tr("A3"))
        self.paper_group.addButton(self.a4_radio)
        self.paper_group.addButton(self.a3_radio)
        self.orientation_group = QButtonGroup(self)
        self.portrait_radio = QRadioButton(self.tr("纵向"))
        self.landscape_radio = QRadioButton(self.tr("横向"))
        self.orientation_group.addButton(self.portrait_radio)
        self.orientation_group.addButton(self.landscape_radio)
        self.large_check = QCheckBox(self.tr("大字版"))
        self.large_check.setToolTip(self.tr("字号加大，适合贴在公开栏上远看"))
        self.large_note = QLabel()  # the default from 打印设置, and whether this notice differs
        self.large_note.setWordWrap(True)
        self.large_note.setStyleSheet("color: gray;")
        self.unmasked_check = QCheckBox(self.tr("打印完整信息（内部资料）"))
        self.unmasked_check.setToolTip(self.tr("完整身份证号、银行卡号，每页印“内部资料 不得张贴”；只供内部核对，不得张贴"))
        self.unmasked_check.setVisible(self.source.personal)
        gate(self.unmasked_check, self.ws, "print.unmasked")  # a permission, set by the admin
        self.unmasked_note = QLabel(self.tr("内部资料：含完整身份证号、银行卡号，不得张贴公示。"))
        self.unmasked_note.setWordWrap(True)
        self.unmasked_note.setStyleSheet("color: #b71c1c; font-weight: bold;")
        self.handout_check = QCheckBox(self.tr("发放签字表"))
        self.handout_check.setToolTip(self.tr("名单最后加一列空白的“受益户签字（手印）”，发放时签字按手印用；张贴版不印这一列"))
        self.handout_check.setVisible(self.source.handout)
        self.masked_note = QLabel(self.tr("张贴版：身份证号、银行卡号、电话号码已按规定隐去部分数字（备注、正文等处的也一样）。"))
        self.masked_note.setWordWrap(True)
        self.masked_note.setStyleSheet("color: gray;")
        self._set_controls(options, self.unmasked)

        paper_box = QGroupBox(self.tr("纸张"))
        paper_layout = QHBoxLayout(paper_box)
        paper_layout.addWidget(self.a4_radio)
        paper_layout.addWidget(self.a3_radio)
        paper_layout.addStretch(1)
        orientation_box = QGroupBox(self.tr("方向"))
        orientation_layout = QHBoxLayout(orientation_box)
        orientation_layout.addWidget(self.portrait_radio)
        orientation_layout.addWidget(self.landscape_radio)
        orientation_layout.addStretch(1)
        text_box = QGroupBox(self.tr("内容"))
        text_layout = QVBoxLayout(text_box)
        text_layout.addWidget(self.large_check)
        text_layout.addWidget(self.large_note)
        text_layout.addWidget(self.unmasked_check)
        text_layout.addWidget(self.handout_check)
        text_layout.addWidget(self.masked_note)
        text_layout.addWidget(self.unmasked_note)
        self.masked_note.setVisible(self.source.personal)

        self.print_button = QPushButton(self.tr("打印…"))
        self.print_button.setToolTip(self.tr("选择打印机并打印（Ctrl+P）"))
        self.save_button = QPushButton(self.tr("保存为 PDF…"))
        self.save_button.setToolTip(self.tr("另存为 PDF 文件（Ctrl+S），可拷到乡镇或发到微信群"))
        self.close_button = QPushButton(self.tr("关闭"))
        self.print_button.setDefault(True)
        for button in (self.print_button, self.save_button, self.close_button):
            button.setMinimumHeight(32)
        font = self.print_button.font()
        font.setBold(True)
        self.print_button.setFont(font)
        self.print_action = self._action(self.tr("打印…"), self.tr("打印"), self.print_pdf, QKeySequence.StandardKey.Print)
        self.save_action = self._action(self.tr("保存为 PDF…"), self.tr("保存为 PDF"), self.save_pdf,
                                        QKeySequence.StandardKey.Save)
        self.print_button.clicked.connect(self.print_pdf)
        self.save_button.clicked.connect(self.save_pdf)
        self.close_button.clicked.connect(self.close)

        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setStyleSheet("color: #2e7d32;")

        panel = QWidget()
        panel.setFixedWidth(250)
        side = QVBoxLayout(panel)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(paper_box)
        side.addWidget(orientation_box)
        side.addWidget(text_box)
        side.addStretch(1)
        side.addWidget(self.status_label)
        side.addWidget(self.print_button)
        side.addWidget(self.save_button)
        side.addWidget(self.close_button)

        frame = QFrame()
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        frame_layout = QVBoxLayout(frame)
        frame_layout.setContentsMargins(0, 0, 0, 0)
        frame_layout.addWidget(self.view)
        body = QHBoxLayout()
        body.addWidget(panel)
        body.addWidget(frame, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(toolbar)
        layout.addLayout(body, 1)

        chain = [self.print_button, self.save_button, self.close_button, self.a4_radio, self.portrait_radio,
                 self.large_check, self.unmasked_check, self.handout_check, self.view]
        for a, b in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(a, b)
        self.print_button.setFocus()

        for button in (self.a4_radio, self.a3_radio, self.portrait_radio, self.landscape_radio):
            button.toggled.connect(self._option_toggled)
        self.large_check.toggled.connect(self._update_large_note)
        self.large_check.toggled.connect(self._options_changed)
        self.handout_check.toggled.connect(self._options_changed)
        self.unmasked_check.toggled.connect(self._unmasked_toggled)
        self._update_page_label()
        self._set_busy(False)

    def _set_controls(self, options: PrintOptions, unmasked: bool) -> None:
        widgets = (self.a4_radio, self.a3_radio, self.portrait_radio, self.landscape_radio, self.large_check,
                   self.unmasked_check, self.handout_check)
        for w in widgets:
            w.blockSignals(True)
        (self.a3_radio if options.paper == "A3" else self.a4_radio).setChecked(True)
        (self.landscape_radio if options.landscape else self.portrait_radio).setChecked(True)
        self.large_check.setChecked(options.large)
        self.handout_check.setChecked(options.handout and self.source.handout)
        self.unmasked_check.setChecked(unmasked)
        for w in widgets:
            w.blockSignals(False)
        self.unmasked_note.setVisible(unmasked)
        self.masked_note.setVisible(self.source.personal and not unmasked)
        self._update_large_note()

    def _update_large_note(self) -> None:
        default = bool(self.ws.settings.print_large)
        if self.large_check.isChecked() == default:
            text = self.tr("打印设置中默认使用大字版") if default else self.tr("打印设置中默认为标准字号")
        else:
            text = (self.tr("仅本份使用大字版；默认为标准字号，可在“打印设置”中更改") if not default
                    else self.tr("仅本份使用标准字号；默认为大字版，可在“打印设置”中更改"))
        self.large_note.setText(text)

    # --- state ------------------------------------------------------------------------------
    def options(self) -> PrintOptions:
        """The options the controls show (what the next render uses)."""
        return PrintOptions(paper="A3" if self.a3_radio.isChecked() else "A4",
                            landscape=self.landscape_radio.isChecked(), large=self.large_check.isChecked(),
                            handout=self.source.handout and self.handout_check.isChecked())

    @property
    def busy(self) -> bool:
        return self._job is not None or self._first_render

    @property
    def title(self) -> str:
        return self.result.title if self.result is not None else self.source.name

    def _set_busy(self, busy: bool, text: str = "") -> None:
        for action in self.busy_actions:
            action.setVisible(busy)
        if busy:
            self.busy_bar.setRange(0, 0)
            self.busy_label.setText(text or self.tr("正在生成预览……"))
        ready = not busy and self.result is not None
        focus = self.focusWidget()
        if not ready and focus in (self.print_button, self.save_button):
            self._focus_back = focus  # disabling it moves the focus on; give it back afterwards
        for w in (self.print_button, self.save_button, self.print_action, self.save_action):
            w.setEnabled(ready)
        back = self._focus_back
        if ready and back is not None:
            self._focus_back = None
            if self.focusWidget() in (None, self.close_button):
                back.setFocus()

    # --- rendering --------------------------------------------------------------------------
    def _option_toggled(self, checked: bool) -> None:
        if checked:  # each radio group reports twice: the one turned off, then the one turned on
            self._options_changed()

    def _options_changed(self, *_args) -> None:
        self.render_again()

    def _unmasked_toggled(self, checked: bool) -> None:
        if checked:
            question = self.tr(
                "打印完整信息将显示完整的身份证号、银行卡号等个人信息，每页印有“内部资料 不得张贴”。\n\n"
                "这份材料只供村两委、监委会内部核对，不得张贴公示，不得发到微信群；打印或保存后请妥善保管。"
                "本次操作将记入操作日志。\n\n确定要打印完整信息吗？")
            if not dialogs.confirm(self.tr("打印完整信息（内部资料）"), question, ok_text=self.tr("打印完整信息"),
                                   parent=self):
                self.unmasked_check.blockSignals(True)
                self.unmasked_check.setChecked(False)
                self.unmasked_check.blockSignals(False)
                return
        self.unmasked = checked
        self.unmasked_note.setVisible(checked)
        self.masked_note.setVisible(self.source.personal and not checked)
        self.render_again()

    def _start_first_render(self) -> None:
        """The first render, begun after the window's first paint: a render started beside that paint
        takes the GIL from every Python call the paint makes, as the roster editor's load did."""
        if self._first_render:  # not already begun by a change of options
            self.render_again()

    def render_again(self) -> None:
        """Render with the options shown, off the GUI thread; one render at a time, the last wins."""
        self._first_render = False
        if self._job is not None:
            self._pending = True
            self._job.cancel()  # a month's bundle stops between documents; a single notice just ends
            return
        options, unmasked = self.options(), self.unmasked
        render = self.source.render
        relay = self._opening_relay
        # the first page early only while nothing is on screen (a re-render keeps the last PDF shown)
        early = self.source.opening and self.result is None

        gui = QThread.currentThread()

        def work(progress, cancelled):
            more = {"opening": lambda first: relay.ready.emit(job, first)} if early else {}
            try:
                with workers.collections_paused():  # no GIL-holding full collections: the window keeps painting
                    result = render(options, unmasked, progress, cancelled, **more)
                    return result, paint.load_pdf_for(result.data, gui)  # parsed here, not on the GUI thread
            except PrintCancelled:
                return None  # the job's cancel flag is set: it reports `cancelled`

        job = workers.Job(work)
        job.signals.finished.connect(self._render_finished)
        job.signals.failed.connect(self._render_failed)
        job.signals.cancelled.connect(self._render_cancelled)
        job.signals.progress.connect(self._render_progress)
        self._job = job
        self._job_input = (options, unmasked)
        self._set_busy(True)
        workers.start(workers.keep_until_done(job))

    def _opening_ready(self, job, first: PrintResult) -> None:
        if job is not self._job or self._pending or self.result is not None:
            return  # a render since superseded, or a whole PDF already on screen
        old = self.document
        self.document, self._buffer = paint.load_pdf(first.data)  # one page: quick
        self.document.setParent(self)
        self.view.setDocument(self.document)
        old.deleteLater()  # with its buffer
        self.opening = first
        self.setWindowTitle(self.tr("打印预览 — %1").replace("%1", first.title))
        self._update_page_label()
        self.opened.emit()

    def _render_progress(self, done: int, total: int, _text: str) -> None:
        if total > 0:
            self.busy_bar.setRange(0, total)
            self.busy_bar.setValue(done)
            self.busy_label.setText(self.tr("正在生成预览……（%1/%2）").replace("%1", str(done)).replace("%2", str(total)))

    def _next_render(self) -> bool:
        self._job = None
        if self._pending:
            self._pending = False
            self.render_again()
            return True
        return False

    def _render_finished(self, rendered: tuple[PrintResult, tuple[QPdfDocument, QBuffer]]) -> None:
        options, unmasked = self._job_input
        result, loaded = rendered
        if self._next_render():
            loaded[0].deleteLater()
            return
        self._show_pdf(result, options, unmasked, loaded)

    def _render_cancelled(self) -> None:
        if not self._next_render():
            self._set_busy(False)

    def _render_failed(self, exc: Exception) -> None:
        _options, unmasked = self._job_input
        self._pending = False
        self._job = None
        self._set_busy(False)
        if not shows_as_message(exc):
            raise exc  # a bug: the crash handler logs it and shows the report
        dialogs.error(self.tr("无法打印"), exc, parent=self)
        if self.result is None:  # nothing to show at all
            self.close()
            return
        # keep the PDF on screen and put the controls back to what it was rendered with
        self.unmasked = self.shown_unmasked
        self._set_controls(self.shown_options or self.options(), self.shown_unmasked)

    def _show_pdf(self, result: PrintResult, options: PrintOptions, unmasked: bool,
                  loaded: tuple[QPdfDocument, QBuffer] | None = None) -> None:
        """Show a rendered PDF; ``loaded``: its document as a worker loaded it (else loaded here)."""
        page = self.navigator.currentPage() if self.result is not None else 0
        if loaded is not None:
            old_document, (self.document, self._buffer) = self.document, loaded
            self.document.setParent(self)
            self.view.setDocument(self.document)
            old_document.deleteLater()  # with its buffer
        else:
            old = self._buffer
            _document, self._buffer = paint.load_pdf(result.data, self.document)
            if old is not None:
                old.deleteLater()
        self.result = result
        self.shown_options = options
        self.shown_unmasked = unmasked
        self.setWindowTitle(self.tr("打印预览 — %1").replace("%1", result.title))
        self._set_busy(False)
        self.go_to_page(min(page, self.document.pageCount() - 1))
        self._update_page_label()
        self.rendered.emit()

    # --- viewing ----------------------------------------------------------------------------
    def page_count(self) -> int:
        return self.document.pageCount() if self.result is not None else 0

    def current_page(self) -> int:
        return self.navigator.currentPage()

    def go_to_page(self, index: int) -> None:
        if 0 <= index < self.page_count():
            self.navigator.jump(index, QPointF(), self.navigator.currentZoom())
        self._update_page_label()

    def previous_page(self) -> None:
        self.go_to_page(self.current_page() - 1)

    def next_page(self) -> None:
        self.go_to_page(self.current_page() + 1)

    def _update_page_label(self, *_args) -> None:
        count = self.page_count()
        page = min(max(self.current_page(), 0), max(count - 1, 0))
        shown = (1, self.opening.pages) if self.result is None and self.opening is not None else (
            page + 1 if count else 0, count)  # the first page alone, while the rest is drawn
        self.page_label.setText(self.tr("第 %1 页，共 %2 页").replace("%1", str(shown[0]))
                                .replace("%2", str(shown[1])))
        self.previous_action.setEnabled(page > 0)
        self.next_action.setEnabled(page < count - 1)
        self._update_zoom_label()

    def effective_zoom(self) -> float:
        """The zoom factor as shown (in the fit modes QPdfView keeps its own factor at 1)."""
        if self.view.zoomMode() == QPdfView.ZoomMode.Custom or self.page_count() == 0:
            return self.view.zoomFactor()
        points = self.document.pagePointSize(max(self.current_page(), 0))
        dpi = self.view.logicalDpiX() / 72
        margins = self.view.documentMargins()
        area = self.view.viewport().size()
        by_width = (area.width() - margins.left() - margins.right()) / max(points.width() * dpi, 1)
        if self.view.zoomMode() == QPdfView.ZoomMode.FitToWidth:
            return by_width
        by_height = (area.height() - margins.top() - margins.bottom()) / max(points.height() * dpi, 1)
        return min(by_width, by_height)

    def _zoom_to(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(min(max(factor, ZOOM_MIN), ZOOM_MAX))
        self._update_zoom_label()

    def zoom_in(self) -> None:
        self._zoom_to(self.effective_zoom() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self._zoom_to(self.effective_zoom() / ZOOM_STEP)

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._update_zoom_label()

    def fit_page(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self._update_zoom_label()

    def _update_zoom_label(self) -> None:
        self.zoom_label.setText(f"{round(self.effective_zoom() * 100)}%")

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.print_button.setFocus(Qt.FocusReason.OtherFocusReason)  # Enter prints, Esc closes

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._update_zoom_label()

    # --- output -----------------------------------------------------------------------------
    def _remember_options(self) -> None:
        options = self.shown_options
        if options is None:
            return
        s = self.ws.settings
        s.print_paper = options.paper  # 大字版 is not: its default belongs to 打印设置
        if self.source.landscape is None:  # a forced orientation (the catalog) is not a preference
            s.print_landscape = options.landscape

    def suggested_path(self) -> Path:
        name = safe_file_name(self.title)
        if self.shown_unmasked:
            name += self.tr("（内部资料）")
        return Path(f"{name}.pdf")  # offered in the folder PDFs were saved to last (dialogs.SAVE_PDF)

    def save_pdf(self) -> Path | None:
        if self.result is None or self.busy:
            return None
        path = dialogs.save_file(self.tr("保存为 PDF"), self.tr("PDF 文件 (*.pdf)"), suggested=self.suggested_path(),
                                 purpose=dialogs.SAVE_PDF, parent=self)
        if path is None:
            return None
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            write_output(path, self.result.data, private=self.shown_unmasked)
        except CunwuError as exc:  # the message names the path and why (models.output_files)
            dialogs.error(self.tr("未能保存"), str(exc), parent=self)
            return None
        self._remember_options()
        self.status_label.setText(self.tr("已保存到 %1").replace("%1", str(path)))
        self.saved.emit(path)
        return path

    def _new_printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        name = self.ws.settings.print_printer
        if name and name in QPrinterInfo.availablePrinterNames():
            printer.setPrinterName(name)
        options = self.shown_options or self.options()
        size = QPageSize(QPageSize.PageSizeId.A3 if options.paper == "A3" else QPageSize.PageSizeId.A4)
        orientation = QPageLayout.Orientation.Landscape if options.landscape else QPageLayout.Orientation.Portrait
        printer.setFullPage(True)  # the PDF has its margins; draw it on the whole sheet
        printer.setPageLayout(QPageLayout(size, orientation, printer.pageLayout().margins()))
        printer.setDocName(self.title)
        printer.setFromTo(1, self.page_count())
        return printer

    def print_pdf(self) -> None:
        """The system print dialog, then the pages it asked for, on a worker thread."""
        if self.result is None or self.busy or self._print_job is not None:
            return
        printer = self._new_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("打印 — %1").replace("%1", self.title))
        dialog.setMinMax(1, self.page_count())
        for option in (QAbstractPrintDialog.PrintDialogOption.PrintPageRange,
                       QAbstractPrintDialog.PrintDialogOption.PrintCurrentPage,
                       QAbstractPrintDialog.PrintDialogOption.PrintCollateCopies,
                       QAbstractPrintDialog.PrintDialogOption.PrintShowPageSize,
                       QAbstractPrintDialog.PrintDialogOption.PrintToFile):
            dialog.setOption(option, True)
        accepted = dialog.exec()
        dialog.deleteLater()
        if int(accepted) != int(QDialog.DialogCode.Accepted):
            return
        if printer.printerName():
            self.ws.settings.print_printer = printer.printerName()
        self._remember_options()
        self.send_to_printer(printer, self.pages_to_print(printer))

    def pages_to_print(self, printer: QPrinter) -> list[int]:
        count = self.page_count()
        chosen = printer.printRange()
        if chosen == QPrinter.PrintRange.CurrentPage:
            return [max(self.current_page(), 0)]
        if chosen == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            last = printer.toPage() if printer.toPage() > 0 else count
            return list(range(printer.fromPage() - 1, min(last, count)))
        return list(range(count))

    def send_to_printer(self, printer: QPrinter, pages: list[int]) -> workers.Job:
        data = self.result.data
        job = workers.Job(lambda progress, cancelled: paint.print_pdf(data, printer, pages, progress, cancelled))
        progress = QProgressDialog(self.tr("正在发送到打印机……"), self.tr("取消"), 0, len(pages), self)
        progress.setWindowTitle(self.tr("打印"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setValue(0)
        progress.canceled.connect(job.cancel)
        job.signals.progress.connect(self._print_progress)
        job.signals.finished.connect(self._print_finished)
        job.signals.failed.connect(self._print_failed)
        job.signals.cancelled.connect(self._print_cancelled)
        self._printer = printer  # painted on the worker thread; kept until it reports
        self._print_job = job
        self.print_progress = progress
        self.print_button.setEnabled(False)
        workers.start(workers.keep_until_done(job))
        return job

    def _print_progress(self, done: int, total: int, _text: str) -> None:
        dialog = self.print_progress
        if dialog is None:
            return
        dialog.setLabelText(self.tr("正在发送到打印机：第 %1 页，共 %2 页")
                            .replace("%1", str(done)).replace("%2", str(total)))
        dialog.setMaximum(total)
        # Last: on a modal dialog setValue runs the event loop, which may deliver `finished` and let
        # _print_done close the dialog; nothing may touch it after this call.
        dialog.setValue(done)

    def _print_done(self) -> None:
        self._print_job = None
        self._printer = None
        if self.print_progress is not None:
            self.print_progress.close()
            self.print_progress.deleteLater()
            self.print_progress = None
        self._set_busy(self.busy)

    def _print_finished(self, sheets: int) -> None:
        self._print_done()
        self.status_label.setText(self.tr("已发送 %1 页到打印机").replace("%1", str(sheets)))
        self.printed.emit(sheets)

    def _print_cancelled(self) -> None:
        self._print_done()
        self.status_label.setText(self.tr("已取消打印"))

    def _print_failed(self, exc: Exception) -> None:
        self._print_done()
        if not shows_as_message(exc):
            raise exc
        dialogs.error(self.tr("打印失败"), exc, parent=self)

    # --- closing ----------------------------------------------------------------------------
    def closeEvent(self, event) -> None:
        self._first_render = False  # closed before its first paint: nothing to render
        if self._job is not None:
            self._pending = False
            self._job.cancel()
        super().closeEvent(event)

    def done(self, code: int) -> None:  # Esc and 关闭 end here: close it (and delete it) like the title bar
        super().done(code)
        self.close()

