"""Due dates per timing kind and statuses at their boundaries."""

from __future__ import annotations

from datetime import date

import pytest

from models.rules.periods import month_period, parse_period, quarter_period, year_period
from models.rules.schedule import event_due_date, periodic_due_date, periods_due_between, status_of
from models.rules.timing import TimingRule
from models.rules.workdays import WorkdayCalendar

D = date.fromisoformat


# --- periodic due dates --------------------------------------------------------------------------
@pytest.mark.parametrize("period, day, due", [
    ("2026-M03", 10, "2026-04-10"),
    ("2026-M12", 10, "2027-01-10"),  # December is due in January of the next year
    ("2026-M01", 30, "2026-02-28"),  # clamped to February
    ("2024-M01", 31, "2024-02-29"),  # leap year
    ("2026-M03", 31, "2026-04-30"),
    ("2026-M01", None, "2026-02-28"),  # no day: last day of the next month
    ("2026-M11", None, "2026-12-31"),
])
def test_monthly(period, day, due):
    assert periodic_due_date(TimingRule("monthly", day=day), parse_period(period)) == D(due)


@pytest.mark.parametrize("period, day, due", [
    ("2026-Q1", 20, "2026-04-20"),
    ("2026-Q2", 20, "2026-07-20"),
    ("2026-Q3", 20, "2026-10-20"),
    ("2026-Q4", 20, "2027-01-20"),
    ("2026-Q1", 31, "2026-04-30"),  # April has 30 days
    ("2026-Q3", None, "2026-10-31"),
    ("2026-Q4", None, "2027-01-31"),
])
def test_quarterly(period, day, due):
    assert periodic_due_date(TimingRule("quarterly", day=day), parse_period(period)) == D(due)


def test_yearly():
    budget = TimingRule("yearly", month=4, day=8, year_offset=0)
    accounts = TimingRule("yearly", month=2, day=8, year_offset=1)
    plain = TimingRule("yearly")
    assert periodic_due_date(budget, year_period(2026)) == D("2026-04-08")
    assert periodic_due_date(accounts, year_period(2025)) == D("2026-02-08")
    assert periodic_due_date(plain, year_period(2026)) == D("2027-01-31")
    feb29 = TimingRule("yearly", month=2, day=29, year_offset=1)
    assert periodic_due_date(feb29, year_period(2025)) == D("2026-02-28")
    assert periodic_due_date(feb29, year_period(2027)) == D("2028-02-29")


def test_periods_due_between():
    monthly = TimingRule("monthly", day=10)
    got = periods_due_between(monthly, D("2026-01-01"), D("2026-03-31"))
    assert [(p.text, d) for p, d in got] == [
        ("2025-M12", D("2026-01-10")), ("2026-M01", D("2026-02-10")), ("2026-M02", D("2026-03-10"))]
    # Boundaries are inclusive.
    assert [p.text for p, _ in periods_due_between(monthly, D("2026-02-10"), D("2026-02-10"))] == ["2026-M01"]
    assert periods_due_between(monthly, D("2026-02-11"), D("2026-03-09")) == []

    quarterly = TimingRule("quarterly", day=20)
    got = periods_due_between(quarterly, D("2026-01-01"), D("2026-12-31"))
    assert [p.text for p, _ in got] == ["2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"]

    accounts = TimingRule("yearly", month=2, day=8, year_offset=1)
    assert [(p.text, d) for p, d in periods_due_between(accounts, D("2026-01-01"), D("2026-12-31"))] == [
        ("2025", D("2026-02-08"))]
    budget = TimingRule("yearly", month=4, day=8)
    assert [p.text for p, _ in periods_due_between(budget, D("2026-01-01"), D("2026-12-31"))] == ["2026"]

    for kind in ("within_days", "immediate", "per_stage"):
        rule = TimingRule(kind, days=10) if kind == "within_days" else TimingRule(kind)
        assert periods_due_between(rule, D("2026-01-01"), D("2026-12-31")) == []


def test_period_helpers_agree_with_parse():
    assert month_period(2026, 2) == parse_period("2026-M02")
    assert quarter_period(2026, 4) == parse_period("2026-Q4")


# --- event-driven due dates ----------------------------------------------------------------------
def test_within_working_days_across_national_day_2025():
    # 2025-09-26 is a Friday. Sat 09-27 off; Sun 09-28 make-up working day (1); 09-29 (2), 09-30 (3);
    # 10-01..10-08 National Day off; 10-09 (4), 10-10 (5); Sat 10-11 make-up working day (6);
    # Sun 10-12 off; 10-13 (7), 10-14 (8), 10-15 (9), 10-16 (10).
    rule = TimingRule("within_days", days=10, working=True)
    cal = WorkdayCalendar()
    assert cal.is_workday(D("2025-09-28")) and cal.is_workday(D("2025-10-11"))
    assert event_due_date(rule, D("2025-09-26"), cal) == D("2025-10-16")
    # Without the two make-up working days the same count ends four days later.
    assert WorkdayCalendar(extra_holidays=[D("2025-09-28"), D("2025-10-11")]).add_workdays(
        D("2025-09-26"), 10) == D("2025-10-20")


def test_within_calendar_days_immediate_and_per_stage():
    assert event_due_date(TimingRule("within_days", days=10), D("2025-09-26")) == D("2025-10-06")
    assert event_due_date(TimingRule("immediate"), D("2026-07-18")) == D("2026-07-18")
    assert event_due_date(TimingRule("per_stage"), D("2026-07-18")) == D("2026-07-28")  # default 10 days
    assert event_due_date(TimingRule("per_stage", days=5, working=True), D("2026-07-17"),
                          WorkdayCalendar()) == D("2026-07-24")  # Fri + 5 working days
    with pytest.raises(ValueError):
        event_due_date(TimingRule("monthly"), D("2026-07-18"))
    with pytest.raises(ValueError):
        periodic_due_date(TimingRule("immediate"), parse_period("2026-M01"))


def test_working_days_fall_back_to_weekdays_in_an_unknown_year():
    cal = WorkdayCalendar()
    assert not cal.knows_year(2027)
    # 2027-01-01 is a Friday; weekdays only: Jan 4..8 (5), 11..15 (10).
    assert event_due_date(TimingRule("within_days", days=10, working=True), D("2027-01-01"), cal) == D("2027-01-15")


# --- statuses ------------------------------------------------------------------------------------
DUE = D("2026-04-20")


@pytest.mark.parametrize("posted, today, status, late", [
    (None, "2026-04-12", "upcoming", 0),  # 8 days ahead: beyond the 7-day window
    (None, "2026-04-13", "due", 0),  # exactly 7 days ahead
    (None, "2026-04-20", "due", 0),  # due today
    (None, "2026-04-21", "overdue", 1),
    (None, "2026-05-20", "overdue", 30),
    ("2026-04-20", "2026-04-20", "posted_on_time", 0),  # posted on the due date
    ("2026-04-01", "2026-06-01", "posted_on_time", 0),
    ("2026-04-21", "2026-04-21", "posted_late", 1),
    ("2026-04-25", "2026-06-01", "posted_late", 5),
    # A posting dated after the as-of day has not happened yet as of that day.
    ("2026-04-25", "2026-04-22", "overdue", 2),
    ("2026-04-18", "2026-04-15", "due", 0),
])
def test_status_of(posted, today, status, late):
    assert status_of(DUE, D(posted) if posted else None, D(today)) == (status, late)


def test_status_soon_window_is_a_parameter():
    assert status_of(DUE, None, D("2026-04-17"), soon=2) == ("upcoming", 0)
    assert status_of(DUE, None, D("2026-04-18"), soon=2) == ("due", 0)
    assert status_of(DUE, None, D("2026-04-20"), soon=0) == ("due", 0)
