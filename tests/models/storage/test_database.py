"""Storage: pragmas, migrations from empty, upgrade with a copy, refusal of a newer schema."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import text

from models.errors import DatabaseError
from models.storage import create_database, migrations, open_database


def test_new_database_has_pragmas_and_head_schema(db_path):
    db = create_database(db_path)
    with db.read_session() as s:
        conn = s.connection()
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
    assert migrations.schema_state(db.engine).current == migrations.head_revision()
    db.dispose()


def test_create_refuses_existing_file(db_path):
    create_database(db_path).dispose()
    with pytest.raises(DatabaseError, match="已存在"):
        create_database(db_path)


def test_open_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(DatabaseError, match="找不到数据库"):
        open_database(tmp_path / "nope.sqlite3")


def test_refuses_newer_schema(db_path):
    create_database(db_path).dispose()
    con = sqlite3.connect(db_path)
    con.execute("UPDATE alembic_version SET version_num='9999_from_the_future'")
    con.commit()
    con.close()
    with pytest.raises(DatabaseError, match="更新版本"):
        open_database(db_path)


def test_upgrades_older_schema_after_copying_file(db_path):
    from sqlalchemy import create_engine

    db_path.parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(f"sqlite:///{db_path}")
    migrations.upgrade_to(engine, "0001")
    with engine.begin() as conn:  # a set-up database (an unfinished one is refused, see test_faults)
        conn.exec_driver_sql("INSERT INTO installation (id, mode, code, name, operator, created_at) "
                             "VALUES (1, 'village', '410322100201', '测试村', '王文书', '2026-01-01 00:00:00')")
    engine.dispose()
    if migrations.head_revision() == "0001":
        pytest.skip("only one revision so far")
    db = open_database(db_path)
    assert migrations.schema_state(db.engine).current == migrations.head_revision()
    db.dispose()
    copies = list(db_path.parent.glob(db_path.name + ".before-upgrade-0001-*"))
    assert len(copies) == 1
    con = sqlite3.connect(copies[0])
    assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
    con.close()


def test_refuses_foreign_file(tmp_path):
    p = tmp_path / "other.sqlite3"
    con = sqlite3.connect(p)
    con.execute("CREATE TABLE x (a)")
    con.commit()
    con.close()
    with pytest.raises(DatabaseError, match="不是本程序的数据库"):
        open_database(p)


def test_write_session_rolls_back_on_error(db_path):
    db = create_database(db_path)
    with pytest.raises(RuntimeError):
        with db.write_session() as s:
            s.execute(text("INSERT INTO setting(key, value) VALUES ('a', '1')"))
            raise RuntimeError("boom")
    with db.read_session() as s:
        assert s.execute(text("SELECT count(*) FROM setting")).scalar() == 0
    db.dispose()


def test_upgrades_kept_schema_0001_database(tmp_path):
    """A database from the first schema (kept under tests/data) opens, upgrades and keeps its data."""
    import shutil
    from pathlib import Path

    from models.services.catalog import CatalogService
    from models.services.context import Actor, ServiceContext
    from models.services.setup import installation

    src = Path(__file__).resolve().parents[2] / "data" / "schema-0001.sqlite3"
    p = tmp_path / "old.sqlite3"
    shutil.copy(src, p)
    db = open_database(p)
    assert migrations.schema_state(db.engine).current == migrations.head_revision()
    assert installation(db).name == "旧版村"
    items = CatalogService(ServiceContext(db, Actor("老文书"))).list_items()
    assert [i.code for i in items] == ["FW-01"] and items[0].timing.kind == "monthly"
    db.dispose()
    assert list(tmp_path.glob("old.sqlite3.before-upgrade-0001-*"))


def test_refuses_a_file_that_is_not_sqlite(tmp_path):
    p = tmp_path / "notes.sqlite3"
    p.write_text("这不是数据库" * 100, encoding="utf-8")
    with pytest.raises(DatabaseError, match="不是本程序的数据库"):
        open_database(p)


def test_light_revision_reading_agrees_with_alembic():
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrations.alembic_config())
    assert migrations.head_revision() == script.get_current_head()
    assert set(migrations.revision_graph()) == {r.revision for r in script.walk_revisions()}
    for rev in script.walk_revisions():
        assert migrations.revision_graph()[rev.revision] == rev.down_revision


def test_upgrades_kept_schema_0002_database_and_versions_start_at_one(tmp_path):
    """A database from the second schema (kept under tests/data: a roster draft, a posted notice
    with a villager's question, footer settings) upgrades with every record at version 1."""
    import shutil
    from pathlib import Path

    from models.services.context import Actor, ServiceContext
    from models.services.disclosures import DisclosureService
    from models.services.feedback import FeedbackService

    src = Path(__file__).resolve().parents[2] / "data" / "schema-0002.sqlite3"
    p = tmp_path / "old2.sqlite3"
    shutil.copy(src, p)
    db = open_database(p)
    assert migrations.schema_state(db.engine).current == migrations.head_revision()
    ctx = ServiceContext(db, Actor("老文书"))
    svc = DisclosureService(ctx)
    roster = svc.get(1)
    assert [r["name"] for r in roster.rows] == ["王小明", "李四"] and roster.version == 1
    assert FeedbackService(ctx).list(disclosure_id=2)[0].version == 1
    with db.read_session() as s:
        assert s.execute(text("SELECT DISTINCT version FROM catalog_item")).scalars().all() == [1]
        assert s.execute(text("SELECT version FROM setting")).scalars().all() == [1]
    assert svc.update(1, title="改名", expected_version=1).version == 2
    db.dispose()


@pytest.mark.real_migrations
def test_migrations_build_what_the_entities_declare(tmp_path):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlalchemy import create_engine

    from models.entities import Base

    engine = create_engine(f"sqlite:///{tmp_path / 'm.sqlite3'}")
    migrations.upgrade_to_head(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    engine.dispose()
    assert diff == []
