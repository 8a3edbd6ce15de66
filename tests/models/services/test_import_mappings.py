"""Remembered roster column mappings per catalog item."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from models.entities import AuditEvent
from models.errors import NotFound, ValidationError
from models.services.catalog import CatalogService, ItemData
from models.services.import_mappings import mapping_for, remember_mapping


def test_remember_and_replace(empty_village):
    db, ctx = empty_village
    CatalogService(ctx).add(ItemData(code="T-01", group="惠农补贴", name="耕地地力保护补贴"))
    assert mapping_for(ctx, "T-01") is None
    remember_mapping(ctx, "T-01", {"name": "户主姓名", "amount": "补贴金额（元）"})
    assert mapping_for(ctx, "T-01") == {"name": "户主姓名", "amount": "补贴金额（元）"}
    remember_mapping(ctx, "T-01", {"name": "姓名"})
    assert mapping_for(ctx, "T-01") == {"name": "姓名"}
    with db.read_session() as s:
        actions = s.execute(select(AuditEvent.action).where(AuditEvent.action.like("import_mapping.%"))).all()
    assert len(actions) == 2


def test_unknown_item_and_empty_mapping(empty_village):
    _db, ctx = empty_village
    with pytest.raises(NotFound):
        remember_mapping(ctx, "NOPE", {"name": "姓名"})
    assert mapping_for(ctx, "NOPE") is None
    CatalogService(ctx).add(ItemData(code="T-01", group="惠农补贴", name="耕地地力保护补贴"))
    with pytest.raises(ValidationError):
        remember_mapping(ctx, "T-01", {})
    with pytest.raises(ValidationError):
        remember_mapping(ctx, "T-01", {"name": " "})
