"""The 收支明细 grid of a finance record: date, voucher, summary, class, income, expense, and a
running balance computed from the opening balance (read-only, blue) so the clerk sees where the
book and the paper part ways, row by row."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor, QUndoStack

from models.rules.kinds import FINANCE_CLASSES
from models.rules.money import format_money_cn, parse_decimal

from .grid_model import GridColumn, GridModel

_CTX = "FinanceModel"
# kinds.FINANCE_CLASSES, listed for lupdate.
_CLASS_LABELS = (
    QT_TRANSLATE_NOOP("FinanceModel", "财务计划"), QT_TRANSLATE_NOOP("FinanceModel", "各项收入"),
    QT_TRANSLATE_NOOP("FinanceModel", "各项支出"), QT_TRANSLATE_NOOP("FinanceModel", "各项资产"),
    QT_TRANSLATE_NOOP("FinanceModel", "各类资源"), QT_TRANSLATE_NOOP("FinanceModel", "债权债务"),
    QT_TRANSLATE_NOOP("FinanceModel", "收益分配"), QT_TRANSLATE_NOOP("FinanceModel", "其他"),
)
BALANCE = "_balance"  # computed column key: never stored


def finance_columns() -> list[GridColumn]:
    classes = tuple((c, QCoreApplication.translate(_CTX, c)) for c in FINANCE_CLASSES)
    return [
        GridColumn("date", QCoreApplication.translate("FinanceModel", "日期"), "date", width=11, hint=QCoreApplication.translate("FinanceModel", "如 2026-07-18")),
        GridColumn("voucher", QCoreApplication.translate("FinanceModel", "凭证号"), width=8),
        GridColumn("summary", QCoreApplication.translate("FinanceModel", "摘要"), width=26, stretch=True),
        GridColumn("class", QCoreApplication.translate("FinanceModel", "类别"), "choice", classes, width=10,
                   hint=QCoreApplication.translate("FinanceModel", "财务公开的 8 类：财务计划、各项收入、各项支出、各项资产、各类资源、债权债务、收益分配、其他")),
        GridColumn("income", QCoreApplication.translate("FinanceModel", "收入（元）"), "money", width=13),
        GridColumn("expense", QCoreApplication.translate("FinanceModel", "支出（元）"), "money", width=13),
        GridColumn(BALANCE, QCoreApplication.translate("FinanceModel", "余额（元）"), "money", editable=False, width=14,
                   hint=QCoreApplication.translate("FinanceModel", "按期初余额和各行收支自动计算")),
    ]


def _amount(text: str) -> Decimal | None | bool:
    """Decimal, None for blank, False when unreadable."""
    if not text:
        return None
    try:
        return parse_decimal(text, field="")
    except ValueError:
        return False


class FinanceRowsModel(GridModel):
    def __init__(self, undo_stack: QUndoStack | None = None, parent=None,
                 columns: Sequence[GridColumn] | None = None):
        super().__init__(columns or finance_columns(), undo_stack, parent)
        self._opening: Decimal | None = None
        self._balances: list[Decimal | None] = []

    def set_opening(self, opening: Decimal | None) -> None:
        self._opening = opening
        self._recompute()
        col = self.column_of(BALANCE)
        if self.rowCount():
            self.dataChanged.emit(self.index(0, col), self.index(self.rowCount() - 1, col))

    def sums(self) -> tuple[int, Decimal, Decimal]:
        """(filled rows, Σ income, Σ expense) of what can be read."""
        n, income, expense = 0, Decimal("0.00"), Decimal("0.00")
        for i in range(self.rowCount()):
            if self.is_blank(i):
                continue
            n += 1
            inc, exp = _amount(self.text(i, "income")), _amount(self.text(i, "expense"))
            income += inc if isinstance(inc, Decimal) else 0
            expense += exp if isinstance(exp, Decimal) else 0
        return n, income, expense

    def computed(self, row: int, key: str) -> str | None:
        if key != BALANCE or row >= len(self._balances) or self.is_blank(row):
            return None
        b = self._balances[row]
        return format_money_cn(b) if b is not None else None

    def computed_tip(self, row: int, key: str) -> str:
        if key == BALANCE:
            return QCoreApplication.translate("FinanceModel", "期初余额加上到本行为止的收入，减去支出")
        return ""

    def computed_color(self, row: int, key: str) -> QColor | None:
        b = self._balances[row] if row < len(self._balances) else None
        return QColor("#c62828") if b is not None and b < 0 else QColor("#1565c0")

    def _recompute(self) -> None:
        balances: list[Decimal | None] = []
        running = self._opening
        for i in range(self.rowCount()):
            if running is not None and not self.is_blank(i):
                inc, exp = _amount(self.text(i, "income")), _amount(self.text(i, "expense"))
                if inc is False or exp is False:
                    running = None  # an unreadable amount: the balance from here on is unknown
                else:
                    running = running + (inc or 0) - (exp or 0)
            balances.append(running if not self.is_blank(i) else None)
        self._balances = balances

    def _after_change(self) -> None:
        self._recompute()
        col = self.column_of(BALANCE)
        if self.rowCount():
            self.dataChanged.emit(self.index(0, col), self.index(self.rowCount() - 1, col))
        super()._after_change()
