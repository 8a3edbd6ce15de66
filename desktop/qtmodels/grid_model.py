"""A spreadsheet-like table model over rows of text cells, with undo.

The rows are the one source of truth: dicts of column key → the text as the clerk typed it
('' or absent = blank), plus any keys the grid does not show, which are kept untouched so saving
never drops data. A subclass may load rows lazily: a row slot holding None is made by `_make_row`
the first time anything asks for it (`_row`), so a 10,000-row load pays only for the rows shown. Every change goes through a `QUndoCommand` on the editor's shared `QUndoStack`,
so cell edits, pasted blocks and inserted, deleted or imported rows undo alike.

Subclasses add derived cells (`computed`, shown in blue italics) and per-cell findings
(`findings_at`, shown as a red or amber background with the messages as tooltip); plain grids take
their findings from outside (`set_cell_findings`). Values are never parsed here: the rules in
`models.rules` read the text when they check it, so a typo stays visible as typed.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QUndoCommand, QUndoStack

from models.rules.kinds import Finding

Index = QModelIndex | QPersistentModelIndex
CellChange = tuple[int, str, str]  # (row, key, new text)

NUMERIC_KINDS = frozenset({"number", "money", "int"})
FindingsRole = Qt.ItemDataRole.UserRole + 1  # list[Finding] of the cell
ComputedRole = Qt.ItemDataRole.UserRole + 2  # True when the shown value is computed, not typed
KeyRole = Qt.ItemDataRole.UserRole + 3  # the column key

ERROR_BACKGROUND = QColor("#ffcdd2")
WARNING_BACKGROUND = QColor("#fff0c2")
COMPUTED_FOREGROUND = QColor("#1565c0")


@dataclass(frozen=True)
class GridColumn:
    """One column. ``label`` is the header as shown (translated, with its unit); ``kind`` is how the
    cell is edited and aligned: text, number, money, int, date, id_number or choice. ``choices`` are
    (stored value, shown label) pairs; with ``free_choice`` other text may be typed too.
    ``width`` is a hint in digit widths (0: fit the header)."""

    key: str
    label: str
    kind: str = "text"
    choices: tuple[tuple[str, str], ...] = ()
    editable: bool = True
    width: int = 0
    hint: str = ""
    free_choice: bool = False
    stretch: bool = False  # takes the table's spare width (else the last column does)

    @property
    def numeric(self) -> bool:
        return self.kind in NUMERIC_KINDS

    def label_of(self, value: str) -> str:
        for v, label in self.choices:
            if v == value:
                return label
        return value

    def value_of(self, text: str) -> str:
        """The stored value for what was typed or pasted: a choice's value when the text is its
        label or its value, or — for a closed list — part of exactly one label ("收入" → 各项收入);
        else the text itself, for the checks to name."""
        text = text.strip()
        for v, label in self.choices:
            if text in (label, v):
                return v
        if text and self.choices and not self.free_choice:
            hits = [v for v, label in self.choices if text in label]
            if len(hits) == 1:
                return hits[0]
        return text


def parse_tsv(text: str) -> list[list[str]]:
    """A block copied from Excel or WPS: rows by line, cells by tab; quoted cells may hold line
    breaks. The trailing line break Excel adds is not an extra row."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.endswith("\n"):
        text = text[:-1]
    if not text:
        return []
    if '"' not in text:
        return [line.split("\t") for line in text.split("\n")]
    return [list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter="\t")]


def to_tsv(block: Sequence[Sequence[str]]) -> str:
    def cell(v: str) -> str:
        if any(c in v for c in '\t\n"'):
            return '"' + v.replace('"', '""') + '"'
        return v
    return "\n".join("\t".join(cell(v) for v in row) for row in block) + "\n"


# --- undo commands --------------------------------------------------------------------------------

class _GridCommand(QUndoCommand):
    def __init__(self, model: GridModel, text: str):
        super().__init__(text)
        self.model = model
        self._done_once = False

    def redo(self) -> None:
        self._redo()
        if self._done_once:
            self._reveal()
        self._done_once = True

    def undo(self) -> None:
        self._undo()
        self._reveal()

    def _reveal(self) -> None:
        pass

    def _redo(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError


class SetCellsCommand(_GridCommand):
    def __init__(self, model: GridModel, changes: list[tuple[int, str, str, str]], text: str):
        super().__init__(model, text)
        self.changes = changes  # (row, key, old, new)

    def _redo(self) -> None:
        self.model._apply([(r, k, new) for r, k, _old, new in self.changes])

    def _undo(self) -> None:
        self.model._apply([(r, k, old) for r, k, old, _new in self.changes])

    def _reveal(self) -> None:
        r, k = self.changes[0][0], self.changes[0][1]
        self.model.reveal.emit(r, self.model.column_of(k))


class InsertRowsCommand(_GridCommand):
    def __init__(self, model: GridModel, at: int, rows: list[dict[str, Any]], text: str):
        super().__init__(model, text)
        self.at = at
        self.rows = rows

    def _redo(self) -> None:
        self.model._insert(self.at, [dict(r) for r in self.rows])

    def _undo(self) -> None:
        self.model._remove(self.at, len(self.rows))

    def _reveal(self) -> None:
        self.model.reveal.emit(min(self.at, max(0, self.model.rowCount() - 1)), 0)


class RemoveRowsCommand(_GridCommand):
    def __init__(self, model: GridModel, rows: Sequence[int], text: str):
        super().__init__(model, text)
        self.indices = sorted(set(rows))
        self.removed: list[dict[str, Any]] = []

    def _redo(self) -> None:
        self.removed = [self.model._row(i) for i in self.indices]
        for start, count in reversed(_runs(self.indices)):
            self.model._remove(start, count)

    def _undo(self) -> None:
        pos = 0
        for start, count in _runs(self.indices):
            self.model._insert(start, self.removed[pos:pos + count])
            pos += count

    def _reveal(self) -> None:
        self.model.reveal.emit(min(self.indices[0], max(0, self.model.rowCount() - 1)), 0)


class ReplaceRowsCommand(_GridCommand):
    def __init__(self, model: GridModel, rows: list[dict[str, Any]], text: str):
        super().__init__(model, text)
        self.new = rows
        self.old: list[dict[str, Any]] = []

    def _redo(self) -> None:
        self.old = self.model._all_rows()
        self.model._reset([dict(r) for r in self.new])

    def _undo(self) -> None:
        self.model._reset(self.old)

    def _reveal(self) -> None:
        self.model.reveal.emit(0, 0)


def _runs(indices: Sequence[int]) -> list[tuple[int, int]]:
    """Sorted indices as (start, count) runs of consecutive numbers."""
    runs: list[tuple[int, int]] = []
    for i in indices:
        if runs and runs[-1][0] + runs[-1][1] == i:
            runs[-1] = (runs[-1][0], runs[-1][1] + 1)
        else:
            runs.append((i, 1))
    return runs


# --- the model ------------------------------------------------------------------------------------

class GridModel(QAbstractTableModel):
    """Rows of text cells under `GridColumn`s, changed only through undoable commands."""

    changed = Signal()  # any change of the rows (edit, paste, insert, remove, undo, redo)
    reveal = Signal(int, int)  # (row, column) an undo or redo changed: the view shows it

    def __init__(self, columns: Sequence[GridColumn], undo_stack: QUndoStack | None = None, parent=None):
        super().__init__(parent)
        self._columns: list[GridColumn] = list(columns)
        self._col_index = {c.key: n for n, c in enumerate(self._columns)}
        self._rows: list[dict[str, Any] | None] = []  # None: not made yet (`_row`)
        self._cell_findings: dict[tuple[int, str], list[Finding]] = {}
        self._read_only = False
        self.undo_stack = undo_stack if undo_stack is not None else QUndoStack(self)
        self._italic = QFont()
        self._italic.setItalic(True)

    # --- columns ----------------------------------------------------------------------------
    @property
    def columns(self) -> list[GridColumn]:
        return list(self._columns)

    def column(self, n: int) -> GridColumn:
        return self._columns[n]

    def column_of(self, key: str) -> int:
        return self._col_index.get(key, -1)

    def keys(self) -> list[str]:
        return [c.key for c in self._columns]

    def editable_keys(self) -> list[str]:
        return [c.key for c in self._columns if c.editable]

    def set_columns(self, columns: Sequence[GridColumn]) -> None:
        """Relabel or change the columns (same rows); e.g. a unit change renames a money header."""
        same_keys = [c.key for c in columns] == self.keys()
        if same_keys:
            self._columns = list(columns)
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)
            return
        self.beginResetModel()
        self._columns = list(columns)
        self._col_index = {c.key: n for n, c in enumerate(self._columns)}
        self.endResetModel()

    # --- rows -------------------------------------------------------------------------------
    def rows(self) -> list[dict[str, Any]]:
        """The rows themselves (do not change them: use the editing methods)."""
        return self._all_rows()

    def _row(self, row: int) -> dict[str, Any]:
        """Row ``row``'s cells, made by `_make_row` the first time they are asked for."""
        r = self._rows[row]
        if r is None:
            r = self._rows[row] = self._make_row(row)
        return r

    def _make_row(self, row: int) -> dict[str, Any]:
        """The cells of a row loaded lazily (a subclass that puts None in `_rows` makes them here)."""
        raise NotImplementedError

    def _all_rows(self) -> list[dict[str, Any]]:
        """Every row made (for what reads them all: a replace, a column change, `rows()`)."""
        rows = self._rows
        if None in rows:
            for i, r in enumerate(rows):
                if r is None:
                    rows[i] = self._make_row(i)
        return rows

    def set_rows(self, rows: Iterable[Mapping[str, Any]]) -> None:
        """Load rows (not undoable: the undo history starts here). Values become text."""
        self._reset([{k: _text(v) for k, v in r.items()} for r in rows])

    def text(self, row: int, key: str) -> str:
        v = self._row(row).get(key)
        return "" if v is None else str(v)

    def is_blank(self, row: int) -> bool:
        r = self._row(row)
        return not any(r.get(c.key) for c in self._columns if c.editable)

    def filled_rows(self) -> list[int]:
        """Indexes of the rows that are not blank."""
        return [i for i in range(len(self._rows)) if not self.is_blank(i)]

    def last_filled_row(self) -> int:
        for i in range(len(self._rows) - 1, -1, -1):
            if not self.is_blank(i):
                return i
        return -1

    @property
    def read_only(self) -> bool:
        return self._read_only

    def set_read_only(self, read_only: bool) -> None:
        if read_only == self._read_only and not self._held:
            return  # no reset: the view keeps its current cell and selection (a save's end asks again)
        self.beginResetModel()
        self._read_only = read_only
        self.endResetModel()

    def hold(self, holding: bool) -> None:
        """Refuse every change while held (a save is running), without resetting the view: the
        clerk may still scroll and look. Let go, the model is as read-only as it was."""
        if holding and not self._held:
            self._held, self._was_read_only = True, self._read_only
            self._read_only = True
        elif not holding and self._held:
            self._held = False
            self._read_only = self._was_read_only

    _held = False
    _was_read_only = False

    # --- derived cells and findings (hooks) ---------------------------------------------------
    def computed(self, row: int, key: str) -> str | None:
        """The value shown in a blank (or non-editable) cell, computed from the row; None: none."""
        return None

    def computed_tip(self, row: int, key: str) -> str:
        return ""

    def computed_color(self, row: int, key: str) -> QColor | None:
        return COMPUTED_FOREGROUND

    def findings_at(self, row: int, key: str) -> list[Finding]:
        return self._cell_findings.get((row, key), [])

    def set_cell_findings(self, findings: Mapping[tuple[int, str], list[Finding]]) -> None:
        """Findings by (row, key), e.g. from a whole-record check; repaints the cells that change."""
        old = self._cell_findings
        self._cell_findings = dict(findings)
        touched = [r for r in {r for r, _k in old} | {r for r, _k in self._cell_findings} if 0 <= r < len(self._rows)]
        self._repaint_rows(touched)

    # --- Qt model interface -----------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self._columns):
                return None
            col = self._columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return col.label
            if role == Qt.ItemDataRole.ToolTipRole:
                return col.hint or col.label
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self._read_only and self._columns[index.column()].editable:
            f |= Qt.ItemFlag.ItemIsEditable
        return f

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, ncol = index.row(), index.column()
        if row >= len(self._rows):
            return None
        col = self._columns[ncol]
        key = col.key
        cells = self._row(row)
        if role == Qt.ItemDataRole.DisplayRole:
            v = cells.get(key)
            if v:
                return col.label_of(v) if col.choices else v
            c = self.computed(row, key)
            return c if c is not None else ""
        if role == Qt.ItemDataRole.EditRole:
            v = cells.get(key)
            return "" if v is None else str(v)
        if role == Qt.ItemDataRole.BackgroundRole:
            found = self.findings_at(row, key)
            if found:
                return QBrush(ERROR_BACKGROUND if any(f.is_error for f in found) else WARNING_BACKGROUND)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            found = self.findings_at(row, key)
            if found:
                return "\n".join(f.message for f in found)
            if not cells.get(key):
                tip = self.computed_tip(row, key)
                return tip or None
            return None
        if role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole):
            if cells.get(key) or self.computed(row, key) is None:
                return None
            if role == Qt.ItemDataRole.FontRole:
                return self._italic if col.editable else None
            color = self.computed_color(row, key)
            return QBrush(color) if color is not None else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col.numeric:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == FindingsRole:
            return self.findings_at(row, key)
        if role == ComputedRole:
            return not cells.get(key) and self.computed(row, key) is not None
        if role == KeyRole:
            return key
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self._read_only:
            return False
        col = self._columns[index.column()]
        if not col.editable:
            return False
        return self.set_cells([(index.row(), col.key, _text(value))],
                              QCoreApplication.translate("GridModel", "编辑单元格"))

    # --- editing (undoable) -----------------------------------------------------------------
    def set_cells(self, changes: Iterable[CellChange], text: str = "") -> bool:
        """Change cells as one undo step; unchanged cells are left out. False when nothing changed."""
        if self._read_only:
            return False
        real: list[tuple[int, str, str, str]] = []
        for row, key, new in changes:
            new = (new or "").strip()
            old = self.text(row, key)
            if new != old:
                real.append((row, key, old, new))
        if not real:
            return False
        self.undo_stack.push(SetCellsCommand(
            self, real, text or QCoreApplication.translate("GridModel", "编辑单元格")))
        return True

    def insert_rows(self, at: int, rows: Sequence[Mapping[str, Any]] | None = None, count: int = 1,
                    text: str = "") -> None:
        if self._read_only:
            return
        new = [{k: _text(v) for k, v in r.items()} for r in rows] if rows is not None else [{} for _ in range(count)]
        if not new:
            return
        at = max(0, min(at, len(self._rows)))
        self.undo_stack.push(InsertRowsCommand(
            self, at, new, text or QCoreApplication.translate("GridModel", "插入行")))

    def append_row(self) -> int:
        """Add one blank row at the end to type into; returns its index. Not an undo step and not a
        change: a blank row is never saved, and rows added at the end shift no row an undo step
        refers to."""
        if not self._read_only:
            self._insert(len(self._rows), [{}])
        return len(self._rows) - 1

    def remove_rows(self, rows: Iterable[int], text: str = "") -> None:
        if self._read_only:
            return
        rows = sorted({r for r in rows if 0 <= r < len(self._rows)})
        if not rows:
            return
        self.undo_stack.push(RemoveRowsCommand(
            self, rows, text or QCoreApplication.translate("GridModel", "删除行")))

    def replace_rows(self, rows: Sequence[Mapping[str, Any]], text: str = "") -> None:
        if self._read_only:
            return
        self.undo_stack.push(ReplaceRowsCommand(
            self, [{k: _text(v) for k, v in r.items()} for r in rows],
            text or QCoreApplication.translate("GridModel", "替换全部行")))

    def clear_cells(self, cells: Iterable[tuple[int, int]]) -> bool:
        changes = [(r, self._columns[c].key, "") for r, c in cells
                   if 0 <= r < len(self._rows) and self._columns[c].editable]
        return self.set_cells(changes, QCoreApplication.translate("GridModel", "清除单元格"))

    def paste_block(self, row: int, col: int, block: Sequence[Sequence[str]]) -> tuple[int, int]:
        """Put a copied block with its top-left cell at (row, col), over the editable columns from
        `col` on, adding rows as needed — one undo step. Returns (rows written, rows added)."""
        if self._read_only or not block:
            return 0, 0
        targets = [c for c in self._columns[col:] if c.editable]
        if not targets:
            return 0, 0
        stack = self.undo_stack
        stack.beginMacro(QCoreApplication.translate("GridModel", "粘贴"))
        try:
            need = row + len(block) - len(self._rows)
            added = 0
            if need > 0:
                self.insert_rows(len(self._rows), count=need)
                added = need
            changes: list[CellChange] = []
            for dr, cells in enumerate(block):
                for dc, value in enumerate(cells[:len(targets)]):
                    column = targets[dc]
                    changes.append((row + dr, column.key, column.value_of(value) if column.choices else value))
            self.set_cells(changes, QCoreApplication.translate("GridModel", "粘贴"))
        finally:
            stack.endMacro()
        return len(block), added

    def fill_cells(self, cells: Iterable[tuple[int, int]], value: str) -> bool:
        """One value into every given cell (pasting a single copied cell over a selection)."""
        changes = []
        for r, c in cells:
            column = self._columns[c]
            if column.editable and 0 <= r < len(self._rows):
                changes.append((r, column.key, column.value_of(value) if column.choices else value))
        return self.set_cells(changes, QCoreApplication.translate("GridModel", "粘贴"))

    def block_text(self, top: int, left: int, bottom: int, right: int) -> str:
        """The shown text of a rectangle as tab-separated lines (for the clipboard)."""
        block = []
        for r in range(top, bottom + 1):
            block.append([str(self.data(self.index(r, c)) or "") for c in range(left, right + 1)])
        return to_tsv(block)

    # --- primitives (commands only) -----------------------------------------------------------
    def _apply(self, changes: Sequence[CellChange]) -> None:
        rows: set[int] = set()
        for r, k, v in changes:
            if v:
                self._row(r)[k] = v
            else:
                self._row(r).pop(k, None)
            rows.add(r)
        self._cells_changed(sorted(rows))
        self._repaint_rows(rows)
        self._after_change()

    def _repaint_rows(self, rows: Iterable[int]) -> None:
        """One dataChanged over the rows' span (the view repaints only what it shows)."""
        rows = list(rows)
        if rows and self._columns:
            self.dataChanged.emit(self.index(min(rows), 0), self.index(max(rows), len(self._columns) - 1))

    def _insert(self, at: int, rows: list[dict[str, Any]]) -> None:
        self.beginInsertRows(QModelIndex(), at, at + len(rows) - 1)
        self._rows[at:at] = rows
        self._shift_findings(at, len(rows))
        self._rows_inserted(at, len(rows))
        self.endInsertRows()
        self._after_change()

    def _remove(self, at: int, count: int) -> list[dict[str, Any]]:
        self.beginRemoveRows(QModelIndex(), at, at + count - 1)
        removed = self._rows[at:at + count]
        del self._rows[at:at + count]
        self._shift_findings(at, -count)
        self._rows_removed(at, count)
        self.endRemoveRows()
        self._after_change()
        return removed

    def _reset(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self._rows = rows
        self._cell_findings = {}
        self._rows_reset()
        self.endResetModel()
        self._after_change()

    def _shift_findings(self, at: int, delta: int) -> None:
        if not self._cell_findings:
            return
        moved: dict[tuple[int, str], list[Finding]] = {}
        for (r, k), f in self._cell_findings.items():
            if r < at:
                moved[(r, k)] = f
            elif delta > 0:
                moved[(r + delta, k)] = f
            elif r >= at - delta:
                moved[(r + delta, k)] = f
        self._cell_findings = moved

    # Hooks for subclasses that keep per-row state in step with the rows.
    def _cells_changed(self, rows: list[int]) -> None:
        pass

    def _rows_inserted(self, at: int, count: int) -> None:
        pass

    def _rows_removed(self, at: int, count: int) -> None:
        pass

    def _rows_reset(self) -> None:
        pass

    def _after_change(self) -> None:
        self.changed.emit()


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value).strip()
