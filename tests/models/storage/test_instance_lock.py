"""The lock file beside the database: taken when free, taken over when stale (process gone, computer
restarted since, unreadable), reported when a live process — or another computer — holds it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime

import pytest

from models.storage.instance_lock import (
    InstanceLock,
    LockOwner,
    boot_time,
    lock_path_for,
    process_alive,
    this_host,
)


@pytest.fixture
def sleeper():
    """A live process that is not this one."""
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    yield proc.pid
    proc.kill()
    proc.wait()


@pytest.fixture
def dead_pid():
    """The id of a process that has ended."""
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    assert not process_alive(proc.pid)
    return proc.pid


def _write(db_path, **owner) -> None:
    data = {"pid": os.getpid(), "host": this_host(), "started": datetime.now(UTC).isoformat(), "user": None}
    data.update(owner)
    lock_path_for(db_path).write_text(json.dumps(data), encoding="utf-8")


def test_a_free_lock_is_taken_and_given_back(db_path):
    db_path.parent.mkdir(parents=True, exist_ok=True)
    lock = InstanceLock(db_path, user="王文书")
    assert lock.acquire() is None and lock.held
    assert lock.path == db_path.with_name("cunwu.sqlite3.lock")
    owner = lock.read()
    assert owner.pid == os.getpid() and owner.host == this_host() and owner.user == "王文书"
    assert abs((datetime.now(UTC) - owner.started).total_seconds()) < 5
    lock.release()
    assert not lock.path.exists()


def test_a_live_lock_is_reported_with_pid_host_and_start(db_path, sleeper):
    db_path.parent.mkdir(parents=True, exist_ok=True)
    _write(db_path, pid=sleeper, user="李会计")
    owner = InstanceLock(db_path).acquire()
    assert isinstance(owner, LockOwner) and owner.pid == sleeper and owner.user == "李会计"
    assert f"进程 {sleeper}" in owner.describe() and this_host() in owner.describe()
    assert json.loads(lock_path_for(db_path).read_text(encoding="utf-8"))["pid"] == sleeper  # untouched


def test_a_stale_lock_of_a_process_that_is_gone_is_taken_over(db_path, dead_pid):
    db_path.parent.mkdir(parents=True, exist_ok=True)
    _write(db_path, pid=dead_pid)
    lock = InstanceLock(db_path)
    assert lock.acquire() is None
    assert lock.read().pid == os.getpid()


@pytest.mark.skipif(boot_time() is None, reason="this system does not tell its boot time")
def test_a_lock_from_before_the_last_restart_is_stale_even_if_its_pid_was_reused(db_path, sleeper):
    db_path.parent.mkdir(parents=True, exist_ok=True)
    _write(db_path, pid=sleeper, started="2000-01-01T00:00:00+00:00")
    assert InstanceLock(db_path).acquire() is None


def test_an_unreadable_lock_is_taken_over(db_path):
    db_path.parent.mkdir(parents=True, exist_ok=True)
    lock_path_for(db_path).write_text("{not json", encoding="utf-8")
    os.utime(lock_path_for(db_path), (0, 0))  # not one being written this very moment
    assert InstanceLock(db_path).acquire() is None


def test_a_lock_held_on_another_computer_counts_as_live(db_path, dead_pid):
    db_path.parent.mkdir(parents=True, exist_ok=True)
    _write(db_path, pid=dead_pid, host="乡镇服务器")
    owner = InstanceLock(db_path).acquire()
    assert owner is not None and owner.host == "乡镇服务器"


def test_release_leaves_a_lock_someone_else_took(db_path, sleeper):
    db_path.parent.mkdir(parents=True, exist_ok=True)
    lock = InstanceLock(db_path)
    assert lock.acquire() is None
    _write(db_path, pid=sleeper)
    lock.release()
    assert lock_path_for(db_path).exists()


def test_the_cli_is_not_blocked_by_a_gui_holding_the_lock(empty_village, db_path, data_dir, sleeper, capsys):
    """A GUI holds the lock; `cunwu disclosure new` still writes (short transactions), and leaves the
    GUI's lock alone."""
    from models.cli import main
    from models.rules.timing import TimingRule
    from models.services.catalog import CatalogService, ItemData

    _db, ctx = empty_village
    CatalogService(ctx).add(ItemData(code="GG-01", group="村务", name="村务公告", timing=TimingRule("immediate")))
    _write(db_path, pid=sleeper)
    code = main(["--db", str(db_path), "--data-dir", str(data_dir), "--user", "王文书", "disclosure", "new",
                 "--item", "GG-01", "--period", "2026-M11", "--title", "十一月公告", "--json"])
    assert code == 0
    from models.services.disclosures import DisclosureService

    assert DisclosureService(ctx).get(json.loads(capsys.readouterr().out)["id"]).title == "十一月公告"
    assert json.loads(lock_path_for(db_path).read_text(encoding="utf-8"))["pid"] == sleeper
