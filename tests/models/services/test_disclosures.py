"""DisclosureService: records, checks, the review and posting workflow, corrections, listing."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from models.entities import AuditEvent, StatusChange
from models.errors import NotFound, PermissionDenied, StateError, ValidationError
from models.rules.timing import TimingRule
from models.services.catalog import CatalogService, ItemData
from models.services.context import Actor, ServiceContext, verify_audit_chain
from models.services.disclosures import DisclosureService, SubmitRefused

D = date.fromisoformat
SHOW_KEYS = {"id", "item", "period", "kind", "title", "status", "drafter", "reviewer", "rows", "totals",
             "content", "posting", "supersedes", "superseded_by", "findings", "history"}

ROWS = [
    {"group": "一组", "name": "张三", "id_number": "11010519491231002X", "household_size": 3,
     "quantity": "11211.57", "rate": "18.34", "amount": "205620.19"},
    {"group": "二组", "name": "李四", "id_number": "110105198001010016", "amount": "50.50", "remark": "新增",
     "bank_card": "6228480000000000000"},
]


@pytest.fixture
def env(empty_village):
    db, ctx = empty_village
    cat = CatalogService(ctx)
    cat.add(ItemData(code="DB-01", group="社会救助", name="低保名单", timing=TimingRule("quarterly", day=20),
                     posting_days=7, default_kind="roster", roster_preset="dibao"))
    cat.add(ItemData(code="CW-01", group="财务", name="财务收支", category="财务",
                     timing=TimingRule("monthly", day=10), posting_days=7, default_kind="finance"))
    cat.add(ItemData(code="XM-01", group="工程项目", name="工程项目招投标及预决算",
                     timing=TimingRule("per_stage", days=10), posting_days=10, default_kind="project"))
    cat.add(ItemData(code="GG-01", group="村务", name="村务公告", timing=TimingRule("immediate"),
                     posting_days=5, posting_working_days=True))
    svc = DisclosureService(ctx, clock=lambda: date(2026, 7, 20))
    reviewer = DisclosureService(ServiceContext(db, Actor("李监委", "reviewer")), clock=lambda: date(2026, 7, 20))
    return db, ctx, svc, reviewer


def roster(svc, **kw):
    return svc.create("DB-01", "2026-Q3", "2026年第三季度低保名单", rows=ROWS, **kw)


def approved(svc, reviewer, **kw):
    d = roster(svc, **kw)
    svc.submit(d.id)
    return reviewer.approve(d.id, "李监委", "同意公示")


def posted(svc, reviewer, start="2026-07-18"):
    d = approved(svc, reviewer)
    return svc.post(d.id, start=start)


# --- records ----------------------------------------------------------------------------------

def test_create_roster_uses_item_default_kind_and_totals(env):
    _db, _ctx, svc, _r = env
    d = roster(svc)
    assert d.kind == "roster" and d.status == "draft" and d.drafter == "王文书"
    assert d.row_count == 2 and d.rows[1]["bank_card"] == "6228480000000000000"
    assert d.totals["amount"] == Decimal("205670.69") and d.totals["rows"] == 2
    doc = d.to_json()
    assert SHOW_KEYS <= set(doc)
    assert doc["totals"]["amount"] == "205670.69" and doc["rows"][0]["amount"] == "205620.19"
    assert doc["rows"][0]["quantity"] == "11211.57" and doc["rows"][0]["household_size"] == 3
    assert doc["posting"] == {"start": None, "end": None, "days": None, "working_days": False}
    assert [h["status"] for h in doc["history"]] == ["draft"] and doc["history"][0]["by"] == "王文书"
    keys = [c["key"] for c in d.columns]
    assert keys[:3] == ["group", "name", "id_number"] and "bank_card" in keys
    # the table's columns, stored with the record: label and unit apart, as the notice prints them
    by_key = {c["key"]: c for c in doc["columns"]}
    assert by_key["amount"]["label"] == "月保障金" and by_key["amount"]["unit"] == "元"
    assert by_key["amount"]["type"] == "money" and by_key["amount"]["summed"] is True
    assert by_key["bank_card"]["public"] is False


def test_create_refuses_unknown_item_bad_period_and_unreadable_rows(env):
    _db, _ctx, svc, _r = env
    with pytest.raises(NotFound):
        svc.create("NOPE", "2026-Q3", "x")
    with pytest.raises(ValidationError):
        svc.create("DB-01", "2026-Q5", "x")
    with pytest.raises(ValidationError) as exc:
        svc.create("DB-01", "2026-Q3", "x", rows=[{"name": "张三", "amount": "五十"}, {"name": "李四", "quantity": "1x"}])
    assert [p.row for p in exc.value.problems] == [1, 2]
    assert svc.list() == []  # nothing written
    with pytest.raises(ValidationError):
        svc.create("CW-01", "2026-M07", "财务", rows=ROWS)  # rows only for rosters


def test_missing_amount_is_quantity_times_rate(env):
    _db, _ctx, svc, _r = env
    d = svc.create("DB-01", "2026-Q3", "耕地地力保护补贴", rows=[{"name": "张三", "quantity": "11211.57",
                                                           "rate": "18.34"}])
    assert d.rows[0]["amount"] == Decimal("205620.19")


def test_update_changes_only_given_fields(env):
    _db, _ctx, svc, _r = env
    d = svc.create("CW-01", "2026-M07", "7月财务", content={"opening": "0", "closing": "0", "rows": []})
    d2 = svc.update(d.id, title="2026年7月财务收支公开")
    assert d2.title == "2026年7月财务收支公开" and d2.content["opening"] == "0.00" and d2.period == "2026-M07"
    d3 = svc.update(d.id, period="2026-M08")
    assert d3.period_start == D("2026-08-01")


# --- checks block submission ------------------------------------------------------------------

def test_finance_closing_balance_error_refuses_submit(env):
    _db, _ctx, svc, _r = env
    content = {"opening": Decimal("1000"), "closing": Decimal("1200"),
               "rows": [{"date": "2026-07-03", "summary": "租金", "class": "各项收入", "income": "300.50"}]}
    d = svc.create("CW-01", "2026-M07", "2026年7月财务收支", content=content)
    assert d.kind == "finance" and d.has_errors
    assert [f.rule for f in d.findings if f.is_error] == ["closing_balance"]
    with pytest.raises(SubmitRefused) as exc:
        svc.submit(d.id)
    assert "1200.00" in str(exc.value) and "1300.50" in str(exc.value)
    assert isinstance(exc.value, StateError) and exc.value.findings
    assert svc.get(d.id).status == "draft"
    fixed = svc.update(d.id, content={**content, "closing": "1300.50"})
    assert not fixed.has_errors and svc.submit(d.id).status == "submitted"


def test_project_sources_not_matching_budget_refuses_submit(env):
    _db, _ctx, svc, _r = env
    content = {"name": "村道硬化", "location": "二组", "content": "硬化", "unit": "万元", "budget": 120,
               "sources": [{"name": "财政奖补", "amount": 100}, {"name": "村集体投入", "amount": "15"}],
               "contractor": "某公司", "start": "2026-05-01", "end": "2026-09-30"}
    d = svc.create("XM-01", "2026-07-01", "村道硬化项目公示", content=content)
    assert d.event_date == D("2026-07-01") and d.unit == "万元"
    with pytest.raises(StateError, match="资金来源合计 115.00 与总投资 120.00 不符"):
        svc.submit(d.id)


def test_roster_wrong_check_digit_refuses_submit(env):
    _db, _ctx, svc, _r = env
    d = svc.create("DB-01", "2026-Q3", "名单", rows=[{"name": "张三", "id_number": "110105194912310029",
                                                     "amount": "100"}])
    assert [(f.row, f.field) for f in d.findings if f.is_error] == [(1, "id_number")]
    with pytest.raises(SubmitRefused):
        svc.submit(d.id)


# --- the workflow -----------------------------------------------------------------------------

def test_reviewer_cannot_approve_own_draft(env):
    _db, _ctx, svc, _r = env
    d = roster(svc)
    svc.submit(d.id)
    with pytest.raises(PermissionDenied, match="审核人不能是起草人本人"):
        svc.approve(d.id, "王文书")
    with pytest.raises(PermissionDenied, match="审核人不能是起草人本人"):
        svc.return_(d.id, " 王文书 ", "数字有误")
    assert svc.get(d.id).status == "submitted"


def test_approve_records_reviewer_opinion_date_and_history(env):
    _db, _ctx, svc, reviewer = env
    d = approved(svc, reviewer)
    assert (d.status, d.reviewer, d.review_opinion, d.reviewed_on) == ("approved", "李监委", "同意公示",
                                                                       D("2026-07-20"))
    hist = [(h.status, h.by) for h in d.history]
    assert hist == [("draft", "王文书"), ("submitted", "王文书"), ("approved", "李监委")]
    assert all(h.at.tzinfo is not None for h in d.history)


def test_posting_an_unapproved_record_is_refused(env):
    _db, _ctx, svc, _r = env
    d = roster(svc)
    with pytest.raises(StateError, match="审核通过"):
        svc.post(d.id, start="2026-07-18")
    svc.submit(d.id)
    with pytest.raises(StateError):
        svc.post(d.id, start="2026-07-18")


def test_posting_window_counts_both_ends(env):
    _db, _ctx, svc, reviewer = env
    d = posted(svc, reviewer, start="2026-07-18")
    assert (d.posting_start, d.posting_end, d.posting_days) == (D("2026-07-18"), D("2026-07-24"), 7)
    assert d.status == "posted"
    assert d.to_json()["posting"]["end"] == "2026-07-24"


def test_posting_fewer_days_than_the_item_minimum_is_refused(env):
    _db, _ctx, svc, reviewer = env
    d = approved(svc, reviewer)
    with pytest.raises(ValidationError) as exc:
        svc.post(d.id, start="2026-07-18", days=5)
    assert exc.value.problems[0].rule == "posting_days_minimum" and "7" in str(exc.value)
    assert svc.post(d.id, start="2026-07-18", days=10).posting_end == D("2026-07-27")


def test_posting_in_working_days(env):
    _db, _ctx, svc, reviewer = env
    d = svc.create("GG-01", "2026-07-17", "村务公告", body="正文")
    assert d.kind == "notice"
    svc.submit(d.id)
    reviewer.approve(d.id, "李监委")
    p = svc.post(d.id, start="2026-07-17")  # Friday; 5 working days: 17, 20, 21, 22, 23
    assert p.posting_end == D("2026-07-23") and p.posting_working_days


def test_posted_record_is_read_only_and_points_to_correction(env):
    _db, _ctx, svc, reviewer = env
    d = posted(svc, reviewer)
    for call in (lambda: svc.update(d.id, title="改"), lambda: svc.set_rows(d.id, ROWS[:1]),
                 lambda: svc.submit(d.id)):
        with pytest.raises(StateError):
            call()
    with pytest.raises(StateError, match="更正"):
        svc.update(d.id, body="偷偷改")
    with pytest.raises(StateError):
        svc.post(d.id, start="2026-07-25")
    assert svc.get(d.id).title == "2026年第三季度低保名单"


def test_submitted_and_approved_are_not_editable(env):
    _db, _ctx, svc, reviewer = env
    d = roster(svc)
    svc.submit(d.id)
    with pytest.raises(StateError, match="退回"):
        svc.update(d.id, title="x")
    reviewer.approve(d.id, "李监委")
    with pytest.raises(StateError, match="退回"):
        svc.set_rows(d.id, ROWS)


def test_returned_record_can_be_edited_and_resubmitted(env):
    _db, _ctx, svc, reviewer = env
    d = roster(svc)
    svc.submit(d.id)
    with pytest.raises(ValidationError):
        reviewer.return_(d.id, "李监委", "")
    r = reviewer.return_(d.id, "李监委", "李四金额有误")
    assert r.status == "returned" and r.return_reason == "李四金额有误" == r.open_return_reason
    fixed = svc.set_rows(d.id, [ROWS[0], {**ROWS[1], "amount": "60.50"}])
    assert fixed.totals["amount"] == Decimal("205680.69") and fixed.status == "returned"
    resubmitted = svc.submit(d.id)
    assert resubmitted.status == "submitted" and resubmitted.open_return_reason is None  # history now
    assert [h.status for h in svc.get(d.id).history] == ["draft", "submitted", "returned", "submitted"]


def test_approved_but_unposted_can_be_returned(env):
    _db, _ctx, svc, reviewer = env
    d = approved(svc, reviewer)
    assert reviewer.return_(d.id, "李监委", "再核一遍").status == "returned"


def test_correction_supersedes_the_original_once_posted(env):
    _db, _ctx, svc, reviewer = env
    orig = posted(svc, reviewer)
    with pytest.raises(StateError):
        svc.correct(roster(svc).id)  # a draft is edited, not corrected
    c = svc.correct(orig.id)
    assert c.status == "draft" and c.is_correction and c.supersedes == orig.id
    assert c.title == "更正：2026年第三季度低保名单"
    assert c.rows == orig.rows and c.totals == orig.totals
    assert svc.get(orig.id).superseded_by is None
    with pytest.raises(StateError, match=f"#{c.id}"):
        svc.correct(orig.id)  # one open correction at a time
    c = svc.set_rows(c.id, [ROWS[0], {**ROWS[1], "amount": "60.50"}])
    svc.submit(c.id)
    reviewer.approve(c.id, "李监委")
    svc.post(c.id, start="2026-07-20")
    o = svc.get(orig.id)
    assert o.superseded_by == c.id and o.to_json()["superseded_by"] == c.id
    assert svc.get(c.id).to_json()["supersedes"] == orig.id
    assert [r for r in svc.list() if r.id == orig.id][0].superseded_by == c.id
    with pytest.raises(StateError, match=f"#{c.id}"):
        svc.correct(orig.id)
    c2 = svc.correct(c.id)
    assert c2.title.startswith("更正：") and not c2.title.startswith("更正：更正")
    # a superseded record may be archived before its window ends
    assert svc.archive(orig.id).status == "archived"


def test_expiry_computed_on_read_then_written_and_archive(env):
    db, ctx, _svc, reviewer = env
    svc = DisclosureService(ctx, clock=lambda: date(2026, 7, 20))
    d = posted(svc, reviewer, start="2026-07-18")
    with pytest.raises(StateError, match="2026-07-24"):
        svc.archive(d.id)
    later = DisclosureService(ctx, clock=lambda: date(2026, 7, 25))
    assert later.get(d.id).status == "expired" and later.get(d.id).stored_status == "posted"
    assert [r.id for r in later.list(status="expired")] == [d.id]
    assert later.list(status="posted") == []
    assert later.expire_due() == [d.id]
    assert later.expire_due() == []
    g = later.get(d.id)
    assert g.stored_status == "expired" and g.history[-1].status == "expired"
    a = later.archive(d.id)
    assert a.status == "archived"
    with pytest.raises(StateError, match="更正"):
        later.update(d.id, title="x")


def test_every_change_is_audited_and_chained(env):
    db, _ctx, svc, reviewer = env
    d = posted(svc, reviewer)
    with db.read_session() as s:
        events = s.execute(select(AuditEvent.action, AuditEvent.actor, AuditEvent.target_id)
                           .where(AuditEvent.target_type == "disclosure").order_by(AuditEvent.id)).all()
        changes = s.execute(select(StatusChange.status, StatusChange.by)
                            .where(StatusChange.disclosure_id == d.id).order_by(StatusChange.id)).all()
    assert [e.action for e in events] == ["disclosure.create", "disclosure.submit", "disclosure.approve",
                                          "disclosure.post"]
    assert {e.target_id for e in events} == {str(d.id)}
    assert [e.actor for e in events] == ["王文书", "王文书", "李监委", "王文书"]
    assert [tuple(c) for c in changes] == [("draft", "王文书"), ("submitted", "王文书"), ("approved", "李监委"),
                                           ("posted", "王文书")]
    assert verify_audit_chain(db) == []


def test_refused_actions_write_nothing(env):
    db, _ctx, svc, _r = env
    d = svc.create("CW-01", "2026-M07", "财务", content={"opening": "1", "closing": "2", "rows": []})
    with db.read_session() as s:
        before = s.execute(select(AuditEvent.id)).all()
    with pytest.raises(StateError):
        svc.submit(d.id)
    with db.read_session() as s:
        assert s.execute(select(AuditEvent.id)).all() == before


# --- listing ----------------------------------------------------------------------------------

def test_list_filters_and_pinyin_query(env):
    _db, _ctx, svc, reviewer = env
    a = posted(svc, reviewer)
    b = svc.create("CW-01", "2026-M07", "2026年7月财务收支公开",
                   content={"opening": "0", "closing": "0", "rows": []})
    c = svc.create("XM-01", "2026-07-01", "村道硬化项目公示", content={})
    assert [r.id for r in svc.list()] == [c.id, b.id, a.id]
    assert [r.id for r in svc.list(status="posted")] == [a.id]
    assert [r.id for r in svc.list(status="draft")] == [c.id, b.id]
    assert [r.id for r in svc.list(item="CW-01")] == [b.id]
    assert [r.id for r in svc.list(period="2026-q3")] == [a.id]
    assert [r.id for r in svc.list(kind="project")] == [c.id]
    assert [r.id for r in svc.list(query="dibao")] == [a.id]
    assert [r.id for r in svc.list(query="cwsz")] == [b.id]  # 财务收支 initials
    assert [r.id for r in svc.list(query="硬化")] == [c.id]
    assert [r.id for r in svc.list(query="cunwu 50%")] == []
    assert [r.id for r in svc.list(limit=1, offset=1)] == [b.id]
    assert svc.count(status="draft") == 2
    row = svc.list(item="DB-01")[0]
    assert (row.item_name, row.row_count, row.amount, row.status) == ("低保名单", 2, Decimal("205670.69"),
                                                                     "posted")
    assert set(row.to_json()) >= {"id", "item", "period", "kind", "title", "status"}
    with pytest.raises(ValidationError):
        svc.list(status="published")


# --- volume and catalog link ------------------------------------------------------------------

def test_ten_thousand_rows(env):
    _db, _ctx, svc, _r = env
    d = svc.create("DB-01", "2026-Q3", "大名单")
    rows = [{"group": f"{i % 12 + 1}组", "name": f"村民{i}", "quantity": "1.5", "rate": "18.34"}
            for i in range(10_000)]
    d = svc.set_rows(d.id, rows)
    assert d.row_count == 10_000 and len(d.rows) == 10_000
    assert d.totals["amount"] == Decimal("27.51") * 10_000
    assert svc.list()[0].row_count == 10_000
    c = svc.set_rows(d.id, rows[:3])
    assert c.row_count == 3


def test_catalog_item_with_records_cannot_be_deleted(env):
    _db, ctx, svc, _r = env
    roster(svc)
    with pytest.raises(ValidationError, match="不能删除"):
        CatalogService(ctx).delete("DB-01")
    CatalogService(ctx).delete("GG-01")  # no records: fine


def test_retired_item_takes_no_new_records(env):
    _db, ctx, svc, _r = env
    CatalogService(ctx).retire("GG-01")
    with pytest.raises(StateError, match="停用"):
        svc.create("GG-01", "2026-07-17", "x")


def test_draft_can_be_discarded_but_not_after_submission(env):
    _db, _ctx, svc, _r = env
    d = roster(svc)
    svc.delete(d.id)
    with pytest.raises(NotFound):
        svc.get(d.id)
    e = roster(svc)
    svc.submit(e.id)
    with pytest.raises(StateError):
        svc.delete(e.id)


# --- the summary the record list shows at once --------------------------------------------------

def test_summary_has_the_records_facts_without_reading_rows_or_running_checks(env, monkeypatch):
    from dataclasses import fields

    from models.rules import kinds as K
    from models.services import disclosures as module
    from models.services.disclosures import DisclosureData, DisclosureSummary

    _db, _ctx, svc, reviewer = env
    d = posted(svc, reviewer)
    whole = svc.get(d.id)

    def refuse(*_args, **_kwargs):
        raise AssertionError("the summary must not read rows or run checks")

    monkeypatch.setattr(module, "_load_rows", refuse)
    monkeypatch.setattr(K, "check_disclosure", refuse)
    monkeypatch.setattr(K, "compute_totals", refuse)
    summary = svc.summary(d.id)
    assert isinstance(summary, DisclosureSummary) and not isinstance(summary, DisclosureData)
    # Every field of the summary means the same in the whole record, and holds the same value.
    for f in fields(DisclosureSummary):
        assert getattr(summary, f.name) == getattr(whole, f.name), f.name
    assert summary.row_count == 2 and summary.totals["amount"] == Decimal("205670.69")
    assert summary.status == "posted" and summary.read_only and not summary.editable
    assert [h.status for h in summary.history] == ["draft", "submitted", "approved", "posted"]
    with pytest.raises(NotFound):
        svc.summary(9999)
