"""Issue 11, parts 3–4 through `cunwu`: faults are one Chinese line, never a traceback; nothing half-done."""

from __future__ import annotations

import errno
import logging
import os
import shutil
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from models.cli import main
from models.cli.logfile import LogFileHandler

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def run(cunwu):
    return lambda *args: cunwu(*args, user="王文书")


def init(run, *extra: str):
    return run("init", "--mode", "village", "--code", "410322100201", "--name", "平乐村", "--township", "平乐镇",
               "--operator", "王文书", *extra)


def _roster_csv(path: Path, rows: int) -> Path:
    lines = ["姓名,金额（元）,备注"] + [f"张{i},10.00,{'备注文字' * 8}" for i in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_zero_byte_db_is_named_and_untouched_then_init_uses_it(run, db_path):
    db_path.write_bytes(b"")
    code, _, err = run("catalog", "list")
    assert code == 1 and "空文件" in err and "cunwu init" in err
    assert db_path.stat().st_size == 0 and not list(db_path.parent.glob("cunwu.sqlite3-*"))
    code, out, err = init(run)
    assert code == 0, err
    assert run("catalog", "list")[0] == 0


def test_foreign_sqlite_file_is_refused_untouched(run, db_path):
    con = sqlite3.connect(db_path)
    con.execute("CREATE TABLE customers (name TEXT)")
    con.commit()
    con.close()
    before = db_path.read_bytes()
    for args in (("catalog", "list"), ("disclosure", "list")):
        code, _, err = run(*args)
        assert code == 1 and "不是本程序的数据库" in err
    code, _, err = init(run)
    assert code == 1 and "不是本程序的数据库" in err
    assert db_path.read_bytes() == before and not list(db_path.parent.glob("cunwu.sqlite3-*"))
    con = sqlite3.connect(db_path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    con.close()


def test_half_initialised_database_is_named_and_init_restarts_it(run, db_path):
    from models.storage import create_database

    create_database(db_path).dispose()  # an older init killed after creating the schema
    code, _, err = run("disclosure", "list")
    assert code == 1 and "未完成的初始设置" in err and "cunwu init" in err
    code, out, err = init(run)
    assert code == 0 and "已创建数据库" in out, err
    code, out, _ = run("catalog", "list", "--json")
    assert code == 0 and out.count('"code"') > 10


def test_init_help_says_what_it_replaces(capsys):
    assert main(["init", "--help"]) == 0
    out = capsys.readouterr().out
    assert "临时文件" in out and "初始化未完成" in out and "空文件" in out and "不改动" in out


def test_init_still_refuses_a_database_in_use(run):
    assert init(run)[0] == 0
    code, _, err = init(run)
    assert code == 1 and "已存在" in err


def test_new_from_file_disk_full_saves_nothing_and_says_so(run, db_path, tmp_path, monkeypatch):
    """The disk fills as the remembered mapping is written, after the record's rows: neither is kept,
    so a script that retries imports once."""
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    assert init(run)[0] == 0

    def full(conn, cursor, statement, parameters, context, executemany):
        if "INSERT INTO import_mapping" in statement:
            raise sqlite3.OperationalError("database or disk is full")

    event.listen(Engine, "before_cursor_execute", full)
    csv = _roster_csv(tmp_path / "名单.csv", 200)
    try:
        code, out, err = run("disclosure", "new", "--item", "DW-07", "--period", "2026", "--title", "测试",
                             "--from", str(csv), "--map", "name=姓名,amount=金额（元）,remark=备注")
    finally:
        event.remove(Engine, "before_cursor_execute", full)
    assert code == 1 and out == ""
    assert err.startswith("磁盘已满：") and "未保存任何内容" in err
    assert run("disclosure", "list", "--json")[1].strip() == "[]"
    code, out, _ = run("disclosure", "new", "--item", "DW-07", "--period", "2026", "--title", "测试",
                       "--from", str(csv), "--map", "name=姓名,amount=金额（元）,remark=备注")
    assert code == 0 and out.strip().isdigit()  # the retry: exactly one record
    assert run("disclosure", "list", "--json")[1].count('"id"') == 1


def test_locked_by_another_program(run, db_path, monkeypatch):
    from models.storage import database

    assert init(run)[0] == 0
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 200)
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock beyond our timeout
    try:
        code, _, err = run("settings", "set", "feedback.answer_days", "12")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert code == 1 and "另一个程序占用" in err and "未保存任何内容" in err


def test_output_file_on_a_full_disk_is_named(run, monkeypatch, tmp_path):
    assert init(run)[0] == 0
    from models.cli import catalog_cmds

    def full(*a, **kw):
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "目录.xlsx"))

    monkeypatch.setattr(catalog_cmds, "cmd_export", full)  # registered afresh by each main()
    code, _, err = run("catalog", "export", str(tmp_path / "目录.xlsx"))
    assert code == 1 and err.startswith("磁盘已满：") and "目录.xlsx" in err


def test_log_handler_that_cannot_write_stays_silent(tmp_path, capsys):
    handler = LogFileHandler(tmp_path / "cunwu.log", encoding="utf-8", delay=True)

    class Full:
        def write(self, _text):
            raise OSError(errno.ENOSPC, "No space left on device")

        def flush(self):
            raise OSError(errno.ENOSPC, "No space left on device")

        def close(self):
            pass

    handler.stream = Full()
    logger = logging.getLogger(f"cunwu.test.{uuid.uuid4().hex}")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        logger.error("磁盘已满时写日志")
        logger.error("again")
    finally:
        logger.removeHandler(handler)
        handler.close()
    assert capsys.readouterr().err == ""


def _mount_tmpfs(where: Path, size: str) -> bool:
    if os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    where.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
                          capture_output=True, check=False)
    return done.returncode == 0


@pytest.mark.timeout(300)
def test_real_full_disk_with_data_dir_on_it(tmp_path):
    """A whole `cunwu` process with --data-dir on a full 800 KB tmpfs: one line, no WAL, no record."""
    disk = tmp_path / "small-disk"
    if not _mount_tmpfs(disk, "800k"):
        pytest.skip("cannot mount a tmpfs here (needs root); the injected disk-full tests cover the mapping")
    try:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        cmd = [sys.executable, "-c", "import sys; from models.cli import main; sys.exit(main())",
               "--data-dir", str(disk), "--user", "王文书"]
        done = subprocess.run([*cmd, "init", "--mode", "village", "--code", "410322100201", "--name", "平乐村",
                               "--township", "平乐镇"], capture_output=True, text=True, env=env, check=False)
        assert done.returncode == 0, done.stderr
        csv = _roster_csv(tmp_path / "名单.csv", 60000)
        done = subprocess.run([*cmd, "disclosure", "new", "--item", "DW-07", "--period", "2026", "--title", "测试",
                               "--from", str(csv), "--map", "name=姓名,amount=金额（元）,remark=备注"],
                              capture_output=True, text=True, env=env, check=False)
        assert done.returncode == 1 and done.stdout == ""
        assert done.stderr.startswith("磁盘已满：") and "未保存任何内容" in done.stderr
        assert len(done.stderr.strip().splitlines()) == 1  # one line, not a traceback
        assert not list(disk.glob("cunwu.sqlite3-wal"))
        done = subprocess.run([*cmd, "disclosure", "list", "--json"], capture_output=True, text=True, env=env,
                              check=False)
        assert done.returncode == 0 and done.stdout.strip() == "[]"
    finally:
        subprocess.run(["umount", str(disk)], check=False)


def test_read_only_database_file_via_chattr(run, db_path):
    """`chattr +i` stops even root from writing; skipped where the file system has no such flag."""
    assert init(run)[0] == 0
    if shutil.which("chattr") is None:
        pytest.skip("no chattr: the injected read-only tests cover the mapping")
    if subprocess.run(["chattr", "+i", str(db_path)], capture_output=True, check=False).returncode != 0:
        pytest.skip("this file system has no immutable flag: the injected read-only tests cover the mapping")
    try:
        code, out, _ = run("catalog", "list")
        assert code == 0 and "CW-15" in out  # still readable
        code, _, err = run("settings", "set", "feedback.answer_days", "12")
        assert code == 1 and "只读" in err and "不是本程序的数据库" not in err
    finally:
        subprocess.run(["chattr", "-i", str(db_path)], check=False)
