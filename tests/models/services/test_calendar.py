"""Admin-entered holidays and make-up days override the shipped calendar."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from models.entities import AuditEvent
from models.errors import NotFound, ValidationError
from models.services.calendar import CalendarService, load_calendar


def test_library_calendar_without_admin_days(empty_village):
    db, ctx = empty_village
    with ctx.read() as s:
        cal = load_calendar(s)
    assert not cal.is_workday(date(2025, 10, 1))  # National Day
    assert cal.is_workday(date(2025, 9, 28))  # make-up Sunday
    assert not cal.knows_year(2027)


def test_admin_days_override_and_fill_a_new_year(empty_village):
    db, ctx = empty_village
    svc = CalendarService(ctx)
    svc.add_day(date(2027, 1, 1), "holiday", "元旦")
    svc.add_day(date(2027, 2, 6), "workday", "春节调休")  # a Saturday
    # Override a day the library knows: 2025-10-01 declared a working day (contrived, but admin wins).
    svc.add_day(date(2025, 10, 1), "workday")
    with ctx.read() as s:
        cal = load_calendar(s)
    assert not cal.is_workday(date(2027, 1, 1))  # a Friday, entered as holiday
    assert cal.is_workday(date(2027, 2, 6))
    assert cal.is_workday(date(2025, 10, 1))
    assert cal.knows_year(2027)
    assert svc.calendar().knows_year(2027)
    assert svc.fallback_notice(date(2027, 1, 1), date(2027, 12, 31)) is None

    days = svc.list_days(2027)
    assert [(d.day, d.kind, d.note) for d in days] == [
        (date(2027, 1, 1), "holiday", "元旦"), (date(2027, 2, 6), "workday", "春节调休")]
    assert days[0].entered_by == "王文书"
    assert len(svc.list_days()) == 3

    # Re-entering a day replaces it.
    svc.add_day(date(2027, 1, 1), "workday", "改")
    assert svc.list_days(2027)[0].kind == "workday"

    svc.remove_day(date(2025, 10, 1))
    assert not svc.calendar().is_workday(date(2025, 10, 1))
    with pytest.raises(NotFound):
        svc.remove_day(date(2025, 10, 1))

    with ctx.read() as s:
        actions = list(s.execute(select(AuditEvent.action).where(AuditEvent.action.like("calendar.%"))).scalars())
    assert actions == ["calendar.day.set"] * 4 + ["calendar.day.remove"]


def test_fallback_notice_for_unknown_year(empty_village):
    db, ctx = empty_village
    notice = CalendarService(ctx).fallback_notice(date(2026, 12, 1), date(2027, 1, 31))
    assert notice is not None
    assert notice.startswith("2027年的法定节假日")
    assert "周一至周五" in notice


def test_bad_kind_refused(empty_village):
    db, ctx = empty_village
    with pytest.raises(ValidationError):
        CalendarService(ctx).add_day(date(2027, 1, 1), "party")
    assert CalendarService(ctx).list_days() == []
