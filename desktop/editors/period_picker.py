"""A period chooser shaped by the catalog item's timing: a month, a quarter, a year, or an event date.

`set_kind("month" | "quarter" | "year" | "event")` shows the fields that kind needs; `period()` is the
contract's text ('2026-M11', '2026-Q3', '2026', '2026-07-18') and `label()` its Chinese wording.
`default_period(timing, today)` is the period a clerk most likely discloses next.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QSpinBox, QWidget

from models.rules.periods import Period, PeriodError, parse_period, period_kind_for_timing
from models.rules.timing import TimingRule

from .. import clock

QUARTERS = (
    QT_TRANSLATE_NOOP("PeriodPicker", "第一季度"),
    QT_TRANSLATE_NOOP("PeriodPicker", "第二季度"),
    QT_TRANSLATE_NOOP("PeriodPicker", "第三季度"),
    QT_TRANSLATE_NOOP("PeriodPicker", "第四季度"),
)


def default_period(timing: TimingRule, today: date) -> str:
    """The period just ended for periodic items (last month, last quarter, the year an item covers);
    today for event-driven ones."""
    kind = period_kind_for_timing(timing.kind)
    if kind == "month":
        y, m = (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)
        return f"{y}-M{m:02d}"
    if kind == "quarter":
        q = (today.month - 1) // 3
        return f"{today.year}-Q{q}" if q else f"{today.year - 1}-Q4"
    if kind == "year":
        return str(today.year - 1 if timing.year_offset else today.year)
    return today.isoformat()


class PeriodPicker(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._kind = "month"
        self.year_spin = QSpinBox()
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setSuffix(self.tr("年"))
        self.year_spin.setAccessibleName(self.tr("年份"))
        self.month_combo = QComboBox()
        for m in range(1, 13):
            self.month_combo.addItem(self.tr("%1月").replace("%1", str(m)), m)
        self.month_combo.setAccessibleName(self.tr("月份"))
        self.quarter_combo = QComboBox()
        for q, text in enumerate(QUARTERS, start=1):
            self.quarter_combo.addItem(QCoreApplication.translate("PeriodPicker", text), q)
        self.quarter_combo.setAccessibleName(self.tr("季度"))
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setAccessibleName(self.tr("事项日期"))
        self.date_edit.setToolTip(self.tr("信息形成（事项发生）的日期，公开时限从这天算起"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for w in (self.year_spin, self.month_combo, self.quarter_combo, self.date_edit):
            layout.addWidget(w)
        layout.addStretch(1)
        self.year_spin.valueChanged.connect(self.changed)
        self.month_combo.currentIndexChanged.connect(self.changed)
        self.quarter_combo.currentIndexChanged.connect(self.changed)
        self.date_edit.dateChanged.connect(self.changed)
        self.set_kind("month")
        self.set_period(default_period(TimingRule("monthly"), clock.today()))

    def kind(self) -> str:
        return self._kind

    def set_kind(self, kind: str) -> None:
        """month | quarter | year | event; the value carries over where it can (same year)."""
        self._kind = kind
        self.year_spin.setVisible(kind != "event")
        self.month_combo.setVisible(kind == "month")
        self.quarter_combo.setVisible(kind == "quarter")
        self.date_edit.setVisible(kind == "event")
        self.setFocusProxy(self.date_edit if kind == "event" else self.year_spin)
        self.changed.emit()

    def set_period(self, text: str) -> None:
        try:
            p = parse_period(text)
        except PeriodError:
            return
        self.blockSignals(True)
        self.set_kind(p.kind)
        self.year_spin.setValue(p.start.year)
        if p.kind == "month":
            self.month_combo.setCurrentIndex(p.start.month - 1)
        elif p.kind == "quarter":
            self.quarter_combo.setCurrentIndex((p.start.month - 1) // 3)
        elif p.kind == "event":
            self.date_edit.setDate(QDate(p.start.year, p.start.month, p.start.day))
        self.blockSignals(False)
        self.changed.emit()

    def period(self) -> str:
        y = self.year_spin.value()
        if self._kind == "month":
            return f"{y}-M{self.month_combo.currentData():02d}"
        if self._kind == "quarter":
            return f"{y}-Q{self.quarter_combo.currentData()}"
        if self._kind == "year":
            return str(y)
        return self.date_edit.date().toPython().isoformat()

    def parsed(self) -> Period:
        return parse_period(self.period())

    def label(self) -> str:
        """Chinese wording of the period (the notice's), e.g. 2026年10月."""
        return self.parsed().label

    def widgets(self) -> list[QWidget]:
        """The fields in tab order (hidden ones are skipped by Qt)."""
        return [self.year_spin, self.month_combo, self.quarter_combo, self.date_edit]
