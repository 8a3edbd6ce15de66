"""Attachments: stored by content hash, verified later, removable only before review."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest
from sqlalchemy import select

from models.entities import AuditEvent, CatalogItem, Disclosure
from models.errors import NotFound, StateError, ValidationError
from models.rules.timing import TimingRule
from models.services.attachments import AttachmentService
from models.services.catalog import CatalogService, ItemData
from models.services.context import verify_audit_chain


def _disclosure(ctx, status: str) -> int:
    if not CatalogService(ctx).list_items(query=""):
        CatalogService(ctx).add(ItemData(code="T-01", group="测试", name="惠农补贴发放",
                                         timing=TimingRule("quarterly", day=20)))
    with ctx.write("test.disclosure", target_type="disclosure", permission="disclosure.edit") as w:
        item_id = w.session.execute(select(CatalogItem.id).where(CatalogItem.code == "T-01")).scalar_one()
        d = Disclosure(item_id=item_id, period="2026-Q1", period_start=date(2026, 1, 1),
                       period_end=date(2026, 3, 31), kind="roster", title="2026年第一季度补贴名单",
                       status=status, drafter="王文书")
        w.session.add(d)
        w.session.flush()
        return d.id


@pytest.fixture
def svc(empty_village, data_dir):
    _db, ctx = empty_village
    return AttachmentService(ctx, data_dir)


@pytest.fixture
def photo(tmp_path):
    p = tmp_path / "公示栏照片.JPG"
    p.write_bytes(b"\xff\xd8\xff\xe0 board photo " * 100)
    return p


def test_add_copies_by_hash_and_records_it(svc, empty_village, data_dir, photo):
    db, ctx = empty_village
    did = _disclosure(ctx, "posted")  # a board photo is added after posting
    att = svc.add(did, photo, "board_photo", "村务公开栏 2026-04-02")
    digest = hashlib.sha256(photo.read_bytes()).hexdigest()
    assert att.sha256 == digest and att.size == photo.stat().st_size
    assert att.filename == "公示栏照片.JPG" and att.added_by == "王文书"
    parts = att.stored_path.split("/")
    assert parts[0] == "attachments" and len(parts[1]) == 4 and parts[2] == digest[:2]
    assert parts[3] == digest + ".jpg"
    stored = svc.open_path(att.id)
    assert stored == data_dir / att.stored_path and stored.read_bytes() == photo.read_bytes()
    assert [a.id for a in svc.list(did)] == [att.id]
    assert svc.verify() == []
    with db.read_session() as s:
        ev = s.execute(select(AuditEvent).where(AuditEvent.action == "attachment.add")).scalar_one()
    assert ev.detail["sha256"] == digest and ev.target_id == str(did)
    assert verify_audit_chain(db) == []


def test_verify_detects_altered_and_missing_files(svc, empty_village, photo, tmp_path):
    _db, ctx = empty_village
    did = _disclosure(ctx, "posted")
    altered = svc.add(did, photo)
    receipt = tmp_path / "receipt.pdf"
    receipt.write_bytes(b"%PDF-1.4 receipt")
    missing = svc.add(did, receipt, "receipt")

    path = svc.open_path(altered.id)
    path.write_bytes(path.read_bytes().replace(b"board", b"BOARD"))  # same size, other content
    svc.open_path(missing.id).unlink()
    problems = svc.verify()
    assert len(problems) == 2
    assert f"附件 {altered.id}" in problems[0] and "改动" in problems[0]
    assert f"附件 {missing.id}" in problems[1] and "不见了" in problems[1]


def test_remove_only_while_draft_or_returned(svc, empty_village, photo):
    _db, ctx = empty_village
    posted = _disclosure(ctx, "posted")
    kept = svc.add(posted, photo)
    with pytest.raises(StateError, match="不能删除"):
        svc.remove(kept.id)
    assert svc.open_path(kept.id).is_file() and svc.list(posted)

    draft = _disclosure(ctx, "draft")
    shared = svc.add(draft, photo)  # same content: one stored file, two records
    assert shared.stored_path == kept.stored_path
    svc.remove(shared.id)
    assert svc.list(draft) == []
    assert svc.open_path(kept.id).is_file()  # still used by the posted record
    assert svc.verify() == []

    other = photo.with_name("other.png")
    other.write_bytes(b"\x89PNG other")
    returned = _disclosure(ctx, "returned")
    att = svc.add(returned, other, "other")
    path = svc.open_path(att.id)
    svc.remove(att.id)
    assert not path.exists()


def test_bad_input(svc, empty_village, photo, tmp_path):
    _db, ctx = empty_village
    did = _disclosure(ctx, "draft")
    with pytest.raises(ValidationError):
        svc.add(did, tmp_path / "nope.jpg")
    with pytest.raises(ValidationError):
        svc.add(did, photo, "selfie")
    with pytest.raises(NotFound):
        svc.add(9999, photo)
    with pytest.raises(NotFound):
        svc.remove(9999)
    assert not any((svc.data_dir / "attachments").rglob("*.jpg"))
