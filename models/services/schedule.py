"""What is due when (应公开事项): the catalog's timing rules against the disclosures on record.

`ScheduleService.due(start, end)` lists one `DueEntry` per period of each active periodic catalog item
whose due date falls in [start, end], and one per event of an event-driven item (a disclosure with an
event date) whose computed due date falls there. Due dates and statuses are defined in
`models.rules.schedule`.

Matching a due to the record on file (same item, same period):

- the period counts as posted from the earliest ``posting_start`` among its records in status
  ``posted`` / ``expired`` / ``archived``; a correction (更正公告) that supersedes a record counts from
  the superseded original's posting, so fixing a notice never makes it late. ``disclosure_id`` is the
  record whose posting counts.
- records still in ``draft`` / ``submitted`` / ``approved`` / ``returned`` count as not posted;
  ``disclosure_id`` then names the latest of them, so the clerk can open it.

`due_on(day)` is what a clerk wants on a given day: everything due in that day's month plus every
entry still overdue from the months before (looking back ``schedule_overdue_lookback_months``,
default 12, and not before the catalog's adoption date), statuses as of that day.

Nothing due before the start month (setting ``schedule.since``, `models.services.settings`) is listed
at all — not due, not overdue: the village began keeping its disclosures here that month. `todo(today)` adds
posting windows about to end, questions awaiting an answer, the calendar's fallback warning, the start
month and whether the print footer lacks a 监督电话, for the start page.
"""

from __future__ import annotations

import calendar as _calendar
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..entities import CatalogItem, Disclosure, Installation
from ..rules import schedule as rules
from ..rules import workflow as W
from ..rules.periods import Period, PeriodError, event_period, parse_period
from ..rules.timing import TimingError, TimingRule
from ..rules.workdays import WorkdayCalendar
from .calendar import load_calendar
from .context import ServiceContext
from .feedback import FeedbackData, FeedbackService
from .settings import SETTINGS, read_setting, schedule_since

SOON_DAYS_KEY = "schedule_due_soon_days"
LOOKBACK_KEY = "schedule_overdue_lookback_months"
DEFAULT_LOOKBACK_MONTHS = 12
NOTICE_AHEAD_DAYS = 60  # the start page warns this far ahead about a year without holidays entered
# A due date lies at most ~2 years after its period or event starts (yearly with offset 1; 366
# working days): records starting earlier than this before the range cannot be due in it.
_RECORD_WINDOW = timedelta(days=800)


@dataclass(frozen=True)
class DueEntry:
    item_code: str
    item_name: str
    period: str  # '2026-M11', '2026-Q3', '2026' or an event date
    period_label: str  # 2026年11月, 2026年第三季度, 2026年度, 2026年7月18日
    due_date: date
    status: str  # upcoming | due | posted_on_time | posted_late | overdue
    disclosure_id: int | None
    days_late: int
    posted_on: date | None
    timing_kind: str = ""

    @property
    def status_label(self) -> str:
        return rules.STATUS_LABELS[self.status]

    @property
    def event_driven(self) -> bool:
        return self.timing_kind not in ("monthly", "quarterly", "yearly")

    def to_json(self) -> dict[str, Any]:
        return {
            "item": self.item_code,
            "period": self.period,
            "due_date": self.due_date.isoformat(),
            "status": self.status,
            "disclosure_id": self.disclosure_id,
            "days_late": self.days_late,
            "item_name": self.item_name,
            "period_label": self.period_label,
        }


@dataclass(frozen=True)
class PostingEnding:
    """A posted notice whose posting window (公示期) ends soon."""

    disclosure_id: int
    item_code: str
    item_name: str
    title: str
    period: str
    posting_start: date
    posting_end: date
    days_left: int  # 0: ends today


@dataclass(frozen=True)
class TodoSummary:
    """The start page: what the clerk should see on ``today``."""

    today: date
    due_this_month: list[DueEntry] = field(default_factory=list)  # due in today's month, any status
    overdue: list[DueEntry] = field(default_factory=list)  # all overdue as of today (this month too)
    posting_ending: list[PostingEnding] = field(default_factory=list)
    feedback_open: list[FeedbackData] = field(default_factory=list)  # unanswered; .overdue flags late
    fallback_notice: str | None = None
    since: date | None = None  # the start month (schedule.since): nothing due before it is listed
    footer_phones_missing: bool = False  # notices would print without a 监督电话 line

    @property
    def open_this_month(self) -> list[DueEntry]:
        """This month's entries not yet posted (upcoming, due or overdue)."""
        return [e for e in self.due_this_month if e.status in ("upcoming", "due", "overdue")]

    @property
    def feedback_overdue(self) -> list[FeedbackData]:
        return [f for f in self.feedback_open if f.overdue]

    @property
    def is_clear(self) -> bool:
        return not (self.open_this_month or self.overdue or self.posting_ending or self.feedback_open)


def _month_bounds(day: date) -> tuple[date, date]:
    return day.replace(day=1), day.replace(day=_calendar.monthrange(day.year, day.month)[1])


def _months_before(day: date, months: int) -> date:
    """First day of the month ``months`` before ``day``'s month."""
    index = day.year * 12 + (day.month - 1) - months
    return date(index // 12, index % 12 + 1, 1)


@dataclass
class _Record:
    id: int
    item_id: int
    period: str
    period_start: date
    event_date: date | None
    status: str
    posting_start: date | None
    supersedes_id: int | None


@dataclass
class _Match:
    posted_on: date | None = None
    posted_id: int | None = None
    pending_id: int | None = None  # latest record not yet posted
    event_date: date | None = None


class ScheduleService:
    """Due dates of the catalog and where each stands; the clerk's to-do list."""

    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    # --- settings ---------------------------------------------------------------------------
    @staticmethod
    def _soon_days(session: Session) -> int:
        v = read_setting(session, SOON_DAYS_KEY, rules.DEFAULT_SOON_DAYS)
        return v if isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 366 else rules.DEFAULT_SOON_DAYS

    @staticmethod
    def _lookback_months(session: Session) -> int:
        v = read_setting(session, LOOKBACK_KEY, DEFAULT_LOOKBACK_MONTHS)
        return v if isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 120 else DEFAULT_LOOKBACK_MONTHS

    # --- due entries ------------------------------------------------------------------------
    def due(self, start: date, end: date, today: date | None = None) -> list[DueEntry]:
        """Entries whose due date falls in [start, end], statuses as of ``today`` (default: today)."""
        today = today or date.today()
        with self.ctx.read() as s:
            return self._due(s, start, end, today)

    def due_on(self, day: date) -> list[DueEntry]:
        """Entries due in ``day``'s month plus those still overdue from before it, as of ``day``."""
        with self.ctx.read() as s:
            return self._due_on(s, day)

    def _overdue_floor(self, session: Session, day: date) -> date:
        """How far back unposted periods count as overdue: the lookback setting, and never before the
        catalog was adopted (the start month is applied to every due in `_due`)."""
        floor = _months_before(day, self._lookback_months(session))
        adopted = session.execute(select(Installation.adopted_on)).scalar()
        return max(floor, adopted) if adopted else floor

    def _due_on(self, session: Session, day: date) -> list[DueEntry]:
        month_start, month_end = _month_bounds(day)
        floor = min(self._overdue_floor(session, day), month_start)
        entries = self._due(session, floor, month_end, day)
        return [e for e in entries if e.due_date >= month_start or e.status == "overdue"]

    def since(self) -> date:
        """The start month (`schedule.since`): the first day of the first month this program keeps."""
        with self.ctx.read() as s:
            return schedule_since(s)

    def _due(self, s: Session, start: date, end: date, today: date) -> list[DueEntry]:
        # The one place the start month applies: a due date before it is nobody's business here —
        # those notices were posted (or not) before the village kept them in this program.
        start = max(start, schedule_since(s))
        if end < start:
            return []
        soon = self._soon_days(s)
        items: dict[int, tuple[str, str, TimingRule]] = {}
        for item_id, code, name, timing in s.execute(
                select(CatalogItem.id, CatalogItem.code, CatalogItem.name, CatalogItem.timing)
                .where(CatalogItem.active.is_(True))):
            try:
                items[item_id] = (code, name, TimingRule.from_dict(timing))
            except TimingError:
                continue  # an unreadable rule gives no dues; the catalog check reports it
        if not items:
            return []

        records = {
            r.id: _Record(*r) for r in s.execute(
                select(Disclosure.id, Disclosure.item_id, Disclosure.period, Disclosure.period_start,
                       Disclosure.event_date, Disclosure.status, Disclosure.posting_start,
                       Disclosure.supersedes_id)
                .where(Disclosure.item_id.in_(list(items)),
                       Disclosure.period_start >= start - _RECORD_WINDOW,
                       Disclosure.period_start <= end))
        }
        self._load_superseded(s, records)
        matches = self._match(records)

        needs_calendar = any(r.kind != "immediate" and not r.periodic and r.working for _, _, r in items.values())
        cal: WorkdayCalendar | None = load_calendar(s) if needs_calendar else None

        out: list[DueEntry] = []
        for item_id, (code, name, rule) in items.items():
            if rule.periodic:
                for period, due in rules.periods_due_between(rule, start, end):
                    m = matches.get((item_id, period.text), _Match())
                    out.append(self._entry(code, name, rule, period, due, m, today, soon))
            else:
                for (m_item, period_text), m in matches.items():
                    if m_item != item_id:
                        continue
                    period = _period_of(period_text, m.event_date)
                    event = m.event_date or period.start
                    due = rules.event_due_date(rule, event, cal)
                    if start <= due <= end:
                        out.append(self._entry(code, name, rule, period, due, m, today, soon))
        out.sort(key=lambda e: (e.due_date, e.item_code, e.period))
        return out

    @staticmethod
    def _load_superseded(s: Session, records: dict[int, _Record]) -> None:
        """Originals of corrections that fell outside the query window (rare): fetch them too."""
        missing = {r.supersedes_id for r in records.values() if r.supersedes_id and r.supersedes_id not in records}
        while missing:
            rows = s.execute(
                select(Disclosure.id, Disclosure.item_id, Disclosure.period, Disclosure.period_start,
                       Disclosure.event_date, Disclosure.status, Disclosure.posting_start,
                       Disclosure.supersedes_id).where(Disclosure.id.in_(missing))).all()
            for r in rows:
                records[r.id] = _Record(*r)
            missing = {r.supersedes_id for r in records.values()
                       if r.supersedes_id and r.supersedes_id not in records} - missing

    @staticmethod
    def _match(records: dict[int, _Record]) -> dict[tuple[int, str], _Match]:
        def posting(rec: _Record) -> date | None:
            return rec.posting_start if W.is_public(rec.status) else None

        def chain_posting(rec: _Record) -> tuple[date | None, int]:
            """Earliest posting along the supersedes chain (the original's, for a correction)."""
            best, best_id, seen = posting(rec), rec.id, {rec.id}
            cur = rec
            while cur.supersedes_id and cur.supersedes_id in records and cur.supersedes_id not in seen:
                cur = records[cur.supersedes_id]
                seen.add(cur.id)
                p = posting(cur)
                if p is not None and (best is None or p <= best):
                    best, best_id = p, cur.id
            return best, best_id

        out: dict[tuple[int, str], _Match] = {}
        for rec in sorted(records.values(), key=lambda r: r.id):
            m = out.setdefault((rec.item_id, rec.period), _Match())
            if m.event_date is None:
                m.event_date = rec.event_date
            posted_on, posted_id = chain_posting(rec)
            if posted_on is not None:
                if m.posted_on is None or posted_on < m.posted_on:
                    m.posted_on, m.posted_id = posted_on, posted_id
            elif not W.is_public(rec.status):
                m.pending_id = rec.id
        return out

    @staticmethod
    def _entry(code: str, name: str, rule: TimingRule, period: Period, due: date, m: _Match,
               today: date, soon: int) -> DueEntry:
        status, late = rules.status_of(due, m.posted_on, today, soon)
        posted = status in ("posted_on_time", "posted_late")
        disclosure_id = m.posted_id if m.posted_id is not None else m.pending_id
        return DueEntry(item_code=code, item_name=name, period=period.text, period_label=period.label,
                        due_date=due, status=status, disclosure_id=disclosure_id, days_late=late,
                        posted_on=m.posted_on if posted else None, timing_kind=rule.kind)

    # --- posting windows --------------------------------------------------------------------
    def posting_ending(self, today: date | None = None, within_days: int = 3) -> list[PostingEnding]:
        """Posted notices whose posting window ends between ``today`` and ``today + within_days``."""
        today = today or date.today()
        with self.ctx.read() as s:
            return self._posting_ending(s, today, within_days)

    @staticmethod
    def _posting_ending(s: Session, today: date, within_days: int) -> list[PostingEnding]:
        rows = s.execute(
            select(Disclosure.id, CatalogItem.code, CatalogItem.name, Disclosure.title, Disclosure.period,
                   Disclosure.posting_start, Disclosure.posting_end)
            .join(CatalogItem, CatalogItem.id == Disclosure.item_id)
            .where(Disclosure.status == "posted", Disclosure.posting_end.is_not(None),
                   Disclosure.posting_end >= today, Disclosure.posting_end <= today + timedelta(days=within_days))
            .order_by(Disclosure.posting_end, Disclosure.id)).all()
        return [PostingEnding(disclosure_id=r[0], item_code=r[1], item_name=r[2], title=r[3], period=r[4],
                              posting_start=r[5], posting_end=r[6], days_left=(r[6] - today).days)
                for r in rows]

    # --- calendar ---------------------------------------------------------------------------
    def fallback_notice(self, start: date, end: date) -> str | None:
        with self.ctx.read() as s:
            return load_calendar(s).fallback_notice(start, end)

    # --- the start page ---------------------------------------------------------------------
    def todo(self, today: date | None = None, *, posting_within_days: int = 3) -> TodoSummary:
        today = today or date.today()
        with self.ctx.read() as s:
            entries = self._due_on(s, today)
            ending = self._posting_ending(s, today, posting_within_days)
            notice = load_calendar(s).fallback_notice(today, today + timedelta(days=NOTICE_AHEAD_DAYS))
            since = schedule_since(s)
            phones_missing = not SETTINGS["footer.phones"].load(s)
        month_start, _ = _month_bounds(today)
        feedback = FeedbackService(self.ctx).list(today=today, unanswered_only=True)
        return TodoSummary(
            today=today,
            due_this_month=[e for e in entries if e.due_date >= month_start],
            overdue=[e for e in entries if e.status == "overdue"],
            posting_ending=ending,
            feedback_open=feedback,
            fallback_notice=notice,
            since=since,
            footer_phones_missing=phones_missing,
        )


def _period_of(text: str, event: date | None) -> Period:
    try:
        return parse_period(text)
    except PeriodError:
        return event_period(event) if event else Period(date.min, date.min, text, "event")
