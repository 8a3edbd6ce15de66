"""Due dates (应公开日期) from a catalog item's 公开时限, and where a disclosure stands against one.

Due dates
---------
Periodic kinds give one due date per period:

- ``monthly``   — period 2026-M03 is due on ``day`` of April 2026, clamped to the month's length
                  (day 31 → 04-30; day 30 in February → 02-28/29); without a day, the last day of the
                  next month.
- ``quarterly`` — period 2026-Q1 is due on ``day`` of April (the first month of the next quarter),
                  Q4 on ``day`` of January of the next year; clamped likewise; without a day, the last
                  day of that first month.
- ``yearly``    — period 2026 is due on ``month``/``day`` of 2026 + ``year_offset``; without a date, on
                  January 31 of the next year.

Event-driven kinds have no periodic dues; each event (a disclosure's ``event_date``) gives one:

- ``within_days`` — ``days`` after the event, counted in working days (the event day itself not
                    counted, `WorkdayCalendar.add_workdays`) or calendar days (event + days).
- ``immediate``   — the event date itself.
- ``per_stage``   — stage date + ``days`` (10 when unset), working or calendar like ``within_days``.

Statuses (`status_of`), as of a given day ``today``
-----------------------------------------------------
A disclosure counts as posted when it has a posting date on or before ``today`` (a posting dated
after ``today`` has not happened yet as of ``today``).

- ``posted_on_time`` — posted on or before the due date; days_late 0.
- ``posted_late``    — posted after the due date; days_late = posted − due.
- ``overdue``        — not posted and the due date has passed (due < today); days_late = today − due.
- ``due``            — not posted, due today or within the next ``soon`` days (default 7):
                       0 ≤ due − today ≤ soon; days_late 0.
- ``upcoming``       — not posted, due more than ``soon`` days ahead; days_late 0.
"""

from __future__ import annotations

import calendar as _calendar
from datetime import date, timedelta

from .periods import Period, month_period, quarter_period, year_period
from .timing import TimingRule
from .workdays import WorkdayCalendar

STATUSES = ("upcoming", "due", "posted_on_time", "posted_late", "overdue")
STATUS_LABELS = {
    "upcoming": "未到期",
    "due": "即将到期",
    "posted_on_time": "按时公开",
    "posted_late": "逾期公开",
    "overdue": "逾期未公开",
}
DEFAULT_SOON_DAYS = 7
DEFAULT_STAGE_DAYS = 10


def _clamped(year: int, month: int, day: int | None) -> date:
    last = _calendar.monthrange(year, month)[1]
    return date(year, month, last if day is None else min(day, last))


def periodic_due_date(rule: TimingRule, period: Period) -> date:
    """Due date of one period of a periodic rule (monthly / quarterly / yearly)."""
    y, m = period.start.year, period.start.month
    if rule.kind == "monthly":
        ny, nm = (y + 1, 1) if m == 12 else (y, m + 1)
        return _clamped(ny, nm, rule.day)
    if rule.kind == "quarterly":
        q_first = 3 * ((m - 1) // 3) + 1
        ny, nm = (y + 1, 1) if q_first == 10 else (y, q_first + 3)
        return _clamped(ny, nm, rule.day)
    if rule.kind == "yearly":
        if rule.month is None:
            return date(y + 1, 1, 31)
        return _clamped(y + rule.year_offset, rule.month, rule.day)
    raise ValueError(f"not a periodic timing kind: {rule.kind}")


def _periods_of_year(kind: str, year: int) -> list[Period]:
    if kind == "monthly":
        return [month_period(year, m) for m in range(1, 13)]
    if kind == "quarterly":
        return [quarter_period(year, q) for q in range(1, 5)]
    return [year_period(year)]


def periods_due_between(rule: TimingRule, start: date, end: date) -> list[tuple[Period, date]]:
    """Every period of a periodic rule whose due date falls in [start, end], in due-date order.

    Event-driven rules have none (their dues come from events): an empty list.
    """
    if not rule.periodic or end < start:
        return []
    out: list[tuple[Period, date]] = []
    # A due date lies at most two years after its period starts (yearly, year_offset 1).
    for year in range(start.year - 2, end.year + 1):
        for period in _periods_of_year(rule.kind, year):
            due = periodic_due_date(rule, period)
            if start <= due <= end:
                out.append((period, due))
    out.sort(key=lambda pd: (pd[1], pd[0].start))
    return out


def event_due_date(rule: TimingRule, event: date, calendar: WorkdayCalendar | None = None) -> date:
    """Due date of one event under an event-driven rule (within_days / immediate / per_stage)."""
    if rule.kind == "immediate":
        return event
    if rule.kind in ("within_days", "per_stage"):
        days = rule.days if rule.days is not None else DEFAULT_STAGE_DAYS
        if rule.working:
            return (calendar or WorkdayCalendar()).add_workdays(event, days)
        return event + timedelta(days=days)
    raise ValueError(f"not an event-driven timing kind: {rule.kind}")


def status_of(due_date: date, posted_on: date | None, today: date,
              soon: int = DEFAULT_SOON_DAYS) -> tuple[str, int]:
    """(status, days_late) of a due date as of ``today`` — see the module docstring."""
    if posted_on is not None and posted_on <= today:
        if posted_on <= due_date:
            return "posted_on_time", 0
        return "posted_late", (posted_on - due_date).days
    if today > due_date:
        return "overdue", (today - due_date).days
    if (due_date - today).days <= soon:
        return "due", 0
    return "upcoming", 0
