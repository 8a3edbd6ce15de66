"""ScheduleService: due entries of a village's catalog against the disclosures on record."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import delete, select

from models.entities import CatalogItem, Disclosure, Installation, Setting
from models.rules.periods import parse_period
from models.rules.timing import TimingRule
from models.services.calendar import CalendarService
from models.services.catalog import CatalogService, ItemData
from models.services.feedback import FeedbackService
from models.services.schedule import ScheduleService
from models.services.settings import SettingsService

D = date.fromisoformat


def add_item(ctx, code: str, rule: TimingRule, name: str | None = None) -> None:
    CatalogService(ctx).add(ItemData(code=code, group="村务", name=name or f"事项{code}", timing=rule))


def add_disclosure(ctx, code: str, period: str, status: str = "draft", posted: str | None = None,
                   event: str | None = None, supersedes: int | None = None, days: int = 7) -> int:
    """A disclosure row written straight through the audited context (no DisclosureService needed)."""
    p = parse_period(period)
    with ctx.write("test.disclosure", target_type="disclosure", permission="disclosure.edit") as w:
        item_id = w.session.execute(select(CatalogItem.id).where(CatalogItem.code == code)).scalar_one()
        start = D(posted) if posted else None
        row = Disclosure(item_id=item_id, period=p.text, period_start=p.start, period_end=p.end,
                         event_date=D(event) if event else (p.start if p.kind == "event" else None),
                         kind="notice", title=f"{code} {period}", status=status, drafter="王文书",
                         posting_start=start, posting_end=start + timedelta(days=days - 1) if start else None,
                         posting_days=days if start else None, supersedes_id=supersedes,
                         is_correction=supersedes is not None)
        w.session.add(row)
        w.session.flush()
        return row.id


@pytest.fixture
def schedule_village(empty_village):
    db, ctx = empty_village
    add_item(ctx, "CW-01", TimingRule("monthly", day=10), "财务收支")
    add_item(ctx, "CW-02", TimingRule("quarterly", day=20), "村务公开")
    add_item(ctx, "DB-01", TimingRule("within_days", days=10, working=True), "低保初审名单")
    add_item(ctx, "SS-01", TimingRule("immediate"), "重大事项")
    return db, ctx


def by_key(entries):
    return {(e.item_code, e.period): e for e in entries}


def test_due_statuses_and_days_late(schedule_village):
    db, ctx = schedule_village
    on_time = add_disclosure(ctx, "CW-01", "2026-M02", "posted", posted="2026-03-10")
    late = add_disclosure(ctx, "CW-01", "2026-M03", "expired", posted="2026-04-15")
    draft = add_disclosure(ctx, "CW-02", "2026-Q1", "approved")  # approved but never posted
    add_disclosure(ctx, "CW-02", "2025-Q4", "archived", posted="2026-01-20")

    entries = ScheduleService(ctx).due(D("2026-01-01"), D("2026-05-31"), today=D("2026-05-08"))
    assert [e.due_date for e in entries] == sorted(e.due_date for e in entries)
    got = by_key(entries)
    assert set(got) == {("CW-01", "2025-M12"), ("CW-01", "2026-M01"), ("CW-01", "2026-M02"),
                        ("CW-01", "2026-M03"), ("CW-01", "2026-M04"), ("CW-02", "2025-Q4"),
                        ("CW-02", "2026-Q1")}

    e = got["CW-01", "2026-M02"]
    assert (e.due_date, e.status, e.days_late, e.disclosure_id, e.posted_on) == (
        D("2026-03-10"), "posted_on_time", 0, on_time, D("2026-03-10"))
    e = got["CW-01", "2026-M03"]
    assert (e.status, e.days_late, e.disclosure_id) == ("posted_late", 5, late)
    e = got["CW-02", "2026-Q1"]
    assert (e.due_date, e.status, e.days_late, e.disclosure_id, e.posted_on) == (
        D("2026-04-20"), "overdue", 18, draft, None)
    assert got["CW-02", "2025-Q4"].status == "posted_on_time"  # posted exactly on 01-20
    e = got["CW-01", "2026-M01"]
    assert (e.status, e.days_late, e.disclosure_id) == ("overdue", 87, None)  # due 02-10, nothing on file
    e = got["CW-01", "2026-M04"]
    assert (e.due_date, e.status, e.days_late) == (D("2026-05-10"), "due", 0)
    assert got["CW-01", "2026-M04"].item_name == "财务收支"
    assert got["CW-02", "2026-Q1"].period_label == "2026年第一季度"

    # The same range seen from an earlier day: the late posting had not happened yet.
    early = by_key(ScheduleService(ctx).due(D("2026-04-01"), D("2026-04-30"), today=D("2026-04-12")))
    assert (early["CW-01", "2026-M03"].status, early["CW-01", "2026-M03"].days_late) == ("overdue", 2)
    assert early["CW-02", "2026-Q1"].status == "upcoming"  # 8 days ahead


def test_correction_counts_from_the_original_posting(schedule_village):
    db, ctx = schedule_village
    original = add_disclosure(ctx, "CW-01", "2026-M05", "archived", posted="2026-06-08")
    add_disclosure(ctx, "CW-01", "2026-M05", "posted", posted="2026-06-20", supersedes=original)
    e = by_key(ScheduleService(ctx).due(D("2026-06-01"), D("2026-06-30"), today=D("2026-07-01")))["CW-01", "2026-M05"]
    assert (e.status, e.posted_on, e.disclosure_id) == ("posted_on_time", D("2026-06-08"), original)

    # A draft correction of a posted record leaves the period posted.
    o2 = add_disclosure(ctx, "CW-01", "2026-M06", "posted", posted="2026-07-09")
    add_disclosure(ctx, "CW-01", "2026-M06", "draft", supersedes=o2)
    e = by_key(ScheduleService(ctx).due(D("2026-07-01"), D("2026-07-31"), today=D("2026-07-20")))["CW-01", "2026-M06"]
    assert (e.status, e.disclosure_id) == ("posted_on_time", o2)


def test_event_driven_entries(schedule_village):
    db, ctx = schedule_village
    # 10 working days from Friday 2025-09-26 across National Day 2025 → 2025-10-16.
    posted = add_disclosure(ctx, "DB-01", "2025-09-26", "posted", posted="2025-10-16")
    late = add_disclosure(ctx, "DB-01", "2025-10-09", "posted", posted="2025-10-30")  # due 10-22 (Sat 10-11 works)
    pending = add_disclosure(ctx, "DB-01", "2025-10-20", "submitted")  # due 11-03
    now = add_disclosure(ctx, "SS-01", "2025-10-28", "draft")  # immediate: due that day
    out_of_range = add_disclosure(ctx, "DB-01", "2025-12-20", "draft")

    entries = ScheduleService(ctx).due(D("2025-10-01"), D("2025-11-30"), today=D("2025-10-31"))
    got = {e.disclosure_id: e for e in entries if e.item_code in ("DB-01", "SS-01")}
    assert out_of_range not in got
    assert (got[posted].due_date, got[posted].status, got[posted].period) == (
        D("2025-10-16"), "posted_on_time", "2025-09-26")
    assert got[posted].period_label == "2025年9月26日"
    assert (got[late].due_date, got[late].status, got[late].days_late) == (D("2025-10-22"), "posted_late", 8)
    assert (got[pending].due_date, got[pending].status) == (D("2025-11-03"), "due")
    assert (got[now].due_date, got[now].status, got[now].days_late) == (D("2025-10-28"), "overdue", 3)


def test_admin_calendar_moves_working_day_deadlines(schedule_village):
    db, ctx = schedule_village
    d = add_disclosure(ctx, "DB-01", "2027-01-01", "draft")
    svc = ScheduleService(ctx)
    # 2027 unknown: weekdays only → Jan 15; the start page warns about it.
    assert [e.due_date for e in svc.due(D("2027-01-01"), D("2027-01-31"), today=D("2026-12-20"))
            if e.disclosure_id == d] == [D("2027-01-15")]
    notice = svc.todo(D("2026-12-15")).fallback_notice
    assert notice and notice.startswith("2027年的法定节假日") and "周一至周五" in notice
    assert svc.todo(D("2026-06-15")).fallback_notice is None
    # An admin enters two holidays in the count: the deadline moves by two working days.
    CalendarService(ctx).add_day(D("2027-01-04"), "holiday")
    CalendarService(ctx).add_day(D("2027-01-05"), "holiday")
    assert [e.due_date for e in svc.due(D("2027-01-01"), D("2027-01-31"), today=D("2026-12-20"))
            if e.disclosure_id == d] == [D("2027-01-19")]
    assert svc.todo(D("2026-12-15")).fallback_notice is None


def test_retired_items_have_no_dues(schedule_village):
    db, ctx = schedule_village
    CatalogService(ctx).retire("CW-01")
    entries = ScheduleService(ctx).due(D("2026-01-01"), D("2026-12-31"), today=D("2026-06-01"))
    assert {e.item_code for e in entries} == {"CW-02"}


def test_due_on_month_plus_earlier_overdue(schedule_village):
    db, ctx = schedule_village
    add_disclosure(ctx, "CW-02", "2026-Q2", "posted", posted="2026-07-18")
    add_disclosure(ctx, "CW-01", "2026-M08", "posted", posted="2026-09-09")
    entries = ScheduleService(ctx).due_on(D("2026-11-26"))
    keys = [(e.item_code, e.period, e.status) for e in entries]
    # November: October's monthly notice, due 11-10, not posted.
    assert ("CW-01", "2026-M10", "overdue") in keys
    # Before November, still overdue: Q3 (due 10-20) and September (due 10-10) …
    assert ("CW-02", "2026-Q3", "overdue") in keys
    assert ("CW-01", "2026-M09", "overdue") in keys
    # … but not the periods posted, and nothing older than the 12-month lookback.
    assert ("CW-01", "2026-M08") not in {(k[0], k[1]) for k in keys}
    assert ("CW-02", "2026-Q2") not in {(k[0], k[1]) for k in keys}
    assert min(e.due_date for e in entries) >= D("2025-11-01")
    assert all(e.status == "overdue" or e.due_date >= D("2026-11-01") for e in entries)

    # The catalog adopted on 2026-09-01: nothing overdue from before that.
    with ctx.write("test.adopt", permission="catalog.edit") as w:
        w.session.execute(select(Installation)).scalar_one().adopted_on = D("2026-09-01")
    entries = ScheduleService(ctx).due_on(D("2026-11-26"))
    assert min(e.due_date for e in entries) >= D("2026-09-01")
    # December's month is shown in full: monthly November due 12-10 is upcoming as of 12-01.
    dec = by_key(ScheduleService(ctx).due_on(D("2026-12-01")))
    assert dec["CW-01", "2026-M11"].status == "upcoming"


def test_posting_ending_and_todo(schedule_village):
    db, ctx = schedule_village
    today = D("2026-11-26")
    ending = add_disclosure(ctx, "CW-01", "2026-M10", "posted", posted="2026-11-22", days=7)  # ends 11-28
    add_disclosure(ctx, "CW-01", "2026-M09", "posted", posted="2026-11-01", days=30)  # ends 11-30: 4 days
    ended = add_disclosure(ctx, "CW-02", "2026-Q3", "posted", posted="2026-11-10", days=7)  # ended 11-16
    svc = ScheduleService(ctx)
    got = svc.posting_ending(today)
    assert [(p.disclosure_id, p.posting_end, p.days_left) for p in got] == [(ending, D("2026-11-28"), 2)]
    assert len(svc.posting_ending(today, within_days=4)) == 2  # the 30-day posting too; never the ended one

    fb = FeedbackService(ctx)
    old = fb.add(ended, "金额有误？", received=D("2026-11-11"), from_name="李四")  # due 11-21: overdue
    fresh = fb.add(ending, "何时发放？", received=D("2026-11-25"))
    answered = fb.add(ending, "名单有谁？", received=D("2026-11-23"))
    fb.answer(answered.id, "见公示栏", on=D("2026-11-24"))

    todo = svc.todo(today)
    assert todo.today == today
    assert all(e.due_date.month == 11 for e in todo.due_this_month)
    assert ("CW-01", "2026-M10") in by_key(todo.due_this_month)
    assert by_key(todo.due_this_month)["CW-01", "2026-M10"].status == "posted_late"
    assert todo.open_this_month == [e for e in todo.due_this_month if e.status != "posted_late"]
    assert all(e.status == "overdue" for e in todo.overdue)
    assert ("CW-01", "2026-M10") not in by_key(todo.overdue)
    assert [p.disclosure_id for p in todo.posting_ending] == [ending]
    assert [(f.id, f.overdue) for f in todo.feedback_open] == [(old.id, True), (fresh.id, False)]
    assert [f.id for f in todo.feedback_overdue] == [old.id]
    assert todo.fallback_notice and "2027年" in todo.fallback_notice  # late November: 2027 is ahead
    assert not todo.is_clear


def test_due_entry_json_shape(schedule_village):
    db, ctx = schedule_village
    d = add_disclosure(ctx, "CW-02", "2026-Q3", "posted", posted="2026-10-22")
    e = by_key(ScheduleService(ctx).due(D("2026-10-01"), D("2026-10-31"), today=D("2026-11-26")))["CW-02", "2026-Q3"]
    assert e.to_json() == {
        "item": "CW-02", "period": "2026-Q3", "due_date": "2026-10-20", "status": "posted_late",
        "disclosure_id": d, "days_late": 2, "item_name": "村务公开", "period_label": "2026年第三季度"}
    assert e.posted_on == D("2026-10-22")
    assert e.status_label == "逾期公开"


def test_empty_catalog_and_reversed_range(empty_village):
    db, ctx = empty_village
    svc = ScheduleService(ctx)
    assert svc.due(D("2026-01-01"), D("2026-12-31")) == []
    assert svc.due_on(D("2026-11-26")) == []
    assert svc.todo(D("2026-06-15")).is_clear


def test_nothing_before_the_start_month_is_due_or_overdue(schedule_village):
    """The village keeps its disclosures here from December 2026: October's monthly notice (due 11-10)
    and Q3's (due 10-20) are nobody's business here, even after November's record is entered."""
    db, ctx = schedule_village
    SettingsService(ctx).set("schedule.since", D("2026-12-01"))
    svc = ScheduleService(ctx)
    assert svc.since() == D("2026-12-01")
    add_disclosure(ctx, "CW-01", "2026-M11", "draft")  # November's finance, entered in December
    entries = svc.due_on(D("2026-12-27"))
    assert entries and min(e.due_date for e in entries) >= D("2026-12-01")
    assert not [e for e in entries if e.status == "overdue" and e.days_late > 17]
    keys = by_key(entries)
    assert keys["CW-01", "2026-M11"].status == "overdue" and keys["CW-01", "2026-M11"].days_late == 17
    assert ("CW-01", "2026-M10") not in keys and ("CW-02", "2026-Q3") not in keys
    # A range before the start month is empty; one across it starts at it.
    assert svc.due(D("2026-01-01"), D("2026-11-30"), today=D("2026-12-27")) == []
    assert min(e.due_date for e in svc.due(D("2026-01-01"), D("2027-01-31"), today=D("2026-12-27"))) >= D("2026-12-01")
    # Moving the start month back brings that history into view.
    SettingsService(ctx).set("schedule.since", D("2026-10-01"))
    assert ("CW-01", "2026-M09") in by_key(svc.due_on(D("2026-12-27")))


def test_a_database_set_up_before_the_setting_starts_in_its_setup_month(schedule_village):
    db, ctx = schedule_village
    with ctx.write("test.older-database", permission="setup") as w:
        w.session.execute(delete(Setting).where(Setting.key == "schedule.since"))
        w.session.execute(select(Installation)).scalar_one().created_at = datetime(2026, 11, 3, 2, tzinfo=UTC)
    svc = ScheduleService(ctx)
    assert svc.since() == D("2026-11-01")
    entries = svc.due_on(D("2026-11-26"))
    assert entries and min(e.due_date for e in entries) >= D("2026-11-01")
    # An earlier record does not drag the history in (it used to: 逾期 26 天 for October).
    add_disclosure(ctx, "CW-01", "2026-M06", "posted", posted="2026-07-08")
    assert ("CW-01", "2026-M09") not in by_key(svc.due_on(D("2026-11-26")))
