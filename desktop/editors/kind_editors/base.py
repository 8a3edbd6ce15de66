"""What every kind editor offers the disclosure editor, and the shared machinery of the editors
whose record is a content document (finance, project, decision, 一事一议).

A kind editor loads a `DisclosureData`, reports its live findings (the pure checks of
`models.rules.kinds` run on what is on screen, on every change), marks the fields and cells those
findings name, jumps to one when the clerk picks it from the findings list, and says whether it
differs from what was last saved. The title and body belong to the disclosure editor.

Finding fields name their place: ``opening`` (a field), ``sources[2].amount`` (row 2 of the
sources table), or a row number with a field for the kind's main list (finance rows, meetings).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from models.rules.field_labels import row_field_label
from models.rules.kinds import Finding
from models.rules.roster import STANDARD_COLUMNS
from models.services.disclosures import DisclosureData

from ...qtmodels.grid_model import GridModel
from ..grid_view import GridView
from .fields import mark

_LIST_FIELD = re.compile(r"^(\w+)\[(\d+)\]\.(\w+)$")

# models.rules.field_labels.ROW_FIELD_LABELS, listed for lupdate (table columns are translated as
# the roster grid translates them, in the "RosterColumns" context of qtmodels.roster_model).
_FIELD_LABELS_FOR_TRANSLATION = (
    QT_TRANSLATE_NOOP("Fields", "日期"), QT_TRANSLATE_NOOP("Fields", "凭证号"),
    QT_TRANSLATE_NOOP("Fields", "摘要"), QT_TRANSLATE_NOOP("Fields", "类别"), QT_TRANSLATE_NOOP("Fields", "收入"),
    QT_TRANSLATE_NOOP("Fields", "支出"), QT_TRANSLATE_NOOP("Fields", "步骤"), QT_TRANSLATE_NOOP("Fields", "会议类型"),
    QT_TRANSLATE_NOOP("Fields", "应到"), QT_TRANSLATE_NOOP("Fields", "实到"), QT_TRANSLATE_NOOP("Fields", "同意"),
    QT_TRANSLATE_NOOP("Fields", "反对"), QT_TRANSLATE_NOOP("Fields", "弃权"), QT_TRANSLATE_NOOP("Fields", "内容"),
    QT_TRANSLATE_NOOP("Fields", "计数方式"),
)


def field_label(key: str) -> str:
    """A row field's label (models.rules.field_labels), translated."""
    label = row_field_label(key)
    if not key or label == key:
        return key
    context = "RosterColumns" if key in STANDARD_COLUMNS else "Fields"
    return QCoreApplication.translate(context, label)


def split_list_field(name: str | None) -> tuple[str, int, str] | None:
    """'sources[2].amount' → ('sources', 2, 'amount')."""
    m = _LIST_FIELD.match(name or "")
    return (m.group(1), int(m.group(2)), m.group(3)) if m else None


@dataclass
class EditorContext:
    """What a kind editor needs besides the record: the item's roster preset, the workspace (for
    imports), the period, which the header may change while editing, and the office's own phone
    numbers (which the personal-number findings leave alone)."""

    workspace: Any = None
    item_code: str = ""
    roster_preset: str | None = None
    period_start: date | None = None
    period_end: date | None = None
    public_numbers: frozenset[str] = frozenset()  # the office's 监督电话: not a villager's number


class KindEditor(QWidget):
    """Base of the kind editors; the defaults suit a kind with nothing beyond title and body."""

    changed = Signal()  # content changed: recheck, dirty state
    uses_body_area = False  # True: the body text is this kind's main field (notices)

    def __init__(self, undo_stack: QUndoStack, context: EditorContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.undo_stack = undo_stack
        self.context = context
        self.read_only = False
        self._grids: dict[str, tuple[GridModel, GridView]] = {}

    def load(self, data: DisclosureData) -> None:
        pass

    def findings(self) -> list[Finding]:
        """Live findings of the kind's own content (title and body are the disclosure editor's)."""
        return []

    def content(self) -> dict[str, Any] | None:
        """The content document to store, or None for kinds without one."""
        return None

    def set_period(self, start: date | None, end: date | None) -> None:
        self.context.period_start, self.context.period_end = start, end

    def hold(self, holding: bool) -> None:
        """No changes while a save runs (the editor's state stays as it is, nothing is reset)."""
        for model, _view in self._grids.values():
            model.hold(holding)

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        for model, view in self._grids.values():
            model.set_read_only(read_only)
            view.set_read_only(read_only)
        for widget in self.findChildren(QWidget):
            if isinstance(widget, QLineEdit | QComboBox | QAbstractButton):
                widget.setEnabled(not read_only)
            elif isinstance(widget, QPlainTextEdit):
                widget.setReadOnly(read_only)  # long text stays scrollable and copyable

    def is_dirty(self) -> bool:
        return False

    def mark_clean(self) -> None:
        pass

    def finish_editing(self) -> None:
        for _model, view in self._grids.values():
            view.finish_editing()

    def show_findings(self, findings: Sequence[Finding]) -> None:
        """Mark the places these findings name (after a save: the service's findings)."""

    def focus_finding(self, finding: Finding) -> bool:
        return False

    def describe_place(self, finding: Finding) -> str:
        """Where a finding is, in words: '第 3 行“身份证号”', '资金来源第 2 行“金额”' …"""
        if finding.row is None:
            return ""
        if not finding.field:
            return QCoreApplication.translate("KindEditor", "第 %1 行").replace("%1", str(finding.row))
        return (QCoreApplication.translate("KindEditor", "第 %1 行“%2”").replace("%1", str(finding.row))
                .replace("%2", finding.label or field_label(finding.field)))

    def tab_chain(self) -> list[QWidget]:
        """The editor's inputs in the order Tab should visit them."""
        return []


def row_buttons(view: GridView, *, add_text: str, parent: QWidget | None = None) -> tuple[QWidget, QPushButton,
                                                                                          QPushButton]:
    """'添加一行' / '删除所选行' buttons under a small table (the keys do the same: Ctrl+Insert,
    Ctrl+Delete, Tab past the last cell)."""
    box = QWidget(parent)
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    add = QPushButton(add_text)
    add.setAutoDefault(False)
    add.setToolTip(QCoreApplication.translate("KindEditor", "在末尾添加一行（表格中在最后一格按 Tab 也可）"))
    remove = QPushButton(QCoreApplication.translate("KindEditor", "删除所选行"))
    remove.setAutoDefault(False)
    remove.setToolTip(QCoreApplication.translate("KindEditor", "删除所选行（Ctrl+Delete）"))

    def add_row() -> None:
        model = view.grid()
        row = model.append_row()
        columns = view.editable_columns()
        view.go_to(row, columns[0] if columns else 0)
        view.setFocus()

    add.clicked.connect(add_row)
    remove.clicked.connect(view.delete_selected_rows)
    layout.addWidget(add)
    layout.addWidget(remove)
    layout.addStretch(1)
    return box, add, remove


class ContentEditor(KindEditor):
    """A kind whose record is a content document: fields plus small tables, rechecked live.

    Subclasses build their widgets, register them (`_field`, `_grid`), and implement
    `content()` and `_check(content)`; `_main_list` names the list a finding's row number refers to.
    """

    _main_list: str | None = None

    def __init__(self, undo_stack: QUndoStack, context: EditorContext, parent: QWidget | None = None):
        super().__init__(undo_stack, context, parent)
        self._fields: dict[str, QWidget] = {}
        self._list_labels: dict[str, str] = {}
        self._row_maps: dict[str, list[int]] = {}  # list key → grid row of each content item
        self._findings: list[Finding] = []
        self._snapshot: dict[str, Any] | None = None
        self._loading = False

    # --- registration -----------------------------------------------------------------------
    def _field(self, name: str, widget: QWidget) -> QWidget:
        self._fields[name] = widget
        if isinstance(widget, QLineEdit):
            widget.textChanged.connect(self._on_changed)
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(self._on_changed)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(self._on_changed)
            if widget.isEditable():
                widget.editTextChanged.connect(self._on_changed)
        elif isinstance(widget, QAbstractButton):
            widget.toggled.connect(self._on_changed)
        return widget

    def _grid(self, name: str, model: GridModel, view: GridView, label: str) -> None:
        view.setModel(model)
        self._grids[name] = (model, view)
        self._list_labels[name] = label
        model.changed.connect(self._on_changed)

    # --- content ----------------------------------------------------------------------------
    def _check(self, content: dict[str, Any]) -> list[Finding]:
        raise NotImplementedError

    def _after_load(self) -> None:
        """Subclasses call this at the end of `load`: first check, and the clean state."""
        self._loading = False
        self._recheck()
        self.mark_clean()

    def _on_changed(self, *_args) -> None:
        if self._loading:
            return
        self._recheck()
        self.changed.emit()

    def _recheck(self) -> None:
        self._findings = self._check(self.content() or {})
        self.show_findings(self._findings)
        self._refresh_summaries()

    def _refresh_summaries(self) -> None:
        """Live sums and computed values beside the fields (subclasses)."""

    def findings(self) -> list[Finding]:
        return list(self._findings)

    def is_dirty(self) -> bool:
        return self._snapshot is not None and self.content() != self._snapshot

    def mark_clean(self) -> None:
        self._snapshot = self.content()

    @staticmethod
    def _grid_rows(model: GridModel) -> list[tuple[int, dict[str, Any]]]:
        """(grid row, row) of the filled rows."""
        rows = model.rows()
        return [(i, rows[i]) for i in range(len(rows)) if not model.is_blank(i)]

    # --- findings ---------------------------------------------------------------------------
    def _place(self, f: Finding) -> tuple[str, int, str] | str | None:
        """(list, grid row, key) for a cell, a field name, or None."""
        parts = split_list_field(f.field)
        if parts is not None:
            name, n, key = parts
            rows = self._row_maps.get(name, [])
            return (name, rows[n - 1], key) if 0 < n <= len(rows) else name
        if f.row is not None and self._main_list:
            rows = self._row_maps.get(self._main_list, [])
            if 0 < f.row <= len(rows):
                return self._main_list, rows[f.row - 1], f.field or ""
            return self._main_list
        return f.field

    def show_findings(self, findings: Sequence[Finding]) -> None:
        by_field: dict[str, list[Finding]] = {}
        by_cell: dict[str, dict[tuple[int, str], list[Finding]]] = {name: {} for name in self._grids}
        for f in findings:
            place = self._place(f)
            if isinstance(place, tuple):
                name, row, key = place
                if name in by_cell:
                    by_cell[name].setdefault((row, key), []).append(f)
            elif place:
                by_field.setdefault(place, []).append(f)
        for name, widget in self._fields.items():
            mark(widget, by_field.get(name, []))
        for name, (model, view) in self._grids.items():
            model.set_cell_findings(by_cell[name])
            mark(view, by_field.get(name, []))

    def focus_finding(self, finding: Finding) -> bool:
        place = self._place(finding)
        if isinstance(place, tuple):
            name, row, key = place
            model, view = self._grids[name]
            col = model.column_of(key)
            view.go_to(row, col if col >= 0 else 0)
            view.setFocus()
            return True
        if place in self._grids:
            self._grids[place][1].setFocus()
            return True
        widget = self._fields.get(place or "")
        if widget is not None:
            widget.setFocus()
            return True
        return False

    def describe_place(self, finding: Finding) -> str:
        """Row numbers as the table shows them (its row headers), with the column's label."""
        place = self._place(finding)
        if not isinstance(place, tuple):
            return ""
        name, row, key = place
        model = self._grids[name][0]
        col = model.column_of(key)
        label = model.column(col).label if col >= 0 else field_label(key)
        if not key:
            return QCoreApplication.translate("KindEditor", "%1第 %2 行").replace(
                "%1", self._list_labels.get(name, "")).replace("%2", str(row + 1))
        return (QCoreApplication.translate("KindEditor", "%1第 %2 行“%3”").replace("%1", self._list_labels.get(name, ""))
                .replace("%2", str(row + 1)).replace("%3", label))


def blank_to_none(row: dict[str, Any], keys: Sequence[str]) -> dict[str, Any]:
    """A grid row as a content item: the given keys (blank → None) and any others it carries."""
    out: dict[str, Any] = {k: v for k, v in row.items() if k not in keys}
    for k in keys:
        v = row.get(k)
        out[k] = v if v not in (None, "") else None
    return out
