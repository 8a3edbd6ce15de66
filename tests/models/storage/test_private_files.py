"""Personal data stays out of logs and other users' reach: owner-only files, no SQL parameters in
logs, personal numbers redacted from log lines."""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

import pytest
from sqlalchemy import exc as sa_exc
from sqlalchemy import insert

from models.cli import main
from models.cli.common import RedactingFormatter, setup_logging
from models.entities import RosterRow
from models.services.attachments import AttachmentService
from models.services.backup import BackupService
from models.services.setup import initialize
from models.storage import open_database

ID = "11010519491231002X"
# A roster row whose insert fails (no such record); kept out of the failing line so a traceback's
# source excerpt does not quote it.
FAILING_ROW = {"disclosure_id": 999, "position": 1, "name": "张三", "id_number": ID,
               "extra": {"bank_card": "6228480000000000000"}}

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


@pytest.fixture
def loose_umask():
    """The common desktop umask (022): files would be world-readable unless created owner-only."""
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.fixture
def fresh_logger():
    logger = logging.getLogger("cunwu")
    saved = logger.handlers[:]
    for h in saved:
        logger.removeHandler(h)
    yield logger
    for h in logger.handlers[:]:
        logger.removeHandler(h)
        h.close()
    for h in saved:
        logger.addHandler(h)


def without_handlers(logger: logging.Logger) -> None:
    """pytest attaches its capture handlers for the test's call phase; setup_logging only sets up a
    logger that has none, so take them off inside the test."""
    for h in logger.handlers[:]:
        logger.removeHandler(h)


def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def test_everything_with_personal_data_is_created_owner_only(loose_umask, fresh_logger, tmp_path):
    data = tmp_path / "fresh"  # does not exist yet: the app creates it
    db_path = data / "cunwu.sqlite3"
    without_handlers(fresh_logger)
    setup_logging(data)
    db = initialize(db_path, mode="village", code="410322100201", name="测试村", township="城关镇",
                    operator="王文书", template_id=None)
    from models.services.context import Actor, ServiceContext

    ctx = ServiceContext(db, Actor("王文书"))
    from models.services.catalog import CatalogService, ItemData

    CatalogService(ctx).add(ItemData(code="T-01", group="测试", name="测试事项"))
    from models.services.disclosures import DisclosureService

    d = DisclosureService(ctx).create("T-01", "2026-M07", "公告")
    photo = tmp_path / "p.jpg"
    photo.write_bytes(b"photo")
    att = AttachmentService(ctx, data).add(d.id, photo)
    backup = BackupService(ctx, data).backup_rotating("manual")
    logging.getLogger("cunwu.test").info("a line")
    db.dispose()

    assert mode(data) == 0o700
    assert mode(data / "logs") == 0o700 and mode(data / "logs" / "cunwu.log") == 0o600
    for f in (db_path, db_path.with_name("cunwu.sqlite3.auditkey"), db_path.with_name("cunwu.sqlite3.auditkey-head")):
        assert mode(f) == 0o600, f
    for f in db_path.parent.glob("cunwu.sqlite3-*"):  # WAL and shared memory, when present
        assert mode(f) == 0o600, f
    assert mode(data / "attachments") == 0o700
    stored = data / att.stored_path
    assert mode(stored) == 0o600 and mode(stored.parent) == 0o700 and mode(stored.parent.parent) == 0o700
    assert mode(data / "backups") == 0o700 and mode(backup.path) == 0o600


def test_an_old_world_readable_database_is_tightened_and_its_pre_upgrade_copy_is_private(loose_umask, tmp_path):
    src = Path(__file__).resolve().parents[2] / "data" / "schema-0001.sqlite3"
    p = tmp_path / "old.sqlite3"
    shutil.copy(src, p)
    os.chmod(p, 0o644)
    db = open_database(p)
    db.dispose()
    assert mode(p) == 0o600
    copies = list(tmp_path.glob("old.sqlite3.before-upgrade-*"))
    assert copies and all(mode(c) == 0o600 for c in copies)


def test_a_failed_insert_carries_no_parameters(empty_village):
    db, _ctx = empty_village
    row = {"disclosure_id": 999, "position": 1, "name": "张三", "id_number": ID, "extra": {}}
    with pytest.raises(sa_exc.IntegrityError) as caught, db.write_session() as s:
        s.execute(insert(RosterRow), [row])
    text = str(caught.value)
    assert ID not in text and "张三" not in text and "hidden" in text


def test_a_failed_insert_through_the_cli_logs_no_id_number(empty_village, db_path, data_dir, fresh_logger,
                                                           monkeypatch, capsys):
    from models.services import disclosures

    def failing_create(self, *args, **kwargs):
        with self.ctx.db.write_session() as s:
            s.execute(insert(RosterRow), [FAILING_ROW])

    monkeypatch.setattr(disclosures.DisclosureService, "create", failing_create)
    without_handlers(fresh_logger)
    code = main(["--db", str(db_path), "--data-dir", str(data_dir), "disclosure", "new", "--item", "X",
                 "--period", "2026-M07", "--title", "t"])
    err = capsys.readouterr().err
    assert code == 1 and "日志" in err and ID not in err
    log = (data_dir / "logs" / "cunwu.log").read_text(encoding="utf-8")
    assert "IntegrityError" in log and "FOREIGN KEY" in log
    assert ID not in log and "6228480000000000000" not in log and "张三" not in log


def test_log_lines_hide_personal_numbers():
    fmt = RedactingFormatter("%(message)s")
    record = logging.LogRecord("cunwu", logging.INFO, __file__, 1,
                               "row %s card %s phone %s typo %s year %s record %s",
                               (ID, "6228480000000000000", "13800138000", "1234567890123456", "2026", 4), None)
    line = fmt.format(record)
    for number in (ID, "6228480000000000000", "13800138000", "1234567890123456"):
        assert number not in line
    assert "138****8000" in line  # the detector's own mask where it recognises the number
    assert RedactingFormatter.REPLACEMENT in line  # and the backstop for a long run it does not
    assert "year 2026 record 4" in line
