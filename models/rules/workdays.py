"""China's official working-day calendar for disclosure deadlines.

Working days follow the State Council holiday schedule, including make-up
working weekends (调休), as published by the ``chinese_calendar`` package.
That table ends soon after each release, so an admin can enter holidays and
make-up working days for later years; entered dates override everything else.
In a year neither source knows, Monday–Friday count as working days and the
calendar reports that it is falling back (see ``fallback_years``).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from datetime import date, datetime, timedelta

import chinese_calendar

# The library supports exactly the years its holiday table spans.
LIBRARY_FIRST_YEAR: int = min(chinese_calendar.holidays).year
LIBRARY_LAST_YEAR: int = max(chinese_calendar.holidays).year

_ONE_DAY = timedelta(days=1)


@functools.cache
def _library_is_workday(day: date) -> bool:
    # chinese_calendar scans its whole table on every call to check the year: cache it.
    return chinese_calendar.is_workday(day)


def _as_date(value: date) -> date:
    return value.date() if isinstance(value, datetime) else value


class WorkdayCalendar:
    """Working days per the official calendar plus admin-entered dates."""

    def __init__(
        self,
        extra_holidays: Iterable[date] = (),
        extra_workdays: Iterable[date] = (),
    ) -> None:
        self._extra_holidays = frozenset(_as_date(d) for d in extra_holidays)
        self._extra_workdays = frozenset(_as_date(d) for d in extra_workdays)
        clash = self._extra_holidays & self._extra_workdays
        if clash:
            days = "、".join(d.isoformat() for d in sorted(clash))
            raise ValueError(f"以下日期同时录入为放假日和调休上班日：{days}")
        self._admin_years = frozenset(d.year for d in self._extra_holidays | self._extra_workdays)
        self._cache: dict[date, bool] = {}

    @staticmethod
    def library_covers(year: int) -> bool:
        """True when ``chinese_calendar`` has the official schedule for ``year``."""
        return LIBRARY_FIRST_YEAR <= year <= LIBRARY_LAST_YEAR

    def knows_year(self, year: int) -> bool:
        """True unless ``year`` would fall back to weekends only."""
        return self.library_covers(year) or year in self._admin_years

    def is_workday(self, day: date) -> bool:
        """True when people work on ``day`` (make-up weekends included)."""
        day = _as_date(day)
        cached = self._cache.get(day)
        if cached is None:
            cached = self._cache[day] = self._lookup(day)
        return cached

    def _lookup(self, day: date) -> bool:
        if day in self._extra_workdays:
            return True
        if day in self._extra_holidays:
            return False
        if self.library_covers(day.year):
            return _library_is_workday(day)
        return day.weekday() < 5

    def add_workdays(self, start: date, n: int) -> date:
        """The ``n``-th working day after ``start`` ("N 个工作日内" deadlines).

        ``start`` itself (the day the information was formed) is not counted;
        ``n == 0`` gives ``start``; a negative ``n`` counts backwards.
        """
        day = _as_date(start)
        step = _ONE_DAY if n >= 0 else -_ONE_DAY
        remaining = abs(n)
        while remaining:
            day += step
            if self.is_workday(day):
                remaining -= 1
        return day

    def add_workdays_inclusive(self, start: date, n: int) -> date:
        """Last day of a period of ``n`` working days that begins on ``start``.

        ``start`` counts as the first day when it is a working day; otherwise
        the period begins on the next working day. ``n`` must be at least 1.
        """
        if n < 1:
            raise ValueError(f"工作日天数至少为1，实为{n}")
        start = _as_date(start)
        return self.add_workdays(start, n - 1 if self.is_workday(start) else n)

    @staticmethod
    def add_days_inclusive(start: date, n: int) -> date:
        """Last day of an ``n``-day period counted at both ends (公示期7天：7月18日至24日)."""
        if n < 1:
            raise ValueError(f"天数至少为1，实为{n}")
        return _as_date(start) + timedelta(days=n - 1)

    def count_workdays(self, a: date, b: date) -> int:
        """Working days from ``a`` to ``b``, both included (0 if ``b`` is before ``a``)."""
        day, last = _as_date(a), _as_date(b)
        count = 0
        while day <= last:
            count += self.is_workday(day)
            day += _ONE_DAY
        return count

    def fallback_years(self, start: date, end: date) -> list[int]:
        """Years from ``start`` to ``end`` (in either order) counted as weekends-only."""
        first, last = sorted((_as_date(start).year, _as_date(end).year))
        return [year for year in range(first, last + 1) if not self.knows_year(year)]

    def fallback_notice(self, start: date, end: date) -> str | None:
        """Chinese warning for the user when the range needs a fallback, else None."""
        years = self.fallback_years(start, end)
        if not years:
            return None
        listed = "、".join(str(year) for year in years)
        return (
            f"{listed}年的法定节假日安排尚未录入，工作日暂按周一至周五计算；"
            "请管理员录入当年的放假和调休上班日期。"
        )
