"""The holidays (放假) and make-up working days (调休上班) an admin entered for one year."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from models.services.calendar import DAY_KIND_LABELS, CalendarDayData

DayRole = Qt.ItemDataRole.UserRole + 1

COL_DAY, COL_WEEKDAY, COL_KIND, COL_NOTE, COL_BY = range(5)
HEADERS = (
    QT_TRANSLATE_NOOP("CalendarDayModel", "日期"),
    QT_TRANSLATE_NOOP("CalendarDayModel", "星期"),
    QT_TRANSLATE_NOOP("CalendarDayModel", "类型"),
    QT_TRANSLATE_NOOP("CalendarDayModel", "备注"),
    QT_TRANSLATE_NOOP("CalendarDayModel", "录入人"),
)
WEEKDAYS = (
    QT_TRANSLATE_NOOP("CalendarDayModel", "星期一"),
    QT_TRANSLATE_NOOP("CalendarDayModel", "星期二"),
    QT_TRANSLATE_NOOP("CalendarDayModel", "星期三"),
    QT_TRANSLATE_NOOP("CalendarDayModel", "星期四"),
    QT_TRANSLATE_NOOP("CalendarDayModel", "星期五"),
    QT_TRANSLATE_NOOP("CalendarDayModel", "星期六"),
    QT_TRANSLATE_NOOP("CalendarDayModel", "星期日"),
)
# calendar.DAY_KIND_LABELS, listed so lupdate collects them.
_KIND_TEXTS = (
    QT_TRANSLATE_NOOP("CalendarDayModel", "放假"),
    QT_TRANSLATE_NOOP("CalendarDayModel", "调休上班"),
)
KIND_COLORS = {"holiday": "#c62828", "workday": "#1565c0"}

Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("CalendarDayModel", text)


def day_kind_text(kind: str) -> str:
    return _tr(DAY_KIND_LABELS.get(kind, kind))


def weekday_text(weekday: int) -> str:
    return _tr(WEEKDAYS[weekday])


class CalendarDayModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._days: list[CalendarDayData] = []

    def set_days(self, days: Iterable[CalendarDayData]) -> None:
        self.beginResetModel()
        self._days = list(days)
        self.endResetModel()

    def days(self) -> list[CalendarDayData]:
        return list(self._days)

    def row_of(self, day) -> int | None:
        for n, d in enumerate(self._days):
            if d.day == day:
                return n
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._days)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._days):
            return None
        d = self._days[index.row()]
        col = index.column()
        if role == DayRole:
            return d
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_DAY:
                return d.day.isoformat()
            if col == COL_WEEKDAY:
                return weekday_text(d.day.weekday())
            if col == COL_KIND:
                return day_kind_text(d.kind)
            if col == COL_NOTE:
                return d.note or ""
            if col == COL_BY:
                return d.entered_by
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_KIND:
            return QColor(KIND_COLORS.get(d.kind, "#000000"))
        return None
