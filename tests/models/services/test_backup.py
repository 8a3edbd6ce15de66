"""Backups and restore: whole, owner-only, rotating, verified before anything is replaced."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from datetime import date, datetime, timedelta

import pytest

from models.cli import main
from models.errors import ValidationError
from models.rules.timing import TimingRule
from models.services.attachments import AttachmentService
from models.services.backup import BackupError, BackupService, restore
from models.services.catalog import CatalogService, ItemData
from models.services.context import Actor, ServiceContext, chain_head
from models.services.disclosures import DisclosureService
from models.services.integrity import IntegrityService
from models.storage import open_database

ROWS = [{"name": "张三", "id_number": "11010519491231002X", "amount": "100.00"},
        {"name": "李四", "id_number": "110105198001010016", "amount": "50.50"}]


@pytest.fixture
def village(empty_village, db_path, data_dir, tmp_path):
    db, ctx = empty_village
    CatalogService(ctx).add(ItemData(code="DL-01", group="惠农补贴", name="耕地地力保护补贴",
                                     timing=TimingRule("quarterly", day=20), posting_days=7, default_kind="roster"))
    svc = DisclosureService(ctx, clock=lambda: date(2026, 7, 20))
    d = svc.create("DL-01", "2026-Q3", "名单", rows=ROWS)
    svc.submit(d.id)
    DisclosureService(ServiceContext(db, Actor("李监委", "reviewer")), clock=lambda: date(2026, 7, 20)).approve(
        d.id, "李监委")
    svc.post(d.id, start="2026-07-18")
    photo = tmp_path / "board.jpg"
    photo.write_bytes(b"\xff\xd8 board photo")
    AttachmentService(ctx, data_dir).add(d.id, photo)
    return db, ctx


def dump(path) -> dict[str, list]:
    con = sqlite3.connect(path)
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return {t: con.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall() for t in tables}
    finally:
        con.close()


def mode(path) -> int:
    return path.stat().st_mode & 0o777


def test_backup_damage_restore_gives_identical_data_and_a_clean_check(village, db_path, data_dir, tmp_path, capsys):
    db, ctx = village
    out = tmp_path / "bk" / "village.cwbak"
    out.parent.mkdir()
    info = BackupService(ctx, data_dir).backup(out)
    assert info.path == out and info.attachments == 1 and mode(out) == 0o600
    assert not [p for p in out.parent.iterdir() if p != out]  # no temp left beside it
    db.dispose()
    before = dump(db_path)
    attachment = next((data_dir / "attachments").rglob("*.jpg"))
    photo = attachment.read_bytes()

    # damage: a forged row, a lost photo
    con = sqlite3.connect(db_path)
    con.execute("UPDATE roster_row SET amount=999 WHERE position=1")
    con.commit()
    con.close()
    attachment.unlink()
    capsys.readouterr()
    args = ["--db", str(db_path), "--data-dir", str(data_dir), "--user", "王文书"]
    assert main([*args, "check"]) == 1
    capsys.readouterr()

    assert main([*args, "restore", str(out), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    kept = result["replaced_kept_at"]
    assert kept and "replaced" in kept and mode(data_dir / "replaced") == 0o700
    after = dump(db_path)
    restore_events = [r for r in after["audit_event"] if r[4] == "backup.restore"]
    assert len(restore_events) == 1  # the restore itself is on the record
    after["audit_event"] = [r for r in after["audit_event"] if r[4] != "backup.restore"]
    assert after == before
    assert attachment.read_bytes() == photo
    assert mode(db_path) == 0o600
    # the damaged database is kept aside, still damaged
    # (amounts are stored as exact decimal text, so the 999 written above reads back as text)
    assert sqlite3.connect(kept).execute("SELECT amount FROM roster_row WHERE position=1").fetchone()[0] == "999"
    assert main([*args, "check", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["ok"] is True


def test_restore_refuses_a_corrupt_backup_and_touches_nothing(village, db_path, data_dir, tmp_path):
    db, ctx = village
    out = BackupService(ctx, data_dir).backup(tmp_path / "b.cwbak").path
    db.dispose()
    data = bytearray(out.read_bytes())
    data[len(data) // 2] ^= 0xFF
    bad = tmp_path / "bad.cwbak"
    bad.write_bytes(bytes(data))
    before = db_path.read_bytes()
    with pytest.raises(BackupError) as exc:
        restore(bad, db_path, data_dir, Actor("王文书", "admin"))
    assert "损坏" in str(exc.value) or "不是完整的备份文件" in str(exc.value)
    assert db_path.read_bytes() == before and not (data_dir / "replaced").exists()
    assert not list(db_path.parent.glob(".cunwu-restore-*"))


def test_restore_refuses_a_backup_that_fails_the_check(village, db_path, data_dir, tmp_path):
    """A backup made of a tampered database (manifest recomputed to match) is not restored."""
    db, ctx = village
    out = BackupService(ctx, data_dir).backup(tmp_path / "b.cwbak").path
    db.dispose()
    work = tmp_path / "unz"
    with zipfile.ZipFile(out) as zf:
        zf.extractall(work)
    con = sqlite3.connect(work / "cunwu.sqlite3")
    con.execute("UPDATE roster_row SET name='赵六' WHERE position=2")
    con.commit()
    con.close()
    import hashlib

    manifest = json.loads((work / "manifest.json").read_text(encoding="utf-8"))
    for name in manifest["files"]:
        manifest["files"][name] = hashlib.sha256((work / name).read_bytes()).hexdigest()
    forged = tmp_path / "forged.cwbak"
    with zipfile.ZipFile(forged, "w") as zf:
        for name in manifest["files"]:
            zf.write(work / name, name)
        zf.writestr("manifest.json", json.dumps(manifest))
    before = db_path.read_bytes()
    with pytest.raises(BackupError) as exc:
        restore(forged, db_path, data_dir, Actor("王文书", "admin"))
    assert "未通过检查" in str(exc.value) and "记录 #1 张贴公示后被改动（第 2 行）" in str(exc.value)
    assert db_path.read_bytes() == before


def test_rotation_keeps_the_set_count_and_copies_to_the_extra_folder(village, data_dir, tmp_path):
    _db, ctx = village
    service = BackupService(ctx, data_dir)
    usb = tmp_path / "usb"
    usb.mkdir()
    service.save_settings(3, str(usb))
    assert service.settings().keep == 3
    for _ in range(5):
        info = service.backup_rotating("manual")
    assert info.copied_to is not None and info.copied_to.parent == usb
    assert len(service.list()) == 3 and len(list(usb.glob("*.cwbak"))) == 3
    assert mode(data_dir / "backups") == 0o700 and all(mode(p) == 0o600 for p in service.list())
    service.save_settings(3, str(tmp_path / "not-plugged-in"))
    info = service.backup_rotating("manual")
    assert info.copied_to is None and "未能复制到备用文件夹" in info.extra_problem


def test_keep_count_is_validated(village, data_dir):
    _db, ctx = village
    with pytest.raises(ValidationError) as exc:
        BackupService(ctx, data_dir).save_settings(0, None)
    assert "保留备份份数应在 1–100 份之间" in str(exc.value)


def test_automatic_backups_only_when_something_changed(village, data_dir):
    db, ctx = village
    service = BackupService(ctx, data_dir)
    first = service.backup_if_due("exit")
    assert first is not None and first.head == chain_head(db).event_id
    assert service.backup_if_due("exit") is None  # nothing changed since
    assert service.backup_if_due("daily") is None
    DisclosureService(ctx).create("DL-01", "2026-Q4", "又一份")
    assert service.backup_if_due("daily") is None  # changed, but the last one is not a day old
    later = datetime.now().astimezone() + timedelta(days=1, minutes=1)
    assert service.backup_if_due("daily", now=later) is not None
    assert service.backup_if_due("import") is not None  # before an import: always
    assert len(service.list()) == 3


def test_a_catalog_import_is_preceded_by_a_backup(village, db_path, data_dir, tmp_path):
    db, ctx = village
    xlsx = tmp_path / "catalog.xlsx"
    assert main(["--db", str(db_path), "--data-dir", str(data_dir), "catalog", "export", str(xlsx)]) == 0
    assert main(["--db", str(db_path), "--data-dir", str(data_dir), "catalog", "import", str(xlsx)]) == 0
    names = [p.name for p in BackupService(ctx, data_dir).list()]
    assert len(names) == 1 and names[0].endswith("-import.cwbak")


def test_restore_onto_a_new_computer(village, db_path, data_dir, tmp_path):
    db, ctx = village
    out = BackupService(ctx, data_dir).backup(tmp_path / "b.cwbak").path
    new_db = tmp_path / "new" / "cunwu.sqlite3"
    new_data = tmp_path / "new"
    assert main(["--db", str(new_db), "--data-dir", str(new_data), "restore", str(out)]) == 0
    reopened = open_database(new_db)
    try:
        report = IntegrityService(ServiceContext(reopened, Actor("王文书")), new_data).check()
        assert report.ok, report.problems
    finally:
        reopened.dispose()
