"""列设置: choose, order, add and remove a roster's columns (名单的列).

The dialog works on a copy of the roster's columns: a list with a checkbox per column (unticked
columns leave the roster when the clerk confirms), 上移 / 下移 (Alt+Up / Alt+Down), a standard
column from `models.rules.roster.STANDARD_COLUMNS`, a custom text column keyed by its header text
(保障类别) of a chosen type, or the column set of a preset. Required columns (姓名, a preset's
项目名称) cannot be unticked. The selected column can be renamed — label and unit, stored with
the record and printed as "金额（万元）" — and marked summed (合计) or internal-only; a custom
column's type can be changed. Columns kept only in the internal roster (public=False: bank card,
branch, phone, address) are marked “（不公示）”: printing leaves them off the posted notice.

Nothing changes until 确定: the roster editor then applies `columns()` as one undo step. Before
closing, the dialog asks (dialogs.confirm) whether to drop columns that hold data.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.rules.roster import (
    COLUMN_TYPES,
    COMMON_UNITS,
    NUMBER_KINDS,
    PRESET_LABELS,
    STANDARD_COLUMNS,
    ColumnRuleError,
    RosterColumn,
    revise_column,
)

from .. import dialogs
from ..qtmodels.roster_model import column_label, preset_label, preset_or_generic
from ..row_list import ActionButton, RowList

Index = QModelIndex | QPersistentModelIndex
ColumnRole = Qt.ItemDataRole.UserRole + 1

# COLUMN_TYPES (models.rules.roster), listed for lupdate.
_TYPES_FOR_TRANSLATION = (
    QT_TRANSLATE_NOOP("ColumnTypes", "文字"), QT_TRANSLATE_NOOP("ColumnTypes", "姓名"),
    QT_TRANSLATE_NOOP("ColumnTypes", "身份证号"), QT_TRANSLATE_NOOP("ColumnTypes", "银行卡号"),
    QT_TRANSLATE_NOOP("ColumnTypes", "电话号码"), QT_TRANSLATE_NOOP("ColumnTypes", "金额"),
    QT_TRANSLATE_NOOP("ColumnTypes", "数量"), QT_TRANSLATE_NOOP("ColumnTypes", "单价/标准"),
    QT_TRANSLATE_NOOP("ColumnTypes", "人数/个数"), QT_TRANSLATE_NOOP("ColumnTypes", "日期"),
    QT_TRANSLATE_NOOP("ColumnTypes", "住址"), QT_TRANSLATE_NOOP("ColumnTypes", "签字栏"),
)


def type_label(kind: str) -> str:
    return QCoreApplication.translate("ColumnTypes", COLUMN_TYPES.get(kind, kind))

def shown_label(column: RosterColumn) -> str:
    """The column as the dialog lists it: its header, and “（不公示）” when it is never printed."""
    label = column_label(column)
    if not column.public:
        label += QCoreApplication.translate("RosterColumnsDialog", "（不公示）")
    return label


@dataclass
class _Entry:
    column: RosterColumn
    shown: bool = True


class ColumnListModel(QAbstractListModel):
    """The dialog's columns in order, each with its tick (the one copy of the dialog's state)."""

    def __init__(self, columns: Sequence[RosterColumn], parent=None):
        super().__init__(parent)
        self.entries = [_Entry(c) for c in columns]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.entries):
            return None
        e = self.entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return shown_label(e.column)
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if e.shown else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            if e.column.required:
                return QCoreApplication.translate("RosterColumnsDialog", "必填列，不能去掉")
            if not e.column.public:
                return QCoreApplication.translate("RosterColumnsDialog", "只留在内部名单中，打印公告时不打印")
            if e.column.custom:
                return QCoreApplication.translate("RosterColumnsDialog", "自定义列（文字）")
            return None
        if role == ColumnRole:
            return e.column
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self.entries[index.row()].column.required:
            f |= Qt.ItemFlag.ItemIsUserCheckable
        return f

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        e = self.entries[index.row()]
        if e.column.required:
            return False
        e.shown = Qt.CheckState(value) == Qt.CheckState.Checked
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    # --- changes ------------------------------------------------------------------------------
    def keys(self) -> list[str]:
        return [e.column.key for e in self.entries]

    def shown_columns(self) -> list[RosterColumn]:
        return [e.column for e in self.entries if e.shown]

    def set_shown(self, row: int, shown: bool) -> None:
        self.setData(self.index(row), Qt.CheckState.Checked if shown else Qt.CheckState.Unchecked,
                     Qt.ItemDataRole.CheckStateRole)

    def move(self, row: int, delta: int) -> int:
        """Move a column up (-1) or down (+1); returns its new row (unchanged at an end)."""
        to = row + delta
        if not (0 <= row < len(self.entries) and 0 <= to < len(self.entries)):
            return row
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), to + 1 if delta > 0 else to)
        self.entries.insert(to, self.entries.pop(row))
        self.endMoveRows()
        return to

    def add(self, column: RosterColumn) -> int:
        """Append a column (ticked), or tick it where it already is; returns its row."""
        if column.key in self.keys():
            row = self.keys().index(column.key)
            self.set_shown(row, True)
            return row
        row = len(self.entries)
        self.beginInsertRows(QModelIndex(), row, row)
        self.entries.append(_Entry(column))
        self.endInsertRows()
        return row

    def replace_column(self, row: int, column: RosterColumn) -> None:
        """The column at ``row`` renamed, re-united or re-typed (same key: its cells stay)."""
        self.entries[row].column = column
        self.dataChanged.emit(self.index(row), self.index(row))

    def reset_to(self, columns: Sequence[RosterColumn]) -> None:
        """The preset's columns, ticked, then the others unticked (they can be ticked back)."""
        keys = {c.key for c in columns}
        self.beginResetModel()
        rest = [_Entry(e.column, False) for e in self.entries if e.column.key not in keys]
        for e in rest:
            if e.column.required:
                e.shown = True
        self.entries = [_Entry(c) for c in columns] + rest
        self.endResetModel()


class RosterColumnsDialog(QDialog):
    """列设置 of one roster. ``column_of(key)`` labels a column as the roster does (its preset);
    ``filled`` counts the rows with data per column key."""

    def __init__(self, columns: Sequence[RosterColumn], *, preset_id: str | None,
                 column_of: Callable[[str], RosterColumn], filled: Mapping[str, int] | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("列设置"))
        self.setModal(True)
        self._column_of = column_of
        self._filled = dict(filled or {})
        self._original = [c.key for c in columns]
        self.model = ColumnListModel(columns, self)

        intro = QLabel(self.tr("勾选的列显示在名单中，顺序即打印顺序。标有“（不公示）”的列只留在内部名单中，打印公告时不打印。"))
        intro.setWordWrap(True)
        self.list_view = QListView()
        self.list_view.setModel(self.model)
        self.list_view.setAccessibleName(self.tr("名单的列"))
        self.list_view.setMinimumHeight(200)
        self.list_view.setSelectionMode(QListView.SelectionMode.SingleSelection)
        list_label = QLabel(self.tr("列(&C)："))
        list_label.setBuddy(self.list_view)

        self.up_action = QAction(self.tr("上移(&U)"), self)
        self.up_action.setToolTip(self.tr("把所选列左移一位（Alt+↑）"))
        self.up_action.triggered.connect(lambda _checked=False: self.move_current(-1))
        self.down_action = QAction(self.tr("下移(&D)"), self)
        self.down_action.setToolTip(self.tr("把所选列右移一位（Alt+↓）"))
        self.down_action.triggered.connect(lambda _checked=False: self.move_current(1))
        self.up_button = ActionButton(self.up_action)
        self.down_button = ActionButton(self.down_action)
        self.rows = RowList(self.list_view, actions=[self.up_action, self.down_action])  # right click: 上移 / 下移
        moves = QVBoxLayout()
        moves.addWidget(self.up_button)
        moves.addWidget(self.down_button)
        moves.addStretch(1)
        list_row = QHBoxLayout()
        list_row.addWidget(self.list_view, 1)
        list_row.addLayout(moves)

        self.standard_combo = QComboBox()
        self.standard_combo.setAccessibleName(self.tr("标准列"))
        self.add_standard_button = QPushButton(self.tr("添加标准列(&S)"))
        self.custom_edit = QLineEdit()
        self.custom_edit.setMaxLength(20)
        self.custom_edit.setPlaceholderText(self.tr("列名，如：保障类别"))
        self.add_custom_button = QPushButton(self.tr("添加自定义列(&A)"))
        self.preset_combo = QComboBox()
        self.preset_combo.setAccessibleName(self.tr("名单预设"))
        for pid in PRESET_LABELS:
            self.preset_combo.addItem(preset_label(pid), pid)
        if preset_id in PRESET_LABELS:
            self.preset_combo.setCurrentIndex(self.preset_combo.findData(preset_id))
        self.reset_button = QPushButton(self.tr("按预设重置(&R)"))
        add_grid = QGridLayout()
        add_grid.setColumnStretch(0, 1)
        add_grid.addWidget(self.standard_combo, 0, 0)
        add_grid.addWidget(self.add_standard_button, 0, 1)
        add_grid.addWidget(self.custom_edit, 1, 0)
        add_grid.addWidget(self.add_custom_button, 1, 1)
        add_grid.addWidget(self.preset_combo, 2, 0)
        add_grid.addWidget(self.reset_button, 2, 1)

        # the selected column: label, unit, type (custom columns), 合计, internal only
        self.title_edit = QLineEdit()
        self.title_edit.setMaxLength(20)
        self.title_edit.setAccessibleName(self.tr("列名"))
        self.unit_combo = QComboBox()
        self.unit_combo.setEditable(True)
        self.unit_combo.addItems(["", *COMMON_UNITS])
        self.unit_combo.setAccessibleName(self.tr("单位"))
        self.type_combo = QComboBox()
        self.type_combo.setAccessibleName(self.tr("类型"))
        for kind in COLUMN_TYPES:
            self.type_combo.addItem(type_label(kind), kind)
        self.summed_check = QCheckBox(self.tr("合计行求和(&T)"))
        self.summed_check.setToolTip(self.tr("不同品种（如尿素、复合肥）相加没有意义时不要勾选"))
        self.internal_check = QCheckBox(self.tr("仅内部留存，不公示(&I)"))
        self.apply_button = QPushButton(self.tr("修改所选列(&E)"))
        title_label = QLabel(self.tr("列名(&N)："))
        title_label.setBuddy(self.title_edit)
        unit_label = QLabel(self.tr("单位："))
        unit_label.setBuddy(self.unit_combo)
        type_label_ = QLabel(self.tr("类型："))
        type_label_.setBuddy(self.type_combo)
        # two rows, so the dialog still fits a 1366×768 screen at 125 %
        edit_grid = QGridLayout()
        edit_grid.addWidget(title_label, 0, 0)
        edit_grid.addWidget(self.title_edit, 0, 1)
        edit_grid.addWidget(unit_label, 0, 2)
        edit_grid.addWidget(self.unit_combo, 0, 3)
        edit_grid.addWidget(type_label_, 0, 4)
        edit_grid.addWidget(self.type_combo, 0, 5)
        edit_grid.addWidget(self.summed_check, 1, 0, 1, 2)
        edit_grid.addWidget(self.internal_check, 1, 2, 1, 2)
        edit_grid.addWidget(self.apply_button, 1, 4, 1, 2)
        edit_grid.setColumnStretch(1, 1)

        self.message = QLabel()
        self.message.setObjectName("columnsMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828;")

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("确定"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for b in (self.up_button, self.down_button, self.add_standard_button, self.add_custom_button,
                  self.reset_button, self.apply_button):
            b.setAutoDefault(False)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(list_label)
        layout.addLayout(list_row, 1)
        layout.addLayout(edit_grid)
        layout.addLayout(add_grid)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

        for keys, delta in (("Alt+Up", -1), ("Alt+Down", 1)):
            QShortcut(QKeySequence(keys), self, lambda d=delta: self.move_current(d))
        self.add_standard_button.clicked.connect(self.add_standard)
        self.add_custom_button.clicked.connect(self.add_custom)
        self.custom_edit.returnPressed.connect(self.add_custom)
        self.reset_button.clicked.connect(self.reset_to_preset)
        self.apply_button.clicked.connect(self.apply_edit)
        self.rows.selection_changed.connect(self._load_selected)
        self.model.rowsInserted.connect(self._fill_standard)
        self.model.modelReset.connect(self._fill_standard)
        self._fill_standard()
        if self.model.rowCount():
            self.select(0)
        self.list_view.setFocus()

    # --- actions ------------------------------------------------------------------------------
    def select(self, row: int) -> None:
        self.list_view.setCurrentIndex(self.model.index(row))
        self._load_selected()

    def current_row(self) -> int:
        index = self.rows.current()
        return index.row() if index is not None else -1

    def move_current(self, delta: int) -> None:
        row = self.current_row()
        if row >= 0:
            self.select(self.model.move(row, delta))

    def _load_selected(self) -> None:
        row = self.current_row()
        enabled = 0 <= row < self.model.rowCount()
        for w in (self.title_edit, self.unit_combo, self.type_combo, self.summed_check, self.internal_check,
                  self.apply_button):
            w.setEnabled(enabled)
        if not enabled:
            return
        c = self.model.entries[row].column
        self.title_edit.setText(c.title)
        self.unit_combo.setCurrentText(c.unit)
        self.type_combo.setCurrentIndex(max(0, self.type_combo.findData(c.kind)))
        self.type_combo.setEnabled(c.custom)  # a standard column's type is what its key stores
        self.summed_check.setChecked(c.summed)
        self.internal_check.setChecked(not c.public)

    def edit_selected(self, *, title: str | None = None, unit: str | None = None, kind: str | None = None,
                      summed: bool | None = None, public: bool | None = None) -> bool:
        """Change the selected column (the fields below the list, or the given values)."""
        row = self.current_row()
        if row < 0:
            return False
        c = self.model.entries[row].column
        title = (title if title is not None else self.title_edit.text()).strip()
        unit = (unit if unit is not None else self.unit_combo.currentText()).strip()
        kind = kind or (self.type_combo.currentData() if c.custom else c.kind)
        summed = self.summed_check.isChecked() if summed is None else summed
        public = (not self.internal_check.isChecked()) if public is None else public
        try:  # the table's column rules live in the core (models.rules.roster.revise_column)
            revised = revise_column(c, [e.column for e in self.model.entries], title=title, unit=unit, kind=kind,
                                    summed=summed and kind in NUMBER_KINDS, public=public)
        except ColumnRuleError as exc:
            if exc.rule == "label":
                self.message.setText(self.tr("列名不能为空") if not title else str(exc))
                self.title_edit.setFocus()
            elif exc.rule == "label_taken":
                self.message.setText(self.tr("已有名为“%1”的列").replace("%1", title))
            else:
                self.message.setText(str(exc))
            return False
        self.model.replace_column(row, revised)
        self.message.clear()
        return True

    def apply_edit(self) -> None:
        self.edit_selected()

    def _fill_standard(self) -> None:
        present = set(self.model.keys())
        self.standard_combo.clear()
        for key in STANDARD_COLUMNS:
            if key not in present:
                self.standard_combo.addItem(shown_label(self._column_of(key)), key)
        self.add_standard_button.setEnabled(self.standard_combo.count() > 0)
        self.standard_combo.setEnabled(self.standard_combo.count() > 0)

    def add_standard(self, key: str | None = None) -> None:
        key = key or self.standard_combo.currentData()
        if key:
            self.message.clear()
            self.select(self.model.add(self._column_of(key)))

    def add_custom(self, name: str | None = None, kind: str | None = None) -> bool:
        """A custom column headed ``name`` (its key, as models.rules.roster keeps them), of type
        ``kind`` (text unless given; the clerk changes it with the selected column's fields)."""
        name = (name if name is not None else self.custom_edit.text()).strip()
        if not name:
            self.message.setText(self.tr("请先输入自定义列的列名"))
            self.custom_edit.setFocus()
            return False
        for entry in self.model.entries:
            if name in (entry.column.key, entry.column.label, column_label(entry.column)):
                self.message.setText(self.tr("已有名为“%1”的列").replace("%1", name))
                self.select(self.model.keys().index(entry.column.key))
                self.model.set_shown(self.current_row(), True)
                return False
        standard = next((c for c in STANDARD_COLUMNS.values()
                         if name in (c.key, c.label, c.title)), None)
        if standard:
            column = self._column_of(standard.key)
        else:
            kind = kind if kind in COLUMN_TYPES and kind != "name" else "text"
            column = RosterColumn(name, name, kind, summed=kind in ("money", "quantity", "int"))
        self.message.clear()
        self.select(self.model.add(column))
        self.custom_edit.clear()
        return True

    def reset_to_preset(self, preset_id: str | None = None) -> None:
        preset_id = preset_id or self.preset_combo.currentData()
        self.model.reset_to([self._column_of(c.key) if not c.custom else c for c in preset_or_generic(preset_id)])
        self.message.clear()
        self.select(0)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt name
        # Enter in the custom column's name adds the column; it must not also press 确定.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.custom_edit.hasFocus():
            event.accept()
            return
        super().keyPressEvent(event)

    # --- result -------------------------------------------------------------------------------
    def columns(self) -> list[RosterColumn]:
        """The ticked columns in order: the roster's new column set."""
        return self.model.shown_columns()

    def dropped_with_data(self) -> list[tuple[RosterColumn, int]]:
        kept = {c.key for c in self.columns()}
        out = []
        for key in self._original:
            if key not in kept and self._filled.get(key):
                out.append((self._column_of(key), self._filled[key]))
        return out

    def accept(self) -> None:
        dropped = self.dropped_with_data()
        if dropped:
            lines = "\n".join(self.tr("· %1：%2 行有数据").replace("%1", column_label(c)).replace("%2", str(n))
                              for c, n in dropped)
            if not dialogs.confirm(
                    self.tr("去掉有数据的列？"),
                    self.tr("以下列中已填写的内容将从名单中删除（保存前可按 Ctrl+Z 撤销）：\n%1").replace("%1", lines),
                    ok_text=self.tr("去掉这些列"), parent=self):
                return
        super().accept()
