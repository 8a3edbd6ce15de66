"""A roster's rows are read through the one parser once per read or save (issue 13): its totals and its
checks share the parse (models.rules.roster.ParsedRows), and a save returns what it wrote — its rows,
totals and findings as a fresh read finds them — without reading the rows back."""

from __future__ import annotations

from decimal import Decimal

import models.rules.roster as R
import models.services.disclosures as disclosures

IDS = ("410322196501011233", "410322197003150024", "410322198811204515")
ROWS = [{"name": "张三", "id_number": IDS[0], "quantity": "10.5", "rate": "18.34"},
        {"name": "李四", "id_number": IDS[1], "amount": "300"},
        {"name": "王五", "id_number": IDS[0], "amount": "-1"},  # a repeated ID number and a negative amount
        {"name": "", "id_number": IDS[2][:-1] + "9", "quantity": "2", "rate": "3", "amount": "7"}]


def test_a_read_parses_each_row_once_for_its_totals_and_checks(dibao_service, parses):
    d = dibao_service.create("DB-01", "2026-Q3", "2026年第三季度低保名单", rows=ROWS)
    parses.clear()
    data = dibao_service.get(d.id)
    assert len(parses) == len(ROWS)
    assert {"duplicate_id", "negative", "required", "amount_arithmetic", "id_check_digit"} <= {f.rule for f in data.findings}
    assert data.totals["rows"] == 4 and data.totals["amount"] == Decimal("192.57") + 300 - 1 + 7
    assert list(data.parsed_rows) == [R.parse_row(r, row=n, columns={c.key: c for c in R.table_columns(data.columns)})[0]
                                      for n, r in enumerate(data.rows, start=1)]


def test_a_save_parses_each_row_once_and_returns_what_it_wrote(dibao_service, parses, monkeypatch):
    d = dibao_service.create("DB-01", "2026-Q3", "2026年第三季度低保名单", rows=ROWS)
    reads: list[int] = []
    real_load = disclosures._load_rows
    monkeypatch.setattr(disclosures, "_load_rows", lambda s, i: reads.append(i) or real_load(s, i))
    changed = [dict(r) for r in ROWS]
    changed[2]["id_number"] = IDS[2]
    parses.clear()
    saved = dibao_service.set_rows(d.id, changed, expected_version=d.version)
    assert len(parses) == len(ROWS) and reads == []
    fresh = dibao_service.get(d.id)
    assert saved.rows == fresh.rows and saved.totals == fresh.totals and saved.version == fresh.version == d.version + 1
    assert saved.findings == fresh.findings and "duplicate_id" not in {f.rule for f in saved.findings}
