"""The session's shared databases (tests/db_templates.py) are what building from scratch gives: the
same schema and version for a new database, the same rows for a fixture village, each in the test's
own folder with its own private files."""

from __future__ import annotations

import sqlite3
import stat
from datetime import date

import pytest

from models.storage import create_database, migrations
from tests import db_templates

VILLAGE = dict(mode="village", code="410322100201", name="测试村", township="城关镇", operator="王文书",
               template_id="village-standard", since=date(2025, 1, 1))


def _schema(path) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return sorted(conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall(),
                      key=lambda row: tuple(str(v) for v in row))


def _rows(path, table: str, columns: str) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return conn.execute(f"SELECT {columns} FROM {table} ORDER BY id").fetchall()


def _from_scratch(path, monkeypatch, build):
    """`build(path)` with Alembic migrating the new file itself."""
    with monkeypatch.context() as m:
        m.setattr(migrations, "upgrade_to_head", db_templates._REAL_UPGRADE)
        return build(path)


def test_a_new_database_gets_the_migrated_schema(tmp_path, monkeypatch):
    assert migrations.upgrade_to_head is db_templates.upgrade_to_head  # the shared schema is in use
    copied = tmp_path / "copied.sqlite3"
    create_database(copied).dispose()
    scratch = tmp_path / "scratch.sqlite3"
    _from_scratch(scratch, monkeypatch, lambda p: create_database(p).dispose())
    assert _schema(copied) == _schema(scratch) != []
    assert _rows(copied, "alembic_version", "version_num, 0 AS id") == [(migrations.head_revision(), 0)]
    assert (copied.with_name(copied.name + ".auditkey")).read_text() != \
        (scratch.with_name(scratch.name + ".auditkey")).read_text()  # create_database still makes its own key


@pytest.mark.real_migrations
def test_the_marker_lets_alembic_migrate(tmp_path):
    assert migrations.upgrade_to_head is not db_templates.upgrade_to_head
    db = create_database(tmp_path / "real.sqlite3")
    db.dispose()
    assert _rows(tmp_path / "real.sqlite3", "alembic_version", "version_num, 0 AS id")[0][0] == \
        migrations.head_revision()


def test_a_fixture_village_is_a_private_copy_of_the_same_set_up(tmp_path, monkeypatch):
    from models.services.setup import initialize
    from models.services.templates import default_template_id

    kwargs = {**VILLAGE, "template_id": default_template_id("village")}
    first, second = tmp_path / "a" / "cunwu.sqlite3", tmp_path / "b" / "cunwu.sqlite3"
    db_templates.initialized(first, **kwargs).dispose()
    db_templates.initialized(second, **kwargs).dispose()
    scratch = tmp_path / "scratch" / "cunwu.sqlite3"
    scratch.parent.mkdir()
    _from_scratch(scratch, monkeypatch, lambda p: initialize(p, **kwargs).dispose())
    assert _schema(first) == _schema(scratch)
    items = "code, name, group_id, timing"
    assert _rows(first, "catalog_item", items) == _rows(second, "catalog_item", items) \
        == _rows(scratch, "catalog_item", items) != []
    assert _rows(first, "audit_event", "action, actor") == _rows(scratch, "audit_event", "action, actor")
    for copy in (first, second):
        for name in (copy.name, copy.name + ".auditkey", copy.name + ".auditkey-head"):
            assert stat.S_IMODE((copy.parent / name).stat().st_mode) == 0o600, name
    # a write in one copy is not in the other
    with sqlite3.connect(first) as conn:
        conn.execute("DELETE FROM catalog_item")
    assert _rows(second, "catalog_item", "code") != []
