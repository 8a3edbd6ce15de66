"""The holidays (放假) and make-up working days (调休上班) an admin entered for one year."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

from models.services.calendar import DAY_KIND_LABELS, CalendarDayData

from .base import ListTableModel, ObjectRole

DayRole = ObjectRole

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


def _tr(text: str) -> str:
    return QCoreApplication.translate("CalendarDayModel", text)


def day_kind_text(kind: str) -> str:
    return _tr(DAY_KIND_LABELS.get(kind, kind))


def weekday_text(weekday: int) -> str:
    return _tr(WEEKDAYS[weekday])


class CalendarDayModel(ListTableModel[CalendarDayData]):
    HEADERS = HEADERS
    TR_CONTEXT = "CalendarDayModel"

    def set_days(self, days: Iterable[CalendarDayData]) -> None:
        self.set_rows(days)

    def days(self) -> list[CalendarDayData]:
        return self.rows()

    def key_of(self, d: CalendarDayData) -> date:
        return d.day

    def display(self, d: CalendarDayData, col: int) -> str | None:
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
        return None

    def foreground(self, d: CalendarDayData, col: int) -> QColor | None:
        return QColor(KIND_COLORS.get(d.kind, "#000000")) if col == COL_KIND else None
