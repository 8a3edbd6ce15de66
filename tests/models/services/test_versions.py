"""Record versions: a save against a record changed since it was read is refused, names who and
when, and writes nothing — for disclosures (with their roster rows), catalog items, feedback and
settings; the check is in the UPDATE's WHERE, so it also holds between two open sessions."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select, update

from models.entities import AuditEvent, CatalogItem, Disclosure
from models.errors import ReadOnlyMode, RecordChanged
from models.printing.settings import print_settings, print_settings_version, set_print_settings
from models.rules.timing import TimingRule
from models.services.catalog import CatalogService, ItemData
from models.services.context import Actor, ServiceContext, verify_audit_chain
from models.services.disclosures import DisclosureService
from models.services.feedback import FeedbackService

TODAY = date(2026, 11, 20)


@pytest.fixture
def env(empty_village):
    db, ctx = empty_village
    cat = CatalogService(ctx)
    cat.add(ItemData(code="DB-01", group="社会救助", name="低保名单", timing=TimingRule("quarterly", day=20),
                     posting_days=7, default_kind="roster", roster_preset="dibao"))
    cat.add(ItemData(code="GG-01", group="村务", name="村务公告", timing=TimingRule("immediate"),
                     posting_days=7, default_kind="notice"))
    wang = DisclosureService(ctx, clock=lambda: TODAY)
    li = DisclosureService(ServiceContext(db, Actor("李会计")), clock=lambda: TODAY)
    return db, wang, li


def _audit_count(db) -> int:
    with db.read_session() as s:
        return s.execute(select(func.count(AuditEvent.id))).scalar_one()


def test_a_new_record_starts_at_version_one_and_each_save_moves_it_on(env):
    _db, wang, _li = env
    d = wang.create("GG-01", "2026-M11", "十一月公告", body="正文")
    assert d.version == 1
    d2 = wang.update(d.id, body="改过的正文", expected_version=d.version)
    assert d2.version == 2 and d2.updated_by == "王文书"
    assert wang.submit(d.id, expected_version=d2.version).version == 3


def test_second_save_against_the_same_version_is_refused_naming_who_and_when(env):
    db, wang, li = env
    d = wang.create("GG-01", "2026-M11", "十一月公告", body="原文")
    first = li.update(d.id, body="李会计的正文", expected_version=d.version)
    events = _audit_count(db)
    with pytest.raises(RecordChanged) as refused:
        wang.update(d.id, body="王文书的正文", expected_version=d.version)
    when = first.updated_at.astimezone().strftime("%Y-%m-%d %H:%M")
    assert str(refused.value) == f"这条记录已被 李会计 在 {when} 修改，请重新打开"
    assert refused.value.by == "李会计" and refused.value.at == first.updated_at
    now = wang.get(d.id)
    assert now.body == "李会计的正文" and now.version == first.version
    assert _audit_count(db) == events  # nothing written, not even an audit event
    assert verify_audit_chain(db) == []


def test_roster_rows_and_header_save_as_one_transaction_and_one_audit_event(env):
    db, wang, li = env
    d = wang.create("DB-01", "2026-Q4", "低保名单", rows=[{"name": "张三", "amount": "100"}])
    events = _audit_count(db)
    saved = wang.update(d.id, title="第四季度低保名单", rows=[{"name": "张三", "amount": "120"},
                                                              {"name": "李四", "amount": "80"}],
                        expected_version=d.version)
    assert _audit_count(db) == events + 1
    with db.read_session() as s:
        ev = s.execute(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1)).scalar_one()
    assert ev.action == "disclosure.update" and ev.target_id == str(d.id)
    assert set(ev.detail["changed"]) >= {"title", "rows"} and ev.detail["rows"] == 2
    assert saved.title == "第四季度低保名单" and [r["name"] for r in saved.rows] == ["张三", "李四"]
    assert saved.version == d.version + 1

    # The other window still holds the first version: its rows are refused, the saved ones stay.
    with pytest.raises(RecordChanged, match="王文书"):
        li.update(d.id, rows=[{"name": "王五", "amount": "1"}], expected_version=d.version)
    assert [r["name"] for r in wang.get(d.id).rows] == ["张三", "李四"]


def test_rows_only_save_still_moves_the_version_on(env):
    _db, wang, li = env
    d = wang.create("DB-01", "2026-Q4", "低保名单", rows=[{"name": "张三", "amount": "100"}])
    after = wang.set_rows(d.id, [{"name": "张三", "amount": "100"}], expected_version=d.version)
    assert after.version == d.version + 1
    with pytest.raises(RecordChanged):
        li.set_rows(d.id, [{"name": "李四", "amount": "2"}], expected_version=d.version)


def test_workflow_actions_check_the_version_the_reviewer_saw(env):
    db, wang, _li = env
    d = wang.create("GG-01", "2026-M11", "十一月公告", body="正文")
    submitted = wang.submit(d.id, expected_version=d.version)
    reviewer = DisclosureService(ServiceContext(db, Actor("赵监委")), clock=lambda: TODAY)
    returned = reviewer.return_(d.id, "赵监委", "请补充", expected_version=submitted.version)
    wang.update(d.id, body="补充后的正文", expected_version=returned.version)
    wang.submit(d.id)
    # The reviewer's screen still shows the version it returned: approving unseen content is refused.
    with pytest.raises(RecordChanged, match="王文书"):
        reviewer.approve(d.id, "赵监委", expected_version=returned.version)
    assert reviewer.get(d.id).status == "submitted"


def test_cli_style_write_without_expected_version_uses_the_current_one(env):
    _db, wang, li = env
    d = wang.create("GG-01", "2026-M11", "十一月公告", body="一")
    li.update(d.id, body="二")
    assert wang.update(d.id, body="三").body == "三"  # read, change and write in one transaction


def test_the_check_is_in_the_updates_where_between_two_open_sessions(env):
    """Two transactions that both read version 1: the one whose UPDATE comes second matches no
    row and fails, rolled back (the server mode has no single writer lock to rely on)."""
    db, wang, _li = env
    d = wang.create("GG-01", "2026-M11", "十一月公告", body="原文")
    with db.read_session() as s:
        stale = s.get(Disclosure, d.id)
        s.expunge(stale)
    with db.write_session() as s:
        s.execute(update(Disclosure).where(Disclosure.id == d.id)
                  .values(body="别处的修改", version=Disclosure.version + 1))
    ctx = ServiceContext(db, Actor("王文书"))
    events = _audit_count(db)
    with pytest.raises(RecordChanged, match="请重新打开"), \
            ctx.write("disclosure.update", target_type="disclosure", permission="disclosure.edit") as w:
        row = w.session.merge(stale, load=False)  # the version read before the other change
        row.body = "会被拒绝的修改"
    assert wang.get(d.id).body == "别处的修改"
    assert _audit_count(db) == events


def test_catalog_item_edit_against_a_changed_item_is_refused(env):
    db, _wang, _li = env
    wang = CatalogService(ServiceContext(db, Actor("王文书")))
    li = CatalogService(ServiceContext(db, Actor("李会计")))
    item = wang.get("GG-01")
    assert item.version == 1
    li.update("GG-01", ItemData(**{**item.__dict__, "name": "村务公告（李）"}), expected_version=item.version)
    with pytest.raises(RecordChanged, match="李会计"):
        wang.update("GG-01", ItemData(**{**item.__dict__, "name": "村务公告（王）"}), expected_version=item.version)
    with pytest.raises(RecordChanged):
        wang.set_active("GG-01", False, expected_version=item.version)
    with db.read_session() as s:
        row = s.execute(select(CatalogItem).where(CatalogItem.code == "GG-01")).scalar_one()
        assert row.name == "村务公告（李）" and row.active and row.updated_by == "李会计"


def test_feedback_answer_checks_the_version(env):
    db, wang, _li = env
    d = wang.create("GG-01", "2026-M11", "十一月公告", body="正文")
    wang.submit(d.id)
    reviewer = DisclosureService(ServiceContext(db, Actor("赵监委")), clock=lambda: TODAY)
    reviewer.approve(d.id, "赵监委")
    wang.post(d.id, start=date.today(), days=7)
    fb = FeedbackService(ServiceContext(db, Actor("王文书")))
    q = fb.add(d.id, "补贴何时发放？", received=date.today())
    assert q.version == 1
    a = FeedbackService(ServiceContext(db, Actor("李会计"))).answer(q.id, "本月底", expected_version=q.version)
    assert a.version == 2
    with pytest.raises(Exception, match="已由 李会计 于"):
        fb.answer(q.id, "下月初", expected_version=q.version)


def test_print_settings_form_saved_over_a_newer_change_is_refused(env):
    db, _wang, _li = env
    wang, li = ServiceContext(db, Actor("王文书")), ServiceContext(db, Actor("李会计"))
    seen = print_settings_version(wang)
    assert seen == 0
    set_print_settings(li, issuer="测试村村民委员会", expected_version=seen)
    with pytest.raises(RecordChanged, match="李会计"):
        set_print_settings(wang, issuer="别的落款", expected_version=seen)
    assert print_settings(wang).issuer == "测试村村民委员会"
    assert print_settings_version(wang) == 1


def test_read_only_database_refuses_every_write(env):
    db, wang, _li = env
    d = wang.create("GG-01", "2026-M11", "十一月公告", body="正文")
    events = _audit_count(db)
    db.read_only = True
    try:
        with pytest.raises(ReadOnlyMode, match="只读"):
            wang.update(d.id, body="改")
        with pytest.raises(ReadOnlyMode):
            CatalogService(ServiceContext(db, Actor("王文书"))).retire("GG-01")
        assert wang.get(d.id).body == "正文"  # reading still works
    finally:
        db.read_only = False
    assert _audit_count(db) == events


def test_record_changed_without_a_time_still_reads_well():
    assert str(RecordChanged()) == "这条记录已被 其他人 修改，请重新打开"
    at = datetime(2026, 12, 7, 1, 30, tzinfo=UTC)
    assert at.astimezone().strftime("%H:%M") in str(RecordChanged("张三", at))
