"""Fixtures shared by the services' roster tests."""

from __future__ import annotations

from datetime import date

import pytest

from models.rules import roster as R
from models.rules.timing import TimingRule
from models.services.catalog import CatalogService, ItemData
from models.services.disclosures import DisclosureService


@pytest.fixture
def dibao_service(empty_village):
    """A disclosure service on a village whose catalog has one roster item, DB-01 (低保名单)."""
    _db, ctx = empty_village
    CatalogService(ctx).add(ItemData(code="DB-01", group="社会救助", name="低保名单",
                                     timing=TimingRule("quarterly", day=20), posting_days=7, default_kind="roster"))
    return DisclosureService(ctx, clock=lambda: date(2026, 7, 20))


@pytest.fixture
def parses(monkeypatch):
    """The row numbers the one roster parser (models.rules.roster.parse_row) is called with."""
    calls: list[int | None] = []
    real = R.parse_row

    def counted(raw, *, row=None, columns=None):
        calls.append(row)
        return real(raw, row=row, columns=columns)

    monkeypatch.setattr(R, "parse_row", counted)
    return calls
