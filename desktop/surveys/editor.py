"""问卷编辑: a questionnaire's title, purpose, period and target, and its questions.

The dialog edits a draft in the survey file's shape (docs/cli.md "Surveys": title, purpose, period,
target, questions with type, text, required, max, options — plain, 其他（请注明） or 说不清 — and skip
rules) and hands it to the service, whose checks name every problem ("第3题：跳问目标 Q9 不存在");
the dialog stays open showing them and nothing is saved. It fits a 1366×768 screen: the question
list on the left, the question being edited on the right.

Keyboard: Ctrl+Enter or Ctrl+S saves; Alt+N adds a question; the option and skip tables are edited
in place (F2 or typing), Insert adds a row, Delete removes one.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractListModel, QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.errors import CunwuError
from models.rules import survey as rules

from ..forms import confirm_buttons, problems_label
from ..row_list import RowList
from ..screen_fit import fit_to_screen


def letter(n: int) -> str:
    return chr(ord("A") + n)


class QuestionListModel(QAbstractListModel):
    """The draft's questions as "Q1 单选 您知道…"."""

    def __init__(self, questions: list[dict], parent=None):
        super().__init__(parent)
        self.questions = questions

    def rowCount(self, parent=QModelIndex()):  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.questions)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        q = self.questions[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            text = q.get("text") or self.tr("（未填题目）")
            return f"Q{index.row() + 1}  {rules.QUESTION_TYPES.get(q.get('type', 'single'), '')}  {text}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return q.get("text") or None
        return None

    def refresh(self) -> None:
        self.beginResetModel()
        self.endResetModel()


class OptionsModel(QAbstractTableModel):
    """A question's options, edited in place: 字母 (fixed), 选项文字, 其他（请注明）, 说不清."""

    HEADERS = (QT_TRANSLATE_NOOP("OptionsModel", "字母"), QT_TRANSLATE_NOOP("OptionsModel", "选项文字"),
               QT_TRANSLATE_NOOP("OptionsModel", "要注明（其他）"), QT_TRANSLATE_NOOP("OptionsModel", "说不清"))

    def __init__(self, parent=None):
        super().__init__(parent)
        self.options: list[dict] = []

    def set_options(self, options: list[dict]) -> None:
        self.beginResetModel()
        self.options = options
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.options)

    def columnCount(self, parent=QModelIndex()):  # noqa: B008, N802
        return 0 if parent.isValid() else 4

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.HEADERS[section])
        return None

    def flags(self, index):
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 1:
            return base | Qt.ItemFlag.ItemIsEditable
        if index.column() in (2, 3):
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        o = self.options[index.row()]
        col = index.column()
        if col == 0 and role == Qt.ItemDataRole.DisplayRole:
            return letter(index.row())
        if col == 1 and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return o.get("label", "")
        if col in (2, 3) and role == Qt.ItemDataRole.CheckStateRole:
            key = "other" if col == 2 else "dont_know"
            return Qt.CheckState.Checked if o.get(key) else Qt.CheckState.Unchecked
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):  # noqa: N802
        if not index.isValid():
            return False
        o = self.options[index.row()]
        if index.column() == 1 and role == Qt.ItemDataRole.EditRole:
            o["label"] = str(value).strip()
        elif index.column() in (2, 3) and role == Qt.ItemDataRole.CheckStateRole:
            key = "other" if index.column() == 2 else "dont_know"
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            o[key] = checked
            if checked:  # an option is one kind or the other
                o.pop("dont_know" if key == "other" else "other", None)
                self.dataChanged.emit(index.siblingAtColumn(2), index.siblingAtColumn(3))
        else:
            return False
        self.dataChanged.emit(index, index)
        return True

    def add(self, label: str = "", **flags) -> int:
        row = len(self.options)
        self.beginInsertRows(QModelIndex(), row, row)
        self.options.append({"label": label, **flags})
        self.endInsertRows()
        return row

    def remove(self, row: int) -> None:
        if 0 <= row < len(self.options):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.options[row]
            self.endRemoveRows()


class SkipModel(QAbstractTableModel):
    """A question's skip rules: 选了 (letters, or * for any answer) → 跳到第几题."""

    HEADERS = (QT_TRANSLATE_NOOP("SkipModel", "选了（字母；* 表示答完都跳）"),
               QT_TRANSLATE_NOOP("SkipModel", "跳到第几题"))

    def __init__(self, parent=None):
        super().__init__(parent)
        self.skips: list[dict] = []

    def set_skips(self, skips: list[dict]) -> None:
        self.beginResetModel()
        self.skips = skips
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.skips)

    def columnCount(self, parent=QModelIndex()):  # noqa: B008, N802
        return 0 if parent.isValid() else 2

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.HEADERS[section])
        return None

    def flags(self, index):
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        s = self.skips[index.row()]
        if index.column() == 0:
            cond = s.get("if")
            return "*" if cond == "*" else "".join(cond or [])
        to = s.get("to")
        return "" if to is None else (self.tr("结束") if to == rules.END else str(to))

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        s = self.skips[index.row()]
        text = str(value).strip()
        if index.column() == 0:
            cleaned = "".join(ch.upper() for ch in text if ch not in " ,，、")
            s["if"] = "*" if cleaned == "*" else list(cleaned)
        else:
            digits = text.upper().lstrip("Q")
            if digits in ("END", "结束"):
                s["to"] = rules.END
            else:
                s["to"] = int(digits) if digits.isdigit() else text  # the core names a bad target
        self.dataChanged.emit(index, index)
        return True

    def add(self) -> int:
        row = len(self.skips)
        self.beginInsertRows(QModelIndex(), row, row)
        self.skips.append({"if": [], "to": None})
        self.endInsertRows()
        return row

    def remove(self, row: int) -> None:
        if 0 <= row < len(self.skips):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.skips[row]
            self.endRemoveRows()


def _table(model, name: str) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(name)
    view.verticalHeader().hide()
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
    view.setTabKeyNavigation(False)
    rows = view.verticalHeader()
    rows.setDefaultSectionSize(view.fontMetrics().height() + 8)
    return view


class SurveyEditor(QDialog):
    """Edit `definition` (the survey file's dict); `save(definition)` stores it (raising the core's
    ValidationError to keep the dialog open). `saved` holds what `save` returned."""

    def __init__(self, definition: dict, save: Callable[[dict], Any], *, parent: QWidget | None = None):
        super().__init__(parent)
        self.draft = copy.deepcopy(definition)
        self.draft.setdefault("questions", [])
        self._save = save
        self.saved: Any = None
        self._current = -1
        self.setWindowTitle(self.tr("问卷编辑"))
        self._build()
        self._load_head()
        self.questions_model.refresh()
        if self.draft["questions"]:
            self.question_rows.select_row(self.questions_model.index(0, 0))
        self._show_question()
        fit_to_screen(self, 1040, 640)

    # --- building ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName(self.tr("标题"))
        self.title_edit.setMaxLength(100)
        self.purpose_edit = QLineEdit()
        self.purpose_edit.setAccessibleName(self.tr("调查目的"))
        self.period_edit = QLineEdit()
        self.period_edit.setAccessibleName(self.tr("调查时间"))
        self.period_edit.setPlaceholderText(self.tr("如 2026年6月1日至6月15日"))
        self.target_combo = QComboBox()
        self.target_combo.setAccessibleName(self.tr("调查对象"))
        self.target_combo.setEditable(True)  # 特定群体 may be named: 脱贫户、党员……
        for label in rules.TARGETS:
            self.target_combo.addItem(label)
        head = QFormLayout()
        head.addRow(self.tr("标题(&T)"), self.title_edit)
        head.addRow(self.tr("调查目的(&P)"), self.purpose_edit)
        row = QHBoxLayout()
        row.addWidget(self.period_edit, 1)
        target_label = QLabel(self.tr("调查对象(&O)"))
        target_label.setBuddy(self.target_combo)
        row.addWidget(target_label)
        row.addWidget(self.target_combo)
        period_label = QLabel(self.tr("调查时间(&D)"))  # a row of two fields: the label needs its buddy
        period_label.setBuddy(self.period_edit)
        head.addRow(period_label, row)

        # Questions on the left.
        self.questions_model = QuestionListModel(self.draft["questions"], self)
        self.question_view = QListView()
        self.question_view.setModel(self.questions_model)
        self.question_view.setAccessibleName(self.tr("题目"))
        self.question_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.question_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.question_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.add_question_action = QAction(self.tr("新增题目(&N)"), self)
        self.add_question_action.setShortcut(QKeySequence("Alt+N"))
        self.add_question_action.triggered.connect(self.add_question)
        self.remove_question_action = QAction(self.tr("删除题目"), self)
        self.remove_question_action.triggered.connect(self.remove_question)
        self.up_action = QAction(self.tr("上移"), self)
        self.up_action.setShortcut(QKeySequence("Ctrl+Up"))
        self.up_action.triggered.connect(lambda: self.move_question(-1))
        self.down_action = QAction(self.tr("下移"), self)
        self.down_action.setShortcut(QKeySequence("Ctrl+Down"))
        self.down_action.triggered.connect(lambda: self.move_question(1))
        for action in (self.add_question_action, self.up_action, self.down_action):
            self.addAction(action)
        self.question_rows = RowList(self.question_view, activate=self._focus_text,
                                     actions=[self.remove_question_action, self.up_action, self.down_action],
                                     general_actions=[self.add_question_action])
        self.question_rows.selection_changed.connect(self._show_question)
        left_buttons = QHBoxLayout()
        for action in (self.add_question_action, self.remove_question_action, self.up_action, self.down_action):
            button = QPushButton(action.text())
            button.setAutoDefault(False)
            button.clicked.connect(action.trigger)
            left_buttons.addWidget(button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.question_view, 1)
        left_layout.addLayout(left_buttons)

        # The question on the right.
        self.type_combo = QComboBox()
        self.type_combo.setAccessibleName(self.tr("题型"))
        for key, label in rules.QUESTION_TYPES.items():
            self.type_combo.addItem(label, key)
        self.text_edit = QLineEdit()
        self.text_edit.setAccessibleName(self.tr("题目文字"))
        self.required_check = QCheckBox(self.tr("必答"))
        self.max_spin = QSpinBox()
        self.max_spin.setRange(0, 26)
        self.max_spin.setSpecialValueText(self.tr("不限"))
        self.max_spin.setAccessibleName(self.tr("最多选几项"))
        self.max_label = QLabel(self.tr("最多选"))
        self.max_label.setBuddy(self.max_spin)
        line = QHBoxLayout()
        line.addWidget(self.type_combo)
        line.addWidget(self.required_check)
        line.addWidget(self.max_label)
        line.addWidget(self.max_spin)
        line.addStretch(1)
        self.options_model = OptionsModel(self)
        self.options_view = _table(self.options_model, self.tr("选项"))
        header = self.options_view.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.options_view.setColumnWidth(0, 40)
        self.options_view.setColumnWidth(2, 110)
        self.options_view.setColumnWidth(3, 70)
        self.add_option_button = QPushButton(self.tr("加选项"))
        self.add_other_button = QPushButton(self.tr("加“其他（请注明）”"))
        self.add_dont_know_button = QPushButton(self.tr("加“说不清”"))
        self.remove_option_button = QPushButton(self.tr("删除选项"))
        option_buttons = QHBoxLayout()
        for b in (self.add_option_button, self.add_other_button, self.add_dont_know_button, self.remove_option_button):
            b.setAutoDefault(False)
            option_buttons.addWidget(b)
        option_buttons.addStretch(1)
        self.options_box = QGroupBox(self.tr("选项"))
        box_layout = QVBoxLayout(self.options_box)
        box_layout.addWidget(self.options_view, 1)
        box_layout.addLayout(option_buttons)

        self.skip_model = SkipModel(self)
        self.skip_view = _table(self.skip_model, self.tr("跳问"))
        self.skip_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.skip_view.setColumnWidth(1, 110)
        self.skip_view.setMaximumHeight(110)
        self.add_skip_button = QPushButton(self.tr("加跳问"))
        self.remove_skip_button = QPushButton(self.tr("删除跳问"))
        skip_buttons = QHBoxLayout()
        for b in (self.add_skip_button, self.remove_skip_button):
            b.setAutoDefault(False)
            skip_buttons.addWidget(b)
        skip_buttons.addStretch(1)
        self.skip_box = QGroupBox(self.tr("跳问（如“选 B 或 C 跳到第6题”；填“结束”表示答完结束问卷）"))
        skip_layout = QVBoxLayout(self.skip_box)
        skip_layout.addWidget(self.skip_view)
        skip_layout.addLayout(skip_buttons)

        self.question_panel = QWidget()
        form = QFormLayout(self.question_panel)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("题目(&Q)"), self.text_edit)
        type_label = QLabel(self.tr("题型(&Y)"))
        type_label.setBuddy(self.type_combo)
        form.addRow(type_label, line)
        form.addRow(self.options_box)
        form.addRow(self.skip_box)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.question_panel)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([330, 700])
        splitter.setChildrenCollapsible(False)

        self.problems = problems_label()
        box, self.ok_button, self.cancel_button = confirm_buttons(self, self.tr("保存问卷"), self.accept_if_valid)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.problems)
        layout.addWidget(box)

        self.type_combo.currentIndexChanged.connect(self._type_changed)
        self.text_edit.textEdited.connect(self._text_changed)
        self.required_check.toggled.connect(lambda on: self._set("required", on))
        self.max_spin.valueChanged.connect(lambda v: self._set("max", v or None))
        self.add_option_button.clicked.connect(lambda: self._add_option())
        # The labels are the questionnaire's content, printed for villagers: Chinese whatever the UI language.
        self.add_other_button.clicked.connect(lambda: self._add_option("其他（请注明）", other=True))
        self.add_dont_know_button.clicked.connect(lambda: self._add_option("说不清", dont_know=True))
        self.remove_option_button.clicked.connect(self._remove_option)
        self.add_skip_button.clicked.connect(self._add_skip)
        self.remove_skip_button.clicked.connect(self._remove_skip)

    def _load_head(self) -> None:
        d = self.draft
        self.title_edit.setText(d.get("title", ""))
        self.purpose_edit.setText(d.get("purpose", "") or "")
        self.period_edit.setText(d.get("period", "") or "")
        self.target_combo.setCurrentText(d.get("target") or rules.TARGETS[0])

    # --- questions --------------------------------------------------------------------------
    def question(self) -> dict | None:
        return self.draft["questions"][self._current] if 0 <= self._current < len(self.draft["questions"]) else None

    def _selected_row(self) -> int:
        index = self.question_rows.current()
        return index.row() if index is not None else -1

    def _show_question(self) -> None:
        self._current = self._selected_row()
        q = self.question()
        self.question_panel.setEnabled(q is not None)
        for action in (self.remove_question_action, self.up_action, self.down_action):
            action.setEnabled(q is not None)
        if q is None:
            self.text_edit.clear()
            self.options_model.set_options([])
            self.skip_model.set_skips([])
            return
        for w in (self.type_combo, self.required_check, self.max_spin):
            w.blockSignals(True)
        self.type_combo.setCurrentIndex(max(0, self.type_combo.findData(q.get("type", "single"))))
        self.text_edit.setText(q.get("text", ""))
        self.required_check.setChecked(bool(q.get("required", True)))
        self.max_spin.setValue(int(q.get("max") or 0))
        for w in (self.type_combo, self.required_check, self.max_spin):
            w.blockSignals(False)
        self.options_model.set_options(q.setdefault("options", []))
        self.skip_model.set_skips(q.setdefault("skip", []))
        self._follow_type()

    def _follow_type(self) -> None:
        q = self.question()
        kind = q.get("type", "single") if q else "single"
        choice = kind in rules.CHOICE_TYPES
        self.options_box.setVisible(choice)
        self.max_spin.setVisible(kind == "multiple")
        self.max_label.setVisible(kind == "multiple")

    def _set(self, key: str, value) -> None:
        q = self.question()
        if q is not None:
            q[key] = value
            self.questions_model.refresh()
            self.question_rows.select_row(self.questions_model.index(self._current, 0))

    def _type_changed(self, _index: int) -> None:
        self._set("type", self.type_combo.currentData())
        self._follow_type()

    def _text_changed(self, text: str) -> None:
        q = self.question()
        if q is not None:
            q["text"] = text
            index = self.questions_model.index(self._current, 0)
            self.questions_model.dataChanged.emit(index, index)

    def add_question(self) -> None:
        qs = self.draft["questions"]
        qs.append({"no": len(qs) + 1, "text": "", "type": "single", "required": True, "max": None,
                   "options": [], "skip": []})
        self.questions_model.refresh()
        self.question_rows.select_row(self.questions_model.index(len(qs) - 1, 0))
        self._focus_text()

    def _focus_text(self) -> None:
        self.text_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.text_edit.selectAll()

    def remove_question(self) -> None:
        row = self._current
        if self.question() is None:
            return
        del self.draft["questions"][row]
        self._renumber()
        self.questions_model.refresh()
        if self.draft["questions"]:
            self.question_rows.select_row(self.questions_model.index(min(row, len(self.draft["questions"]) - 1), 0))
        self._show_question()

    def move_question(self, step: int) -> None:
        row = self._current
        qs = self.draft["questions"]
        to = row + step
        if self.question() is None or not 0 <= to < len(qs):
            return
        qs[row], qs[to] = qs[to], qs[row]
        self._renumber()
        self.questions_model.refresh()
        self.question_rows.select_row(self.questions_model.index(to, 0))

    def _renumber(self) -> None:
        for n, q in enumerate(self.draft["questions"], start=1):
            q["no"] = n

    def _add_option(self, label: str = "", **flags) -> None:
        if self.question() is None:
            return
        row = self.options_model.add(label, **flags)
        index = self.options_model.index(row, 1)
        self.options_view.setCurrentIndex(index)
        self.options_view.setFocus()
        if not label:
            self.options_view.edit(index)

    def _remove_option(self) -> None:
        index = self.options_view.currentIndex()
        if index.isValid():
            self.options_model.remove(index.row())

    def _add_skip(self) -> None:
        if self.question() is None:
            return
        row = self.skip_model.add()
        index = self.skip_model.index(row, 0)
        self.skip_view.setCurrentIndex(index)
        self.skip_view.setFocus()
        self.skip_view.edit(index)

    def _remove_skip(self) -> None:
        index = self.skip_view.currentIndex()
        if index.isValid():
            self.skip_model.remove(index.row())

    # --- saving -----------------------------------------------------------------------------
    def definition(self) -> dict:
        """The draft as the survey file's dict (what `save` receives)."""
        d = copy.deepcopy(self.draft)
        d["title"] = self.title_edit.text().strip()
        d["purpose"] = self.purpose_edit.text().strip()
        d["period"] = self.period_edit.text().strip()
        d["target"] = self.target_combo.currentText().strip()
        for n, q in enumerate(d["questions"], start=1):
            q["no"] = n
            if q.get("type") not in rules.CHOICE_TYPES:
                q["options"] = []
            if q.get("type") != "multiple":
                q["max"] = None
            q["skip"] = [s for s in q.get("skip", []) if s.get("if") or s.get("to") is not None]
        return d

    def accept_if_valid(self) -> None:
        self.problems.hide()
        try:
            self.saved = self._save(self.definition())
        except CunwuError as exc:
            from ..dialogs import describe_error

            head, lines = describe_error(exc)
            self.problems.setText("\n".join(x for x in (head, lines) if x))
            self.problems.show()
            return
        self.accept()
