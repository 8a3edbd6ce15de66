"""The project editor (工程项目): the project's particulars, its funding sources and uses, and its stages.

Money is in the unit the clerk picks (元 or 万元); the tables' headers say which, and the lines under
them compare the sums of the sources and of the uses with the stated total as the clerk types. A
project with uses is a funding notice (资金安排公示): sources = uses = 资金总额 (`check_project`), and
each line may carry its 文号.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from models.rules.kinds import UNITS, Finding, check_project, content_items, is_funding_plan, money_text
from models.services.disclosures import DisclosureData

from ...qtmodels.grid_model import GridColumn, GridModel
from ..grid_view import GridView
from .base import ContentEditor, EditorContext, blank_to_none, row_buttons
from .fields import DateEdit, NumberEdit, decimal_or_text

_UNIT_LABELS = (QT_TRANSLATE_NOOP("Units", "元"), QT_TRANSLATE_NOOP("Units", "万元"))
TOP_KEYS = ("name", "location", "content", "unit", "budget", "contractor", "bidding", "start", "end",
            "sources", "uses", "stages")
FUNDING_KEYS = ("name", "doc_no", "amount")


def unit_combo() -> QComboBox:
    combo = QComboBox()
    for unit in UNITS:
        combo.addItem(QCoreApplication.translate("Units", unit), unit)
    return combo


def source_columns(unit: str, *, names: tuple[tuple[str, str], ...] = (), doc_no: bool = False,
                   label: str | None = None) -> list[GridColumn]:
    """A funding list's columns: the line's name (资金来源, or 资金用途 for uses), its 文号 when asked,
    and the amount in the plan's unit."""
    columns = [GridColumn("name", label or QCoreApplication.translate("ProjectEditor", "资金来源"),
                          "choice" if names else "text", names, width=16, free_choice=True)]
    if doc_no:
        columns.append(GridColumn("doc_no", QCoreApplication.translate("ProjectEditor", "文号"), width=16,
                                  hint=QCoreApplication.translate("ProjectEditor", "如：偃财预〔2026〕15号（可不填）")))
    columns.append(GridColumn("amount", QCoreApplication.translate("ProjectEditor", "金额（%1）").replace(
        "%1", QCoreApplication.translate("Units", unit)), "money", width=14))
    return columns


def use_columns(unit: str) -> list[GridColumn]:
    return source_columns(unit, doc_no=True, label=QCoreApplication.translate("ProjectEditor", "资金用途"))


def sum_sources(model: GridModel) -> tuple[Decimal, bool]:
    """(sum of the amounts that can be read, whether every filled amount could be read)."""
    total, ok = Decimal("0"), True
    for i in range(model.rowCount()):
        v = decimal_or_text(model.text(i, "amount"))
        if isinstance(v, Decimal):
            total += v
        elif v is not None:
            ok = False
    return total, ok


def sources_line(label_total: str, total: Any, sources: Decimal, ok: bool, unit: str, *,
                 uses: bool = False) -> tuple[str, str]:
    """The live comparison under a sources (or uses) table, and its style."""
    unit_text = QCoreApplication.translate("Units", unit)
    what = (QCoreApplication.translate("ProjectEditor", "资金用途合计 %1 %2") if uses
            else QCoreApplication.translate("ProjectEditor", "资金来源合计 %1 %2"))
    text = what.replace("%1", money_text(sources)).replace("%2", unit_text)
    if not ok:
        return text + "  " + QCoreApplication.translate("ProjectEditor", "（有金额无法识别）"), "color: #c62828; font-weight: bold;"
    if isinstance(total, Decimal):
        if sources == total:
            return (text + "  " + QCoreApplication.translate("ProjectEditor", "＝ %1 %2 ✓").replace("%1", label_total)
                    .replace("%2", money_text(total)), "color: #2e7d32; font-weight: bold;")
        return (text + "  " + QCoreApplication.translate("ProjectEditor", "≠ %1 %2 ✗（相差 %3）").replace("%1", label_total)
                .replace("%2", money_text(total)).replace("%3", money_text(sources - total)),
                "color: #c62828; font-weight: bold;")
    return text, "font-weight: bold;"


class ProjectEditor(ContentEditor):
    def __init__(self, undo_stack: QUndoStack, context: EditorContext, parent: QWidget | None = None):
        super().__init__(undo_stack, context, parent)
        self._extra: dict[str, Any] = {}
        self.name_edit = QLineEdit()
        self.location_edit = QLineEdit()
        self.content_edit = QPlainTextEdit()
        self.content_edit.setTabChangesFocus(True)
        self.content_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
        self.unit_combo = unit_combo()
        self.budget_edit = NumberEdit()
        self.contractor_edit = QLineEdit()
        self.bidding_edit = QLineEdit()
        self.bidding_edit.setPlaceholderText(self.tr("如：公开招标，2026年3月5日开标，3家投标"))
        self.start_edit = DateEdit()
        self.end_edit = DateEdit()
        self.budget_label = QLabel()

        left = QFormLayout()
        left.addRow(self._label(self.tr("项目名称(&N)"), self.name_edit), self.name_edit)
        left.addRow(self._label(self.tr("项目地点(&L)"), self.location_edit), self.location_edit)
        left.addRow(self._label(self.tr("建设内容(&C)"), self.content_edit), self.content_edit)
        right = QFormLayout()
        money_row = QHBoxLayout()
        money_row.addWidget(self.budget_edit, 1)
        money_row.addWidget(self.unit_combo)
        self.budget_label.setText(self.tr("总投资(&M)"))
        self.budget_label.setBuddy(self.budget_edit)
        right.addRow(self.budget_label, money_row)
        right.addRow(self._label(self.tr("施工单位(&W)"), self.contractor_edit), self.contractor_edit)
        right.addRow(self._label(self.tr("招投标情况(&G)"), self.bidding_edit), self.bidding_edit)
        dates = QHBoxLayout()
        dates.addWidget(self.start_edit)
        dates.addWidget(QLabel(self.tr("至")))
        dates.addWidget(self.end_edit)
        right.addRow(self._label(self.tr("开工、竣工日期(&D)"), self.start_edit), dates)
        top = QHBoxLayout()
        top.addLayout(left, 1)
        top.addSpacing(16)
        top.addLayout(right, 1)

        self.sources_model = GridModel(source_columns("元", doc_no=True), undo_stack, self)
        self.sources_view = GridView()
        self._grid("sources", self.sources_model, self.sources_view, self.tr("资金来源"))
        self.sources_sum = QLabel()
        self.sources_sum.setObjectName("sourcesSum")
        src_buttons, self.src_add, self.src_remove = row_buttons(self.sources_view, add_text=self.tr("添加来源"))
        self.uses_model = GridModel(use_columns("元"), undo_stack, self)
        self.uses_view = GridView()
        self._grid("uses", self.uses_model, self.uses_view, self.tr("资金用途"))
        self.uses_sum = QLabel()
        self.uses_sum.setObjectName("usesSum")
        use_buttons, self.use_add, self.use_remove = row_buttons(self.uses_view, add_text=self.tr("添加用途"))
        self.stages_model = GridModel([
            GridColumn("name", self.tr("阶段"), width=14),
            GridColumn("date", self.tr("日期"), "date", width=11),
            GridColumn("result", self.tr("情况"), width=24),
        ], undo_stack, self)
        self.stages_view = GridView()
        self._grid("stages", self.stages_model, self.stages_view, self.tr("项目阶段"))
        st_buttons, self.st_add, self.st_remove = row_buttons(self.stages_view, add_text=self.tr("添加阶段"))

        sources_box = QGroupBox(self.tr("资金来源"))
        sl = QVBoxLayout(sources_box)
        sl.addWidget(self.sources_view, 1)
        sl.addWidget(self.sources_sum)
        sl.addWidget(src_buttons)
        uses_box = QGroupBox(self.tr("资金用途（资金安排公示填写）"))
        uses_box.setToolTip(self.tr("填写用途即为资金安排公示：资金来源合计＝资金用途合计＝资金总额"))
        ul = QVBoxLayout(uses_box)
        ul.addWidget(self.uses_view, 1)
        ul.addWidget(self.uses_sum)
        ul.addWidget(use_buttons)
        stages_box = QGroupBox(self.tr("项目阶段（每个阶段完成后公开）"))
        stl = QVBoxLayout(stages_box)
        stl.addWidget(self.stages_view, 1)
        stl.addWidget(st_buttons)
        tables = QGridLayout()
        # side by side: each table keeps the editor's full height for its rows (1366×768)
        tables.addWidget(sources_box, 0, 0)
        tables.addWidget(uses_box, 0, 1)
        tables.addWidget(stages_box, 0, 2)
        for column in range(3):
            tables.setColumnStretch(column, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(tables, 1)

        for name, widget in (("name", self.name_edit), ("location", self.location_edit),
                             ("content", self.content_edit), ("unit", self.unit_combo),
                             ("budget", self.budget_edit), ("contractor", self.contractor_edit),
                             ("bidding", self.bidding_edit), ("start", self.start_edit), ("end", self.end_edit)):
            self._field(name, widget)
        self.unit_combo.currentIndexChanged.connect(self._unit_changed)

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    def unit(self) -> str:
        return self.unit_combo.currentData() or "元"

    def _unit_changed(self) -> None:
        self.sources_model.set_columns(source_columns(self.unit(), doc_no=True))
        self.sources_view.fit_columns()
        self.uses_model.set_columns(use_columns(self.unit()))
        self.uses_view.fit_columns()

    # --- content --------------------------------------------------------------------------------
    def load(self, data: DisclosureData) -> None:
        self._loading = True
        c = dict(data.content or {})
        self._extra = {k: v for k, v in c.items() if k not in TOP_KEYS}
        self.name_edit.setText(c.get("name") or "")
        self.location_edit.setText(c.get("location") or "")
        self.content_edit.setPlainText(c.get("content") or "")
        i = self.unit_combo.findData(c.get("unit") or "元")
        self.unit_combo.setCurrentIndex(max(0, i))
        self._unit_changed()
        self.budget_edit.set_value(c.get("budget"))
        self.contractor_edit.setText(c.get("contractor") or "")
        self.bidding_edit.setText(c.get("bidding") or "")
        self.start_edit.set_value(c.get("start"))
        self.end_edit.set_value(c.get("end"))
        self.sources_model.set_rows([dict(r) for r in content_items(c.get("sources"))] or [{}])
        self.uses_model.set_rows([dict(r) for r in content_items(c.get("uses"))] or [{}])
        self.stages_model.set_rows([dict(r) for r in content_items(c.get("stages"))] or [{}])
        self._after_load()

    def content(self) -> dict[str, Any]:
        sources = self._grid_rows(self.sources_model)
        uses = self._grid_rows(self.uses_model)
        stages = self._grid_rows(self.stages_model)
        self._row_maps["sources"] = [i for i, _ in sources]
        self._row_maps["uses"] = [i for i, _ in uses]
        self._row_maps["stages"] = [i for i, _ in stages]
        return {
            **self._extra,
            "name": self.name_edit.text().strip(), "location": self.location_edit.text().strip(),
            "content": self.content_edit.toPlainText().strip(), "unit": self.unit(),
            "budget": self.budget_edit.value(), "contractor": self.contractor_edit.text().strip(),
            "bidding": self.bidding_edit.text().strip(), "start": self.start_edit.value(),
            "end": self.end_edit.value(),
            "sources": [_funding_line(r) for _i, r in sources],
            **({"uses": [_funding_line(r) for _i, r in uses]} if uses else {}),
            "stages": [blank_to_none(r, ("name", "date", "result")) for _i, r in stages],
        }

    def _check(self, content: dict[str, Any]) -> list[Finding]:
        return check_project(content)

    def _refresh_summaries(self) -> None:
        funding = is_funding_plan(self.content())
        stated = self.tr("资金总额") if funding else self.tr("总投资")
        self.budget_label.setText(self.tr("资金总额(&M)") if funding else self.tr("总投资(&M)"))
        total, ok = sum_sources(self.sources_model)
        text, style = sources_line(stated, self.budget_edit.value(), total, ok, self.unit())
        self.sources_sum.setText(text)
        self.sources_sum.setStyleSheet(style)
        if funding:
            used, ok = sum_sources(self.uses_model)
            text, style = sources_line(stated, self.budget_edit.value(), used, ok, self.unit(), uses=True)
        else:
            text, style = self.tr("未填写用途：按工程项目公示"), "color: #6b6b6b;"
        self.uses_sum.setText(text)
        self.uses_sum.setStyleSheet(style)

    def tab_chain(self) -> list[QWidget]:
        return [self.name_edit, self.location_edit, self.content_edit, self.budget_edit, self.unit_combo,
                self.contractor_edit, self.bidding_edit, self.start_edit, self.end_edit,
                self.sources_view, self.src_add, self.src_remove, self.uses_view, self.use_add, self.use_remove,
                self.stages_view, self.st_add, self.st_remove]


def _funding_line(row: dict[str, Any]) -> dict[str, Any]:
    """A sources or uses line as stored: a blank 文号 is left out (most lines have none)."""
    line = blank_to_none(row, FUNDING_KEYS)
    if line.get("doc_no") is None:
        line.pop("doc_no", None)
    return line
