"""FeedbackService: questions on posted notices, their deadline, answers, the overdue flag."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from models.entities import AuditEvent, CatalogItem, Disclosure, Feedback
from models.errors import NotFound, StateError, ValidationError
from models.rules.timing import TimingRule
from models.services.catalog import CatalogService, ItemData
from models.services.feedback import FeedbackService

D = date.fromisoformat


def add_disclosure(ctx, status: str, posted: str | None = None, title: str = "2026年第三季度低保名单") -> int:
    with ctx.write("test.disclosure", target_type="disclosure", permission="disclosure.edit") as w:
        item_id = w.session.execute(select(CatalogItem.id)).scalars().first()
        start = D(posted) if posted else None
        row = Disclosure(item_id=item_id, period="2026-Q3", period_start=D("2026-07-01"),
                         period_end=D("2026-09-30"), kind="roster", title=title, status=status, drafter="王文书",
                         posting_start=start, posting_end=start + timedelta(days=6) if start else None)
        w.session.add(row)
        w.session.flush()
        return row.id


@pytest.fixture
def fb_village(empty_village):
    db, ctx = empty_village
    CatalogService(ctx).add(ItemData(code="DB-01", group="社会救助", name="低保", timing=TimingRule("quarterly", day=20)))
    return db, ctx


def test_add_sets_a_ten_day_deadline(fb_village):
    db, ctx = fb_village
    d = add_disclosure(ctx, "posted", posted="2026-10-20")
    svc = FeedbackService(ctx)
    f = svc.add(d, "  张三家为何未列入？ ", received=D("2026-10-22"), from_name="张三")
    assert (f.disclosure_id, f.text, f.from_name, f.received_on, f.answer_due) == (
        d, "张三家为何未列入？", "张三", D("2026-10-22"), D("2026-11-01"))
    assert f.disclosure_title == "2026年第三季度低保名单"
    assert f.recorded_by == "王文书"
    assert f.state == "overdue"  # as of today (after 2026-11-01), unanswered
    # Received defaults to today.
    g = svc.add(d, "公示期多长？")
    assert g.received_on == date.today() and g.answer_due == date.today() + timedelta(days=10)
    assert g.from_name is None and not g.overdue and g.state == "open"
    with ctx.read() as s:
        assert s.execute(select(AuditEvent.action).where(AuditEvent.action == "feedback.add")).scalars().all() == [
            "feedback.add", "feedback.add"]


def test_setting_change_applies_to_new_feedback(fb_village):
    db, ctx = fb_village
    d = add_disclosure(ctx, "expired", posted="2026-09-01")
    svc = FeedbackService(ctx)
    assert svc.settings().answer_days == 10 and svc.settings().answer_working is False
    first = svc.add(d, "一", received=D("2026-09-04"))
    svc.set_settings(answer_days=7)
    second = svc.add(d, "二", received=D("2026-09-04"))
    assert (first.answer_due, second.answer_due) == (D("2026-09-14"), D("2026-09-11"))
    # Working days: 2025-09-26 + 10 working days across National Day 2025 → 2025-10-16.
    svc.set_settings(answer_days=10, answer_working=True)
    early = add_disclosure(ctx, "posted", posted="2025-09-20")
    third = svc.add(early, "三", received=D("2025-09-26"))
    assert third.answer_due == D("2025-10-16")
    assert svc.settings().describe == "收到后10个工作日内答复"
    with pytest.raises(ValidationError):
        svc.set_settings(answer_days=0)


def test_overdue_flag_and_answer(fb_village):
    db, ctx = fb_village
    d = add_disclosure(ctx, "posted", posted="2026-10-20")
    svc = FeedbackService(ctx)
    f = svc.add(d, "金额为何不同？", received=D("2026-10-21"))  # due 10-31
    assert [x.overdue for x in svc.list(today=D("2026-10-31"))] == [False]  # due today: not yet late
    assert [x.overdue for x in svc.list(today=D("2026-11-01"))] == [True]
    assert svc.list(overdue_only=True, today=D("2026-10-31")) == []
    assert [x.id for x in svc.list(overdue_only=True, today=D("2026-11-01"))] == [f.id]

    a = svc.answer(f.id, "按亩数计算，详见公示", on=D("2026-11-03"))
    assert (a.answer_text, a.answered_on, a.answered_by) == ("按亩数计算，详见公示", D("2026-11-03"), "王文书")
    assert not a.overdue and a.answered_late and a.state == "answered_late"
    assert svc.list(overdue_only=True) == []
    # As of a day before the answer it was still overdue.
    assert [x.id for x in svc.list(overdue_only=True, today=D("2026-11-02"))] == [f.id]
    assert svc.list(unanswered_only=True) == []

    g = svc.add(d, "何时发放？", received=D("2026-10-25"))
    on_time = svc.answer(g.id, "下月发放", on=D("2026-10-30"))
    assert not on_time.answered_late and on_time.state == "answered"
    assert svc.get(g.id).answer_text == "下月发放"

    with pytest.raises(StateError):
        svc.answer(g.id, "再答")
    with pytest.raises(ValidationError):
        svc.answer(svc.add(d, "三", received=D("2026-10-26")).id, "早了", on=D("2026-10-25"))
    with pytest.raises(ValidationError):
        svc.answer(f.id, "   ")
    with pytest.raises(NotFound):
        svc.answer(999, "无此意见")


@pytest.mark.parametrize("status", ["draft", "submitted", "approved", "returned"])
def test_refused_before_posting(fb_village, status):
    db, ctx = fb_village
    d = add_disclosure(ctx, status)
    with pytest.raises(StateError) as err:
        FeedbackService(ctx).add(d, "有意见")
    assert "尚未公示" in str(err.value)
    with ctx.read() as s:
        assert s.execute(select(Feedback)).first() is None


def test_other_refusals(fb_village):
    db, ctx = fb_village
    d = add_disclosure(ctx, "archived", posted="2026-10-20")
    svc = FeedbackService(ctx)
    with pytest.raises(NotFound):
        svc.add(12345, "无此记录")
    with pytest.raises(ValidationError):
        svc.add(d, "  ")
    with pytest.raises(ValidationError):
        svc.add(d, "未来", received=date.today() + timedelta(days=1))
    with pytest.raises(ValidationError) as err:
        svc.add(d, "公示前", received=D("2026-10-19"))
    assert "早于公示开始日" in str(err.value)
    assert svc.add(d, "归档后仍可登记", received=D("2026-10-25")).id
