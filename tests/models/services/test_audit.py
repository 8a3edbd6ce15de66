"""Every write goes through ServiceContext.write and leaves a hash-chained audit event."""

from __future__ import annotations

from sqlalchemy import select, update

from models.entities import AuditEvent
from models.rules.timing import TimingRule
from models.services.catalog import CatalogService, ItemData
from models.services.context import verify_audit_chain


def test_writes_are_audited_and_chained(empty_village):
    db, ctx = empty_village
    svc = CatalogService(ctx)
    svc.add(ItemData(code="T-01", group="测试", name="测试事项", timing=TimingRule("monthly", day=10)))
    svc.retire("T-01")
    with db.read_session() as s:
        events = s.execute(select(AuditEvent).order_by(AuditEvent.id)).scalars().all()
    actions = [e.action for e in events]
    assert actions == ["setup.init", "catalog.item.add", "catalog.item.retire"]
    assert all(e.actor == "王文书" for e in events)
    assert events[1].prev_hash == events[0].hash
    assert verify_audit_chain(db) == []


def test_tampering_breaks_the_chain(empty_village):
    db, ctx = empty_village
    CatalogService(ctx).add(ItemData(code="T-01", group="测试", name="测试事项"))
    with db.write_session() as s:
        s.execute(update(AuditEvent).where(AuditEvent.action == "catalog.item.add").values(actor="别人"))
    problems = verify_audit_chain(db)
    assert problems and "校验值不符" in problems[0]
