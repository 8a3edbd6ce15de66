"""待办 — the start page: what the clerk has to do today.

Four lists from `ScheduleService.todo(today)`:

- 本月应公开: everything due this month, with its status (未到期 / 即将到期 / 按时公开 / 逾期公开 /
  逾期未公开), coloured;
- 逾期未公开: every due date that passed without a posted record, with the days late;
- 公示即将结束: notices whose posting window ends within three days (take the board down, photograph it);
- 待答复的村民意见: villagers' questions without an answer, overdue ones in red.

Enter or a double click on a due entry opens its record on the 公开记录 page, or offers a new record
for that item and period when there is none. When a year's holidays are not entered, a banner says
that working days are counted Monday–Friday, with a button to enter them. F5 reloads.

Two more notes above the lists: once, from which month this program keeps the village's disclosures
(“本程序从 2026年12月起记录；此前的公开不在统计之内”) until the clerk closes it — remembered per database
and start month, so a changed start month is told again; and, while the print footer has no 监督电话,
that notices will print without one, with a button to fill it in.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

import models.services.disclosures  # noqa: F401  (registers the catalog's delete guard)
from models.errors import CunwuError
from models.rules import workflow as W
from models.services.calendar import CalendarService
from models.services.schedule import NOTICE_AHEAD_DAYS, DueEntry, PostingEnding, ScheduleService, TodoSummary

from .. import clock, dialogs
from ..editors.calendar_dialog import CalendarDialog
from ..editors.editor_link import open_editor
from ..editors.new_disclosure_dialog import NewDisclosureDialog, new_disclosure_dialog
from ..editors.workflow_dialogs import show_modal
from ..formats import cn_date, period_label
from ..permissions import gate_all
from ..printing import actions as printing
from ..qtmodels.todo_models import DueModel, EntryRole, FeedbackModel, OverdueModel, PostingEndingModel
from ..read_only import keep_disabled
from ..registry import register_page
from ..row_list import ActionButton, RowList
from .record_detail import answer_dialog

POSTING_WITHIN_DAYS = 3
WEEKDAYS = (
    QT_TRANSLATE_NOOP("TodoPage", "星期一"),
    QT_TRANSLATE_NOOP("TodoPage", "星期二"),
    QT_TRANSLATE_NOOP("TodoPage", "星期三"),
    QT_TRANSLATE_NOOP("TodoPage", "星期四"),
    QT_TRANSLATE_NOOP("TodoPage", "星期五"),
    QT_TRANSLATE_NOOP("TodoPage", "星期六"),
    QT_TRANSLATE_NOOP("TodoPage", "星期日"),
)
_RED = "#c62828"


class _Section(QWidget):
    """A header with a count, and a table — or a grey line when there is nothing to do."""

    def __init__(self, model, empty_text: str, widths: dict[int, int], stretch: int, name: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.model = model
        self.header = QLabel()
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.empty = QLabel(empty_text)
        self.empty.setStyleSheet("color: gray; padding: 2px 0 6px 12px;")
        self.view = QTableView()
        self.view.setModel(model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 10)
        self.view.setAccessibleName(name)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        for col, width in widths.items():
            self.view.setColumnWidth(col, width)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(2)
        self.header_row = QHBoxLayout()  # the header, and a button for the whole list at its right end
        self.header_row.addWidget(self.header, 1)
        layout.addLayout(self.header_row)
        layout.addWidget(self.empty)
        layout.addWidget(self.view, 1)
        self.rows: RowList | None = None  # set by the page with the section's actions
        self.open_action: QAction | None = None

    def set_header(self, title: str, count: int, extra: str = "", alert: bool = False) -> None:
        color = f" color:{_RED};" if alert else ""
        head = QCoreApplication.translate("TodoPage", "%1（%2）").replace("%1", title).replace("%2", str(count))
        text = f"<span style='font-size:11pt; font-weight:bold;{color}'>{head}</span>"
        if extra:
            text += f"<span style='color:gray'>　{extra}</span>"
        self.header.setText(text)
        self.empty.setVisible(count == 0)
        self.view.setVisible(count > 0)

    def selected(self):
        index = self.rows.current() if self.rows is not None else None
        return index.data(EntryRole) if index is not None else None


def _note_banner(name: str, buttons: list[tuple[str, str]], *, info: bool = False
                 ) -> tuple[QFrame, QLabel, tuple[QPushButton, ...]]:
    """A yellow (or, for information, blue) strip: a word-wrapped text and its buttons at the right."""
    frame = QFrame()
    frame.setObjectName(name)
    colours = ("#e8f1fb", "#90b4dc", "#1f4e79") if info else ("#fff4d6", "#e0b050", "#6d4c00")
    frame.setStyleSheet(f"#{name} {{ background: {colours[0]}; border: 1px solid {colours[1]}; border-radius: 4px; }}")
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {colours[2]};")
    layout = QHBoxLayout(frame)
    layout.setContentsMargins(10, 6, 10, 6)
    layout.addWidget(label, 1)
    made = []
    for text, tip in buttons:
        button = QPushButton(text)
        button.setAutoDefault(False)
        button.setToolTip(tip)
        layout.addWidget(button)
        made.append(button)
    return frame, label, tuple(made)


class TodoPage(QWidget):
    def __init__(self, workspace, parent: QWidget | None = None, preloaded: tuple[date, TodoSummary] | None = None):
        """`preloaded`: what `preload(workspace)` read (at start-up, on a worker thread), shown as is."""
        super().__init__(parent)
        self.ws = workspace
        self.summary: TodoSummary | None = None
        self.active_dialog = None  # the open dialog (window-modal), for tests and to avoid doubles
        self._build()
        if preloaded is not None and preloaded[0] == clock.today():
            self._show(*preloaded)
        else:
            self.refresh()
        # Just computed: the window showing the page at once (page_shown, in this same turn of the
        # event loop) need not compute 待办 a second time — at start-up that was half the wait.
        self._fresh = True
        QTimer.singleShot(0, self._not_fresh)

    def _not_fresh(self) -> None:
        self._fresh = False

    # --- building ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.date_label = QLabel()
        self.date_label.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.overview_label = QLabel()
        self.overview_label.setStyleSheet("color: gray;")
        self.new_action = QAction(self.tr("新建公开记录…"), self)
        self.new_action.setToolTip(self.tr("新建公开记录（Ctrl+N）"))
        self.new_action.triggered.connect(self.new_item)
        self.refresh_action = QAction(self.tr("刷新"), self)
        self.refresh_action.setToolTip(self.tr("重新计算待办（F5）"))
        self.refresh_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.refresh_action.triggered.connect(self.refresh)
        self.addAction(self.refresh_action)  # window shortcut while this page is the one shown
        self.new_button = ActionButton(self.new_action)
        self.refresh_button = ActionButton(self.refresh_action)
        keep_disabled(self.ws, self.new_action)
        top = QHBoxLayout()
        top.addWidget(self.date_label)
        top.addSpacing(12)
        top.addWidget(self.overview_label, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.refresh_button)

        self.banner, self.banner_label, (self.banner_button,) = _note_banner(
            "fallback_banner", [(self.tr("录入节假日…"), self.tr("录入国务院公布的放假和调休上班日期"))])
        self.since_banner, self.since_label, (self.since_change_button, self.since_dismiss_button) = _note_banner(
            "since_banner", [(self.tr("修改…"), self.tr("在“关于与设置”中修改开始记录的月份")),
                             (self.tr("知道了"), self.tr("不再显示这条说明"))], info=True)
        self.footer_banner, self.footer_label, (self.footer_button,) = _note_banner(
            "footer_banner", [(self.tr("填写监督电话…"), self.tr("公告末尾的监督电话、受理单位、落款"))])
        self.footer_label.setText(self.tr("还没有填写监督电话：打印的公告末尾将没有监督电话一行。"))

        self.due_section = _Section(
            DueModel(self), self.tr("本月没有应公开的事项。"),
            {DueModel.COL_ITEM: 260, DueModel.COL_PERIOD: 130, DueModel.COL_DUE: 110, DueModel.COL_STATUS: 170},
            DueModel.COL_RECORD, self.tr("本月应公开"))
        self.overdue_section = _Section(
            OverdueModel(self), self.tr("没有逾期未公开的事项。"),
            {OverdueModel.COL_ITEM: 260, OverdueModel.COL_PERIOD: 130, OverdueModel.COL_DUE: 130,
             OverdueModel.COL_LATE: 90},
            OverdueModel.COL_RECORD, self.tr("逾期未公开"))
        self.posting_section = _Section(
            PostingEndingModel(self), self.tr("三天内没有公示期届满的公告。"),
            {PostingEndingModel.COL_ID: 56, PostingEndingModel.COL_ITEM: 200, PostingEndingModel.COL_WINDOW: 170,
             PostingEndingModel.COL_LEFT: 100},
            PostingEndingModel.COL_TITLE, self.tr("公示即将结束"))
        self.feedback_section = _Section(
            FeedbackModel(self), self.tr("没有待答复的村民意见。"),
            {FeedbackModel.COL_RECEIVED: 100, FeedbackModel.COL_RECORD: 260, FeedbackModel.COL_FROM: 90,
             FeedbackModel.COL_DUE: 100, FeedbackModel.COL_STATE: 110},
            FeedbackModel.COL_TEXT, self.tr("待答复的村民意见"))
        self.feedback_section.view.setColumnHidden(FeedbackModel.COL_ANSWER, True)  # only unanswered ones here
        self.sections = [self.due_section, self.overdue_section, self.posting_section, self.feedback_section]
        self.print_button = printing.print_button(self, "month", self.print_month, shortcut=True)  # Ctrl+P
        self.due_section.header_row.addWidget(self.print_button)

        self.sections_layout = QVBoxLayout()
        self.sections_layout.setSpacing(6)
        for section in self.sections:
            self.sections_layout.addWidget(section)
            # One action opens (or answers) the selected entry: Enter, a double click or the menu.
            section.open_action = QAction(self)
            section.open_action.triggered.connect(lambda _checked=False, s=section: self.activate(s))
            section.rows = RowList(section.view, activate=section.open_action.trigger,
                                   actions=[section.open_action],
                                   general_actions=[self.new_action, self.refresh_action])
            section.rows.selection_changed.connect(lambda s=section: self._update_open_action(s))
            self._update_open_action(section)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        for banner in (self.since_banner, self.footer_banner, self.banner):
            banner.hide()
            layout.addWidget(banner)
        layout.addLayout(self.sections_layout, 1)

        chain = [s.view for s in self.sections] + [self.since_change_button, self.since_dismiss_button,
                                                   self.footer_button, self.banner_button, self.new_button,
                                                   self.refresh_button]
        for a, b in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(a, b)

        gate_all(((self.new_action, W.action("edit").permission), (self.banner_button, "calendar.edit"),
                  (self.since_change_button, "settings.edit"), (self.footer_button, "settings.edit")), self.ws)
        self.banner_button.clicked.connect(self.open_calendar)
        self.since_change_button.clicked.connect(self.change_since)
        self.since_dismiss_button.clicked.connect(self.dismiss_since_note)
        self.footer_button.clicked.connect(self.open_print_settings)

    def _update_open_action(self, section: _Section) -> None:
        """What Enter, a double click and the menu do to the selected entry, named for it."""
        entry = section.selected()
        action = section.open_action
        if isinstance(entry, DueEntry) and entry.disclosure_id is None:
            action.setText(self.tr("新建公开记录…"))
            action.setToolTip(self.tr("为这个事项和期间新建公开记录（回车或双击）"))
        elif entry is not None and not isinstance(entry, (DueEntry, PostingEnding)):
            action.setText(self.tr("答复…"))
            action.setToolTip(self.tr("答复这条意见（回车或双击）"))
        else:
            action.setText(self.tr("打开记录"))
            action.setToolTip(self.tr("在“公开记录”中打开这条记录（回车或双击）"))
        action.setEnabled(entry is not None and not getattr(entry, "answered", False))

    # --- page hooks -------------------------------------------------------------------------
    def page_shown(self) -> None:
        if not self._fresh:
            self.refresh()
        self._fresh = False
        focus = next((s.view for s in self.sections if s.view.isVisibleTo(self)), None)
        if focus is not None and not any(s.view.hasFocus() for s in self.sections):
            focus.setFocus()
            if not focus.currentIndex().isValid() and focus.model().rowCount():
                focus.setCurrentIndex(focus.model().index(0, 0))

    def new_item(self) -> None:
        self.new_record()

    # --- reading ----------------------------------------------------------------------------
    @staticmethod
    def preload(workspace) -> tuple[date, TodoSummary]:
        """Today and its 待办, read without touching a widget (the window runs it off the GUI thread)."""
        today = clock.today()
        return today, ScheduleService(workspace.ctx).todo(today, posting_within_days=POSTING_WITHIN_DAYS)

    def refresh(self) -> None:
        try:
            today, summary = self.preload(self.ws)
        except CunwuError as exc:
            dialogs.error(self.tr("无法计算待办"), exc, parent=self)
            return
        self._show(today, summary)

    def _show(self, today: date, summary: TodoSummary) -> None:
        self.summary = summary
        self.date_label.setText(self.tr("今天是%1 %2").replace("%1", cn_date(today))
                                .replace("%2", self.tr(WEEKDAYS[today.weekday()])))
        keep = [s.view.currentIndex().row() for s in self.sections]
        self.due_section.model.set_entries(summary.due_this_month, today)
        self.overdue_section.model.set_entries(summary.overdue, today)
        self.posting_section.model.set_entries(summary.posting_ending, today)
        self.feedback_section.model.set_entries(summary.feedback_open, today)
        for section, row in zip(self.sections, keep, strict=True):
            if 0 <= row < section.model.rowCount():
                section.view.setCurrentIndex(section.model.index(row, 0))
            self._update_open_action(section)

        open_now = len(summary.open_this_month)
        self.due_section.set_header(
            self.tr("本月应公开"), len(summary.due_this_month),
            self.tr("其中尚未公开 %1 项").replace("%1", str(open_now)) if open_now else "")
        self.overdue_section.set_header(self.tr("逾期未公开"), len(summary.overdue),
                                        self.tr("请尽快起草、审核并张贴") if summary.overdue else "",
                                        alert=bool(summary.overdue))
        self.posting_section.set_header(self.tr("公示即将结束"), len(summary.posting_ending),
                                        self.tr("%1 天内届满，届满后可拍照存档、归档").replace("%1", str(POSTING_WITHIN_DAYS)))
        late = len(summary.feedback_overdue)
        self.feedback_section.set_header(
            self.tr("待答复的村民意见"), len(summary.feedback_open),
            self.tr("其中 %1 条已超过答复期限").replace("%1", str(late)) if late else "", alert=bool(late))
        for n, section in enumerate(self.sections):  # longer lists get more room; empty ones shrink to a line
            rows = section.model.rowCount()
            self.sections_layout.setStretch(n, min(rows, 8) + 2 if rows else 0)

        if summary.is_clear:
            self.overview_label.setText(self.tr("没有待办事项。"))
        else:
            self.overview_label.setText(self.tr("本月尚未公开 %1 项，逾期 %2 项，待答复意见 %3 条")
                                        .replace("%1", str(open_now)).replace("%2", str(len(summary.overdue)))
                                        .replace("%3", str(len(summary.feedback_open))))
        self.banner.setVisible(bool(summary.fallback_notice))
        self.banner_label.setText(summary.fallback_notice or "")
        since = summary.since
        if since is not None:
            self.since_label.setText(self.tr("本程序从 %1起记录；此前的公开不在统计之内。")
                                     .replace("%1", period_label(f"{since.year}-M{since.month:02d}")))
        self.since_banner.setVisible(since is not None and self._dismissed().get("since") != since.isoformat())
        self.footer_banner.setVisible(summary.footer_phones_missing)

    # --- notes --------------------------------------------------------------------------------
    def _note_key(self) -> str:
        return str(Path(self.ws.db_path).resolve())

    def _dismissed(self) -> dict:
        notes = self.ws.settings.dismissed_notes or {}
        mine = notes.get(self._note_key()) if isinstance(notes, dict) else None
        return mine if isinstance(mine, dict) else {}

    def dismiss_since_note(self) -> None:
        """知道了: this start month's note is not shown again (for this database)."""
        if self.summary is None or self.summary.since is None:
            return
        notes = dict(self.ws.settings.dismissed_notes or {})
        notes[self._note_key()] = {**self._dismissed(), "since": self.summary.since.isoformat()}
        self.ws.settings.dismissed_notes = notes
        self.since_banner.hide()

    def change_since(self) -> None:
        window = self.window()
        if callable(getattr(window, "show_page", None)) and "about" in window.page_keys():
            window.show_page("about")
            page = window.page("about")
            picker = getattr(page, "since_picker", None)
            if picker is not None:
                picker.setFocus()

    def open_print_settings(self) -> None:
        if self.active_dialog is not None:
            return
        from ..printing.settings_dialog import open_print_settings

        dialog = open_print_settings(self.ws, self)
        if dialog is not None:
            self.active_dialog = dialog
            dialog.finished.connect(self._print_settings_closed)

    def _print_settings_closed(self, _result: int) -> None:
        self.active_dialog = None
        self.refresh()

    # --- acting -----------------------------------------------------------------------------
    def activate(self, section: _Section) -> None:
        entry = section.selected()
        if entry is None:
            return
        if isinstance(entry, DueEntry):
            self.open_due(entry)
        elif isinstance(entry, PostingEnding):
            self.open_record(entry.disclosure_id)
        else:
            self.answer(entry)

    def open_due(self, entry: DueEntry) -> None:
        """The entry's record when there is one, else a new record for its item and period."""
        if entry.disclosure_id is not None:
            self.open_record(entry.disclosure_id)
        else:
            self.new_record(entry.item_code, entry.period)

    def open_record(self, disclosure_id: int) -> None:
        """Show the record on the 公开记录 page (with its buttons); without that page, edit it."""
        window = self.window()
        keys = window.page_keys() if callable(getattr(window, "page_keys", None)) else []
        if "records" in keys:
            window.show_page("records")
            page = window.page("records")
            if callable(getattr(page, "show_record", None)):
                page.show_record(disclosure_id)
                return
        open_editor(self.ws, disclosure_id, self)
        self.refresh()

    def new_record(self, item_code: str | None = None, period: str | None = None) -> NewDisclosureDialog | None:
        if self.active_dialog is not None:
            return None
        dialog = new_disclosure_dialog(self.ws, self, item_code=item_code, period=period)
        if dialog is None:
            return None
        show_modal(self, dialog, lambda dlg: self._created(dlg.created))
        if item_code:
            dialog.title_edit.setFocus()  # item and period are given: the title is what may need a word
        else:
            dialog.item_combo.setFocus()
        return dialog

    def _created(self, data) -> None:
        if data is None:
            return
        self.refresh()
        open_editor(self.ws, data.id, self)
        self.refresh()

    def answer(self, feedback) -> None:
        if self.active_dialog is not None or feedback.answered:
            return
        show_modal(self, answer_dialog(self.ws, feedback, self), lambda _dlg: self.refresh())

    def print_month(self):
        """打印本月全部公告 (Ctrl+P): this month's list and notices in one file, then the preview."""
        today = clock.today()
        return printing.print_month(self.ws, today.year, today.month, self)

    def open_calendar(self) -> None:
        if self.active_dialog is not None:
            return
        today = clock.today()
        try:
            years = CalendarService(self.ws.ctx).calendar().fallback_years(
                today, today + timedelta(days=NOTICE_AHEAD_DAYS))
        except CunwuError:
            years = []
        dialog = CalendarDialog(self.ws, year=years[0] if years else today.year + 1, parent=self)
        show_modal(self, dialog, lambda _dlg: None)
        dialog.finished.connect(lambda _r: self.refresh())


register_page("todo", QT_TRANSLATE_NOOP("Pages", "待办"), TodoPage, order=5)
