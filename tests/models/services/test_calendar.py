"""Admin-entered holidays and make-up days override the shipped calendar."""

from __future__ import annotations

from datetime import date, timedelta

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


def test_a_range_of_days_is_one_save_and_one_audit_event(empty_village):
    """The dialog's 添加 of 2027-10-01..07 is one action: one transaction, one audit event; removing
    several is too, and all or nothing."""
    _db, ctx = empty_village
    svc = CalendarService(ctx)

    def events() -> list[tuple[str, str]]:
        with ctx.read() as s:
            return list(s.execute(select(AuditEvent.action, AuditEvent.target_id)
                                  .where(AuditEvent.action.like("calendar.%")).order_by(AuditEvent.id)))

    week = [date(2027, 10, 1) + timedelta(days=n) for n in range(7)]
    added = svc.set_days(week, "holiday", "国庆节")
    assert [d.day for d in added] == week and all(d.note == "国庆节" for d in added)
    assert events() == [("calendar.day.set", "2027-10-01..2027-10-07")]
    with pytest.raises(NotFound, match="2027-10-08"):
        svc.remove_days([date(2027, 10, 7), date(2027, 10, 8)])
    assert len(svc.list_days(2027)) == 7  # nothing removed
    svc.remove_days(week[5:])
    assert [d.day for d in svc.list_days(2027)] == week[:5]
    assert events()[-1] == ("calendar.day.remove", "2027-10-06..2027-10-07") and len(events()) == 2
