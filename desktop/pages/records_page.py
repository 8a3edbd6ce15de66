"""公开记录: every disclosure record, filtered and searched, with the workflow's steps as buttons.

The list is `DisclosureService.list` rows, fetched in batches as the view scrolls, so thousands of
records stay quick; the search box takes characters, pinyin or initials and searches as the clerk
types (after a short pause). The panel below shows the selected record in full (`RecordDetail`).

The buttons follow the record's state as the workflow table (models.rules.workflow) says — 编辑 and
submit for drafts, approve / return for submitted records, post once approved, correct / archive
afterwards; a greyed button's tooltip is the table's refusal, the sentence the service would say.
When the service refuses a step the rule is shown as it explains it (e.g. “审核人不能是起草人本人”),
never a traceback. Editing opens the per-kind
editor (`desktop.editors.disclosure_editor`).

Keyboard: Ctrl+N new, Ctrl+F search, Enter edits, the context-menu key lists every step, F5 reloads.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSizePolicy,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

import models.services.disclosures  # noqa: F401  (registers the catalog's delete guard)
from models.errors import CunwuError
from models.rules import catalog_terms as terms
from models.rules import kinds as K
from models.rules import workflow as W
from models.rules.workdays import WorkdayCalendar
from models.services.calendar import CalendarService
from models.services.catalog import CatalogService
from models.services.disclosures import (
    DisclosureData,
    DisclosureListRow,
    DisclosureService,
    DisclosureSummary,
    SubmitRefused,
)

from .. import clock, dialogs, workers
from ..editors.catalog_item_dialog import record_kind_label
from ..editors.editor_link import open_editor
from ..editors.new_disclosure_dialog import NewDisclosureDialog, new_disclosure_dialog
from ..editors.workflow_dialogs import ApproveDialog, PostDialog, ReturnDialog, show_modal
from ..formats import period_label
from ..permissions import gate_all
from ..printing import actions as printing
from ..qtmodels.disclosure_list_model import (
    COL_AMOUNT,
    COL_DRAFTER,
    COL_ID,
    COL_ITEM,
    COL_KIND,
    COL_PERIOD,
    COL_POSTING,
    COL_REVIEWER,
    COL_STATUS,
    COL_TITLE,
    DisclosureListModel,
    DisclosureRole,
)
from ..read_only import keep_disabled
from ..registry import register_page
from ..row_list import RowList
from ..workflow import decide, refusal_text, show_step, status_text, step_text
from .record_detail import RecordDetail
from .table_page_parts import debounced_search, read_only_table

SEARCH_DELAY_MS = 200
MAX_LISTED_FINDINGS = 12



def privacy_notes(data: DisclosureData) -> list[str]:
    """The record's personal-number findings, one line each (at most MAX_LISTED_FINDINGS)."""
    lines = [f.located() for f in K.privacy_findings(data.findings)]
    if len(lines) > MAX_LISTED_FINDINGS:
        rest = len(lines) - MAX_LISTED_FINDINGS
        lines = [*lines[:MAX_LISTED_FINDINGS],
                 QCoreApplication.translate("RecordsPage", "……另有 %1 处").replace("%1", str(rest))]
    return lines


class RecordsPage(QWidget):
    def __init__(self, workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws = workspace
        self.current: DisclosureSummary | DisclosureData | None = None  # whole once loaded
        self.active_dialog = None  # the open dialog (window-modal), for tests and to avoid doubles
        self._loads: dict[int, workers.Job] = {}  # whole records being read, by request
        self._load_token = 0  # the latest request; older results are dropped
        self._build()
        self._fill_items()
        self.reload()
        self._just_built = True  # the first page_shown does not read it all again

    @property
    def service(self) -> DisclosureService:
        return DisclosureService(self.ws.ctx, clock=clock.service_clock)

    # --- building ---------------------------------------------------------------------------
    def _action(self, text: str, tip: str, slot) -> QAction:
        action = QAction(text, self)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def _build(self) -> None:
        self.new_action = self._action(self.tr("新建"), self.tr("新建公开记录（Ctrl+N）"), self.new_item)
        self.edit_action = self._action(self.tr("编辑"), self.tr("编辑选中的记录（回车或双击）"), self.edit_selected)
        self.submit_action = self._action(step_text("submit"), self.tr("交村务监督委员会审核；有错误的记录不能提交"),
                                          self.submit_selected)
        self.approve_action = self._action(step_text("approve"), self.tr("记录审核人、审核意见和日期"), self.approve_selected)
        self.return_action = self._action(step_text("return"), self.tr("退回起草人修改，须写明理由"), self.return_selected)
        self.post_action = self._action(step_text("post"), self.tr("记录公示开始日期和天数"), self.post_selected)
        self.correct_action = self._action(self.tr("更正"), self.tr("已公示的记录有误：起草一份更正公告，公示后取代原记录"),
                                           self.correct_selected)
        self.archive_action = self._action(step_text("archive"), self.tr("公示期已满的记录存入档案"), self.archive_selected)
        self.delete_action = self._action(step_text("delete"), self.tr("删除从未提交审核的记录"), self.delete_selected)
        self.print_action = printing.print_action(self, "disclosure", self.print_selected)  # 打印… (Ctrl+P)
        self.refresh_action = self._action(self.tr("刷新"), self.tr("重新读取记录（F5）"), self.refresh)
        self.refresh_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.addAction(self.refresh_action)  # window shortcut while this page is the one shown
        # Each button with its step in the workflow table, and its tooltip when the step is allowed.
        self.steps = {"edit": self.edit_action, "submit": self.submit_action, "approve": self.approve_action,
                      "return": self.return_action, "post": self.post_action, "correct": self.correct_action,
                      "archive": self.archive_action, "delete": self.delete_action}
        self._step_tips = {key: action.toolTip() for key, action in self.steps.items()}
        self.step_actions = list(self.steps.values())
        # A read-only window still opens records (to read and print them), but changes nothing.
        keep_disabled(self.ws, self.new_action, self.submit_action, self.approve_action, self.return_action,
                      self.post_action, self.correct_action, self.archive_action, self.delete_action)

        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for group in ((self.new_action, self.edit_action), (self.submit_action, self.approve_action,
                      self.return_action, self.post_action), (self.correct_action, self.archive_action,
                      self.delete_action), (self.print_action, self.refresh_action)):
            for action in group:
                self.toolbar.addAction(action)
            self.toolbar.addSeparator()

        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(self.tr("标题、事项、期间或拼音首字母  Ctrl+F"))
        self.search_edit.setAccessibleName(self.tr("搜索"))
        self.search_edit.setMinimumWidth(150)
        self.status_combo = QComboBox()
        self.status_combo.addItem(self.tr("全部状态"), "")
        for status in W.STATUS_KEYS:
            self.status_combo.addItem(status_text(status), status)
        self.status_combo.setAccessibleName(self.tr("状态"))
        self.item_combo = QComboBox()
        self.item_combo.setAccessibleName(self.tr("事项"))
        self.item_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.item_combo.setMinimumContentsLength(10)
        self.item_combo.setMaxVisibleItems(20)
        self.period_edit = QLineEdit()
        self.period_edit.setPlaceholderText(self.tr("如 2026-M10"))
        self.period_edit.setToolTip(self.tr("期间：2026-M10（月）、2026-Q3（季度）、2026（年）或 2026-07-18（事项日期）"))
        self.period_edit.setAccessibleName(self.tr("期间"))
        # Wide enough for its placeholder: a squeezed field showed only "…".
        self.period_edit.setMinimumWidth(self.period_edit.fontMetrics().horizontalAdvance(
            self.period_edit.placeholderText()) + 24)
        self.period_edit.setMaximumWidth(max(110, self.period_edit.minimumWidth()))
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(self.tr("全部类型"), "")
        for kind in terms.KINDS:
            self.kind_combo.addItem(record_kind_label(kind), kind)
        self.kind_combo.setAccessibleName(self.tr("类型"))
        # As narrow as their shortest sensible text (the popup shows every label whole), wider with room.
        for combo in (self.status_combo, self.kind_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(6)
        # The count stands at the toolbar's right end, so the filters keep their room.
        self.count_label = QLabel()
        self.count_label.setContentsMargins(8, 0, 4, 0)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        self.toolbar.addWidget(self.count_label)

        filters = QHBoxLayout()
        for text, widget, stretch in ((self.tr("搜索"), self.search_edit, 3), (self.tr("状态"), self.status_combo, 1),
                                      (self.tr("事项"), self.item_combo, 2), (self.tr("期间"), self.period_edit, 0),
                                      (self.tr("类型"), self.kind_combo, 1)):
            label = QLabel(text)
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(widget, stretch)
            filters.addSpacing(8)
        filters.addStretch(1)

        self.model = DisclosureListModel(self)
        self.table_view = read_only_table(self.model, self.tr("公开记录"))
        self.table_view.verticalHeader().setDefaultSectionSize(self.table_view.fontMetrics().height() + 10)
        header = self.table_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        for col, width in ((COL_ID, 52), (COL_ITEM, 150), (COL_PERIOD, 112), (COL_KIND, 104), (COL_STATUS, 96),
                           (COL_DRAFTER, 64), (COL_REVIEWER, 64), (COL_POSTING, 150), (COL_AMOUNT, 100)):
            self.table_view.setColumnWidth(col, width)
        # Click, arrow keys, Enter / double click (编辑) and the right-click menu of the record's steps.
        self.rows = RowList(self.table_view, activate=self.edit_selected,
                            actions=[*self.step_actions, self.print_action],
                            general_actions=[self.new_action, self.refresh_action])

        self.detail = RecordDetail(self.ws)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.table_view)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addLayout(filters)
        layout.addWidget(self.splitter, 1)

        chain = [self.search_edit, self.status_combo, self.item_combo, self.period_edit, self.kind_combo,
                 self.table_view, self.detail]
        for a, b in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(a, b)

        self._search_timer = debounced_search(self, SEARCH_DELAY_MS, self._search_now, self.search_edit,
                                              self.period_edit)
        for combo in (self.status_combo, self.item_combo, self.kind_combo):
            combo.currentIndexChanged.connect(self._filters_changed)
        self.rows.selection_changed.connect(self._selection_changed)
        self.detail.changed.connect(self._detail_changed)

    def _fill_items(self) -> None:
        """The item filter: every catalog item that may have records (retired ones too)."""
        keep = self.item_combo.currentData()
        try:
            items = CatalogService(self.ws.ctx).list_items(include_retired=True)
        except CunwuError as exc:
            dialogs.error(self.tr("无法读取目录"), exc, parent=self)
            return
        self.item_combo.blockSignals(True)
        self.item_combo.clear()
        self.item_combo.addItem(self.tr("全部事项"), "")
        for item in items:
            self.item_combo.addItem(f"{item.code} {item.name}", item.code)
        self.item_combo.setCurrentIndex(max(0, self.item_combo.findData(keep or "")))
        self.item_combo.blockSignals(False)

    # --- page hooks (called by the main window) ---------------------------------------------
    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def page_shown(self) -> None:
        if not self._just_built:  # built for this showing: it has just read
            self.refresh()
        self._just_built = False
        if not self.search_edit.hasFocus():
            self.table_view.setFocus()

    def refresh(self) -> None:
        self._fill_items()
        self.reload()

    # --- reading ----------------------------------------------------------------------------
    def filters(self) -> dict:
        return {"status": self.status_combo.currentData() or None, "item": self.item_combo.currentData() or None,
                "period": self.period_edit.text().strip() or None, "kind": self.kind_combo.currentData() or None,
                "query": self.search_edit.text().strip()}

    def reload(self, select_id: int | None = None) -> None:
        """Query again with the filters, keeping (or moving to) the selected record."""
        if not isinstance(select_id, int) or isinstance(select_id, bool):
            select_id = self.current.id if self.current is not None else None
        service = self.service
        filters = self.filters()
        try:
            total = service.count(**filters)
        except CunwuError as exc:
            dialogs.error(self.tr("无法读取公开记录"), exc, parent=self)
            return

        def fetch(offset: int, limit: int) -> list[DisclosureListRow]:
            return service.list(**filters, limit=limit, offset=offset)

        self.model.reset(fetch, total)
        self._show_count()
        row = self.model.fetch_until(select_id) if select_id is not None else None
        self._select_row(row)

    def _show_count(self) -> None:
        total = self.model.total
        self.count_label.setText(self.tr("共 %1 条").replace("%1", str(total)) if total
                                 else self.tr("没有符合条件的记录"))

    def _select_row(self, row: int | None) -> None:
        if row is None:
            self.table_view.clearSelection()
            self.table_view.setCurrentIndex(self.model.index(-1, -1))
            self._selection_changed()
            return
        index = self.model.index(row, 0)
        before = self.table_view.currentIndex()
        self.table_view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table_view.scrollTo(index)
        if before.isValid() and before.row() == row:  # the same row: no signal, read it again here
            self._selection_changed()

    def show_record(self, disclosure_id: int) -> bool:
        """Select a record, clearing the filters if they hide it (the start page opens records so)."""
        row = self.model.fetch_until(disclosure_id)
        if row is None:
            for widget in (self.status_combo, self.item_combo, self.kind_combo, self.search_edit, self.period_edit):
                widget.blockSignals(True)
            self.status_combo.setCurrentIndex(0)
            self.item_combo.setCurrentIndex(0)
            self.kind_combo.setCurrentIndex(0)
            self.search_edit.clear()
            self.period_edit.clear()
            for widget in (self.status_combo, self.item_combo, self.kind_combo, self.search_edit, self.period_edit):
                widget.blockSignals(False)
            self.reload(select_id=disclosure_id)
        else:
            self._select_row(row)
        self.table_view.setFocus()
        return self.current is not None and self.current.id == disclosure_id

    def visible_rows(self) -> list[DisclosureListRow]:
        return self.model.rows()

    def selected_row(self) -> DisclosureListRow | None:
        index = self.rows.current()
        return index.data(DisclosureRole) if index is not None else None

    def _search_now(self) -> None:
        self._search_timer.stop()
        self.reload()

    def _filters_changed(self, *_args) -> None:
        self.reload()

    def _selection_changed(self, *_args) -> None:
        """Show the selected record at once from its summary (no rows read, no checks run: a roster
        of 10,000 rows selects as fast as a notice); the whole record with its findings follows from
        a worker. A step's result (`_fresh`) is already whole and is shown as it is."""
        row = self.selected_row()
        self._withdraw_loads()  # what was loading for an earlier selection is no longer wanted
        if row is None:
            self.current = None
        elif not (self.current is not None and self.current.id == row.id and self._fresh):
            try:
                self.current = self.service.summary(row.id)
            except CunwuError as exc:
                self.current = None
                dialogs.error(self.tr("无法读取记录"), exc, parent=self)
        self._fresh = False
        self.detail.show_record(self.current)
        self._update_actions()
        if isinstance(self.current, DisclosureSummary):
            self._load_whole(self.current.id)

    _fresh = False  # True right after a step returned the whole record: no need to read it again

    def _withdraw_loads(self) -> None:
        self._load_token += 1  # results of loads started before are dropped when they arrive
        for token, job in list(self._loads.items()):
            if workers.withdraw(job):  # not started yet: it never runs
                del self._loads[token]

    def _load_whole(self, disclosure_id: int) -> None:
        """Read the record with its rows and findings off the GUI thread (the latest request wins)."""
        service, token = self.service, self._load_token

        def read(_progress, _cancelled):
            try:
                with workers.collections_paused():  # a 10,000-row read's full collection would freeze the list
                    return token, service.get(disclosure_id), None
            except CunwuError as exc:  # shown on the GUI thread if still wanted
                return token, None, exc

        job = workers.Job(read)
        self._loads[token] = job
        job.signals.finished.connect(self._whole_loaded)
        job.signals.failed.connect(self._load_failed)
        workers.start(job)

    def _whole_loaded(self, result) -> None:
        token, data, error = result
        self._loads.pop(token, None)
        if token != self._load_token or self.current is None:
            return  # for a selection that has changed since: dropped
        if error is not None:
            dialogs.error(self.tr("无法读取记录"), error, parent=self)
            return
        if data.id != self.current.id:
            return
        self.current = data
        self.detail.show_facts(data)
        self._update_actions()

    def _whole(self) -> DisclosureData | None:
        """The selected record with its findings, for a step that needs them before the worker has
        delivered: read now (the clerk asked for the step) and shown, the pending read dropped."""
        if self.current is None or isinstance(self.current, DisclosureData):
            return self.current
        try:
            data = self.service.get(self.current.id)
        except CunwuError as exc:
            dialogs.error(self.tr("无法读取记录"), exc, parent=self)
            return None
        self._withdraw_loads()
        self.current = data
        self.detail.show_facts(data)
        self._update_actions()
        return data

    def _load_failed(self, exc: Exception) -> None:
        raise exc  # not a refusal but a bug: the crash handler logs it and shows the report

    def _detail_changed(self, disclosure_id: int) -> None:
        """Attachments or feedback changed (a notice's findings count its attachments): read the
        record again, leaving the detail's tabs as they are."""
        if self.current is None or self.current.id != disclosure_id:
            return
        self._withdraw_loads()
        try:
            self.current = self.service.summary(disclosure_id)
        except CunwuError:
            return
        self.detail.show_facts(self.current)
        self._update_actions()
        self._load_whole(disclosure_id)

    def _update_actions(self) -> None:
        """Each step enabled when the workflow table allows it on the selected record; a greyed step's
        tooltip is the table's refusal."""
        d = self.current
        for key, action in self.steps.items():
            show_step(action, key, d, self._step_tips[key])
        self.print_action.setEnabled(d is not None)
        # …and greyed when the signed-in role may not take the step at all (the table's "who may").
        gate_all([(self.new_action, W.action("edit").permission),
                  *((action, W.action(key).permission) for key, action in self.steps.items())], self.ws)

    # --- steps ------------------------------------------------------------------------------
    def new_item(self) -> None:
        """Ctrl+N: a new record."""
        self.new_record()

    def new_record(self, item_code: str | None = None, period: str | None = None) -> NewDisclosureDialog | None:
        """The 新建公开记录 dialog (pre-filled when item and period are given); the draft opens in the editor."""
        if self.active_dialog is not None:
            return None
        dialog = new_disclosure_dialog(self.ws, self, item_code=item_code, period=period)
        if dialog is None:
            return None
        show_modal(self, dialog, lambda dlg: self._created(dlg.created))
        dialog.item_combo.setFocus()
        return dialog

    def _created(self, data: DisclosureData | None) -> None:
        if data is None:
            return
        self._status(self.tr("已新建记录 #%1 %2").replace("%1", str(data.id)).replace("%2", data.title))
        self.show_record(data.id)
        self._edit(data.id)

    def edit_selected(self, *_args) -> None:
        d = self.current
        if d is None:
            return
        refused = decide("edit", d).refusal
        if refused is not None:
            self._status(refusal_text(refused))
            return
        may, reason = self.ws.may(W.action("edit").permission)
        if not may:  # a double-click by a reviewer: say why instead of opening an editor that cannot save
            self._status(reason)
            return
        self._edit(d.id)

    def _edit(self, disclosure_id: int) -> None:
        """The editor, given the record as the worker read it (rows and findings: not read and checked
        again); back on the list, the record as the editor's last save returned it, or as it was."""
        current = self.current
        whole = current if isinstance(current, DisclosureData) and current.id == disclosure_id else None
        saved: list[DisclosureData] = []
        open_editor(self.ws, disclosure_id, self, data=whole, on_saved=saved.append)
        if saved or whole is not None:
            self.current = saved[-1] if saved else whole
            self._fresh = True  # shown as it is: Esc back to the list does not read the record again
        self.reload(select_id=disclosure_id)  # the list row shows the saved title, amount and count

    def _refused(self, title: str, exc: CunwuError) -> None:
        """Show why the service refused, as the rule says it; findings listed one per line."""
        if isinstance(exc, SubmitRefused):
            lines = [f.located() for f in exc.findings]
            head = exc.message.splitlines()[0].rstrip("：:")
            shown = lines[:MAX_LISTED_FINDINGS]
            if len(lines) > len(shown):
                shown.append(self.tr("……另有 %1 处").replace("%1", str(len(lines) - len(shown))))
            hint = self.tr("请打开编辑器改正标为“错误”的内容后再提交；“提示”不影响提交。")
            dialogs.error(title, "\n".join([head, *shown, "", hint]),
                          details="\n".join(lines) if len(lines) > len(shown) else None, parent=self)
            self.detail.setCurrentIndex(0)  # the findings are listed there too
            return
        dialogs.error(title, exc, parent=self)

    def _done(self, data: DisclosureData, message: str) -> None:
        self.current = data
        self._fresh = True
        self.reload(select_id=data.id)
        # what was done, and the status the record has now (the table's label)
        self._status(self.tr("%1，现为“%2”").replace("%2", status_text(data.status))
                     .replace("%1", message.replace("%1", str(data.id))))

    def submit_selected(self) -> None:
        d = self.current
        if d is None:
            return
        try:
            data = self.service.submit(d.id, expected_version=d.version)
        except CunwuError as exc:
            self._refused(self.tr("不能提交审核"), exc)
            self.reload(select_id=d.id)
            return
        self._done(data, self.tr("记录 #%1 已提交审核"))
        notes = privacy_notes(data)
        if notes:  # a warning, not a refusal: the notice masks them
            dialogs.warn(self.tr("已提交审核"), "\n".join([
                self.tr("记录 #%1 已提交审核。以下内容含身份证号、银行卡号或电话号码，张贴的公告上将打码"
                        "（完整号码只印在内部资料上）：").replace("%1", str(data.id)), *notes]), parent=self)

    def _signed_in(self) -> str | None:
        return self.ws.actor.name if self.ws.actor.authenticated else None

    def _reviewers(self, drafter: str) -> list[str]:
        names = [r.reviewer for r in self.model.rows() if r.reviewer and r.reviewer != drafter]
        return list(dict.fromkeys(names))[:20]

    def _headline(self, d: DisclosureData) -> str:
        return self.tr("#%1 %2\n%3 · %4 · 起草人：%5").replace("%1", str(d.id)).replace("%2", d.title) \
            .replace("%3", d.item_name).replace("%4", period_label(d.period)).replace("%5", d.drafter)

    def approve_selected(self) -> None:
        if self.current is None or self.active_dialog is not None:
            return
        seen = self.current.version  # the version on screen: changed since → refused
        d = self._whole()  # the dialog lists the personal numbers the notice will mask
        if d is None:
            return
        service = self.service

        def approve(who, opinion, on):
            return service.approve(d.id, who, opinion, on, expected_version=seen)

        dialog = ApproveDialog(self._headline(d), approve, reviewers=self._reviewers(d.drafter),
                               notes=privacy_notes(d), signed_in=self._signed_in(), parent=self)
        show_modal(self, dialog, lambda dlg: self._done(dlg.result_data, self.tr("记录 #%1 %2").replace("%2", step_text("approve"))))
        dialog.focus_first()

    def return_selected(self) -> None:
        d = self.current
        if d is None or self.active_dialog is not None:
            return
        service = self.service

        def return_(who, reason, on):
            return service.return_(d.id, who, reason, on, expected_version=d.version)

        dialog = ReturnDialog(self._headline(d), return_, reviewers=self._reviewers(d.drafter),
                              signed_in=self._signed_in(), parent=self)
        show_modal(self, dialog, lambda dlg: self._done(dlg.result_data, self.tr("记录 #%1 退回起草人修改")))
        dialog.focus_first()

    def post_selected(self) -> None:
        d = self.current
        if d is None or self.active_dialog is not None:
            return
        try:
            item = CatalogService(self.ws.ctx).get(d.item_code)
            calendar = CalendarService(self.ws.ctx).calendar() if item.posting_working_days else None
        except CunwuError as exc:
            dialogs.error(self.tr("无法读取事项"), exc, parent=self)
            return

        def end_of(start: date, days: int) -> date:
            if calendar is not None:
                return calendar.add_workdays_inclusive(start, days)
            return WorkdayCalendar.add_days_inclusive(start, days)

        service = self.service

        def post(start, days):
            return service.post(d.id, start, days, expected_version=d.version)

        dialog = PostDialog(self._headline(d), post,
                            minimum_days=item.posting_days, working_days=item.posting_working_days, end_of=end_of,
                            parent=self)
        show_modal(self, dialog, lambda dlg: self._done(dlg.result_data, self.tr("记录 #%1 已张贴公示")))
        dialog.start_edit.setFocus()

    def correct_selected(self) -> None:
        d = self.current
        if d is None:
            return
        try:
            data = self.service.correct(d.id, expected_version=d.version)
        except CunwuError as exc:
            self._refused(self.tr("不能更正"), exc)
            return
        self._done(data, self.tr("已起草更正记录 #%1，公示后取代原记录"))
        self._edit(data.id)

    def archive_selected(self) -> None:
        d = self.current
        if d is None:
            return
        if not dialogs.confirm(self.tr("归档"), self.tr("把记录 #%1“%2”存入档案？归档后不再出现在待办中。")
                               .replace("%1", str(d.id)).replace("%2", d.title), ok_text=self.tr("归档"), parent=self):
            return
        try:
            data = self.service.archive(d.id, expected_version=d.version)
        except CunwuError as exc:
            self._refused(self.tr("不能归档"), exc)
            return
        self._done(data, self.tr("记录 #%1 存入档案"))

    def delete_selected(self) -> None:
        d = self.current
        if d is None:
            return
        if not dialogs.confirm(step_text("delete"), self.tr("%3 #%1“%2”？删除后不能恢复。").replace("%3", step_text("delete"))
                               .replace("%1", str(d.id)).replace("%2", d.title), ok_text=self.tr("删除"), parent=self):
            return
        try:
            self.service.delete(d.id, expected_version=d.version)
        except CunwuError as exc:
            self._refused(self.tr("不能删除"), exc)
            return
        self.current = None
        row = self.model.row_of(d.id)
        self.reload()
        if row is not None and self.model.rowCount():
            self._select_row(min(row, self.model.rowCount() - 1))
        self._status(self.tr("%2 #%1：已完成").replace("%2", step_text("delete")).replace("%1", str(d.id)))

    def print_selected(self) -> None:
        """Ctrl+P: the selected record's notice in the print preview."""
        if self.current is not None:
            printing.preview_disclosure(self.ws, self.current.id, self)

    def _status(self, text: str, timeout: int = 6000) -> None:
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, timeout)


register_page("records", QT_TRANSLATE_NOOP("Pages", "公开记录"), RecordsPage, order=7)
