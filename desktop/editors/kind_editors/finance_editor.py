"""The finance editor (财务收支): opening and closing balances and the 收支明细 table.

The closing balance is what the books say; beside it the editor shows the balance the rows give
(opening + Σ收入 − Σ支出) and whether the two agree, and the check (`check_finance`) puts a
finding on the closing field when they differ.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QGridLayout, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from models.rules.kinds import Finding, check_finance, content_items
from models.rules.money import format_money_cn
from models.services.disclosures import DisclosureData

from ...qtmodels.finance_model import FinanceRowsModel
from ..grid_view import GridView
from .base import ContentEditor, EditorContext, blank_to_none, row_buttons
from .fields import NumberEdit

ROW_KEYS = ("date", "voucher", "summary", "class", "income", "expense")


class FinanceEditor(ContentEditor):
    _main_list = "rows"

    def __init__(self, undo_stack: QUndoStack, context: EditorContext, parent: QWidget | None = None):
        super().__init__(undo_stack, context, parent)
        self._extra: dict[str, Any] = {}
        self.opening_edit = NumberEdit()
        self.opening_edit.setAccessibleName(self.tr("期初余额"))
        self.closing_edit = NumberEdit()
        self.closing_edit.setAccessibleName(self.tr("期末余额"))
        self.computed_label = QLabel()
        self.computed_label.setObjectName("computedClosing")
        self.computed_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        opening_label = QLabel(self.tr("期初余额（元）(&O)"))
        opening_label.setBuddy(self.opening_edit)
        closing_label = QLabel(self.tr("期末余额（元）(&E)"))
        closing_label.setBuddy(self.closing_edit)
        self.closing_edit.setToolTip(self.tr("账面期末余额；应等于期初余额加收入减支出"))
        for edit in (self.opening_edit, self.closing_edit):
            edit.setFixedWidth(self.fontMetrics().horizontalAdvance("0") * 18 + 16)

        balances = QGridLayout()
        balances.addWidget(opening_label, 0, 0)
        balances.addWidget(self.opening_edit, 0, 1)
        balances.addWidget(closing_label, 0, 2)
        balances.addWidget(self.closing_edit, 0, 3)
        balances.addWidget(self.computed_label, 0, 4)
        balances.setColumnStretch(4, 1)
        balances.setHorizontalSpacing(10)

        self.model = FinanceRowsModel(undo_stack, self)
        self.view = GridView()
        self.view.setAccessibleName(self.tr("收支明细"))
        self._grid("rows", self.model, self.view, self.tr("收支明细"))
        buttons, self.add_button, self.remove_button = row_buttons(self.view, add_text=self.tr("添加一笔"))
        self.totals_label = QLabel()
        self.totals_label.setObjectName("financeTotals")
        self.totals_label.setStyleSheet("font-weight: bold;")
        bottom = QHBoxLayout()
        bottom.addWidget(buttons)
        bottom.addStretch(1)
        bottom.addWidget(self.totals_label)

        box = QGroupBox(self.tr("收支明细"))
        bl = QVBoxLayout(box)
        bl.addWidget(self.view, 1)
        bl.addLayout(bottom)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(balances)
        layout.addWidget(box, 1)

        self._field("opening", self.opening_edit)
        self._field("closing", self.closing_edit)
        self.opening_edit.textChanged.connect(lambda _t: self.model.set_opening(self._opening()))

    def _opening(self) -> Decimal | None:
        v = self.opening_edit.value()
        return v if isinstance(v, Decimal) else None

    # --- content --------------------------------------------------------------------------------
    def load(self, data: DisclosureData) -> None:
        self._loading = True
        c = dict(data.content or {})
        self._extra = {k: v for k, v in c.items() if k not in ("opening", "closing", "rows")}
        self.opening_edit.set_value(c.get("opening"))
        self.closing_edit.set_value(c.get("closing"))
        rows = [dict(r) for r in content_items(c.get("rows"))]
        self.model.set_rows(rows or [{}])
        self.model.set_opening(self._opening())
        self._after_load()

    def content(self) -> dict[str, Any]:
        filled = self._grid_rows(self.model)
        self._row_maps["rows"] = [i for i, _r in filled]
        return {**self._extra, "opening": self.opening_edit.value(), "closing": self.closing_edit.value(),
                "rows": [blank_to_none(r, ROW_KEYS) for _i, r in filled]}

    def _check(self, content: dict[str, Any]) -> list[Finding]:
        return check_finance(content, period_start=self.context.period_start, period_end=self.context.period_end)

    def set_period(self, start, end) -> None:
        super().set_period(start, end)
        if not self._loading and self._snapshot is not None:
            self._recheck()

    def _refresh_summaries(self) -> None:
        n, income, expense = self.model.sums()
        self.totals_label.setText(self.tr("共 %1 笔 · 收入合计 %2 元 · 支出合计 %3 元")
                                  .replace("%1", str(n)).replace("%2", format_money_cn(income))
                                  .replace("%3", format_money_cn(expense)))
        opening = self._opening()
        if opening is None:
            self.computed_label.setText(self.tr("填写期初余额后自动核对期末余额"))
            self.computed_label.setStyleSheet("color: #6b6b6b;")
            return
        expected = opening + income - expense
        text = self.tr("按明细计算：%1 元").replace("%1", format_money_cn(expected))
        closing = self.closing_edit.value()
        if isinstance(closing, Decimal):
            if closing == expected:
                text += "  " + self.tr("✓ 与期末余额相符")
                style = "color: #2e7d32; font-weight: bold;"
            else:
                text += "  " + self.tr("✗ 相差 %1 元").replace("%1", format_money_cn(closing - expected))
                style = "color: #c62828; font-weight: bold;"
        else:
            style = ""
        self.computed_label.setText(text)
        self.computed_label.setStyleSheet(style)

    def tab_chain(self) -> list[QWidget]:
        return [self.opening_edit, self.closing_edit, self.view, self.add_button, self.remove_button]
