"""The panel under the record list: everything about the selected record, its evidence files and the
villagers' questions about it.

- 概况: title, item, period, status, drafter / reviewer / opinion, posting window, totals, the
  findings of the checks (errors red, warnings amber) and the history (who did what when).
- 附件: the board photo and receipts (AttachmentService), each checked against its SHA-256.
- 群众意见: questions recorded against the posted notice and their answers (FeedbackService).

Not a page: `records_page` embeds it. It writes only through the services and tells the page with
`changed` so the list can follow.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Sequence
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from models.errors import CunwuError
from models.printing.settings import print_settings
from models.rules import kinds as K
from models.rules import workflow as W
from models.rules.money import format_money_cn
from models.services.attachments import KINDS as ATTACHMENT_KINDS
from models.services.attachments import AttachmentData, AttachmentService, file_sha256
from models.services.audit_log import AuditLogService
from models.services.disclosures import DisclosureData, DisclosureSummary, HistoryEntry
from models.services.feedback import FeedbackData, FeedbackService

from .. import clock, dialogs
from ..editors.catalog_item_dialog import record_kind_label
from ..editors.feedback_dialog import AnswerDialog, FeedbackDialog
from ..editors.workflow_dialogs import show_modal
from ..formats import cn_date, period_label
from ..permissions import gate_all
from ..printing import actions as printing
from ..qtmodels import attachment_model as am
from ..qtmodels.attachment_model import AttachmentModel, AttachmentRole, attachment_kind_text
from ..qtmodels.audit_model import AuditLogModel
from ..qtmodels.todo_models import EntryRole, FeedbackModel
from ..read_only import keep_disabled
from ..row_list import ActionButton, RowList
from ..workflow import show_step, status_colour, status_text, statuses_text

log = logging.getLogger("cunwu.desktop")

ATTACHMENT_FILTER = QT_TRANSLATE_NOOP("RecordDetail", "照片、扫描件和 PDF (*.jpg *.jpeg *.png *.bmp *.tif *.tiff *.pdf);;所有文件 (*)")
# models.rules.kinds.TOTAL_LABELS (what each total is called), listed for lupdate.
_TOTAL_LABELS_FOR_TRANSLATION = (
    QT_TRANSLATE_NOOP("RecordDetail", "行数"), QT_TRANSLATE_NOOP("RecordDetail", "金额"),
    QT_TRANSLATE_NOOP("RecordDetail", "数量"), QT_TRANSLATE_NOOP("RecordDetail", "人口"),
    QT_TRANSLATE_NOOP("RecordDetail", "期初余额"), QT_TRANSLATE_NOOP("RecordDetail", "收入"),
    QT_TRANSLATE_NOOP("RecordDetail", "支出"), QT_TRANSLATE_NOOP("RecordDetail", "期末余额"),
    QT_TRANSLATE_NOOP("RecordDetail", "总投资"), QT_TRANSLATE_NOOP("RecordDetail", "合计"),
    QT_TRANSLATE_NOOP("RecordDetail", "资金来源合计"), QT_TRANSLATE_NOOP("RecordDetail", "资金用途合计"),
    QT_TRANSLATE_NOOP("RecordDetail", "已到步骤"), QT_TRANSLATE_NOOP("RecordDetail", "投劳折资（元）"),
)
MONEY_KINDS = ("roster", "finance", "project", "yishi")
ERROR_COLOR = "#c62828"
WARNING_COLOR = "#b26a00"


def open_local_file(path: Path) -> bool:
    """Open a stored file with the system's viewer (tests replace this)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def local_time(at: datetime) -> str:
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return f"{at.astimezone():%Y-%m-%d %H:%M}"


def _tr(text: str) -> str:
    return QCoreApplication.translate("RecordDetail", text)


def totals_text(data: DisclosureSummary | DisclosureData) -> str:
    parts = []
    for key, value in data.totals.items():
        label = K.TOTAL_LABELS.get(key)
        # rows and amount say something only for rosters; other kinds' amount repeats their own total
        if label is None or value is None or value == "" or (key in ("rows", "amount") and data.kind != "roster"):
            continue
        if isinstance(value, Decimal):
            text = K.quantity_text(value) if key in K.QUANTITY_TOTALS else format_money_cn(value)
        else:
            text = str(value)
        parts.append(f"{_tr(label)} {text}")
    if not parts:
        return ""
    text = QCoreApplication.translate("RecordDetail", "，").join(parts)
    if data.kind in MONEY_KINDS:
        text += QCoreApplication.translate("RecordDetail", "（金额单位：%1）").replace("%1", data.unit)
    return text


def findings_html(findings: Sequence[K.Finding]) -> str:
    e = html.escape
    if not findings:
        clean = QCoreApplication.translate("RecordDetail", "检查通过，没有发现问题。")
        return f"<p style='color:#2e7d32'>{e(clean)}</p>"
    errors = sum(1 for f in findings if f.is_error)
    warnings = len(findings) - errors
    head = QCoreApplication.translate("RecordDetail", "%1 处错误（须改正才能提交审核），%2 处提示").replace("%1", str(errors)).replace("%2", str(warnings))
    lines = [f"<p><b>{e(head)}</b></p>"]
    shown = list(findings)[:200]
    for f in shown:
        color = ERROR_COLOR if f.is_error else WARNING_COLOR
        lines.append(f"<div style='color:{color}'>{e(f.located())}</div>")
    if len(findings) > len(shown):
        more = QCoreApplication.translate("RecordDetail", "……另有 %1 处").replace("%1", str(len(findings) - len(shown)))
        lines.append(f"<div>{e(more)}</div>")
    return "".join(lines)


def history_html(history: Sequence[HistoryEntry]) -> str:
    e = html.escape
    lines = []
    for h in reversed(history):  # newest first: what happened last is what matters
        note = f"：{e(h.note)}" if h.note else ""
        color = status_colour(h.status)
        lines.append(f"<div>{e(local_time(h.at))} {e(h.by)} "
                     f"<span style='color:{color}'>{e(status_text(h.status))}</span>{note}</div>")
    return "".join(lines)


class RecordDetail(QTabWidget):
    changed = Signal(int)  # a disclosure id whose attachments or feedback changed

    def __init__(self, workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws = workspace
        self.data: DisclosureSummary | DisclosureData | None = None
        self.active_dialog = None  # the open dialog (window-modal), for tests and to avoid doubles
        self._build()
        self.show_record(None)

    # --- building ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.summary = QTextBrowser()
        self.summary.setOpenLinks(False)
        self.summary.setAccessibleName(self.tr("记录概况"))

        self.attachment_model = AttachmentModel(self)
        self.attachment_view = self._table(self.attachment_model, self.tr("附件"))
        self.attachment_view.horizontalHeader().setSectionResizeMode(am.COL_NAME, QHeaderView.ResizeMode.Stretch)
        for col, width in ((am.COL_KIND, 96), (am.COL_SIZE, 80), (am.COL_ADDED, 180), (am.COL_STATE, 110)):
            self.attachment_view.setColumnWidth(col, width)
        # One action per step for its button and the list's context menu.
        self.add_attachment_action = self._action(self.tr("添加照片/票据…"),
                                                  self.tr("把公示栏照片或票据扫描件存入本记录（张贴后也可添加）"),
                                                  self.add_attachment)
        self.open_attachment_action = self._action(self.tr("打开"), self.tr("用系统的看图或 PDF 程序打开（回车或双击）"),
                                                   self.open_attachment)
        self.remove_attachment_action = self._action(self.tr("删除附件"), self._detach_tip(),
                                                     self.remove_attachment)
        self.add_attachment_button = ActionButton(self.add_attachment_action)
        self.open_attachment_button = ActionButton(self.open_attachment_action)
        self.remove_attachment_button = ActionButton(self.remove_attachment_action)
        attachments = self._tab(self.attachment_view, [self.add_attachment_button, self.open_attachment_button,
                                                       self.remove_attachment_button])
        self.attachment_rows = RowList(self.attachment_view, activate=self.open_attachment,
                                       actions=[self.open_attachment_action, self.remove_attachment_action],
                                       general_actions=[self.add_attachment_action])

        self.feedback_model = FeedbackModel(self)
        self.feedback_view = self._table(self.feedback_model, self.tr("群众意见"))
        self.feedback_view.setColumnHidden(FeedbackModel.COL_RECORD, True)
        self.feedback_view.horizontalHeader().setSectionResizeMode(FeedbackModel.COL_TEXT,
                                                                   QHeaderView.ResizeMode.Stretch)
        self.feedback_view.horizontalHeader().setSectionResizeMode(FeedbackModel.COL_ANSWER,
                                                                   QHeaderView.ResizeMode.Stretch)
        for col, width in ((FeedbackModel.COL_RECEIVED, 100), (FeedbackModel.COL_FROM, 80),
                           (FeedbackModel.COL_DUE, 100), (FeedbackModel.COL_STATE, 170)):
            self.feedback_view.setColumnWidth(col, width)
        self.add_feedback_action = self._action(self.tr("登记意见…"), self.tr("登记村民对这份公示提出的问题或异议"),
                                                self.add_feedback)
        self.answer_action = self._action(self.tr("答复…"), self.tr("答复选中的意见（回车或双击）"), self.answer_feedback)
        self.print_answer_action = printing.print_action(self, "feedback", self.print_answer, shortcut=False)  # 打印答复…
        self.add_feedback_button = ActionButton(self.add_feedback_action)
        self.answer_button = ActionButton(self.answer_action)
        self.print_answer_button = ActionButton(self.print_answer_action)
        feedback = self._tab(self.feedback_view, [self.add_feedback_button, self.answer_button,
                                                  self.print_answer_button])
        self.feedback_rows = RowList(self.feedback_view, activate=self.answer_feedback,
                                     actions=[self.answer_action, self.print_answer_action],
                                     general_actions=[self.add_feedback_action])
        # A read-only window shows attachments and questions but adds, removes and answers nothing.
        keep_disabled(self.ws, self.add_attachment_action, self.remove_attachment_action, self.add_feedback_action,
                      self.answer_action)

        self.addTab(self.summary, self.tr("概况"))
        self.addTab(attachments, self.tr("附件"))
        self.addTab(feedback, self.tr("群众意见"))

        # The record's audit trail: every write about it, with the content seals of submit/approve/post.
        self.audit_model = AuditLogModel(self)
        self.audit_view = self._table(self.audit_model, self.tr("审计记录"))
        self.audit_tab = self.addTab(self._tab(self.audit_view, []), self.tr("审计记录"))
        self.currentChanged.connect(self._load_audit)

        self.attachment_rows.selection_changed.connect(self._update_buttons)
        self.feedback_rows.selection_changed.connect(self._update_buttons)

    def _detach_tip(self) -> str:
        return self.tr("只有%1的记录可以删除附件").replace("%1", statuses_text("detach"))

    def _action(self, text: str, tip: str, slot) -> QAction:
        action = QAction(text, self)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _table(self, model, name: str) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.verticalHeader().hide()
        view.setAccessibleName(name)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        return view

    @staticmethod
    def _tab(view: QTableView, buttons: Sequence[QPushButton]) -> QWidget:
        widget = QWidget()
        row = QHBoxLayout()
        for b in buttons:
            b.setAutoDefault(False)
            row.addWidget(b)
        row.addStretch(1)
        layout = QVBoxLayout(widget)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(view, 1)
        layout.addLayout(row)
        return widget

    # --- showing ----------------------------------------------------------------------------
    def show_record(self, data: DisclosureSummary | DisclosureData | None) -> None:
        """Everything about a record; from a summary the findings say they are being checked."""
        self.data = data
        if data is None:
            hint = self.tr("选中一条记录，这里显示它的内容、检查结果、经过、附件和群众意见。")
            self.summary.setHtml(f"<p style='color:gray'>{html.escape(hint)}</p>")
            self.attachment_model.set_attachments([], {})
            self.feedback_model.set_entries([])
            self.audit_model.set_rows([])
            self._retitle_tabs()
            self._update_buttons()
            return
        self.summary.setHtml(self._summary_html(data))
        self._load_attachments()
        self._load_feedback()
        self.audit_model.set_rows([])
        self._load_audit()
        self._update_buttons()

    def _load_audit(self, _index: int = -1) -> None:
        """Read the trail only while its tab is showing (selecting records stays quick)."""
        if self.data is None or self.currentIndex() != self.audit_tab:
            return
        try:
            events = AuditLogService(self.ws.ctx).events(record=self.data.id)
        except CunwuError as exc:
            dialogs.error(self.tr("无法读取审计记录"), exc, parent=self)
            events = []
        self.audit_model.set_rows(events)
        self.audit_view.resizeColumnsToContents()

    def show_facts(self, data: DisclosureSummary | DisclosureData) -> None:
        """Only the 概况 text: the same record again (its findings arrived, or a step changed it);
        the attachment and feedback tabs keep their rows and selection."""
        self.data = data
        self.summary.setHtml(self._summary_html(data))
        self._update_buttons()

    def _retitle_tabs(self) -> None:
        n_att, n_fb = self.attachment_model.rowCount(), self.feedback_model.rowCount()
        self.setTabText(1, self.tr("附件（%1）").replace("%1", str(n_att)) if n_att else self.tr("附件"))
        open_count = sum(1 for f in self.feedback_model.entries() if not f.answered)
        if n_fb:
            text = self.tr("群众意见（%1）").replace("%1", str(n_fb))
            if open_count:
                text = self.tr("群众意见（%1，待答复 %2）").replace("%1", str(n_fb)).replace("%2", str(open_count))
        else:
            text = self.tr("群众意见")
        self.setTabText(2, text)

    def _summary_html(self, d: DisclosureSummary | DisclosureData) -> str:
        e = html.escape
        color = status_colour(d.status)
        facts: list[tuple[str, str]] = [
            (self.tr("事项"), e(f"{d.item_code} {d.item_name}")),
            (self.tr("期间"), e(self.tr("%1（%2）").replace("%1", period_label(d.period)).replace("%2", d.period))),
            (self.tr("类型"), e(record_kind_label(d.kind))),
            (self.tr("状态"), f"<b style='color:{color}'>{e(status_text(d.status))}</b>"),
            (self.tr("起草人"), e(d.drafter)),
        ]
        if d.reviewer:
            review = d.reviewer + (f"（{cn_date(d.reviewed_on)}）" if d.reviewed_on else "")
            facts.append((self.tr("审核人"), e(review)))
        if d.review_opinion:
            facts.append((self.tr("审核意见"), e(d.review_opinion)))
        if d.open_return_reason:
            facts.append((self.tr("退回理由"), f"<span style='color:{ERROR_COLOR}'>{e(d.open_return_reason)}</span>"))
        if d.posting_start and d.posting_end:
            unit = self.tr("个工作日") if d.posting_working_days else self.tr("天")
            window = (self.tr("%1至%2（%3%4）").replace("%1", cn_date(d.posting_start))
                      .replace("%2", cn_date(d.posting_end, year=d.posting_end.year != d.posting_start.year))
                      .replace("%3", str(d.posting_days or "")).replace("%4", unit))
            facts.append((self.tr("公示期"), e(window)))
        totals = totals_text(d)
        if totals:
            facts.append((self.tr("合计"), e(totals)))
        if d.supersedes:
            facts.append((self.tr("更正"), e(self.tr("本记录更正 #%1").replace("%1", str(d.supersedes)))))
        if d.superseded_by:
            facts.append((self.tr("更正"), f"<span style='color:{WARNING_COLOR}'>"
                          + e(self.tr("已被更正记录 #%1 取代").replace("%1", str(d.superseded_by))) + "</span>"))
        rows = "".join(f"<tr><td style='color:gray; padding-right:10px; white-space:nowrap'>{e(k)}</td>"
                       f"<td>{v}</td></tr>" for k, v in facts)
        untitled, checks, history = self.tr("（无标题）"), self.tr("检查结果"), self.tr("经过")
        title = f"<h3 style='margin:0'>#{d.id} {e(d.title or untitled)}</h3>"
        left = f"{title}<table cellspacing='2'>{rows}</table>"
        if isinstance(d, DisclosureData):
            checked = findings_html(d.findings)
        else:  # the whole record is being read and checked off the GUI thread
            pending = self.tr("正在检查……")
            checked = f"<p style='color:gray'>{e(pending)}</p>"
        right = (f"<p style='margin:0'><b>{e(checks)}</b></p>{checked}"
                 f"<p style='margin-bottom:0'><b>{e(history)}</b></p>{history_html(d.history)}")
        return (f"<table width='100%' cellspacing='0'><tr><td width='50%' valign='top'>{left}</td>"
                f"<td width='50%' valign='top' style='padding-left:16px'>{right}</td></tr></table>")

    def _load_attachments(self) -> None:
        if self.data is None:
            return
        service = AttachmentService(self.ws.ctx, self.ws.data_dir)
        try:
            items = service.list(self.data.id)
        except CunwuError as exc:
            dialogs.error(self.tr("无法读取附件"), exc, parent=self)
            items = []
        self.attachment_model.set_attachments(items, {a.id: self._verify(service, a) for a in items})
        if items:
            self.attachment_view.setCurrentIndex(self.attachment_model.index(0, 0))  # 打开 works at once
        self._retitle_tabs()

    @staticmethod
    def _verify(service: AttachmentService, a: AttachmentData) -> str:
        path = service.data_dir / a.stored_path
        if not path.is_file():
            return "missing"
        try:
            digest, size = file_sha256(path)
        except OSError:
            return "missing"
        return "ok" if (digest, size) == (a.sha256, a.size) else "altered"

    def _load_feedback(self) -> None:
        if self.data is None:
            return
        try:
            items = FeedbackService(self.ws.ctx).list(today=clock.today(), disclosure_id=self.data.id)
        except CunwuError as exc:
            dialogs.error(self.tr("无法读取群众意见"), exc, parent=self)
            items = []
        self.feedback_model.set_entries(items, clock.today())
        first_open = next((n for n, f in enumerate(items) if not f.answered), 0 if items else None)
        if first_open is not None:  # 答复 works at once on the first question still open
            self.feedback_view.setCurrentIndex(self.feedback_model.index(first_open, 0))
        self._retitle_tabs()

    def _update_buttons(self, *_args) -> None:
        d = self.data
        # Enabled as the workflow table says; greyed, the tooltip is the table's refusal.
        show_step(self.add_attachment_action, "attach", d, self.tr("把公示栏照片或票据扫描件存入本记录（张贴后也可添加）"))
        attachment = self.selected_attachment()
        self.open_attachment_action.setEnabled(attachment is not None)
        if show_step(self.remove_attachment_action, "detach", d, self._detach_tip()):
            self.remove_attachment_action.setEnabled(attachment is not None)
        show_step(self.add_feedback_action, "feedback", d, self.tr("登记村民对这份公示提出的问题或异议"))
        feedback = self.selected_feedback()
        self.answer_action.setEnabled(feedback is not None and not feedback.answered)
        self.print_answer_action.setEnabled(feedback is not None and feedback.answered)
        gate_all(((self.add_attachment_action, W.action("attach").permission),
                  (self.remove_attachment_action, W.action("detach").permission),
                  (self.add_feedback_action, W.action("feedback").permission),
                  (self.answer_action, W.action("feedback").permission)), self.ws)

    # --- reading the selection --------------------------------------------------------------
    def selected_attachment(self) -> AttachmentData | None:
        index = self.attachment_rows.current()
        return index.data(AttachmentRole) if index is not None else None

    def selected_feedback(self) -> FeedbackData | None:
        index = self.feedback_rows.current()
        return index.data(EntryRole) if index is not None else None

    # --- attachments ------------------------------------------------------------------------
    def add_attachment(self) -> None:
        d = self.data
        if d is None:
            return
        path = dialogs.open_file(self.tr("添加附件"), self.tr(ATTACHMENT_FILTER), purpose=dialogs.ADD_ATTACHMENT,
                                 parent=self)
        if path is None:
            return
        kinds = list(ATTACHMENT_KINDS)
        current = kinds.index("receipt") if d.kind == "finance" else 0
        choice = dialogs.choose(self.tr("附件类型"), self.tr("“%1”是：").replace("%1", path.name),
                                [attachment_kind_text(k) for k in kinds], current=current, parent=self)
        if choice is None:
            return
        try:
            added = AttachmentService(self.ws.ctx, self.ws.data_dir, clock=clock.service_clock).add(d.id, path, kinds[choice])
        except CunwuError as exc:
            dialogs.error(self.tr("未能添加附件"), exc, parent=self)
            return
        self._load_attachments()
        for row, a in enumerate(self.attachment_model.attachments()):
            if a.id == added.id:
                self.attachment_view.selectRow(row)
        self.setCurrentIndex(1)
        self.changed.emit(d.id)

    def open_attachment(self, *_args) -> None:
        a = self.selected_attachment()
        if a is None:
            return
        path = AttachmentService(self.ws.ctx, self.ws.data_dir).data_dir / a.stored_path
        if not path.is_file():
            dialogs.error(self.tr("无法打开附件"), self.tr("附件文件不见了：%1").replace("%1", str(path)), parent=self)
            return
        if not open_local_file(path):
            dialogs.error(self.tr("无法打开附件"), self.tr("没有能打开这个文件的程序：%1").replace("%1", str(path)),
                          parent=self)

    def remove_attachment(self) -> None:
        a = self.selected_attachment()
        if a is None or self.data is None:
            return
        if not dialogs.confirm(self.tr("删除附件"), self.tr("从记录中删除附件“%1”？").replace("%1", a.filename),
                               ok_text=self.tr("删除"), parent=self):
            return
        try:
            AttachmentService(self.ws.ctx, self.ws.data_dir, clock=clock.service_clock).remove(a.id)
        except CunwuError as exc:
            dialogs.error(self.tr("不能删除附件"), exc, parent=self)
            return
        self._load_attachments()
        self._update_buttons()
        self.changed.emit(self.data.id)

    # --- feedback ---------------------------------------------------------------------------
    def add_feedback(self) -> None:
        d = self.data
        if d is None:
            return
        service = FeedbackService(self.ws.ctx, clock=clock.service_clock)
        try:
            deadline = service.settings().describe
        except CunwuError:
            deadline = ""
        headline = self.tr("公开记录 #%1“%2”").replace("%1", str(d.id)).replace("%2", d.title)
        dialog = FeedbackDialog(headline, lambda text, who, received: service.add(d.id, text, received, who),
                                deadline_text=deadline, earliest=d.posting_start,
                                public=print_settings(self.ws.ctx).public_numbers, parent=self)
        show_modal(self, dialog, lambda dlg: self._feedback_saved(dlg.result_data))

    def print_answer(self) -> None:
        """The answer to the selected question as a notice, in the print preview."""
        f = self.selected_feedback()
        if f is not None and f.answered:
            printing.preview_feedback_answer(self.ws, f.id, self)

    def answer_feedback(self, *_args) -> None:
        f = self.selected_feedback()
        if f is None or f.answered:
            return
        show_modal(self, answer_dialog(self.ws, f, self), lambda dlg: self._feedback_saved(dlg.result_data))

    def _feedback_saved(self, saved: FeedbackData) -> None:
        self._load_feedback()
        self._select_feedback(saved.id)
        self.setCurrentIndex(2)
        self._update_buttons()
        self.changed.emit(saved.disclosure_id)

    def _select_feedback(self, feedback_id: int) -> None:
        for row, f in enumerate(self.feedback_model.entries()):
            if f.id == feedback_id:
                self.feedback_view.selectRow(row)
                return


def answer_dialog(workspace, feedback: FeedbackData, parent: QWidget | None = None) -> AnswerDialog:
    """The answer dialog for one question, saving through FeedbackService.answer."""
    service = FeedbackService(workspace.ctx)

    def answer(text, on):  # the question as shown: answered or changed since → refused
        return service.answer(feedback.id, text, on, expected_version=feedback.version)

    return AnswerDialog(feedback, answer, parent=parent, public=print_settings(workspace.ctx).public_numbers)
