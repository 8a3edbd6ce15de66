"""Issue 11, parts 3–4: faults named, files recognised before they are touched, init all or nothing.

Disk-full and read-only faults are injected at the engine (CI does not rely on mounting a small
tmpfs; `tests/models/cli/test_faults_cli.py` also runs the real thing when it can mount one).
"""

from __future__ import annotations

import errno
import hashlib
import sqlite3

import pytest
from sqlalchemy import event, func, select

from models.entities import AuditEvent, CatalogItem, Disclosure, ImportMapping, Installation
from models.errors import DatabaseError
from models.services.context import Actor, ServiceContext
from models.services.disclosures import DisclosureService
from models.services.setup import initialize, installation
from models.storage import create_database, open_database
from models.storage import database as storage
from models.storage.faults import CORRUPT, DISK_FULL, LOCKED, NOT_OURS, READ_ONLY, StorageFault, fault_for

ROWS = [{"name": f"张{i}", "amount": "10.00"} for i in range(50)]


def _sides(path):
    return sorted(p.name for p in path.parent.glob(path.name + "-*"))


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _inject(db, needle: str, error: BaseException):
    """Raise ``error`` from the driver when a statement containing ``needle`` runs."""

    @event.listens_for(db.engine, "before_cursor_execute")
    def _fail(conn, cursor, statement, parameters, context, executemany):
        if needle in statement:
            raise error

    return lambda: event.remove(db.engine, "before_cursor_execute", _fail)


def _counts(db):
    with db.read_session() as s:
        return (s.execute(select(func.count()).select_from(Disclosure)).scalar(),
                s.execute(select(func.count()).select_from(AuditEvent)).scalar(),
                s.execute(select(func.count()).select_from(ImportMapping)).scalar())


# --- each fault has its sentence -------------------------------------------------------------------

@pytest.mark.parametrize(("error", "kind", "words"), [
    (sqlite3.OperationalError("database or disk is full"), DISK_FULL, "磁盘已满"),
    (OSError(errno.ENOSPC, "No space left on device"), DISK_FULL, "磁盘已满"),
    (sqlite3.OperationalError("attempt to write a readonly database"), READ_ONLY, "只读"),
    (OSError(errno.EROFS, "Read-only file system"), READ_ONLY, "只读"),
    (sqlite3.OperationalError("database is locked"), LOCKED, "另一个程序占用"),
    (sqlite3.DatabaseError("database disk image is malformed"), CORRUPT, "已损坏"),
    (sqlite3.DatabaseError("file is not a database"), NOT_OURS, "不是本程序的数据库"),
])
def test_each_fault_has_one_sentence(error, kind, words, tmp_path):
    fault = fault_for(error, tmp_path / "cunwu.sqlite3")
    assert fault is not None and fault.kind == kind
    assert words in str(fault) and "cunwu.sqlite3" in str(fault)
    assert isinstance(fault, DatabaseError)  # a CunwuError: the CLI prints it, the GUI shows it
    if kind == DISK_FULL:
        assert str(fault).startswith("磁盘已满：") and "未保存任何内容" in str(fault)
    if kind == CORRUPT:
        assert "备份恢复" in str(fault)


def test_other_errors_are_not_faults():
    assert fault_for(sqlite3.IntegrityError("UNIQUE constraint failed: x.y")) is None
    assert fault_for(ValueError("bug")) is None
    assert fault_for(OSError(errno.ENOENT, "missing")) is None


# --- faults met by a service: named, and nothing saved ----------------------------------------------

@pytest.mark.parametrize(("message", "kind"), [
    ("database or disk is full", DISK_FULL),
    ("attempt to write a readonly database", READ_ONLY),
    ("database is locked", LOCKED),
    ("database disk image is malformed", CORRUPT),
])
def test_fault_in_a_write_is_named_and_saves_nothing(village, message, kind):
    db, ctx = village
    before = _counts(db)
    undo = _inject(db, "INSERT INTO roster_row", sqlite3.OperationalError(message))
    try:
        with pytest.raises(StorageFault) as exc:
            DisclosureService(ctx).create("CW-15", "2026", "生态公益林补偿", kind="roster", rows=ROWS,
                                          mapping={"name": "姓名"})
    finally:
        undo()
    assert exc.value.kind == kind and str(db.path) in str(exc.value)
    assert _counts(db) == before


def test_disk_full_at_commit_is_named(village, monkeypatch):
    db, ctx = village
    before = _counts(db)

    def full(dbapi_connection):
        dbapi_connection.rollback()
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(db.engine.dialect, "do_commit", full)
    with pytest.raises(StorageFault, match="磁盘已满") as exc:
        DisclosureService(ctx).create("CW-15", "2026", "生态公益林补偿", kind="roster", rows=ROWS)
    monkeypatch.undo()
    assert "未保存任何内容" in str(exc.value)
    assert _counts(db) == before


# --- one action, one transaction: the record and the mapping its file was read with ------------------

def test_record_and_remembered_mapping_are_one_transaction(village):
    db, ctx = village
    before = _counts(db)
    data = DisclosureService(ctx).create("CW-15", "2026", "生态公益林补偿", kind="roster", rows=ROWS,
                                         mapping={"name": "户主姓名", "amount": "补偿金额"})
    from models.services.import_mappings import mapping_for

    assert mapping_for(ctx, "CW-15") == {"name": "户主姓名", "amount": "补偿金额"}
    after = _counts(db)
    assert after == (before[0] + 1, before[1] + 1, before[2] + 1)  # one audit event for the one action
    with db.read_session() as s:
        last = s.execute(select(AuditEvent).order_by(AuditEvent.id.desc())).scalars().first()
    assert last.action == "disclosure.create" and last.target_id == str(data.id)
    assert last.detail["mapping"] == {"name": "户主姓名", "amount": "补偿金额"}


def test_mapping_failing_keeps_no_record(village):
    db, ctx = village
    before = _counts(db)
    undo = _inject(db, "INSERT INTO import_mapping", sqlite3.OperationalError("database or disk is full"))
    try:
        with pytest.raises(StorageFault, match="磁盘已满"):
            DisclosureService(ctx).create("CW-15", "2026", "生态公益林补偿", kind="roster", rows=ROWS,
                                          mapping={"name": "户主姓名"})
    finally:
        undo()
    assert _counts(db) == before  # neither the record nor its rows: a retry imports once


# --- files recognised before they are touched ------------------------------------------------------

def test_zero_byte_file_is_left_untouched(db_path):
    db_path.write_bytes(b"")
    with pytest.raises(DatabaseError, match="空文件") as exc:
        open_database(db_path)
    assert "cunwu init" in str(exc.value)
    assert db_path.stat().st_size == 0 and _sides(db_path) == []


def test_foreign_sqlite_file_keeps_its_journal_mode(tmp_path):
    p = tmp_path / "other.sqlite3"
    con = sqlite3.connect(p)
    con.execute("CREATE TABLE customers (name TEXT)")
    con.execute("INSERT INTO customers VALUES ('甲')")
    con.commit()
    con.close()
    digest = _digest(p)
    with pytest.raises(StorageFault, match="不是本程序的数据库") as exc:
        open_database(p)
    assert exc.value.kind == NOT_OURS and "未改动" in str(exc.value)
    assert _digest(p) == digest and _sides(p) == []
    con = sqlite3.connect(p)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    con.close()


def test_foreign_file_with_an_alembic_table_is_not_ours(tmp_path):
    p = tmp_path / "other.sqlite3"
    con = sqlite3.connect(p)
    con.execute("CREATE TABLE alembic_version (version_num TEXT)")
    con.execute("INSERT INTO alembic_version VALUES ('abc123')")
    con.commit()
    con.close()
    digest = _digest(p)
    with pytest.raises(StorageFault, match="不是本程序的数据库"):
        open_database(p)
    assert _digest(p) == digest and _sides(p) == []


def test_opening_our_database_leaves_no_wal_behind(village):
    db, _ctx = village
    db.dispose()
    again = open_database(db.path)
    installation(again)
    again.dispose()
    assert _sides(db.path) == []


# --- half-initialised databases from an older crash ------------------------------------------------

def _schema_only(db_path):
    create_database(db_path).dispose()  # what an older init left when killed before its first write


def _template_not_loaded(db_path):
    """An older init killed between its two transactions: installation, template named, 0 items."""
    db = create_database(db_path)
    ctx = ServiceContext(db, Actor("王文书", "admin"))
    with ctx.write("setup.init", target_type="installation", permission="setup") as w:
        w.session.add(Installation(id=1, mode="village", code="410322100201", name="测试村", township="城关镇",
                                   operator="王文书", template_id="village-standard"))
    db.dispose()


@pytest.mark.parametrize("make", [_schema_only, _template_not_loaded])
def test_half_initialised_database_is_recognised_and_replaced_by_init(db_path, make):
    make(db_path)
    assert storage.inspect_file(db_path).kind == "unfinished"
    with pytest.raises(DatabaseError, match="未完成的初始设置") as exc:
        open_database(db_path)
    assert "cunwu init" in str(exc.value)
    db = initialize(db_path, mode="village", code="410322100201", name="新测试村", township="城关镇",
                    operator="王文书", template_id="village-standard")
    try:
        assert installation(db).name == "新测试村"
        with db.read_session() as s:
            assert s.execute(select(func.count()).select_from(CatalogItem)).scalar() > 0
    finally:
        db.dispose()


def test_a_database_in_use_is_not_unfinished(village):
    db, _ctx = village
    assert storage.inspect_file(db.path).kind == "ours"


def test_empty_catalog_by_choice_is_not_unfinished(empty_village):
    db, _ctx = empty_village  # --template none: 0 items and no template is a finished set-up
    assert storage.inspect_file(db.path).kind == "ours"


def test_init_replaces_a_zero_byte_file(db_path):
    db_path.parent.mkdir(parents=True, exist_ok=True)
    db_path.write_bytes(b"")
    db = initialize(db_path, mode="village", code="410322100201", name="测试村", township="城关镇",
                    operator="王文书", template_id=None)
    assert installation(db).name == "测试村"
    db.dispose()


def test_init_refuses_a_foreign_file_and_leaves_it(tmp_path):
    (tmp_path / "elsewhere").mkdir()
    p = tmp_path / "elsewhere" / "other.sqlite3"
    con = sqlite3.connect(p)
    con.execute("CREATE TABLE customers (name TEXT)")
    con.commit()
    con.close()
    digest = _digest(p)
    with pytest.raises(StorageFault, match="不是本程序的数据库"):
        initialize(p, mode="village", code="410322100201", name="测试村", township="城关镇",
                   operator="王文书", template_id=None)
    assert _digest(p) == digest and sorted(x.name for x in p.parent.iterdir()) == ["other.sqlite3"]


# --- init is all or nothing -------------------------------------------------------------------------

def test_init_builds_beside_the_target_and_renames_into_place(db_path, monkeypatch):
    from models.services import catalog

    seen = {}
    real = catalog.CatalogService.merge

    def merge(self, *a, **kw):
        seen["target_during_build"] = db_path.exists()
        seen["building"] = [p.name for p in db_path.parent.iterdir() if p.name.endswith(".tmp")]
        return real(self, *a, **kw)

    monkeypatch.setattr(catalog.CatalogService, "merge", merge)
    db = initialize(db_path, mode="village", code="410322100201", name="测试村", township="城关镇",
                    operator="王文书", template_id="village-standard")
    db.dispose()
    assert seen["target_during_build"] is False and seen["building"]
    # No temp file, no WAL; the audit chain's key and head moved with the database.
    assert sorted(p.name for p in db_path.parent.iterdir()) == [
        "cunwu.sqlite3", "cunwu.sqlite3.auditkey", "cunwu.sqlite3.auditkey-head"]
    from models.services.integrity import IntegrityService

    again = open_database(db_path)
    try:
        report = IntegrityService(ServiceContext(again, Actor("王文书", "admin")), db_path.parent).check()
        assert not report.problems, [p.message for p in report.problems]
    finally:
        again.dispose()


def test_init_failing_late_leaves_nothing(db_path, monkeypatch):
    from models.services import catalog

    def merge(self, *a, **kw):
        raise fault_for(sqlite3.OperationalError("database or disk is full"), self.ctx.db.path)

    monkeypatch.setattr(catalog.CatalogService, "merge", merge)
    with pytest.raises(StorageFault) as exc:
        initialize(db_path, mode="village", code="410322100201", name="测试村", township="城关镇",
                   operator="王文书", template_id="village-standard")
    assert str(exc.value).startswith(f"磁盘已满：{db_path} ")  # the user's path, not the temp file's
    assert list(db_path.parent.iterdir()) == []  # no database, no temp, no key


def test_init_sweeps_the_temp_file_of_a_killed_init(db_path):
    db_path.parent.mkdir(parents=True, exist_ok=True)
    stale = db_path.with_name(f".{db_path.name}.init-99999.tmp")
    stale.write_bytes(b"half")
    db = initialize(db_path, mode="village", code="410322100201", name="测试村", township="城关镇",
                    operator="王文书", template_id=None)
    db.dispose()
    assert not stale.exists()


def test_init_never_applies_a_stale_wal_to_the_new_database(db_path):
    db_path.parent.mkdir(parents=True, exist_ok=True)
    db_path.write_bytes(b"")
    db_path.with_name(db_path.name + "-wal").write_bytes(b"stale" * 100)
    db = initialize(db_path, mode="village", code="410322100201", name="测试村", township="城关镇",
                    operator="王文书", template_id=None)
    assert installation(db).name == "测试村"
    db.dispose()


# --- read-only and corrupt databases -----------------------------------------------------------------

def test_read_only_database_reads_and_names_the_refusal(village, monkeypatch):
    db, _ctx = village
    db.dispose()
    monkeypatch.setattr(storage, "_unwritable", lambda path: path)  # as for a file the OS will not let us write
    ro = open_database(db.path)
    try:
        assert ro.read_only == READ_ONLY
        assert installation(ro).name == "测试村"
        with pytest.raises(StorageFault, match="只读") as exc:
            DisclosureService(ServiceContext(ro, Actor("王文书"))).create("CW-15", "2026", "补偿",
                                                                          kind="roster", rows=ROWS)
        assert "不是本程序的数据库" not in str(exc.value)
    finally:
        ro.dispose()


def _corrupt_roster_pages(path):
    """Overwrite the middle of the file (roster rows' pages), keeping the schema page readable."""
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=DELETE")
    page = con.execute("PRAGMA page_size").fetchone()[0]
    pages = con.execute("PRAGMA page_count").fetchone()[0]
    con.close()
    with open(path, "r+b") as fh:
        for n in range(pages // 2, pages - 2):
            fh.seek(n * page + 8)
            fh.write(b"\xff" * (page - 16))


def test_corrupt_database_fails_quick_check_and_opens_read_only(village):
    db, ctx = village
    DisclosureService(ctx).create("CW-15", "2026", "生态公益林补偿", kind="roster",
                                  rows=[{"name": f"张{i}", "amount": "1.00", "remark": "备注" * 40}
                                        for i in range(3000)])
    db.dispose()
    _corrupt_roster_pages(db.path)
    opened = open_database(db.path)
    assert opened.quick_check()  # the GUI and `cunwu check` run it
    opened.dispose()
    ro = open_database(db.path, read_only=True)
    try:
        assert ro.read_only == CORRUPT
        assert "只读方式打开" in ro.read_only_message and "备份恢复" in ro.read_only_message
        with pytest.raises(StorageFault, match="已损坏"):
            DisclosureService(ServiceContext(ro, Actor("王文书"))).create("CW-15", "2026", "补偿",
                                                                          kind="roster", rows=ROWS)
    finally:
        ro.dispose()
