"""A roster save parses and writes only the rows that changed since this process read or wrote the
record (issue 13; models.services.roster_memory): the rows stored, their totals and findings are what a
whole rewrite stores, the unchanged rows keep their place (and their row ids), and whenever what is
stored is not known here — another version, another database — the save rewrites every row."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import select

import models.rules.roster as R
from models.entities import RosterRow
from models.services import roster_memory as RM
from models.services.context import Actor, ServiceContext
from models.services.disclosures import DisclosureService
from models.storage.database import open_database

IDS = ("410322196501011233", "410322197003150024", "410322198811204515", "410322200102036678",
       "410322195506067813")


def _rows(n: int) -> list[dict]:
    return [{"group": f"{k % 3 + 1}组", "name": f"村民{k}", "id_number": IDS[k % 5] if k < 5 else None,
             "household_size": str(k % 6 + 1), "amount": f"{100 + k}.00"} for k in range(n)]


def _stored(dibao_service) -> list[tuple]:
    """Every stored roster row as (row id, record, position, name, amount), straight from the table."""
    with dibao_service.ctx.read() as s:
        return [tuple(r) for r in s.execute(select(RosterRow.id, RosterRow.disclosure_id, RosterRow.position,
                                                   RosterRow.name, RosterRow.amount)
                                            .order_by(RosterRow.disclosure_id, RosterRow.position))]


def _fresh(db_path, record_id: int):
    """The record as another process reads it (a database opened anew: nothing remembered)."""
    db = open_database(db_path)
    try:
        return DisclosureService(ServiceContext(db, Actor("检查")), clock=lambda: date(2026, 7, 20)).get(record_id)
    finally:
        db.dispose()


def _same_record(a, b) -> None:
    assert a.rows == b.rows and a.totals == b.totals and a.row_count == b.row_count
    assert sorted(map(repr, a.findings)) == sorted(map(repr, b.findings))


def test_a_save_after_a_read_parses_and_writes_only_the_row_that_changed(dibao_service, parses, db_path):
    d = dibao_service.create("DB-01", "2026-Q3", "低保名单", rows=_rows(300))
    data = dibao_service.get(d.id)
    before = _stored(dibao_service)
    rows = list(data.rows)  # the rows as read, passed back as they are, but one typed anew
    rows[41] = {**{k: None for k in rows[41]}, "group": "2组", "name": "村民41", "household_size": "2",
                "amount": "999.50"}
    parses.clear()
    saved = dibao_service.update(d.id, rows=rows, expected_version=data.version)
    assert parses == [42]  # the changed row only
    after = _stored(dibao_service)
    changed = [(b, a) for b, a in zip(before, after, strict=True) if b != a]
    assert changed == [(before[41], (before[41][0], d.id, 42, "村民41", Decimal("999.50")))]  # same row id, in place
    assert saved.totals["amount"] == data.totals["amount"] - Decimal("141.00") + Decimal("999.50")
    _same_record(saved, _fresh(db_path, d.id))


def test_rows_inserted_removed_and_moved_are_stored_as_a_whole_rewrite_stores_them(dibao_service, db_path):
    rows = _rows(120)
    kept = dibao_service.create("DB-01", "2026-Q3", "低保名单", rows=rows)
    whole = dibao_service.create("DB-01", "2026-Q2", "低保名单（对照）", rows=rows)
    edits = [
        lambda r: [*r[:10], {"name": "新来的", "amount": "50.00"}, *r[10:]],  # inserted in the middle
        lambda r: r[:-7],  # the last rows removed
        lambda r: [*r, {"name": "末尾", "household_size": "3", "amount": "12.00"}],  # one added at the end
        lambda r: [r[1], r[0], *r[2:]],  # two rows swapped
        lambda r: [dict(x, amount="1.00") for x in r[:80]] + r[80:],  # most rows changed
    ]
    current = dibao_service.get(kept.id).rows
    for edit in edits:
        new = edit(list(current))
        got = dibao_service.update(kept.id, rows=new, expected_version=dibao_service.get(kept.id).version)
        RM.forget()  # the other record: everything rewritten, nothing remembered
        want = dibao_service.update(whole.id, rows=new)
        RM.forget()
        assert got.rows == want.rows and got.totals == want.totals
        _same_record(got, _fresh(db_path, kept.id))
        current = got.rows
    positions = [(rec, pos) for _id, rec, pos, _n, _a in _stored(dibao_service)]
    assert positions == sorted(set(positions))  # one row per place, numbered 1 … n without gaps
    assert [pos for rec, pos in positions if rec == kept.id] == list(range(1, len(current) + 1))


def test_rows_changed_by_another_process_are_not_taken_for_the_ones_read_here(dibao_service, db_path):
    d = dibao_service.create("DB-01", "2026-Q3", "低保名单", rows=_rows(200))
    read_here = dibao_service.get(d.id).rows
    other = open_database(db_path)
    try:  # the CLI, say: its own process, its own rows
        DisclosureService(ServiceContext(other, Actor("李会计"))).set_rows(d.id, [{"name": "别人", "amount": "1.00"}] * 200)
    finally:
        other.dispose()
    rows = list(read_here)
    rows[0] = {"name": "村民0改", "amount": "100.00"}
    saved = dibao_service.set_rows(d.id, rows)  # no version given: the save goes ahead, over the other's rows
    fresh = _fresh(db_path, d.id)
    assert [r["name"] for r in fresh.rows] == ["村民0改", *[f"村民{k}" for k in range(1, 200)]]
    _same_record(saved, fresh)


def test_cells_are_the_same_only_when_exactly_the_same():
    columns = R.table_columns(None)
    row = {"name": "张三", "household_size": 3, "amount": Decimal("1.00")}
    parsed = R.parse_rows([row], columns)
    RM.remember(-1, 1, 1, columns, [RM.cells_key(row)], parsed.parsed)
    entry = RM.recall(-1, 1)
    try:
        variants = [{**row, "amount": Decimal("1.0")}, {**row, "household_size": "3"},
                    {**row, "household_size": 3.0}, {"household_size": 3, "name": "张三", "amount": Decimal("1.00")}]
        assert RM.parses_for(entry, columns, [RM.cells_key(v) for v in variants]) == [None] * len(variants)
        assert RM.parses_for(entry, columns, [RM.cells_key(dict(row))]) == [(*parsed.parsed[0], None)]
        assert RM.parses_for(entry, R.table_columns(["name", "amount"]), [RM.cells_key(row)]) == [None]
    finally:
        RM.forget(-1, 1)
