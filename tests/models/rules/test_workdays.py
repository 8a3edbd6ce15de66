"""Tests for the official working-day calendar and its fallback."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import chinese_calendar
import pytest

from models.rules import workdays
from models.rules.workdays import LIBRARY_FIRST_YEAR, LIBRARY_LAST_YEAR, WorkdayCalendar

D = date


@pytest.fixture
def cal() -> WorkdayCalendar:
    return WorkdayCalendar()


def days(start: date, end: date) -> list[date]:
    return [start + timedelta(n) for n in range((end - start).days + 1)]


# --- 2025 National Day and Mid-Autumn: 10月1日至8日放假，9月28日（周日）、10月11日（周六）上班


@pytest.mark.parametrize("day", days(D(2025, 10, 1), D(2025, 10, 8)))
def test_national_day_2025_is_rest(cal: WorkdayCalendar, day: date) -> None:
    assert not cal.is_workday(day)


def test_national_day_2025_make_up_days(cal: WorkdayCalendar) -> None:
    assert D(2025, 9, 28).weekday() == 6
    assert D(2025, 10, 11).weekday() == 5
    assert cal.is_workday(D(2025, 9, 28))
    assert cal.is_workday(D(2025, 10, 11))
    assert not cal.is_workday(D(2025, 9, 27))  # ordinary Saturday
    assert not cal.is_workday(D(2025, 10, 12))  # ordinary Sunday
    assert cal.is_workday(D(2025, 9, 30))
    assert cal.is_workday(D(2025, 10, 9))


def test_add_workdays_across_national_day(cal: WorkdayCalendar) -> None:
    assert cal.add_workdays(D(2025, 9, 26), 1) == D(2025, 9, 28)  # Friday → make-up Sunday
    assert cal.add_workdays(D(2025, 9, 30), 1) == D(2025, 10, 9)
    assert cal.add_workdays(D(2025, 10, 1), 1) == D(2025, 10, 9)
    # 9/30, 10/9, 10/10, 10/11 (Saturday, working), 10/13
    assert cal.add_workdays(D(2025, 9, 29), 5) == D(2025, 10, 13)
    # A 低保 list formed on 9月26日 must be public within 10 working days.
    assert cal.add_workdays(D(2025, 9, 26), 10) == D(2025, 10, 16)


def test_add_workdays_zero_is_start(cal: WorkdayCalendar) -> None:
    assert cal.add_workdays(D(2025, 10, 3), 0) == D(2025, 10, 3)
    assert cal.add_workdays(D(2025, 10, 6), 0) == D(2025, 10, 6)


def test_add_workdays_negative_counts_back(cal: WorkdayCalendar) -> None:
    assert cal.add_workdays(D(2025, 10, 9), -1) == D(2025, 9, 30)
    assert cal.add_workdays(D(2025, 10, 13), -5) == D(2025, 9, 29)


def test_count_workdays_inclusive(cal: WorkdayCalendar) -> None:
    assert cal.count_workdays(D(2025, 10, 1), D(2025, 10, 12)) == 3  # 10/9, 10/10, 10/11
    assert cal.count_workdays(D(2025, 9, 28), D(2025, 9, 28)) == 1
    assert cal.count_workdays(D(2025, 10, 4), D(2025, 10, 4)) == 0
    assert cal.count_workdays(D(2025, 10, 12), D(2025, 10, 1)) == 0
    assert cal.count_workdays(D(2025, 1, 1), D(2025, 12, 31)) == 248  # 全年工作日248天


def test_count_and_add_agree(cal: WorkdayCalendar) -> None:
    start = D(2025, 9, 20)
    for n in range(1, 30):
        end = cal.add_workdays(start, n)
        assert cal.count_workdays(start + timedelta(1), end) == n


# --- Spring Festival 2026 per chinesecalendar 1.11: 2月15日至23日放假，2月14日（周六）、2月28日（周六）上班


def test_library_data_for_spring_festival_2026() -> None:
    rest = {d for d in chinese_calendar.holidays if D(2026, 2, 1) <= d <= D(2026, 3, 1)}
    work = {d for d in chinese_calendar.workdays if D(2026, 2, 1) <= d <= D(2026, 3, 1)}
    assert rest == set(days(D(2026, 2, 15), D(2026, 2, 23)))
    assert work == {D(2026, 2, 14), D(2026, 2, 28)}


@pytest.mark.parametrize("day", days(D(2026, 2, 15), D(2026, 2, 23)))
def test_spring_festival_2026_is_rest(cal: WorkdayCalendar, day: date) -> None:
    assert not cal.is_workday(day)


def test_spring_festival_2026_make_up_days(cal: WorkdayCalendar) -> None:
    assert D(2026, 2, 14).weekday() == 5
    assert D(2026, 2, 28).weekday() == 5
    assert cal.is_workday(D(2026, 2, 14))
    assert cal.is_workday(D(2026, 2, 28))
    assert cal.add_workdays(D(2026, 2, 13), 1) == D(2026, 2, 14)
    assert cal.add_workdays(D(2026, 2, 14), 1) == D(2026, 2, 24)
    assert cal.count_workdays(D(2026, 2, 9), D(2026, 3, 1)) == 5 + 1 + 4 + 1  # 9–13, 14, 24–27, 28


def test_2026_new_year_make_up_sunday(cal: WorkdayCalendar) -> None:
    assert not cal.is_workday(D(2026, 1, 2))  # Friday, holiday
    assert cal.is_workday(D(2026, 1, 4))  # Sunday, working


# --- posting periods


def test_add_days_inclusive(cal: WorkdayCalendar) -> None:
    # 公示期为7天（7月18日至24日）
    assert cal.add_days_inclusive(D(2025, 7, 18), 7) == D(2025, 7, 24)
    assert cal.add_days_inclusive(D(2025, 7, 18), 1) == D(2025, 7, 18)
    assert cal.add_days_inclusive(D(2025, 9, 28), 10) == D(2025, 10, 7)  # holidays count
    assert WorkdayCalendar.add_days_inclusive(D(2024, 2, 25), 7) == D(2024, 3, 2)


@pytest.mark.parametrize("n", [0, -1])
def test_add_days_inclusive_rejects_empty_period(cal: WorkdayCalendar, n: int) -> None:
    with pytest.raises(ValueError):
        cal.add_days_inclusive(D(2025, 7, 18), n)


def test_add_workdays_inclusive(cal: WorkdayCalendar) -> None:
    # Posting starts on the make-up Sunday 9/28: 9/28, 9/29, 9/30, 10/9, 10/10, 10/11, 10/13
    assert cal.add_workdays_inclusive(D(2025, 9, 28), 7) == D(2025, 10, 13)
    assert cal.add_workdays_inclusive(D(2025, 9, 29), 1) == D(2025, 9, 29)
    # Starting on a holiday: the first counted day is the next working day.
    assert cal.add_workdays_inclusive(D(2025, 10, 1), 1) == D(2025, 10, 9)
    assert cal.add_workdays_inclusive(D(2025, 10, 1), 3) == D(2025, 10, 11)
    # Ordinary week: Monday + 7 working days ends next Tuesday.
    assert cal.add_workdays_inclusive(D(2025, 7, 14), 7) == D(2025, 7, 22)


def test_add_workdays_inclusive_rejects_empty_period(cal: WorkdayCalendar) -> None:
    with pytest.raises(ValueError):
        cal.add_workdays_inclusive(D(2025, 7, 14), 0)


def test_accepts_datetimes(cal: WorkdayCalendar) -> None:
    assert cal.is_workday(datetime(2025, 9, 28, 15, 30))
    assert cal.add_workdays(datetime(2025, 9, 30, 9, 0), 1) == D(2025, 10, 9)


# --- years the library does not know


def test_library_range() -> None:
    assert LIBRARY_FIRST_YEAR <= 2025 <= LIBRARY_LAST_YEAR
    assert WorkdayCalendar.library_covers(2026)
    assert not WorkdayCalendar.library_covers(LIBRARY_LAST_YEAR + 1)
    assert not WorkdayCalendar.library_covers(LIBRARY_FIRST_YEAR - 1)


def test_knows_year(cal: WorkdayCalendar) -> None:
    assert cal.knows_year(2025)
    assert cal.knows_year(2026)
    assert not cal.knows_year(2027)
    assert not cal.knows_year(2003)


def test_2027_without_admin_entries_is_weekends_only(cal: WorkdayCalendar) -> None:
    assert D(2027, 1, 1).weekday() == 4
    assert cal.is_workday(D(2027, 1, 1))  # New Year's Day, unknown → Friday works
    assert not cal.is_workday(D(2027, 1, 2))
    assert not cal.is_workday(D(2027, 1, 3))
    assert cal.count_workdays(D(2027, 1, 1), D(2027, 1, 31)) == 21
    assert cal.add_workdays(D(2026, 12, 31), 1) == D(2027, 1, 1)
    assert cal.fallback_years(D(2026, 11, 1), D(2027, 2, 1)) == [2027]


def test_2027_with_admin_entries() -> None:
    cal = WorkdayCalendar(
        extra_holidays=[D(2027, 1, 1)],
        extra_workdays=[D(2027, 1, 9)],  # a Saturday worked
    )
    assert cal.knows_year(2027)
    assert not cal.is_workday(D(2027, 1, 1))
    assert cal.is_workday(D(2027, 1, 9))
    assert cal.is_workday(D(2027, 1, 4))  # unentered days follow the week
    assert not cal.is_workday(D(2027, 1, 10))
    assert cal.add_workdays(D(2026, 12, 31), 1) == D(2027, 1, 4)
    assert cal.add_workdays(D(2027, 1, 8), 1) == D(2027, 1, 9)
    assert cal.fallback_years(D(2026, 11, 1), D(2027, 2, 1)) == []
    assert cal.fallback_years(D(2026, 1, 1), D(2029, 1, 1)) == [2028, 2029]


def test_admin_entries_override_library_years() -> None:
    cal = WorkdayCalendar(extra_holidays=[D(2025, 7, 15)], extra_workdays=[D(2025, 10, 4)])
    assert not cal.is_workday(D(2025, 7, 15))
    assert cal.is_workday(D(2025, 10, 4))
    assert WorkdayCalendar().is_workday(D(2025, 7, 15))


def test_same_date_as_holiday_and_workday_is_refused() -> None:
    with pytest.raises(ValueError, match="2027-01-01"):
        WorkdayCalendar(extra_holidays=[D(2027, 1, 1)], extra_workdays=[D(2027, 1, 1)])


def test_extras_accept_any_iterable() -> None:
    cal = WorkdayCalendar(extra_holidays=(d for d in [D(2027, 2, 8)]), extra_workdays=iter([]))
    assert not cal.is_workday(D(2027, 2, 8))
    assert cal.knows_year(2027)


def test_fallback_years_order_and_old_years(cal: WorkdayCalendar) -> None:
    assert cal.fallback_years(D(2025, 1, 1), D(2025, 12, 31)) == []
    assert cal.fallback_years(D(2028, 6, 1), D(2026, 6, 1)) == [2027, 2028]
    assert cal.fallback_years(D(2002, 1, 1), D(2005, 1, 1)) == [2002, 2003]


def test_fallback_notice(cal: WorkdayCalendar) -> None:
    assert cal.fallback_notice(D(2025, 1, 1), D(2026, 12, 31)) is None
    notice = cal.fallback_notice(D(2026, 1, 1), D(2028, 12, 31))
    assert notice is not None
    assert "2027、2028年" in notice
    assert "周一至周五" in notice


def test_before_library_range_falls_back(cal: WorkdayCalendar) -> None:
    assert cal.is_workday(D(2003, 10, 1))  # Wednesday; no data for 2003
    assert not cal.is_workday(D(2003, 10, 4))


# --- agreement with the library and speed


def test_matches_library_over_its_whole_range(cal: WorkdayCalendar) -> None:
    for day in days(D(LIBRARY_FIRST_YEAR, 1, 1), D(LIBRARY_LAST_YEAR, 12, 31)):
        assert cal.is_workday(day) == chinese_calendar.is_workday(day), day


def test_lookups_are_cached(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[date] = []
    real = chinese_calendar.is_workday

    def counting(day: date) -> bool:
        calls.append(day)
        return real(day)

    workdays._library_is_workday.cache_clear()
    monkeypatch.setattr(workdays.chinese_calendar, "is_workday", counting)
    try:
        cal = WorkdayCalendar()
        first = cal.count_workdays(D(2016, 1, 1), D(2026, 12, 31))
        for _ in range(3):
            assert cal.count_workdays(D(2016, 1, 1), D(2026, 12, 31)) == first
        assert WorkdayCalendar().count_workdays(D(2016, 1, 1), D(2026, 12, 31)) == first
        assert len(calls) == len(set(calls)) == (D(2026, 12, 31) - D(2016, 1, 1)).days + 1
    finally:
        workdays._library_is_workday.cache_clear()


def test_ten_year_schedule_with_fallback(cal: WorkdayCalendar) -> None:
    # Monthly deadlines for ten years crossing into unknown years: no errors, sane results.
    start = D(2024, 1, 1)
    for month in range(120):
        formed = D(start.year + (month // 12), month % 12 + 1, 20)
        due = cal.add_workdays(formed, 10)
        assert 12 <= (due - formed).days <= 30
        assert cal.is_workday(due)
