"""Money and quantities are stored exactly: text in the database, Decimal in Python, and older
databases (REAL values) converted to the same numbers the app showed before."""

from __future__ import annotations

import shutil
import sqlite3
from decimal import Decimal
from pathlib import Path

from alembic import command
from sqlalchemy import text

from models.rules.timing import TimingRule
from models.services.catalog import CatalogService, ItemData
from models.services.context import Actor, ServiceContext
from models.services.disclosures import DisclosureService
from models.storage import migrations, open_database

DATA = Path(__file__).resolve().parents[2] / "data"


def _roster(ctx, rows):
    CatalogService(ctx).add(ItemData(code="DL-01", group="惠农补贴", name="耕地地力保护补贴",
                                     timing=TimingRule("yearly", month=5, day=31), posting_days=7,
                                     default_kind="roster", roster_preset="dili"))
    return DisclosureService(ctx).create("DL-01", "2026", "耕地地力保护补贴名单", rows=rows)


def test_reads_back_a_long_quantity_exactly(empty_village):
    db, ctx = empty_village
    d = _roster(ctx, [{"name": "张三", "id_number": "110105194912310029", "quantity": "12345678901234.5678",
                       "rate": "0.0001", "amount": "1234567890.12"},
                      {"name": "李四", "id_number": "11010519491231002X", "quantity": "0.1", "rate": "0.2"}])
    back = DisclosureService(ctx).get(d.id)
    assert back.rows[0]["quantity"] == Decimal("12345678901234.5678")
    assert str(back.rows[0]["quantity"]) == "12345678901234.5678"
    assert back.rows[0]["amount"] == Decimal("1234567890.12")
    assert back.rows[1]["quantity"] + back.rows[1]["rate"] == Decimal("0.3")  # no binary noise
    assert back.rows[1]["amount"] == Decimal("0.02")
    with db.read_session() as s:
        stored = s.execute(text("SELECT quantity, typeof(quantity), amount, typeof(amount) FROM roster_row "
                                "ORDER BY position")).all()
    assert stored[0] == ("12345678901234.5678", "text", "1234567890.12", "text")
    assert stored[1][2] == "0.02"


def test_upgrade_from_kept_schema_0002_keeps_the_amounts(tmp_path):
    p = tmp_path / "old2.sqlite3"
    shutil.copy(DATA / "schema-0002.sqlite3", p)
    before = sqlite3.connect(p).execute("SELECT amount FROM roster_row ORDER BY position").fetchall()
    db = open_database(p)
    assert migrations.schema_state(db.engine).current == migrations.head_revision()
    rows = DisclosureService(ServiceContext(db, Actor("老文书"))).get(1).rows
    assert [r["amount"] for r in rows] == [Decimal(repr(float(a))).quantize(Decimal("0.01")) for (a,) in before]
    with db.read_session() as s:
        kinds = s.execute(text("SELECT DISTINCT typeof(amount) FROM roster_row")).scalars().all()
    assert kinds == ["text"]
    db.dispose()


def test_upgrade_from_head_before_converts_real_values(empty_village):
    """A database at 0006 (before this revision) holding REAL values (written as the app wrote them then) upgrades to text
    with the numbers the app read from it."""
    db, ctx = empty_village
    d = _roster(ctx, [{"name": "张三", "id_number": "110105194912310029", "quantity": "11211.57",
                       "rate": "18.34"}])
    cfg = migrations.alembic_config(db.engine)
    command.downgrade(cfg, "0006")
    values = [("205620.19", "11211.57", "18.34"), ("0.1", "0.3", "0.03"), ("1200", "3", "400"),
              ("99999999999999.99", "26.51", "7.1234")]
    with db.engine.begin() as conn:
        assert conn.execute(text("SELECT typeof(amount) FROM roster_row")).scalar() == "real"
        conn.execute(text("DELETE FROM roster_row"))
        for pos, (amount, q, r) in enumerate(values, start=1):
            conn.execute(text("INSERT INTO roster_row (disclosure_id, position, name, quantity, rate, amount, extra)"
                              " VALUES (:d, :p, '张三', :q, :r, :a, '{}')"),
                         {"d": d.id, "p": pos, "q": float(q), "r": float(r), "a": float(amount)})
    migrations.upgrade_to_head(db.engine)
    rows = DisclosureService(ctx).get(d.id).rows
    assert [(r["amount"], r["quantity"], r["rate"]) for r in rows] == [
        (Decimal("205620.19"), Decimal("11211.57"), Decimal("18.34")),
        (Decimal("0.10"), Decimal("0.3"), Decimal("0.03")),
        (Decimal("1200.00"), Decimal("3"), Decimal("400")),
        # the largest amount REAL held: read back as the app read it before (%.2f of the double)
        (Decimal(f"{float('99999999999999.99'):.2f}"), Decimal("26.51"), Decimal("7.1234")),
    ]
    with db.read_session() as s:
        assert s.execute(text("SELECT amount, quantity FROM roster_row WHERE position = 2")).one() == ("0.10", "0.3")
