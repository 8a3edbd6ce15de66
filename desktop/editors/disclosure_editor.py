"""The editor of one disclosure record (公开记录): header, the kind's editor, live findings.

    open_disclosure_editor(workspace, disclosure_id, parent) -> bool   # True when something was saved

- Header: title, period (code and its wording), catalog item and kind, status; the body text for
  every kind (for a notice it is the whole editing area).
- Below it the kind's editor (roster grid, finance, project, 四议两公开, 一事一议).
- Findings: the checks of `models.rules.kinds` run on what is on screen as the clerk types; cells
  and fields they name turn red (errors) or amber (warnings) with the message as tooltip, and the
  list under the editor jumps to the place on Enter or double-click. After saving, the list shows
  what the service found.
- 公告末尾… (beside 保存) edits this record's own footer and attached tables and shows its signature
  lines (`record_footer_dialog`); kept with the other unsaved changes and saved with them.
- Ctrl+S saves through one `DisclosureService.update` call (header, content and a roster's rows: one
  transaction, one audit event), against the version the editor loaded: when someone else saved the
  record meanwhile (another window, the CLI) the save is refused with who and when, nothing is
  overwritten, and the clerk's text stays in the editor, selectable and copyable, with an offer to
  reopen the record as it now is. Esc closes, asking first when
  something is unsaved; Ctrl+Z / Ctrl+Y undo and redo grid edits, pasted blocks, inserted,
  deleted and imported rows (text fields undo their own typing).
- Whether the record may be edited is the workflow table's (models.rules.workflow) ``edit`` row:
  otherwise everything is read-only, the banner says the table's refusal (a posted record points
  to a correction, 更正; a submitted one to the reviewer) and so does the greyed 保存's tooltip.
  Everything is read-only, too, when the database was opened read-only (another window is
  editing it).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from models.errors import CunwuError, Problem, RecordChanged, ValidationError
from models.printing.settings import print_settings
from models.rules import kinds as K
from models.rules import workflow as W
from models.rules.footer import ATTACHED_KEY, FOOTER_KEY
from models.rules.periods import PeriodError, parse_period
from models.services.catalog import CatalogService
from models.services.disclosures import DisclosureData, DisclosureService

from .. import clock, dialogs, workers
from ..forms import offer_reopen
from ..qtmodels.findings_model import FindingRole, FindingsModel
from ..read_only import reason as read_only_reason
from ..row_list import RowList
from ..screen_fit import fit_to_screen, scrolling
from ..workflow import decide, refusal_text, show_step, status_colour, status_text
from .catalog_item_dialog import record_kind_label
from .kind_editors import EditorContext, KindEditor, editor_for
from .kind_editors.fields import mark

log = logging.getLogger("cunwu.desktop")

#: A roster of this many rows or more saves on a worker thread (its rows are parsed, checked and written
#: in ≈0.1 s per 2,000 rows): the window keeps painting and says 正在保存…… until the save reports.
BACKGROUND_SAVE_ROWS = 2_000

_HEADER_FIELDS = ("title", "body", "period")
_BANNER_STYLE = {
    "locked": "background: #fdecea; color: #8e1c1c; border: 1px solid #f5c2c0; padding: 8px; font-weight: bold;",
    "waiting": "background: #e8f0fe; color: #174ea6; border: 1px solid #c6dafc; padding: 8px;",
    "returned": "background: #fff4e5; color: #7a4a00; border: 1px solid #ffd59e; padding: 8px;",
}


def open_disclosure_editor(workspace, disclosure_id: int, parent: QWidget | None = None, *,
                           data: DisclosureData | None = None,
                           on_saved: Callable[[DisclosureData], None] | None = None) -> bool:
    """Open the editor of a record (modal) and return True when the clerk saved anything. When the
    clerk chose to reopen a record someone else changed, a fresh editor opens on what is stored.
    ``data``: the record as the caller read it with its checks (the record list's worker did);
    ``on_saved`` gets the record as the last save wrote it, when the clerk saved."""
    saved = False
    while True:
        try:
            editor = DisclosureEditor(workspace, disclosure_id, parent, data=data)
            data = None  # a reopened editor reads what is stored now
        except CunwuError as exc:
            dialogs.error(QCoreApplication.translate("DisclosureEditor", "无法打开记录"), exc, parent=parent)
            return saved
        try:
            editor.exec()
            saved = saved or editor.saved_once
            if editor.last_saved is not None and on_saved is not None:
                on_saved(editor.last_saved)
            if not editor.reopen_requested:
                return saved
        finally:
            editor.deleteLater()


def _own_footer(content: Any) -> dict[str, Any]:
    """The record's own footer and attached tables, as its content holds them."""
    content = content if isinstance(content, dict) else {}
    return {k: content[k] for k in (FOOTER_KEY, ATTACHED_KEY) if content.get(k)}


class DisclosureEditor(QDialog):
    saved = Signal(int)  # the record id, after each successful save

    def __init__(self, workspace, disclosure_id: int, parent: QWidget | None = None, *,
                 data: DisclosureData | None = None):
        super().__init__(parent)
        self.ws = workspace
        self.service = DisclosureService(workspace.ctx, clock=clock.service_clock)  # the list's day
        self.disclosure_id = int(disclosure_id)
        # The record as the caller has just read it with its checks, else read now. A copy changed
        # since is refused at Ctrl+S (the version it carries), as one changed while the editor is open.
        given = isinstance(data, DisclosureData) and data.id == self.disclosure_id and data.checked
        self.data: DisclosureData = data if given else self.service.get(self.disclosure_id)
        self.last_saved: DisclosureData | None = None  # what the last Ctrl+S wrote, as the service returned it
        self._save_job: workers.Job | None = None  # a large roster's save, running on a worker
        self.saved_once = False
        self.reopen_requested = False  # the clerk chose to reopen after a refused save
        self.conflict: RecordChanged | None = None  # the refusal of the last save, until reopened
        self.undo_stack = QUndoStack(self)
        self._shown_findings: list[K.Finding] = []
        self._service_findings: list[K.Finding] | None = None  # after a save, until the next change
        self._header_snapshot: tuple[str, str, str] = ("", "", "")
        self._loading = True
        self.setModal(True)
        self.setSizeGripEnabled(True)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(120)
        self._refresh_timer.timeout.connect(self.refresh_findings)
        self._build()
        self._load()
        self._loading = False
        self.refresh_findings()

    # --- building -----------------------------------------------------------------------------
    def _context(self) -> EditorContext:
        preset = None
        if self.data.kind == "roster":
            try:
                preset = CatalogService(self.ws.ctx).get(self.data.item_code).roster_preset
            except CunwuError:
                log.warning("catalog item %s not found for roster preset", self.data.item_code)
        return EditorContext(workspace=self.ws, item_code=self.data.item_code, roster_preset=preset,
                             period_start=self.data.period_start, period_end=self.data.period_end,
                             public_numbers=print_settings(self.ws.ctx).public_numbers)

    def _build(self) -> None:
        d = self.data
        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        # Shown when a save was refused because someone else changed the record meanwhile.
        self.conflict_bar = QWidget()
        self.conflict_bar.setObjectName("conflictBar")
        self.conflict_bar.setStyleSheet("#conflictBar { " + _BANNER_STYLE["locked"] + " }")
        self.conflict_label = QLabel()
        self.conflict_label.setWordWrap(True)
        self.conflict_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reopen_button = QPushButton(self.tr("重新打开"))
        self.reopen_button.setToolTip(self.tr("放弃这里未保存的修改，打开记录现在保存的内容"))
        self.reopen_button.clicked.connect(self.reopen)
        conflict_layout = QHBoxLayout(self.conflict_bar)
        conflict_layout.setContentsMargins(8, 4, 8, 4)
        conflict_layout.addWidget(self.conflict_label, 1)
        conflict_layout.addWidget(self.reopen_button)
        self.conflict_bar.hide()

        self.title_edit = QLineEdit()
        self.title_edit.setMaxLength(300)
        self.title_edit.setPlaceholderText(self.tr("如：2026年耕地地力保护补贴发放名单"))
        self.period_edit = QLineEdit()
        self.period_edit.setMaxLength(20)
        self.period_edit.setFixedWidth(self.fontMetrics().horizontalAdvance("0000-00-00") + 24)
        self.period_edit.setToolTip(self.tr("期间：2026-M07（月）、2026-Q3（季度）、2026（年度）或 2026-07-18（事项日期）"))
        self.period_wording = QLabel()
        self.item_label = QLabel()
        self.item_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label = QLabel()
        self.status_label.setObjectName("statusPill")
        self.body_edit = QPlainTextEdit()
        self.body_edit.setTabChangesFocus(True)

        title_label = QLabel(self.tr("标题(&T)"))
        title_label.setBuddy(self.title_edit)
        period_label = QLabel(self.tr("期间(&P)"))
        period_label.setBuddy(self.period_edit)
        self.body_label = QLabel(self.tr("正文(&B)") if d.kind == "notice" else self.tr("说明(&B)"))
        self.body_label.setBuddy(self.body_edit)

        header = QGridLayout()
        header.setHorizontalSpacing(8)
        header.addWidget(title_label, 0, 0)
        header.addWidget(self.title_edit, 0, 1, 1, 6)
        header.addWidget(period_label, 1, 0)
        period_box = QHBoxLayout()
        period_box.setSpacing(6)
        period_box.addWidget(self.period_edit)
        period_box.addWidget(self.period_wording)
        period_box.addSpacing(28)
        period_box.addWidget(QLabel(self.tr("事项：")))
        period_box.addWidget(self.item_label, 1)
        period_box.addSpacing(12)
        period_box.addWidget(QLabel(self.tr("状态：")))
        period_box.addWidget(self.status_label)
        header.addLayout(period_box, 1, 1, 1, 6)
        header.setColumnStretch(1, 1)

        self.kind_editor: KindEditor = editor_for(d.kind, self.undo_stack, self._context(), self)
        uses_body = self.kind_editor.uses_body_area
        if uses_body:
            self.body_edit.setPlaceholderText(self.tr("公告正文"))
            self.body_edit.setMinimumHeight(200)
        else:
            self.body_edit.setPlaceholderText(self.tr("需要随表公开的说明文字（可不填）"))
            self.body_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
            header.addWidget(self.body_label, 2, 0, Qt.AlignmentFlag.AlignTop)
            header.addWidget(self.body_edit, 2, 1, 1, 6)

        # Findings under the editor.
        self.findings_model = FindingsModel(self)
        self.findings_view = QListView()
        self.findings_view.setModel(self.findings_model)
        self.findings_view.setUniformItemSizes(True)
        self.findings_view.setAccessibleName(self.tr("检查结果"))
        self.findings_view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        # Enter, a double click or the menu's 转到 puts the cursor where the finding is.
        self.goto_finding_action = QAction(self.tr("转到"), self)
        self.goto_finding_action.setToolTip(self.tr("把光标移到这条检查结果所指的地方（回车或双击）"))
        self.goto_finding_action.triggered.connect(self._goto_selected_finding)
        self.findings_rows = RowList(self.findings_view, activate=self.goto_finding_action.trigger,
                                     actions=[self.goto_finding_action])
        self.findings_summary = QLabel()
        self.findings_summary.setObjectName("findingsSummary")
        findings_box = QWidget()
        fl = QVBoxLayout(findings_box)
        fl.setContentsMargins(0, 4, 0, 0)
        fl.addWidget(self.findings_summary)
        fl.addWidget(self.findings_view, 1)

        top = QWidget()
        tl = QVBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        if uses_body:
            tl.addWidget(self.body_label)
            tl.addWidget(self.body_edit, 1)
        tl.addWidget(self.kind_editor, 0 if uses_body else 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        # scrolls rather than push the buttons off a small screen (a project's form is tall)
        self.splitter.addWidget(scrolling(top))
        self.splitter.addWidget(findings_box)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)

        # Bottom bar: undo/redo, what happened, save/close.
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("撤销"))
        self.undo_action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Undo))
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("重做"))
        redo_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
        ctrl_y = QKeySequence("Ctrl+Y")
        # Ctrl+Y as in Excel and WPS; listed once (a key bound twice to one action fires nothing).
        self.redo_action.setShortcuts(redo_keys if ctrl_y in redo_keys else [ctrl_y, *redo_keys])
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(action)
        # Plain buttons, not the actions' own: a button showing an action would register its
        # shortcut a second time, and an ambiguous shortcut fires neither.
        self.undo_button = QPushButton(self.tr("撤销"))
        self.undo_button.setToolTip(self.tr("撤销（Ctrl+Z）"))
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.redo_button = QPushButton(self.tr("重做"))
        self.redo_button.setToolTip(self.tr("重做（Ctrl+Y）"))
        self.redo_button.clicked.connect(self.undo_stack.redo)
        self.undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        for b in (self.undo_button, self.redo_button):
            b.setEnabled(False)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys do the same; keep Tab for the form

        self.message_label = QLabel()
        self.message_label.setObjectName("saveMessage")
        hint = QLabel(self.tr("Ctrl+S 保存 · Esc 关闭 · Ctrl+Z 撤销"))
        hint.setStyleSheet("color: #6b6b6b;")
        self.footer_button = QPushButton(self.tr("公告末尾…"))
        self.footer_button.setToolTip(self.tr("本份公告的监督电话、受理单位、地址、附件表，以及签字栏"))
        self.footer_button.clicked.connect(self.edit_footer)
        self.save_button = QPushButton(self.tr("保存"))
        self.save_button.setToolTip(self.tr("保存（Ctrl+S）"))
        self.close_button = QPushButton(self.tr("关闭"))
        self.close_button.setToolTip(self.tr("关闭（Esc）"))
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.undo_button)
        bottom.addWidget(self.redo_button)
        bottom.addSpacing(12)
        bottom.addWidget(self.message_label, 1)
        bottom.addWidget(hint)
        bottom.addSpacing(12)
        bottom.addWidget(self.footer_button)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.conflict_bar)
        layout.addLayout(header)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(bottom)

        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)  # Enter never saves or closes by surprise
            button.setDefault(False)

        self.title_edit.textChanged.connect(self._header_changed)
        self.body_edit.textChanged.connect(self._header_changed)
        self.period_edit.textChanged.connect(self._period_changed)
        self.kind_editor.changed.connect(self._content_changed)
        if hasattr(self.kind_editor, "loaded"):  # a large roster's rows shown later: their findings with them
            self.kind_editor.loaded.connect(self.refresh_findings)
        self.undo_stack.cleanChanged.connect(self._update_modified)

        fit_to_screen(self, 1180, 780 if d.kind in ("roster", "finance", "decision", "project", "yishi") else 640)

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [self.title_edit, self.period_edit, self.body_edit, *self.kind_editor.tab_chain()]
        chain += [self.findings_view, self.footer_button, self.save_button, self.close_button]
        for a, b in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(a, b)

    # --- loading ------------------------------------------------------------------------------
    def _load(self) -> None:
        d = self.data
        self.title_edit.setText(d.title)
        self.period_edit.setText(d.period)
        self.body_edit.setPlainText(d.body)
        self.kind_editor.load(d)
        self.own_footer = _own_footer(d.content)
        self._footer_snapshot = dict(self.own_footer)
        self._header_snapshot = self._header_values()
        self._refresh_header()
        self._set_tab_order()
        self._apply_editable()
        first = self.kind_editor.tab_chain()
        target = first[0] if first and d.title else self.title_edit
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _refresh_header(self) -> None:
        d = self.data
        self.setWindowTitle(self.tr("公开记录 #%1 — %2[*]").replace("%1", str(d.id)).replace("%2", d.title or self.tr("（无标题）")))
        self.item_label.setText(f"{d.item_code} {d.item_name} · {record_kind_label(d.kind)}")
        color = status_colour(d.status)
        self.status_label.setText(status_text(d.status))
        self.status_label.setStyleSheet(f"color: white; background: {color}; border-radius: 4px; padding: 2px 8px;")
        self._show_period()  # not a change: the findings a save returned stay shown
        self._update_modified()

    def can_edit(self) -> bool:
        """The record may be changed here: an editable status, and a database not opened read-only."""
        return self.data.editable and not self.ws.read_only

    def _apply_editable(self) -> None:
        d = self.data
        editable = show_step(self.save_button, "edit", d, self.tr("保存（Ctrl+S）"))
        refused = decide("edit", d).refusal
        banner_kind = None
        if editable and self.ws.read_only:
            editable = False
            self.save_button.setEnabled(False)
            self.save_button.setToolTip(read_only_reason())
            self.banner.setText(self.tr("以只读方式打开：另一个窗口正在使用此数据库，这里不能保存修改"))
            banner_kind = "waiting"
        elif refused is not None:
            self.banner.setText(refusal_text(refused))
            banner_kind = "locked" if W.is_public(d.status) else "waiting"
        elif d.open_return_reason:
            self.banner.setText(self.tr("%1，退回理由：%2").replace("%1", status_text("returned"))
                                .replace("%2", d.open_return_reason))
            banner_kind = "returned"
        if banner_kind:
            self.banner.setStyleSheet(_BANNER_STYLE[banner_kind])
            self.banner.show()
        else:
            self.banner.hide()
        self.title_edit.setEnabled(editable)
        self.period_edit.setEnabled(editable)
        self.body_edit.setReadOnly(not editable)
        self.kind_editor.set_read_only(not editable)
        self.undo_action.setVisible(editable)
        self.redo_action.setVisible(editable)
        self.undo_button.setVisible(editable)
        self.redo_button.setVisible(editable)
        if not editable:
            self.close_button.setFocus()

    # --- state --------------------------------------------------------------------------------
    def _header_values(self) -> tuple[str, str, str]:
        return (self.title_edit.text().strip(), self.body_edit.toPlainText(), self.period_edit.text().strip().upper())

    def is_dirty(self) -> bool:
        if not self.can_edit():
            return False
        return (self._header_values() != self._header_snapshot or self.kind_editor.is_dirty()
                or self.own_footer != self._footer_snapshot)

    def _update_modified(self, *_args) -> None:
        try:
            self.setWindowModified(self.is_dirty())
        except RuntimeError:  # the undo stack goes first while the window is being destroyed
            pass

    def _header_changed(self) -> None:
        if self._loading:
            return
        self._changed()

    def _content_changed(self) -> None:
        if self._loading:
            return
        self._changed()

    def _changed(self) -> None:
        self._service_findings = None
        self.message_label.clear()
        self._update_modified()
        self._refresh_timer.start()

    def _period_changed(self) -> None:
        self._show_period()
        if not self._loading:
            self._changed()

    def _show_period(self) -> None:
        """The period's wording beside it, and the period the kind's checks use."""
        text = self.period_edit.text().strip()
        try:
            period = parse_period(text)
        except PeriodError:
            self.period_wording.setText(self.tr("（期间格式不对）"))
            self.period_wording.setStyleSheet("color: #c62828;")
        else:
            self.period_wording.setText(period.label)
            self.period_wording.setStyleSheet("")
            self.kind_editor.set_period(period.start, period.end)

    # --- findings -----------------------------------------------------------------------------
    def live_findings(self) -> list[K.Finding]:
        """What the rules say about what is on screen now (title, body, period and the kind)."""
        title, body, period = self._header_values()
        if self.data.kind == "notice":
            out = K.check_notice(title, body, attachments=self.data.attachments)
        else:
            out = K.check_title(title)
        try:
            parse_period(period)
        except PeriodError as exc:
            out.append(K.Finding(None, "period", "period", str(exc)))
        # ID, card and phone numbers typed into the title, the body or the kind's text fields: the
        # notice masks them, the clerk hears of it now (roster cells are checked with their rows)
        out += K.check_personal_numbers(self.data.kind, title=title, body=body, content=self.kind_editor.content(),
                                        public=self.kind_editor.context.public_numbers)
        return out + self.kind_editor.findings()

    def refresh_findings(self) -> None:
        """Recheck now (the editor also does it shortly after each change)."""
        self._refresh_timer.stop()
        found = self._service_findings if self._service_findings is not None else self.live_findings()
        self._shown_findings = found
        self.findings_model.set_findings(found, self._describe)
        by_field: dict[str, list[K.Finding]] = {}
        for f in found:
            if f.row is None and f.field in _HEADER_FIELDS:
                by_field.setdefault(f.field, []).append(f)
        mark(self.title_edit, by_field.get("title", []))
        mark(self.body_edit, by_field.get("body", []))
        mark(self.period_edit, by_field.get("period", []))
        errors = sum(1 for f in found if f.is_error)
        warnings = len(found) - errors
        if not found:
            text = self.tr("检查结果：未发现问题")
            style = "color: #2e7d32;"
        else:
            text = (self.tr("检查结果：错误 %1 处，提示 %2 处").replace("%1", str(errors)).replace("%2", str(warnings)))
            if errors:
                text += self.tr("（有错误时不能提交审核；在下方列表中按 Enter 可跳到出错处）")
            style = "color: #b71c1c;" if errors else "color: #8a6100;"
        self.findings_summary.setText(text)
        self.findings_summary.setStyleSheet(style)
        self._update_modified()

    def shown_findings(self) -> list[K.Finding]:
        return list(self._shown_findings)

    def _describe(self, f: K.Finding) -> str:
        severity = self.tr("错误") if f.is_error else self.tr("提示")
        place = "" if f.field in _HEADER_FIELDS and f.row is None else self.kind_editor.describe_place(f)
        if place:
            return self.tr("[%1] %2：%3").replace("%1", severity).replace("%2", place).replace("%3", f.message)
        return self.tr("[%1] %2").replace("%1", severity).replace("%2", f.message)

    def _goto_selected_finding(self, _checked: bool = False) -> None:
        index = self.findings_rows.current()
        finding = index.data(FindingRole) if index is not None else None
        if finding is not None:
            self.focus_finding(finding)

    def focus_finding(self, finding: K.Finding) -> None:
        if finding.row is None and finding.field in _HEADER_FIELDS:
            {"title": self.title_edit, "body": self.body_edit, "period": self.period_edit}[finding.field].setFocus()
            return
        self.kind_editor.focus_finding(finding)

    # --- saving -------------------------------------------------------------------------------
    @property
    def saving(self) -> bool:
        """A large roster's save is running on a worker (see BACKGROUND_SAVE_ROWS)."""
        return self._save_job is not None

    def save(self) -> bool:
        """Store what is on screen in one service call; True when saved (or nothing needed saving).
        A roster of BACKGROUND_SAVE_ROWS rows or more is saved on a worker: True then means the save
        has started; `saving` is true and nothing can be changed until it reports."""
        if not self.can_edit() or self.saving or getattr(self.kind_editor, "loading", False):
            return False
        self.kind_editor.finish_editing()
        title, body, period = self._header_values()
        try:
            parse_period(period)
        except PeriodError as exc:
            self.period_edit.setFocus()
            dialogs.error(self.tr("未保存"), str(exc), parent=self)
            return False
        fields: dict[str, Any] = {}
        if title != self.data.title:
            fields["title"] = title
        if body != self.data.body:
            fields["body"] = body
        if period != self.data.period:
            fields["period"] = period
        content = self.kind_editor.content()
        if content is not None and self.kind_editor.is_dirty():
            fields["content"] = content
        if self.own_footer != self._footer_snapshot:
            base = content if content is not None else dict(self.data.content or {})
            merged = {k: v for k, v in base.items() if k not in (FOOTER_KEY, ATTACHED_KEY)}
            fields["content"] = {**merged, **self.own_footer}
        elif "content" in fields:  # the kind's editor keeps unknown keys; the record's footer stays as loaded
            fields["content"] = {**{k: v for k, v in fields["content"].items() if k not in (FOOTER_KEY, ATTACHED_KEY)},
                                 **self.own_footer}
        rows_dirty = self.data.kind == "roster" and self.kind_editor.is_dirty()
        if not fields and not rows_dirty:
            self.message_label.setText(self.tr("没有需要保存的修改"))
            return True

        where: list[int] | None = None
        if rows_dirty:
            fields["columns"] = self.kind_editor.table_columns()  # type: ignore[attr-defined]
            model = self.kind_editor.model  # type: ignore[attr-defined]
            if model.rowCount() >= BACKGROUND_SAVE_ROWS:
                self._save_on_worker(fields, model)
                return True
            rows, where = model.rows_for_save()
            fields["rows"] = rows
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            data = self.service.update(self.disclosure_id, expected_version=self.data.version, **fields)
        except CunwuError as exc:
            QApplication.restoreOverrideCursor()
            self._not_saved(exc, where)
            return False
        QApplication.restoreOverrideCursor()
        self._saved(data, where)
        return True

    def _not_saved(self, exc: CunwuError, where: list[int] | None) -> None:
        """The service refused the save: say why, as the rule says it; nothing was written."""
        if isinstance(exc, RecordChanged):
            self._refused(exc)
        elif isinstance(exc, ValidationError):
            self._show_problems(exc.problems, where)
            dialogs.error(self.tr("未保存"), exc, parent=self)
        else:
            dialogs.error(self.tr("未保存"), exc, parent=self)

    def _save_on_worker(self, fields: dict[str, Any], model) -> None:
        """The same one service call, on a worker, with the grid's rows read there too (the model
        holds still meanwhile: no edits, no undo, no closing); the editor says so and keeps painting."""
        service, disclosure_id, version = self.service, self.disclosure_id, self.data.version

        def work(_progress, _cancelled):
            with workers.collections_paused():  # a full collection here would hold the GIL: the window would stall
                rows, where = model.rows_for_save()
                try:
                    return service.update(disclosure_id, expected_version=version, rows=rows, **fields), None, where
                except CunwuError as exc:  # a refusal, shown on the GUI thread
                    return None, exc, where

        job = workers.Job(work)
        job.signals.finished.connect(self._save_reported)
        job.signals.failed.connect(self._save_failed)
        self._save_job = job
        self._hold(True)  # before the worker reads the rows
        # started once 正在保存…… is on screen: beside that paint its Python would slow it (workers.AfterFirstPaint)
        workers.AfterFirstPaint(self.message_label, lambda: workers.start(workers.keep_until_done(job)))

    def _hold(self, holding: bool) -> None:
        if holding:
            # the save's findings replace them: no checking of 10,000 rows on the GUI thread meanwhile
            self._refresh_timer.stop()
            self.message_label.setText(self.tr("正在保存……"))
        # the 撤销/重做 buttons too: an undo would change the rows the worker is reading
        for w in (self.save_button, self.footer_button, self.close_button, self.undo_action, self.redo_action,
                  self.undo_button, self.redo_button):
            w.setEnabled(not holding)
        self.title_edit.setReadOnly(holding)
        self.period_edit.setReadOnly(holding)
        self.body_edit.setReadOnly(holding or not self.can_edit())
        self.kind_editor.hold(holding)
        if not holding:
            for can_undo in (self.undo_action, self.undo_button):
                can_undo.setEnabled(self.undo_stack.canUndo())
            for can_redo in (self.redo_action, self.redo_button):
                can_redo.setEnabled(self.undo_stack.canRedo())
            self._apply_editable()

    def _save_reported(self, result) -> None:
        data, exc, where = result
        self._save_job = None
        self._hold(False)
        if exc is not None:
            self.message_label.clear()
            if self._service_findings is None:
                self.refresh_findings()  # what is on screen (its last change came with the Ctrl+S)
            self._not_saved(exc, where)
            return
        self._saved(data, where)

    def _save_failed(self, exc: Exception) -> None:
        self._save_job = None
        self._hold(False)
        self.message_label.setText(self.tr("未保存"))
        raise exc  # not a refusal but a bug: the crash handler logs it and shows the report

    def _saved(self, data: DisclosureData, where: list[int] | None) -> None:
        """What the save returned is what the editor shows now: the record as written, its findings."""
        self.data = data
        self.last_saved = data
        self.saved_once = True
        self.conflict = None
        self.conflict_bar.hide()
        self.kind_editor.mark_clean()
        self.own_footer = _own_footer(data.content)
        self._footer_snapshot = dict(self.own_footer)
        self._header_snapshot = self._header_values()
        self._service_findings = self._from_service(data.findings, where)
        self.refresh_findings()
        self._refresh_header()
        self.message_label.setText(self.tr("已保存"))
        self.saved.emit(self.disclosure_id)

    def edit_footer(self) -> None:
        """公告末尾 of this record (window-modal; no nested event loop): the values come back through
        ``accepted`` and wait for Ctrl+S with the other changes."""
        from .record_footer_dialog import RecordFooterDialog

        try:
            inherited = print_settings(self.ws.ctx)
        except CunwuError as exc:
            dialogs.error(self.tr("无法读取打印设置"), exc, parent=self)
            return
        dialog = RecordFooterDialog(self.ws, self.data.kind, self.own_footer, inherited,
                                    editable=self.can_edit(), parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._footer_chosen(dialog.values))
        self.footer_dialog = dialog
        dialog.open()

    def _footer_chosen(self, values: dict[str, Any] | None) -> None:
        if values is None or values == self.own_footer:
            return
        self.own_footer = dict(values)
        self._changed()

    def _refused(self, exc: RecordChanged) -> None:
        """Someone else saved the record since it was opened: keep everything on screen (the clerk
        can copy it out), say who and when, and offer to reopen the record as it is now."""
        self.conflict = exc
        self.conflict_label.setText(
            self.tr("未保存：%1。您的修改仍在下面，可以选中复制；点“重新打开”查看对方保存的内容。").replace("%1", str(exc)))
        self.conflict_bar.show()
        self.message_label.setText(self.tr("未保存"))
        if offer_reopen(exc, parent=self):
            self.reopen(confirmed=True)

    def reopen(self, *, confirmed: bool = False) -> None:
        """Close this editor without saving and open the record afresh (see open_disclosure_editor)."""
        self.kind_editor.finish_editing()
        if not confirmed and self.is_dirty() and not dialogs.confirm(
                self.tr("重新打开？"), self.tr("重新打开将丢弃这里尚未保存的修改。要继续吗？"),
                ok_text=self.tr("重新打开"), parent=self):
            return
        self.reopen_requested = True
        super().reject()

    def _from_service(self, findings: list[K.Finding], where: list[int] | None) -> list[K.Finding]:
        """The service numbers roster rows among the saved (filled) rows; the grid shows all rows."""
        if self.data.kind != "roster":
            return list(findings)
        if where is None:
            where = self.kind_editor.rows_for_save()[1]  # type: ignore[attr-defined]
        out = []
        for f in findings:
            if f.row is not None and 0 < f.row <= len(where):
                f = replace(f, row=where[f.row - 1] + 1)  # keeps the column label it came with
            out.append(f)
        return out

    def _show_problems(self, problems: list[Problem], where: list[int] | None) -> None:
        found = []
        for p in problems:
            row = p.row
            if row is not None and where is not None and 0 < row <= len(where):
                row = where[row - 1] + 1
            found.append(K.Finding(row, p.field, p.rule or "", p.message, label=p.label))
        self._service_findings = found
        self.refresh_findings()

    # --- closing ------------------------------------------------------------------------------
    def reject(self) -> None:
        """Esc, the close button and the window's close box: ask before losing changes; not while a
        save is running (it reports first)."""
        if self.saving:
            return
        self.kind_editor.finish_editing()
        if self.is_dirty() and not dialogs.confirm(
                self.tr("放弃修改？"), self.tr("有尚未保存的修改，关闭后将丢失。要放弃这些修改吗？"),
                ok_text=self.tr("放弃修改"), parent=self):
            return
        super().reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt name
        # Enter in a one-line field moves on, as Tab does, rather than pressing a button.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and isinstance(QApplication.focusWidget(), QLineEdit):
            self.focusNextChild()
            return
        super().keyPressEvent(event)
