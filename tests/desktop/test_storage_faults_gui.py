"""Issue 11, parts 3–4 in the GUI: an unfinished set-up is offered a clean restart; a corrupt or
read-only database opens for reading with a banner saying so and where to restore from."""

from __future__ import annotations

import errno
import sqlite3
import sys

import pytest

from desktop import app as app_module
from desktop import workers
from desktop.crash import CrashHandler
from desktop.main_window import MainWindow
from models.cli.common import Env
from models.services.disclosures import DisclosureService
from models.storage import create_database
from models.storage import database as storage
from models.storage.faults import StorageFault


@pytest.fixture
def env(db_path, data_dir, tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(app_module, "settings_dir_for", lambda _data_dir: tmp_path / "gui-settings")
    return Env(db_path=db_path, data_dir=data_dir, user=None)


def _open_window(env, qtbot):
    """What run_gui does before its event loop: open the database (checking its pages) and show the
    window over it. (run_gui's own loop is covered in test_app.py.)"""
    from desktop.settings import Settings

    opened: dict = {}
    workspace = app_module._open_workspace(env, Settings(env.data_dir / "gui-settings"), env.data_dir, opened)
    assert workspace is not None
    opened["claim"].release()  # the instance lock is another test's subject
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return opened["db"], window


def _corrupt(path):
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=DELETE")
    page = con.execute("PRAGMA page_size").fetchone()[0]
    pages = con.execute("PRAGMA page_count").fetchone()[0]
    con.close()
    with open(path, "r+b") as fh:
        for n in range(pages // 2, pages - 2):
            fh.seek(n * page + 8)
            fh.write(b"\xff" * (page - 16))


def test_corrupt_database_opens_read_only_with_a_banner(qapp, qtbot, village, env):
    db, ctx = village
    DisclosureService(ctx).create("CW-15", "2026", "生态公益林补偿", kind="roster",
                                  rows=[{"name": f"张{i}", "amount": "1.00", "remark": "备注" * 40}
                                        for i in range(3000)])
    db.dispose()
    _corrupt(db.path)
    opened, window = _open_window(env, qtbot)
    try:
        assert opened.read_only == "corrupt"
        text = window.storage_banner.text()
        assert window.storage_banner.isVisible()
        assert "只能查看，不能保存" in text and "已损坏" in text and "备份恢复" in text
        # The banner sits above the pages, across the window.
        assert window.storage_banner.geometry().bottom() < window.stack.geometry().top()
    finally:
        window.close()
        opened.dispose()


def test_sound_database_shows_no_banner(qapp, qtbot, empty_village, env):
    empty_village[0].dispose()
    opened, window = _open_window(env, qtbot)
    try:
        assert opened.read_only is False and not window.storage_banner.isVisible()
    finally:
        window.close()
        opened.dispose()


def test_read_only_database_shows_a_banner(qapp, qtbot, village, env, monkeypatch):
    db, _ctx = village
    db.dispose()
    monkeypatch.setattr(storage, "_unwritable", lambda path: path)
    opened, window = _open_window(env, qtbot)
    try:
        assert window.storage_banner.isVisible() and "只读" in window.storage_banner.text()
    finally:
        window.close()
        opened.dispose()


@pytest.mark.parametrize("unfinished", ["empty", "schema"])
def test_unfinished_setup_is_offered_a_clean_restart(qapp, env, dialog_calls, monkeypatch, unfinished):
    from desktop import wizard

    if unfinished == "empty":
        env.db_path.write_bytes(b"")
    else:
        create_database(env.db_path).dispose()
    shown = []
    monkeypatch.setattr(wizard.FirstRunWizard, "exec", lambda self: shown.append(self.db_path) or 0)
    dialog_calls.confirm_answer = True
    app_module.run_gui(env)  # the wizard is then cancelled: the unfinished file stays (exit 1)
    assert "未完成的初始设置" in dialog_calls.texts("confirm") and shown == [env.db_path]
    # Declined: nothing is shown, nothing changed.
    shown.clear()
    dialog_calls.confirm_answer = False
    before = env.db_path.read_bytes()
    app_module.run_gui(env)
    assert shown == [] and env.db_path.read_bytes() == before


def test_worker_failing_on_a_full_disk_reports_a_fault(qapp, qtbot):
    def fill(_progress, _cancelled):
        raise OSError(errno.ENOSPC, "No space left on device", "/media/u盘/目录.xlsx")

    job = workers.Job(fill)
    with qtbot.waitSignal(job.signals.failed, timeout=5000) as blocker:
        workers.start(job)
    error = blocker.args[0]
    assert isinstance(error, StorageFault) and str(error).startswith("磁盘已满：") and "目录.xlsx" in str(error)


def test_crash_hook_shows_a_full_disk_as_a_message_not_a_crash(qapp, tmp_path, dialog_calls):
    crashes = []
    handler = CrashHandler(tmp_path / "cunwu.log", show=lambda *a: crashes.append(a))
    handler(OSError, OSError(errno.ENOSPC, "No space left on device"), None)
    assert crashes == [] and "磁盘已满" in dialog_calls.texts("error")
