"""The working-day calendar as this installation knows it: the shipped official schedule
(``chinese_calendar``) plus the holidays and make-up working days an admin has entered
(``CalendarDay`` rows) for years the shipped table does not cover yet.

`load_calendar(session)` is what other services call inside their own session (posting windows in
working days, feedback deadlines, schedule due dates); `CalendarService` is the admin's editor.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import extract, select
from sqlalchemy.orm import Session

from ..entities import CalendarDay
from ..errors import NotFound, ValidationError
from ..rules.workdays import WorkdayCalendar
from .context import ServiceContext

DAY_KINDS = ("holiday", "workday")
DAY_KIND_LABELS = {"holiday": "放假", "workday": "调休上班"}
PERMISSION = "calendar.edit"


@dataclass(frozen=True)
class CalendarDayData:
    day: date
    kind: str  # holiday | workday
    note: str | None
    entered_by: str

    @property
    def kind_label(self) -> str:
        return DAY_KIND_LABELS.get(self.kind, self.kind)

    def to_json(self) -> dict:
        return {"day": self.day.isoformat(), "kind": self.kind, "note": self.note,
                "entered_by": self.entered_by}


def load_calendar(session: Session) -> WorkdayCalendar:
    """The library calendar overlaid with every admin-entered day (entered days win)."""
    holidays: list[date] = []
    workdays: list[date] = []
    for day, kind in session.execute(select(CalendarDay.day, CalendarDay.kind)):
        (workdays if kind == "workday" else holidays).append(day)
    return WorkdayCalendar(extra_holidays=holidays, extra_workdays=workdays)


def _span(days: Sequence[date]) -> str:
    """The audit target of one day ('2027-01-01') or several ('2027-01-01..2027-01-07')."""
    return days[0].isoformat() if len(days) == 1 else f"{days[0].isoformat()}..{days[-1].isoformat()}"


def _data(row: CalendarDay) -> CalendarDayData:
    return CalendarDayData(day=row.day, kind=row.kind, note=row.note, entered_by=row.entered_by)


class CalendarService:
    """Admin editing of holidays (放假) and make-up working days (调休上班) for later years."""

    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    # --- reading ----------------------------------------------------------------------------
    def calendar(self) -> WorkdayCalendar:
        with self.ctx.read() as s:
            return load_calendar(s)

    def fallback_notice(self, start: date, end: date) -> str | None:
        """Chinese warning when a year in [start, end] is counted Monday–Friday only, else None."""
        return self.calendar().fallback_notice(start, end)

    def list_days(self, year: int | None = None) -> list[CalendarDayData]:
        with self.ctx.read() as s:
            stmt = select(CalendarDay).order_by(CalendarDay.day)
            if year is not None:
                stmt = stmt.where(extract("year", CalendarDay.day) == year)
            return [_data(r) for r in s.execute(stmt).scalars()]

    # --- writing ----------------------------------------------------------------------------
    def add_day(self, day: date, kind: str, note: str | None = None) -> CalendarDayData:
        """Enter (or re-enter, replacing kind and note) one day."""
        return self.set_days([day], kind, note)[0]

    def set_days(self, days: Sequence[date], kind: str, note: str | None = None) -> list[CalendarDayData]:
        """Enter several days at once (a holiday's range): one transaction, one audit event."""
        if kind not in DAY_KINDS:
            raise ValidationError.single(f"日期类型“{kind}”应为 holiday（放假）或 workday（调休上班）")
        note = (note or "").strip() or None
        if note and len(note) > 100:
            raise ValidationError.single("备注不能超过 100 个字")
        days = sorted(set(days))
        if not days:
            raise ValidationError.single("没有要录入的日期")
        with self.ctx.write("calendar.day.set", target_type="calendar_day", target_id=_span(days),
                            permission=PERMISSION) as w:
            out, before = [], {}
            for day in days:
                row = w.session.get(CalendarDay, day)
                if row is None:
                    row = CalendarDay(day=day, kind=kind, note=note, entered_by=self.ctx.actor.name)
                    w.session.add(row)
                else:
                    before[day.isoformat()] = {"kind": row.kind, "note": row.note}
                    row.kind, row.note, row.entered_by = kind, note, self.ctx.actor.name
                out.append(row)
            w.session.flush()
            w.detail = {"kind": kind, "note": note, "days": len(days), "before": before or None}
            return [_data(r) for r in out]

    def remove_day(self, day: date) -> None:
        self.remove_days([day])

    def remove_days(self, days: Sequence[date]) -> None:
        """Remove entered days: one transaction, one audit event; refused whole if one was never entered."""
        days = sorted(set(days))
        if not days:
            return
        with self.ctx.write("calendar.day.remove", target_type="calendar_day", target_id=_span(days),
                            permission=PERMISSION) as w:
            removed = {}
            for day in days:
                row = w.session.get(CalendarDay, day)
                if row is None:
                    raise NotFound(f"{day.isoformat()} 没有录入过节假日或调休上班日")
                removed[day.isoformat()] = {"kind": row.kind, "note": row.note}
                w.session.delete(row)
            w.detail = removed[days[0].isoformat()] if len(days) == 1 else {"days": removed}
