"""节假日与答复期限 (admin): the holidays and make-up working days of years the shipped calendar does
not know yet, and how long the committee has to answer a villager's question.

The State Council announces each year's holidays in November or December; until an admin enters
them here, working-day deadlines of that year count Monday–Friday only (the start page says so).
A holiday is usually several days: enter the first and last day and they are added together.

Keyboard: Tab walks year → list → from → to → type → note → 添加; Enter in the note adds; Delete in
the list removes the selected days; Esc closes.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.errors import CunwuError
from models.rules.workdays import WorkdayCalendar
from models.services.calendar import DAY_KINDS, CalendarService
from models.services.feedback import FeedbackService

from .. import clock, dialogs
from ..qtmodels.calendar_model import (
    COL_DAY,
    COL_KIND,
    COL_NOTE,
    COL_WEEKDAY,
    CalendarDayModel,
    DayRole,
    day_kind_text,
)
from ..row_list import ActionButton, RowList
from ..screen_fit import fit_to_screen
from .workflow_dialogs import qdate

MAX_RANGE_DAYS = 31  # a holiday is at most a few days; a longer range is a typing mistake


class CalendarDialog(QDialog):
    def __init__(self, workspace, *, year: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws = workspace
        self.setWindowTitle(self.tr("节假日与答复期限"))
        self.setModal(True)
        self._build()
        self.year_spin.setValue(year or self._suggested_year())
        self._load_year()
        self._load_feedback_settings()
        self.year_spin.setFocus()

    @property
    def service(self) -> CalendarService:
        return CalendarService(self.ws.ctx)

    # --- building ---------------------------------------------------------------------------
    def _build(self) -> None:
        days_box = QGroupBox(self.tr("法定节假日和调休上班日"))
        self.year_spin = QSpinBox()
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setSuffix(self.tr("年"))
        self.year_spin.setAccessibleName(self.tr("年份"))
        self.coverage_label = QLabel()
        self.coverage_label.setWordWrap(True)
        year_row = QHBoxLayout()
        year_label = QLabel(self.tr("年份"))
        year_label.setBuddy(self.year_spin)
        year_row.addWidget(year_label)
        year_row.addWidget(self.year_spin)
        year_row.addWidget(self.coverage_label, 1)

        self.model = CalendarDayModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setAccessibleName(self.tr("已录入的日期"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_NOTE, QHeaderView.ResizeMode.Stretch)
        for col, width in ((COL_DAY, 100), (COL_WEEKDAY, 70), (COL_KIND, 80)):
            self.table.setColumnWidth(col, width)
        self.table.setMinimumHeight(220)
        self.table.installEventFilter(self)

        self.from_edit = QDateEdit()
        self.to_edit = QDateEdit()
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.from_edit.setAccessibleName(self.tr("起始日期"))
        self.to_edit.setAccessibleName(self.tr("截止日期"))
        self.kind_combo = QComboBox()
        for kind in DAY_KINDS:
            self.kind_combo.addItem(day_kind_text(kind), kind)
        self.kind_combo.setAccessibleName(self.tr("类型"))
        self.note_edit = QLineEdit()
        self.note_edit.setMaxLength(100)
        self.note_edit.setPlaceholderText(self.tr("如：春节"))
        self.note_edit.setAccessibleName(self.tr("备注"))
        self.note_edit.setMinimumWidth(140)
        self.add_button = QPushButton(self.tr("添加"))
        self.add_button.setAutoDefault(False)
        self.remove_action = QAction(self.tr("删除所选"), self)
        self.remove_action.setToolTip(self.tr("删除列表中选中的日期（Delete）"))
        self.remove_action.triggered.connect(self.remove_selected)
        self.remove_button = ActionButton(self.remove_action)
        # Several days at once (ctrl/shift-click, shift+arrows); right click offers 删除所选.
        self.rows = RowList(self.table, multi=True, actions=[self.remove_action])
        self.rows.selection_changed.connect(self._update_remove)
        self._update_remove()
        add_row = QHBoxLayout()
        for text, widget in ((self.tr("从"), self.from_edit), (self.tr("至"), self.to_edit),
                             (self.tr("类型"), self.kind_combo), (self.tr("备注"), self.note_edit)):
            label = QLabel(text)
            label.setBuddy(widget)
            add_row.addWidget(label)
            add_row.addWidget(widget, 1 if widget is self.note_edit else 0)
        add_row.addWidget(self.add_button)
        hint = QLabel(self.tr("按国务院办公厅公布的安排录入：放假的日子录为“放假”，周末调休上班的日子录为“调休上班”。"))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: gray;")
        remove_row = QHBoxLayout()
        remove_row.addWidget(hint, 1)
        remove_row.addWidget(self.remove_button)

        days_layout = QVBoxLayout(days_box)
        days_layout.addLayout(year_row)
        days_layout.addWidget(self.table, 1)
        days_layout.addLayout(remove_row)
        days_layout.addLayout(add_row)

        answer_box = QGroupBox(self.tr("群众意见答复期限"))
        self.answer_days_spin = QSpinBox()
        self.answer_days_spin.setRange(1, 366)
        self.answer_days_spin.setAccessibleName(self.tr("答复期限天数"))
        self.answer_working_check = QCheckBox(self.tr("按工作日计算"))
        self.save_answer_button = QPushButton(self.tr("保存答复期限"))
        self.save_answer_button.setAutoDefault(False)
        self.answer_note = QLabel(self.tr("新登记的意见按此期限计算；已登记的意见保持原期限。"))
        self.answer_note.setStyleSheet("color: gray;")
        self.answer_note.setWordWrap(True)
        answer_row = QHBoxLayout()
        label = QLabel(self.tr("收到后"))
        label.setBuddy(self.answer_days_spin)
        answer_row.addWidget(label)
        answer_row.addWidget(self.answer_days_spin)
        answer_row.addWidget(QLabel(self.tr("日内答复")))
        answer_row.addSpacing(12)
        answer_row.addWidget(self.answer_working_check)
        answer_row.addStretch(1)
        answer_row.addWidget(self.save_answer_button)
        answer_layout = QFormLayout(answer_box)
        answer_layout.addRow(answer_row)
        answer_layout.addRow(self.answer_note)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("关闭"))
        close.setAutoDefault(False)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(days_box, 1)
        layout.addWidget(answer_box)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 720, 560)

        chain: list[QWidget] = [self.year_spin, self.table, self.remove_button, self.from_edit, self.to_edit,
                                self.kind_combo, self.note_edit, self.add_button, self.answer_days_spin,
                                self.answer_working_check, self.save_answer_button, close]
        for a, b in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(a, b)

        self.year_spin.valueChanged.connect(self._load_year)
        self.from_edit.dateChanged.connect(self._from_changed)
        self.add_button.clicked.connect(self.add_days)
        self.note_edit.returnPressed.connect(self.add_days)
        self.save_answer_button.clicked.connect(self.save_answer_settings)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress and event.matches(QKeySequence.StandardKey.Delete):
            self.remove_selected()
            return True
        return super().eventFilter(watched, event)

    def _suggested_year(self) -> int:
        """The first year of the coming two months that falls back to weekends, else this year."""
        today = clock.today()
        try:
            years = self.service.calendar().fallback_years(today, today + timedelta(days=60))
        except CunwuError:
            years = []
        return years[0] if years else today.year

    # --- the year's days --------------------------------------------------------------------
    def year(self) -> int:
        return self.year_spin.value()

    def _load_year(self) -> None:
        year = self.year()
        try:
            days = self.service.list_days(year)
        except CunwuError as exc:
            dialogs.error(self.tr("无法读取节假日"), exc, parent=self)
            return
        self.model.set_days(days)
        self._update_remove()  # the reset cleared the selection
        if WorkdayCalendar.library_covers(year):
            text = self.tr("%1年的放假安排程序已自带；这里录入的日期优先，用于更正或补充。")
            self.coverage_label.setStyleSheet("color: gray;")
        elif days:
            text = self.tr("%1年的安排按这里录入的日期计算。")
            self.coverage_label.setStyleSheet("color: #2e7d32;")
        else:
            text = self.tr("%1年的放假安排尚未录入，工作日暂按周一至周五计算。")
            self.coverage_label.setStyleSheet("color: #b26a00;")
        self.coverage_label.setText(text.replace("%1", str(year)))
        first = date(year, 1, 1)
        current = self.from_edit.date().toPython()
        if current.year != year:
            self.from_edit.setDate(qdate(first))
            self.to_edit.setDate(qdate(first))

    def _from_changed(self) -> None:
        start = self.from_edit.date().toPython()
        if self.to_edit.date().toPython() < start or (self.to_edit.date().toPython() - start).days > MAX_RANGE_DAYS:
            self.to_edit.setDate(qdate(start))

    def selected_days(self) -> list[date]:
        return [index.data(DayRole).day for index in self.rows.selected_indexes()]

    def _update_remove(self) -> None:
        count = len(self.rows.selected_indexes())
        self.remove_action.setEnabled(count > 0)
        self.remove_action.setText(self.tr("删除所选（%1 天）").replace("%1", str(count)) if count > 1
                                   else self.tr("删除所选"))

    def add_days(self) -> None:
        start, end = self.from_edit.date().toPython(), self.to_edit.date().toPython()
        if end < start:
            start, end = end, start
        if (end - start).days > MAX_RANGE_DAYS:
            dialogs.error(self.tr("未添加"), self.tr("一次最多添加 %1 天，请分段录入。").replace("%1", str(MAX_RANGE_DAYS + 1)),
                          parent=self)
            return
        kind = self.kind_combo.currentData()
        note = self.note_edit.text().strip()
        days = [start + timedelta(days=n) for n in range((end - start).days + 1)]
        added = 0
        try:
            added = len(self.service.set_days(days, kind, note or None))  # one save, one audit event
        except CunwuError as exc:
            dialogs.error(self.tr("未能添加"), exc, parent=self)
        if start.year != self.year():
            self.year_spin.setValue(start.year)  # reloads
        else:
            self._load_year()
        if added:
            row = self.model.row_of(start)
            if row is not None:
                self.table.selectRow(row)
            self.note_edit.clear()
            next_day = end + timedelta(days=1)
            self.from_edit.setDate(qdate(next_day))
            self.to_edit.setDate(qdate(next_day))
            self.from_edit.setFocus()

    def remove_selected(self) -> None:
        days = self.selected_days()
        if not days:
            return
        listed = "、".join(d.isoformat() for d in days[:6]) + ("……" if len(days) > 6 else "")
        if not dialogs.confirm(self.tr("删除日期"), self.tr("删除 %1 个日期：%2？").replace("%1", str(len(days)))
                               .replace("%2", listed), ok_text=self.tr("删除"), parent=self):
            return
        try:
            self.service.remove_days(days)
        except CunwuError as exc:
            dialogs.error(self.tr("未能删除"), exc, parent=self)
        self._load_year()
        self.table.setFocus()

    # --- answer deadline --------------------------------------------------------------------
    def _load_feedback_settings(self) -> None:
        try:
            settings = FeedbackService(self.ws.ctx).settings()
        except CunwuError as exc:
            dialogs.error(self.tr("无法读取答复期限"), exc, parent=self)
            return
        self.answer_days_spin.setValue(settings.answer_days)
        self.answer_working_check.setChecked(settings.answer_working)

    def save_answer_settings(self) -> None:
        try:
            settings = FeedbackService(self.ws.ctx).set_settings(answer_days=self.answer_days_spin.value(),
                                                                 answer_working=self.answer_working_check.isChecked())
        except CunwuError as exc:
            dialogs.error(self.tr("未保存"), exc, parent=self)
            return
        self.answer_days_spin.setValue(settings.answer_days)
        self.answer_working_check.setChecked(settings.answer_working)
        unit = self.tr("个工作日") if settings.answer_working else self.tr("日")
        self.answer_note.setText(self.tr("已保存：收到后%1%2内答复。新登记的意见按此期限计算；已登记的意见保持原期限。")
                                 .replace("%1", str(settings.answer_days)).replace("%2", unit))
        self.answer_note.setStyleSheet("color: #2e7d32;")
