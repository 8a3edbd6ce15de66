"""Importing a roster from the clerk's own spreadsheet (xlsx from Excel/WPS, or csv).

1. The clerk chooses a file (`dialogs.open_file`); it is read off the GUI thread (`workers.Job`)
   with `models.exchange.roster_import.read_roster`, which finds the table under title rows, skips
   the 合计 line and signatures, reads every row and checks it.
2. Column mapping: one combo per roster column listing the file's headers, filled in from the
   mapping remembered for this catalog item (`mapping_for`) where the file has those headers, else
   from the header words (`guess_mapping`). Changing a combo reads the file again.
3. A preview of the first rows (Excel row numbers at the side, bad cells coloured) and every
   problem, each with its Excel row number, column and reason.
4. Nothing is written until the clerk confirms, and confirming is refused while the file has
   errors unless the clerk chooses to import anyway and correct the rows in the grid. On
   confirmation the mapping is remembered (`remember_mapping`) and the rows go to the editor —
   replacing its rows or added after them — where they are saved with the record.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.errors import CunwuError, Problem
from models.exchange.roster_import import RosterReadResult, header_key, read_roster
from models.rules.money import format_money_cn
from models.rules.roster import RosterColumn
from models.services.import_mappings import mapping_for, remember_mapping
from models.services.settings import SettingsService

from .. import dialogs
from ..qtmodels.grid_model import ERROR_BACKGROUND, WARNING_BACKGROUND
from ..qtmodels.roster_model import column_label
from ..screen_fit import fit_to_screen
from ..workers import Job, start

log = logging.getLogger("cunwu.desktop")

PREVIEW_ROWS = 100
Index = QModelIndex | QPersistentModelIndex


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


class PreviewModel(QAbstractTableModel):
    """The first rows read from the file, under the roster's columns, with Excel row numbers."""

    def __init__(self, columns: Sequence[RosterColumn], parent=None):
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[dict[str, Any]] = []
        self._numbers: list[int] = []
        self._marks: dict[tuple[int, str], tuple[bool, str]] = {}  # (excel row, key) → (error?, text)

    def set_result(self, result: RosterReadResult | None, marks: dict[tuple[int, str], tuple[bool, str]]) -> None:
        self.beginResetModel()
        self._rows = list(result.rows[:PREVIEW_ROWS]) if result else []
        self._numbers = list(result.row_numbers[:PREVIEW_ROWS]) if result else []
        self._marks = marks
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return column_label(self._columns[section])
        return self._numbers[section] if section < len(self._numbers) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        key = self._columns[index.column()].key
        if role == Qt.ItemDataRole.DisplayRole:
            return _cell_text(self._rows[index.row()].get(key))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            numeric = self._columns[index.column()].kind in ("int", "quantity", "rate", "money")
            return int((Qt.AlignmentFlag.AlignRight if numeric else Qt.AlignmentFlag.AlignLeft)
                       | Qt.AlignmentFlag.AlignVCenter)
        mark = self._marks.get((self._numbers[index.row()], key))
        if role == Qt.ItemDataRole.BackgroundRole and mark:
            return QBrush(ERROR_BACKGROUND if mark[0] else WARNING_BACKGROUND)
        if role == Qt.ItemDataRole.ToolTipRole and mark:
            return mark[1]
        return None


class RosterImportDialog(QDialog):
    """See the module docstring. After `accept()`: `imported_rows` and `replace`."""

    def __init__(self, workspace, item_code: str, columns: Sequence[RosterColumn], *, existing_rows: int = 0,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ws = workspace
        self.item_code = item_code
        self.columns = list(columns)
        self.keys = [c.key for c in self.columns]
        self.existing_rows = existing_rows
        self.path: Path | None = None
        self.result: RosterReadResult | None = None
        self.reading = False
        self.imported_rows: list[dict[str, Any]] = []
        self.stated_totals: dict[str, str] = {}
        self.replace = existing_rows == 0
        self._job: Job | None = None
        self._jobs: list[Job] = []  # every job started: kept until the dialog closes
        self._token = 0
        self._first_read = False
        self._headers: list[str] = []
        self.setWindowTitle(self.tr("从表格导入名单"))
        self.setModal(True)
        self._reread_timer = QTimer(self)
        self._reread_timer.setSingleShot(True)
        self._reread_timer.setInterval(250)
        self._reread_timer.timeout.connect(self._read_with_combos)
        self._build()
        fit_to_screen(self, 1100, 720)

    # --- building -----------------------------------------------------------------------------
    def _build(self) -> None:
        self.file_label = QLabel(self.tr("尚未选择文件"))
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.choose_button = QPushButton(self.tr("选择文件(&F)…"))
        self.choose_button.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(QLabel(self.tr("文件：")))
        file_row.addWidget(self.file_label, 1)
        file_row.addWidget(self.choose_button)

        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # read_roster reports no steps: a busy bar while it works
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.stop_button = QPushButton(self.tr("停止读取"))
        self.stop_button.clicked.connect(self.stop_reading)
        self.stop_button.hide()
        status_row = QHBoxLayout()
        status_row.addWidget(self.status_label, 1)
        status_row.addWidget(self.progress)
        status_row.addWidget(self.stop_button)

        # Mapping: one combo per roster column.
        self.combos: dict[str, QComboBox] = {}
        mapping_widget = QWidget()
        form = QFormLayout(mapping_widget)
        for col in self.columns:
            combo = QComboBox()
            combo.setMinimumContentsLength(10)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setAccessibleName(column_label(col))
            combo.currentIndexChanged.connect(self._combo_changed)
            combo.setEnabled(False)
            self.combos[col.key] = combo
            label = QLabel(column_label(col) + ("＊" if col.required else ""))
            label.setBuddy(combo)
            form.addRow(label, combo)
        scroll = QScrollArea()
        scroll.setWidget(mapping_widget)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        mapping_box = QGroupBox(self.tr("列对应（名单列 ← 文件中的列）"))
        ml = QVBoxLayout(mapping_box)
        ml.addWidget(scroll)

        self.preview_model = PreviewModel(self.columns, self)
        self.preview = QTableView()
        self.preview.setModel(self.preview_model)
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setAlternatingRowColors(True)
        self.preview.setWordWrap(False)
        self.preview.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.preview.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.preview.horizontalHeader().setStretchLastSection(True)
        self.preview_box = QGroupBox(self.tr("预览（前 %1 行，左侧为文件中的行号）").replace("%1", str(PREVIEW_ROWS)))
        pl = QVBoxLayout(self.preview_box)
        pl.addWidget(self.preview)

        self.problems_list = QListWidget()
        self.problems_list.setUniformItemSizes(True)
        self.problems_list.setAccessibleName(self.tr("发现的问题"))
        self.problems_box = QGroupBox(self.tr("发现的问题"))
        prl = QVBoxLayout(self.problems_box)
        prl.addWidget(self.problems_list)

        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(mapping_box)
        top.addWidget(self.preview_box)
        top.setStretchFactor(0, 1)
        top.setStretchFactor(1, 3)
        body = QSplitter(Qt.Orientation.Vertical)
        body.addWidget(top)
        body.addWidget(self.problems_box)
        body.setStretchFactor(0, 3)
        body.setStretchFactor(1, 1)

        self.replace_radio = QRadioButton()
        self.append_radio = QRadioButton()
        self.mode_group = QButtonGroup(self)
        self.mode_group.addButton(self.replace_radio)
        self.mode_group.addButton(self.append_radio)
        self.replace_radio.setText(self.tr("替换现有的 %1 行(&R)").replace("%1", str(self.existing_rows)))
        self.append_radio.setText(self.tr("追加到现有 %1 行之后(&A)").replace("%1", str(self.existing_rows)))
        (self.replace_radio if self.replace else self.append_radio).setChecked(True)
        # With no rows yet there is nothing to choose.
        self.replace_radio.setVisible(self.existing_rows > 0)
        self.append_radio.setVisible(self.existing_rows > 0)
        self.allow_errors = QCheckBox(self.tr("仍然导入，在名单表格中逐行改正错误(&E)"))
        self.allow_errors.hide()
        self.allow_errors.toggled.connect(self._update_confirm)
        mode_row = QHBoxLayout()
        mode_row.addWidget(self.replace_radio)
        mode_row.addWidget(self.append_radio)
        mode_row.addSpacing(24)
        mode_row.addWidget(self.allow_errors)
        mode_row.addStretch(1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.confirm_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.confirm_button.setText(self.tr("导入"))
        self.confirm_button.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        note = QLabel(self.tr("确认前不会改动任何内容；导入的行在保存记录（Ctrl+S）后才写入，Ctrl+Z 可撤销导入"))
        note.setStyleSheet("color: #6b6b6b;")
        note.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(file_row)
        layout.addLayout(status_row)
        layout.addWidget(body, 1)
        layout.addLayout(mode_row)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        QShortcut(QKeySequence("Ctrl+O"), self, self.choose_file)

    # --- file and reading -----------------------------------------------------------------------
    def choose_file(self) -> bool:
        """Ask for a file; True when one was chosen (reading starts)."""
        path = dialogs.open_file(self.tr("选择名单文件"),
                                 self.tr("表格文件 (*.xlsx *.xlsm *.xls *.et *.ods *.csv);;Excel 工作簿 (*.xlsx *.xls);;"
                                         "OpenDocument 表格 (*.ods);;CSV 文件 (*.csv)"),
                                 purpose=dialogs.IMPORT_ROSTER, parent=self)
        if path is None:
            return False
        self.load_file(path)
        return True

    def load_file(self, path: str | Path) -> None:
        self.path = Path(path)
        self.file_label.setText(str(self.path))
        self.result = None
        self._headers = []
        self._first_read = True
        self._start_read(None)

    def _start_read(self, mapping: dict[str, str] | None) -> None:
        if self.path is None:
            return
        if self._job is not None:
            self._job.cancel()
        self._token += 1
        token = self._token
        path = self.path
        keys = self.keys if mapping is None else [k for k in self.keys if k in mapping or k == "name"]
        wanted = [c for c in self.columns if c.key in keys]  # the table's columns: types, units, required
        explicit = dict(mapping) if mapping else None
        limits = SettingsService(self.ws.ctx).input_limits()  # here: the worker holds no session

        def read(progress, cancelled):
            progress(0, 0, "")
            return read_roster(path, explicit, wanted, limits=limits)

        job = Job(read)
        job.signals.finished.connect(lambda result, t=token: self._read_finished(t, result))
        job.signals.failed.connect(lambda exc, t=token: self._read_failed(t, exc))
        job.signals.cancelled.connect(lambda t=token: self._read_cancelled(t))
        self._job = job
        self._jobs.append(job)
        self.reading = True
        self.progress.show()
        self.stop_button.show()
        self.status_label.setText(self.tr("正在读取 %1 …").replace("%1", path.name))
        self.status_label.setStyleSheet("")
        self._update_confirm()
        start(job)

    def stop_reading(self) -> None:
        if self._job is not None:
            self._job.cancel()
        self._token += 1
        self._reading_done()
        self.status_label.setText(self.tr("已停止读取"))

    def _reading_done(self) -> None:
        self._job = None
        self.reading = False
        self.progress.hide()
        self.stop_button.hide()
        self._update_confirm()

    def _read_failed(self, token: int, exc: BaseException) -> None:
        if token != self._token:
            return
        self._reading_done()
        log.exception("reading roster file failed", exc_info=exc)
        self.result = None
        self.status_label.setText(self.tr("无法读取文件：%1").replace("%1", str(exc)))
        self.status_label.setStyleSheet("color: #c62828;")

    def _read_cancelled(self, token: int) -> None:
        if token == self._token:
            self._reading_done()

    def _read_finished(self, token: int, result: RosterReadResult) -> None:
        if token != self._token:
            return  # an older read, superseded by a newer mapping
        self._reading_done()
        if self._first_read:
            self._first_read = False
            self._headers = list(result.headers)
            wanted = self._initial_mapping(result)
            self._fill_combos(wanted)
            if result.headers and wanted != result.mapping:
                self._start_read(wanted)
                return
        else:
            self._select_combos(result.mapping)
        self._show(result)

    def _initial_mapping(self, result: RosterReadResult) -> dict[str, str]:
        """The remembered mapping where the file has its headers, the guessed one for the rest."""
        mapping = {k: v for k, v in result.mapping.items() if k in self.keys}
        try:
            remembered = mapping_for(self.ws.ctx, self.item_code) or {}
        except CunwuError:
            remembered = {}
        present = {header_key(h): h for h in result.headers if h}
        for key, header in remembered.items():
            actual = present.get(header_key(header))
            if key in self.keys and actual is not None:
                for other, h in list(mapping.items()):  # a header is used by one column only
                    if h == actual and other != key:
                        del mapping[other]
                mapping[key] = actual
        order = {k: n for n, k in enumerate(self.keys)}
        return dict(sorted(mapping.items(), key=lambda kv: order[kv[0]]))

    # --- mapping combos -------------------------------------------------------------------------
    def _fill_combos(self, mapping: dict[str, str]) -> None:
        for key, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("（不导入）"), "")
            for h in self._headers:
                if h:
                    combo.addItem(h, h)
            combo.setCurrentIndex(max(0, combo.findData(mapping.get(key, ""))))
            combo.setEnabled(bool(self._headers))
            combo.blockSignals(False)

    def _select_combos(self, mapping: dict[str, str]) -> None:
        for key, combo in self.combos.items():
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(mapping.get(key, ""))))
            combo.blockSignals(False)

    def mapping(self) -> dict[str, str]:
        """{roster key: file header} as the combos say."""
        return {k: combo.currentData() for k, combo in self.combos.items() if combo.currentData()}

    def _combo_changed(self) -> None:
        self._reread_timer.start()

    def _read_with_combos(self) -> None:
        self._start_read(self.mapping())

    # --- showing --------------------------------------------------------------------------------
    def _show(self, result: RosterReadResult) -> None:
        self.result = result
        key_of = {h: k for k, h in result.mapping.items()}
        marks: dict[tuple[int, str], tuple[bool, str]] = {}
        self.problems_list.clear()
        for problems, error in ((result.problems, True), (result.warnings, False)):
            for p in problems:
                item = QListWidgetItem(self._problem_text(p, error))
                item.setForeground(QBrush(QColor("#b71c1c") if error else QColor("#8a6100")))
                self.problems_list.addItem(item)
                key = key_of.get(p.field or "")
                if p.row is not None and key:
                    old = marks.get((p.row, key))
                    marks[(p.row, key)] = (error or bool(old and old[0]),
                                           (old[1] + "\n" if old else "") + p.message)
        self.preview_model.set_result(result, marks)
        self.preview.resizeColumnsToContents()
        errors, warnings = len(result.problems), len(result.warnings)
        self.problems_box.setTitle(self.tr("发现的问题：错误 %1 处，提示 %2 处").replace("%1", str(errors))
                                   .replace("%2", str(warnings)))
        if result.rows:
            numbers = result.row_numbers
            text = (self.tr("读取 %1 行（%5 第 %2–%3 行），合计金额 %4 元。")
                    .replace("%1", str(len(result.rows))).replace("%2", str(numbers[0]))
                    .replace("%3", str(numbers[-1])).replace("%4", format_money_cn(result.totals()["amount"]))
                    .replace("%5", Path(result.file).name))
            if result.skipped_total_row:
                text += self.tr("第 %1 行的合计行未导入。").replace("%1", str(result.skipped_total_row))
        else:
            text = self.tr("没有读到数据行。")
        if errors:
            text += self.tr("文件中有 %1 处错误：请在原文件中改正后重新选择文件，或勾选“仍然导入”后在名单中改正。").replace(
                "%1", str(errors))
        self.status_label.setText(text)
        self.status_label.setStyleSheet("color: #c62828;" if errors else "")
        self.allow_errors.setVisible(bool(errors and result.rows))
        self._update_confirm()

    def _problem_text(self, p: Problem, error: bool) -> str:
        """'第 12 行，“身份证号”列：…' — the file's row, its column header, the reason, as the core
        words it (``Problem.located``; the dialog names the file once, above)."""
        text = p.located(with_file=False)
        return text if error else self.tr("提示：%1").replace("%1", text)

    def problem_texts(self) -> list[str]:
        return [self.problems_list.item(i).text() for i in range(self.problems_list.count())]

    def _update_confirm(self) -> None:
        r = self.result
        ok = (not self.reading and r is not None and bool(r.rows)
              and (not r.problems or self.allow_errors.isChecked()))
        self.confirm_button.setEnabled(ok)
        count = len(r.rows) if r is not None else 0
        self.confirm_button.setText(self.tr("导入 %1 行").replace("%1", str(count)) if count else self.tr("导入"))

    # --- closing --------------------------------------------------------------------------------
    def accept(self) -> None:
        r = self.result
        if r is None or self.reading or not r.rows or (r.problems and not self.allow_errors.isChecked()):
            return
        mapping = {k: v for k, v in r.mapping.items() if k in self.keys}
        if mapping:
            try:
                remember_mapping(self.ws.ctx, self.item_code, mapping, keep_absent=True)
            except CunwuError:
                log.warning("could not remember the column mapping for %s", self.item_code, exc_info=True)
        self.imported_rows = [{k: row.get(k) for k in self.keys if k in row} for row in r.rows]
        self.stated_totals = dict(r.stated_totals)  # the file's own 合计 row, kept with the record
        self.replace = self.replace_radio.isChecked()
        super().accept()

    def done(self, result: int) -> None:
        """Closing (accepted or not): a read still running is cancelled and its result ignored."""
        self._token += 1
        self._reread_timer.stop()
        for job in self._jobs:
            job.cancel()
            for signal in (job.signals.finished, job.signals.failed, job.signals.cancelled):
                try:
                    signal.disconnect()
                except (RuntimeError, TypeError):
                    pass
        super().done(result)
