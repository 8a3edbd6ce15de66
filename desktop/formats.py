"""Dates and periods as the GUI writes them, in the interface language.

Chinese is the source: 2026年7月18日, 7月18日, 2026年10月, 2026年第三季度, 2026年度. The English
translation turns them into 7/18/2026, Q3 2026 and so on. Services' own texts (period labels in
notices, messages) stay as the services write them.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from models.rules.periods import PeriodError, parse_period

_QUARTERS = (
    QT_TRANSLATE_NOOP("Periods", "%1年第一季度"),
    QT_TRANSLATE_NOOP("Periods", "%1年第二季度"),
    QT_TRANSLATE_NOOP("Periods", "%1年第三季度"),
    QT_TRANSLATE_NOOP("Periods", "%1年第四季度"),
)


def cn_date(day: date, *, year: bool = True) -> str:
    """2026年7月18日 (or 7月18日 without the year)."""
    if year:
        text = QCoreApplication.translate("Dates", "%1年%2月%3日").replace("%1", str(day.year))
    else:
        text = QCoreApplication.translate("Dates", "%2月%3日")
    return text.replace("%2", str(day.month)).replace("%3", str(day.day))


def short_date(day: date | None, today: date | None = None) -> str:
    """7月18日 within today's year, 2025年7月18日 otherwise ('' for no date)."""
    if day is None:
        return ""
    return cn_date(day, year=today is None or day.year != today.year)


def period_label(period: str) -> str:
    """'2026-M10' → 2026年10月, '2026-Q3' → 2026年第三季度, '2026' → 2026年度, a date → 2026年7月18日;
    text that is not a period stays as it is."""
    try:
        p = parse_period(period)
    except PeriodError:
        return period
    y = str(p.start.year)
    if p.kind == "month":
        return QCoreApplication.translate("Periods", "%1年%2月").replace("%1", y).replace("%2", str(p.start.month))
    if p.kind == "quarter":
        return QCoreApplication.translate("Periods", _QUARTERS[(p.start.month - 1) // 3]).replace("%1", y)
    if p.kind == "year":
        return QCoreApplication.translate("Periods", "%1年度").replace("%1", y)
    return cn_date(p.start)
