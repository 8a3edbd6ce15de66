"""The roster editor (名单): a spreadsheet-like grid, a running totals bar and the import button.

The grid is a `GridView` over a `RosterModel` (see their docstrings for keys and checks). Rows
from an Excel/WPS file come through the import dialog; they replace the rows or are added after
them, as one undo step, and nothing is stored until the clerk saves.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from models.rules.kinds import Finding, quantity_text
from models.rules.money import format_amount_cn
from models.rules.roster import (
    NUMBER_KINDS,
    RosterColumn,
    columns_json,
    count_word,
    number_column_findings,
    stated_total_findings,
)
from models.services.disclosures import DisclosureData

from ... import workers
from ...qtmodels.roster_model import RosterModel, prepare_rows, roster_column, roster_columns, text_rows
from ..grid_view import GridView
from .base import EditorContext, KindEditor, field_label

#: A roster of this many rows or more is made ready for the grid on a worker (≈0.1 s per 5,000 rows
#: on the GUI thread otherwise): the editor opens at once and shows the rows when they are ready.
BACKGROUND_LOAD_ROWS = 2_000


class RosterEditor(KindEditor):
    loaded = Signal()  # a large roster's rows are on screen (see BACKGROUND_LOAD_ROWS)

    def __init__(self, undo_stack: QUndoStack, context: EditorContext, parent: QWidget | None = None):
        super().__init__(undo_stack, context, parent)
        self.model: RosterModel | None = None
        self._load_job: workers.Job | None = None
        self.import_dialog = None
        self._content: dict[str, Any] = {}  # the record's content: an imported file's 合计 figures
        self.columns_dialog = None

        self.insert_button = QPushButton(self.tr("插入行"))
        self.insert_button.setToolTip(self.tr("在当前行上方插入一行（Ctrl+Insert）"))
        self.delete_button = QPushButton(self.tr("删除行"))
        self.delete_button.setToolTip(self.tr("删除所选行（Ctrl+Delete），可撤销"))
        self.import_button = QPushButton(self.tr("从表格文件导入…"))
        self.import_button.setToolTip(self.tr("从 Excel/WPS 表格（.xlsx、.xls、.ods）或 CSV 文件导入名单（Ctrl+I）"))
        self.columns_button = QPushButton(self.tr("列设置…"))
        self.columns_button.setToolTip(self.tr("添加、去掉或调整名单的列（Ctrl+Shift+L）"))
        for b in (self.insert_button, self.delete_button, self.import_button, self.columns_button):
            b.setAutoDefault(False)
            b.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        hint = QLabel(self.tr("直接输入即可编辑 · Enter 下移 · Tab 右移 · Ctrl+V 粘贴 Excel 区域 · Delete 清除 · Ctrl+Tab 离开表格"))
        hint.setObjectName("gridHint")
        hint.setStyleSheet("color: #6b6b6b;")

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.insert_button)
        bar.addWidget(self.delete_button)
        bar.addSpacing(12)
        bar.addWidget(self.import_button)
        bar.addWidget(self.columns_button)
        bar.addSpacing(12)
        bar.addWidget(hint, 1)

        self.view = GridView()
        self.view.setAccessibleName(self.tr("名单"))
        self.view.setMinimumHeight(150)  # five rows: the editor still fits a 125 % laptop screen

        self.count_label = QLabel()
        self.amount_label = QLabel()
        self.quantity_label = QLabel()
        self.persons_label = QLabel()
        totals = QHBoxLayout()
        totals.setContentsMargins(4, 2, 4, 2)
        for label in (self.count_label, self.amount_label, self.quantity_label, self.persons_label):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            totals.addWidget(label)
            totals.addSpacing(24)
        totals.addStretch(1)
        self.totals_bar = QWidget()
        self.totals_bar.setObjectName("totalsBar")
        self.totals_bar.setLayout(totals)
        self.totals_bar.setStyleSheet("#totalsBar { background: palette(alternate-base); border-top: 1px solid palette(mid); }"
                                      " QLabel { font-weight: bold; }")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.totals_bar)

        self.insert_button.clicked.connect(self._insert_row)
        self.delete_button.clicked.connect(self._delete_rows)
        self.import_button.clicked.connect(self.import_rows)
        self.columns_button.clicked.connect(self.edit_columns)
        QShortcut(QKeySequence("Ctrl+I"), self, self.import_rows, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("Ctrl+Shift+L"), self, self.edit_columns,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    # --- loading ------------------------------------------------------------------------------
    def load(self, data: DisclosureData) -> None:
        self._content = dict(data.content or {})
        large = len(data.rows) >= BACKGROUND_LOAD_ROWS
        # a large roster's rows are looked through for keys the columns do not name on the worker
        columns = roster_columns(data.columns, self.context.roster_preset, () if large else data.rows)
        self.model = RosterModel(columns, self.undo_stack, self, public=self.context.public_numbers)
        # the rows as the service read and checked them: not parsed and checked a second time here
        checked = (data.parsed_rows, data.findings) if data.checked and data.parsed_rows is not None else None
        self.view.setModel(self.model)
        self._grids["rows"] = (self.model, self.view)
        if large:
            self._load_on_worker(data.columns, data.rows, checked)
            return
        self.model.load(data.rows, checked)
        self._loaded()

    def _loaded(self) -> None:
        if self.model.rowCount() == 0:
            self.model.set_rows([{}])  # a first row to type into
        self.model.changed.connect(self.changed)
        self.model.totals_changed.connect(self._refresh_totals)
        self._refresh_totals()

    @property
    def loading(self) -> bool:
        """A large roster's rows are being made ready on a worker (the grid shows them when done)."""
        return self._load_job is not None

    def _load_on_worker(self, saved_columns, rows, checked) -> None:
        """The columns the rows fill and the rows as grid text with their states (`prepare_rows`)
        made on a worker: the editor is on screen at once, saying 正在载入名单……, and holds still
        until they are shown."""
        preset = self.context.roster_preset

        def work(_progress, _cancelled):
            with workers.collections_paused():
                return prepare_rows(roster_columns(saved_columns, preset, rows), rows, checked)

        job = workers.Job(work)
        job.signals.finished.connect(self._prepared)  # a method: not called once the editor is gone
        job.signals.failed.connect(self._load_failed)
        self._load_job = job
        self.model.hold(True)
        self.count_label.setText(self.tr("正在载入名单……"))
        # started once the empty grid is on screen: beside the editor's first paint it would slow it
        workers.AfterFirstPaint(self.view.viewport(), lambda: workers.start(workers.keep_until_done(job)))

    def _prepared(self, ready) -> None:
        self._load_job = None
        self.model.hold(False)
        if ready.columns != self.model.roster_columns:  # the rows fill a column the record does not name
            self.model.show_columns(ready.columns)
        self.model.load_prepared(ready)
        self._loaded()
        self.loaded.emit()

    def _load_failed(self, exc: Exception) -> None:
        self._load_job = None
        raise exc  # a bug: the crash handler logs it and shows the report

    def column_keys(self) -> list[str]:
        return self.model.keys() if self.model is not None else []

    def content(self) -> dict[str, Any] | None:
        """A roster's content: the figures of an imported file's own 合计 row, if any."""
        return dict(self._content) if self.model is not None else None

    def table_columns(self) -> list[dict[str, Any]]:
        """The grid's columns as the record stores them (label, unit, type … with each)."""
        return columns_json(self.model.roster_columns) if self.model is not None else []

    def rows_for_save(self) -> tuple[list[dict[str, Any]], list[int]]:
        return self.model.rows_for_save() if self.model is not None else ([], [])

    # --- state ----------------------------------------------------------------------------------
    def findings(self) -> list[Finding]:
        if self.model is None or self.loading:
            return []
        labels = {c.key: c.label for c in self.model.roster_columns}
        found = [Finding.of(f, labels) for f in number_column_findings(self.model.number_columns, labels)]
        found += [Finding.of(f, labels) for f in self.model.row_findings()]
        stated = self._content.get("stated_totals")
        if stated:
            found += [Finding.of(f, labels) for f in stated_total_findings(stated, self.model.totals(),
                                                                    self.model.roster_columns)]
        if self.model.totals()["rows"] == 0:
            found.insert(0, Finding(None, "rows", "no_rows", "名单没有任何行"))
        return found

    def is_dirty(self) -> bool:
        return not self.undo_stack.isClean()

    def mark_clean(self) -> None:
        self.undo_stack.setClean()

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.import_button.setVisible(not read_only)
        self.insert_button.setVisible(not read_only)
        self.delete_button.setVisible(not read_only)
        self.columns_button.setVisible(not read_only)

    def tab_chain(self) -> list[QWidget]:
        return [self.view, self.insert_button, self.delete_button, self.import_button, self.columns_button]

    def focus_finding(self, finding: Finding) -> bool:
        if self.model is None:
            return False
        if finding.row is not None:
            col = self.model.column_of(finding.field or "")
            self.view.go_to(finding.row - 1, col if col >= 0 else 0)
        self.view.setFocus()
        return True

    def describe_place(self, finding: Finding) -> str:
        if finding.row is None or self.model is None:
            return ""
        col = self.model.column_of(finding.field or "")
        label = self.model.column(col).label if col >= 0 else finding.label or field_label(finding.field or "")
        if not finding.field:
            return self.tr("第 %1 行").replace("%1", str(finding.row))
        return self.tr("第 %1 行“%2”").replace("%1", str(finding.row)).replace("%2", label)

    # --- totals -------------------------------------------------------------------------------
    def _refresh_totals(self) -> None:
        if self.model is None:
            return
        t = self.model.totals()
        word = count_word(self.context.roster_preset)
        self.count_label.setText(self.tr("%2数（行数）：%1").replace("%1", str(t["rows"])).replace("%2", word))
        # each summed column in its unit (models.rules.roster.total_parsed); the three labels show
        # the amount, the first other summed column and the people, as before
        summed = [c for c in self.model.roster_columns if c.summed and c.kind in NUMBER_KINDS]
        amount = next((c for c in summed if c.key == "amount"), None)
        self.amount_label.setVisible(amount is not None)
        if amount is not None:
            self.amount_label.setText(self.tr("合计%1：%2 %3").replace("%1", amount.title)
                                      .replace("%2", _total_text(amount, t.get("amount")))
                                      .replace("%3", amount.unit).strip())
        other = next((c for c in summed if c.key not in ("amount",) and c.kind != "int"), None)
        self.quantity_label.setVisible(other is not None)
        if other is not None:
            self.quantity_label.setText(self.tr("合计%1：%2 %3").replace("%1", other.title)
                                        .replace("%2", _total_text(other, t.get(other.key)))
                                        .replace("%3", other.unit).strip())
        people = next((c for c in summed if c.kind == "int"), None)
        self.persons_label.setVisible(people is not None)
        if people is not None:
            self.persons_label.setText(self.tr("合计%1：%2 %3").replace("%1", people.title)
                                       .replace("%2", str(t.get(people.key) or 0)).replace("%3", people.unit).strip())

    def totals_text(self) -> str:
        labels = (self.count_label, self.amount_label, self.quantity_label, self.persons_label)
        return "  ".join(label.text() for label in labels if not label.isHidden())

    # --- rows -----------------------------------------------------------------------------------
    def _insert_row(self) -> None:
        self.view.setFocus()
        self.view.insert_row_above()

    def _delete_rows(self) -> None:
        self.view.setFocus()
        self.view.delete_selected_rows()

    def import_rows(self) -> None:
        """Choose a file, map its columns and preview it; the rows arrive on confirmation."""
        if self.read_only or self.model is None:
            return
        from ..roster_import_dialog import RosterImportDialog

        self.view.finish_editing()
        dialog = RosterImportDialog(self.context.workspace, self.context.item_code, self.model.roster_columns,
                                    existing_rows=self.model.totals()["rows"], parent=self)
        if not dialog.choose_file():
            dialog.deleteLater()
            return
        self.import_dialog = dialog
        dialog.accepted.connect(lambda: self.apply_import(dialog.imported_rows, replace=dialog.replace,
                                                          stated_totals=dialog.stated_totals))
        dialog.finished.connect(self._import_closed)
        dialog.open()

    def _import_closed(self) -> None:
        if self.import_dialog is not None:
            self.import_dialog.deleteLater()
        self.import_dialog = None

    # --- columns --------------------------------------------------------------------------------
    def edit_columns(self) -> None:
        """列设置: the column dialog; its result becomes the grid's columns as one undo step."""
        if self.read_only or self.model is None or self.columns_dialog is not None:
            return
        from ..roster_columns_dialog import RosterColumnsDialog

        self.view.finish_editing()
        preset = self.context.roster_preset
        dialog = RosterColumnsDialog(self.model.roster_columns, preset_id=preset,
                                     column_of=lambda key: roster_column(key, preset),
                                     filled=self.model.filled_counts(), parent=self)
        self.columns_dialog = dialog
        dialog.accepted.connect(lambda: self.apply_columns(dialog.columns()))
        dialog.finished.connect(self._columns_closed)
        dialog.open()

    def _columns_closed(self) -> None:
        if self.columns_dialog is not None:
            self.columns_dialog.deleteLater()
        self.columns_dialog = None
        self.view.setFocus()

    def apply_columns(self, columns: Sequence[RosterColumn]) -> bool:
        """Show ``columns`` in this order (one undo step; dropped columns lose their cells)."""
        if self.model is None or self.read_only:
            return False
        return self.model.change_columns(columns, self.tr("列设置"))

    def apply_import(self, rows: Sequence[dict[str, Any]], *, replace: bool,
                     stated_totals: dict[str, str] | None = None) -> None:
        """Put imported rows into the grid as one undo step. The file's own 合计 row
        (``stated_totals``) is kept with the record when the file replaces the rows (the record's
        check compares it with the rows); rows added to others drop it (it no longer describes them)."""
        if self.model is None or not rows:
            return
        label = self.tr("导入名单（替换）") if replace else self.tr("导入名单（追加）")
        text = text_rows(rows)
        # One undo step: the rows and the 合计 figures they came with (Ctrl+Z takes both back).
        self.undo_stack.beginMacro(label)
        try:
            self.undo_stack.push(_StatedTotalsCommand(self, dict(stated_totals) if replace and stated_totals else None))
            if replace:
                self.model.replace_rows(text, label)
                first = 0
            else:
                first = self.model.last_filled_row() + 1
                self.model.insert_rows(first, text, text=label)
        finally:
            self.undo_stack.endMacro()
        self.view.go_to(first, 0)
        self.view.setFocus()

    def _set_stated_totals(self, stated: dict[str, str] | None) -> None:
        if stated:
            self._content["stated_totals"] = dict(stated)
        else:
            self._content.pop("stated_totals", None)
        self.changed.emit()


class _StatedTotalsCommand(QUndoCommand):
    """The figures of an imported file's own 合计 row, kept with the record: set by the import,
    put back as they were when the import is undone."""

    def __init__(self, editor: RosterEditor, stated: dict[str, str] | None):
        super().__init__()
        self.editor = editor
        before = editor._content.get("stated_totals")
        self.before = dict(before) if before else None
        self.after = stated

    def redo(self) -> None:
        self.editor._set_stated_totals(self.after)

    def undo(self) -> None:
        self.editor._set_stated_totals(self.before)


def _total_text(column: RosterColumn, value: Any) -> str:
    """A total as the totals bar shows it: money grouped (万元 to the fen), quantities exact."""
    if value is None:
        return "0"
    if column.kind == "money":
        return format_amount_cn(value, column.unit)
    return quantity_text(value)
