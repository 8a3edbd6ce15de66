"""Disclosure periods as the contract writes them: '2026-M11', '2026-Q3', '2026', or an event date.

A period is parsed into its first and last day; periodic catalog items use the first three forms,
event-driven ones (within N days, immediately, per stage) use the date the information was formed.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from .limits import year_problem


class PeriodError(ValueError):
    pass


@dataclass(frozen=True, order=True)
class Period:
    start: date
    end: date
    text: str
    kind: str  # month | quarter | year | event

    @property
    def label(self) -> str:
        """Chinese wording for notices: 2026年11月, 2026年第三季度, 2026年度, 2026年7月18日."""
        y = self.start.year
        if self.kind == "month":
            return f"{y}年{self.start.month}月"
        if self.kind == "quarter":
            q = (self.start.month - 1) // 3 + 1
            return f"{y}年第{'一二三四'[q - 1]}季度"
        if self.kind == "year":
            return f"{y}年度"
        return f"{y}年{self.start.month}月{self.start.day}日"


def month_period(year: int, month: int) -> Period:
    last = calendar.monthrange(year, month)[1]
    return Period(date(year, month, 1), date(year, month, last), f"{year}-M{month:02d}", "month")


def quarter_period(year: int, quarter: int) -> Period:
    first = 3 * (quarter - 1) + 1
    last_month = first + 2
    end = date(year, last_month, calendar.monthrange(year, last_month)[1])
    return Period(date(year, first, 1), end, f"{year}-Q{quarter}", "quarter")


def year_period(year: int) -> Period:
    return Period(date(year, 1, 1), date(year, 12, 31), f"{year}", "year")


def event_period(day: date) -> Period:
    return Period(day, day, day.isoformat(), "event")


def parse_period(text: str) -> Period:
    t = (text or "").strip().upper()
    if (m := re.match(r"(\d{4})", t)) and (out_of_range := year_problem(int(m.group(1)), f"期间“{text}”")):
        raise PeriodError(out_of_range)
    try:
        if m := re.fullmatch(r"(\d{4})-M(\d{1,2})", t):
            y, mo = int(m.group(1)), int(m.group(2))
            if not 1 <= mo <= 12:
                raise PeriodError(f"月份应为 1–12：“{text}”")
            return month_period(y, mo)
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", t):
            return quarter_period(int(m.group(1)), int(m.group(2)))
        if m := re.fullmatch(r"(\d{4})", t):
            return year_period(int(m.group(1)))
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", t):
            return event_period(date(int(m.group(1)), int(m.group(2)), int(m.group(3))))
    except ValueError as exc:
        if isinstance(exc, PeriodError):
            raise
        raise PeriodError(f"期间“{text}”不是有效日期") from None
    raise PeriodError(f"无法识别的期间“{text}”：应写作 2026-M11（月）、2026-Q3（季度）、2026（年）或 2026-07-18（事项日期）")


def parse_month(text: str) -> date:
    """The first day of a month written YYYY-MM (2026-12, or 2026-7); PeriodError with a Chinese
    message naming the expected form otherwise."""
    t = (text or "").strip()
    m = re.fullmatch(r"(\d{4})-(\d{1,2})", t)
    if not m or not 1 <= int(m.group(2)) <= 12 or int(m.group(1)) < 1:
        raise PeriodError(f"月份应写作 YYYY-MM，例如 2026-12，而不是“{text}”")
    if out_of_range := year_problem(int(m.group(1)), f"月份“{text}”"):
        raise PeriodError(out_of_range)
    return date(int(m.group(1)), int(m.group(2)), 1)


def month_text(day: date) -> str:
    """YYYY-MM of ``day``'s month: the form `parse_month` reads."""
    return f"{day.year:04d}-{day.month:02d}"


def period_kind_for_timing(timing_kind: str) -> str:
    return {"monthly": "month", "quarterly": "quarter", "yearly": "year"}.get(timing_kind, "event")
