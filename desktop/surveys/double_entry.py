"""核对两遍录入: the fields where the first and the blind second entry of a form differ, one row each
(问卷编号, 题目, 第一遍, 第二遍, 裁定为), and the clerk's decision: take the first value, the second, or
type the right one from the paper form. Only decided values count (`SurveyService.double_entry` says
which forms count; the service checks that the decided form is valid and names what is not).

Keyboard: the list has the focus; Alt+1 takes the first value, Alt+2 the second, Alt+V goes to the
typed value, whose Enter saves it; after a decision the next undecided row is selected.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.errors import CunwuError
from models.services.surveys import SurveyService

from ..forms import problems_label
from ..pages.table_page_parts import read_only_table
from ..permissions import gate
from ..qtmodels.survey_models import D_QUESTION, DiscrepancyModel, field_label
from ..read_only import keep_disabled
from ..row_list import RowList
from ..screen_fit import fit_to_screen


class DoubleEntryDialog(QDialog):
    decided = Signal()

    def __init__(self, workspace, survey_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws = workspace
        self.survey_id = survey_id
        self.state = None
        self.questionnaire = self.service.get(survey_id).questionnaire
        self.setWindowTitle(self.tr("核对两遍录入 — %1").replace("%1", self.questionnaire.title))
        self._build()
        self.reload()
        fit_to_screen(self, 820, 600)

    @property
    def service(self) -> SurveyService:
        return SurveyService(self.ws.ctx)

    def _build(self) -> None:
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model = DiscrepancyModel(self)
        self.view = read_only_table(self.model, self.tr("两遍录入不一致的地方"))
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setSectionResizeMode(D_QUESTION, QHeaderView.ResizeMode.ResizeToContents)

        self.first_action = QAction(self.tr("用第一遍"), self)
        self.first_action.setShortcut(QKeySequence("Alt+1"))
        self.second_action = QAction(self.tr("用第二遍"), self)
        self.second_action.setShortcut(QKeySequence("Alt+2"))
        self.first_action.triggered.connect(lambda: self.decide_with(self.selected().first if self.selected() else None))
        self.second_action.triggered.connect(lambda: self.decide_with(self.selected().second if self.selected() else None))
        for a in (self.first_action, self.second_action):
            self.addAction(a)
        self.rows = RowList(self.view, activate=self._focus_value, actions=[self.first_action, self.second_action])
        self.rows.selection_changed.connect(self._show_selected)

        self.where = QLabel()
        self.where.setStyleSheet("font-weight: bold;")
        self.first_value = QLabel()
        self.second_value = QLabel()
        for label in (self.first_value, self.second_value):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.first_button = QPushButton(self.tr("用第一遍 (Alt+1)"))
        self.second_button = QPushButton(self.tr("用第二遍 (Alt+2)"))
        self.first_button.clicked.connect(self.first_action.trigger)
        self.second_button.clicked.connect(self.second_action.trigger)
        self.value_edit = QLineEdit()
        self.value_edit.setAccessibleName(self.tr("正确的值"))
        self.value_edit.setPlaceholderText(self.tr("照纸质问卷输入正确的值（空着表示未答）"))
        self.save_button = QPushButton(self.tr("保存裁定"))
        self.save_button.clicked.connect(self.decide_typed)
        self.value_edit.returnPressed.connect(self.decide_typed)
        value_label = QLabel(self.tr("正确的值(&V)"))
        value_label.setBuddy(self.value_edit)
        for b in (self.first_button, self.second_button, self.save_button):
            b.setAutoDefault(False)
        grid = QGridLayout()
        grid.addWidget(self.where, 0, 0, 1, 3)
        grid.addWidget(QLabel(self.tr("第一遍：")), 1, 0)
        grid.addWidget(self.first_value, 1, 1)
        grid.addWidget(self.first_button, 1, 2)
        grid.addWidget(QLabel(self.tr("第二遍：")), 2, 0)
        grid.addWidget(self.second_value, 2, 1)
        grid.addWidget(self.second_button, 2, 2)
        grid.addWidget(value_label, 3, 0)
        grid.addWidget(self.value_edit, 3, 1)
        grid.addWidget(self.save_button, 3, 2)
        grid.setColumnStretch(1, 1)
        self.problems = problems_label()
        keep_disabled(self.ws, self.first_action, self.second_action, self.first_button, self.second_button,
                      self.save_button, self.value_edit)

        self.close_button = QPushButton(self.tr("关闭"))
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addLayout(grid)
        layout.addWidget(self.problems)
        layout.addLayout(bottom)

    def reload(self, select: tuple[int, str] | None = None) -> None:
        try:
            self.state = self.service.double_entry(self.survey_id)
        except CunwuError as exc:
            self.problems.setText(str(exc))
            self.problems.show()
            return
        s = self.state
        text = self.tr("计入结果 %1 份；不一致 %2 处，待裁定 %3 处。").replace("%1", str(s.counted)) \
            .replace("%2", str(len(s.discrepancies))).replace("%3", str(len(s.open)))
        if s.first_only:
            text += self.tr("只录了第一遍：%1。").replace("%1", self._numbers(s.first_only))
        if s.second_only:
            text += self.tr("只录了第二遍：%1。").replace("%1", self._numbers(s.second_only))
        if not s.double_entered:
            text = self.tr("还没有录入第二遍：先用“第二遍录入”把纸质问卷再录一遍，这里列出两遍不一致的地方。")
        self.summary.setText(text)
        self.model.set_rows(s.discrepancies)
        row = self.model.row_of(select) if select else None
        if row is None:
            row = next((n for n, d in enumerate(s.discrepancies) if d.decided is None), 0 if s.discrepancies else None)
        if row is not None:
            self.rows.select_row(self.model.index(row, 0))
        self._show_selected()

    @staticmethod
    def _numbers(numbers: list[int]) -> str:
        shown = "、".join(str(n) for n in numbers[:20])
        return shown + ("……" if len(numbers) > 20 else "")

    def selected(self):
        index = self.rows.current()
        return index.data(self.model_object_role()) if index is not None else None

    @staticmethod
    def model_object_role() -> int:
        from ..qtmodels.base import ObjectRole

        return ObjectRole

    def _show_selected(self) -> None:
        d = self.selected()
        on = d is not None
        for w in (self.first_button, self.second_button, self.save_button, self.value_edit):
            w.setEnabled(on)
        self.first_action.setEnabled(on)
        self.second_action.setEnabled(on)
        for target in (self.first_action, self.second_action, self.first_button, self.second_button,
                       self.save_button, self.value_edit):
            gate(target, self.ws, "survey.adjudicate")
        if d is None:
            self.where.setText(self.tr("没有要裁定的地方") if self.state and not self.state.discrepancies else "")
            self.first_value.clear()
            self.second_value.clear()
            self.value_edit.clear()
            return
        self.where.setText(self.tr("问卷 %1，%2").replace("%1", str(d.respondent)).replace("%2", field_label(d.field)))
        empty = self.tr("（空）")
        self.first_value.setText(d.first or empty)
        self.second_value.setText(d.second or empty)
        self.value_edit.setText(d.decided if d.decided is not None else "")
        self.problems.hide()

    def _focus_value(self) -> None:
        self.value_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.value_edit.selectAll()

    def decide_typed(self) -> None:
        self.decide_with(self.value_edit.text().strip())

    def decide_with(self, value: str | None) -> None:
        d = self.selected()
        if d is None or value is None:
            return
        try:
            self.service.adjudicate(self.survey_id, d.respondent, {d.field: value})
        except CunwuError as exc:
            from ..dialogs import describe_error

            head, lines = describe_error(exc)
            self.problems.setText("\n".join(x for x in (head, lines) if x))
            self.problems.show()
            return
        self.problems.hide()
        self.reload()
        self.view.setFocus()
        self.decided.emit()
