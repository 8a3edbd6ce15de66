"""Tamper evidence and backups in the GUI, driven as a clerk does: the status bar's chain head, the
start-up check, 关于与设置's full check, backup and restore, and a record's audit trail."""

from __future__ import annotations

import sqlite3
import sys

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from desktop import app as app_module
from models.cli.common import Env
from models.services.backup import BackupService
from models.services.context import chain_head

from .app_support import _stop_timers, close_when  # noqa: F401 (an autouse fixture)


def table_rows(path) -> list:
    con = sqlite3.connect(path)
    try:
        return [con.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall() for (t,) in
                con.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").fetchall()]
    finally:
        con.close()


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.fixture
def about(qtbot, village_ws, records):
    from desktop.pages.about_page import AboutPage

    posted = records.make("posted")
    page = AboutPage(village_ws)
    qtbot.addWidget(page)
    page.resize(1000, 900)
    page.show()
    return page, posted


def test_about_page_shows_the_chain_head_and_runs_the_full_check(qtbot, about, village_ws):
    page, _posted = about
    box = page.integrity_box
    head = chain_head(village_ws.db)
    assert box.head_label.text() == f"审计链 第 {head.event_id} 条 {head.short}"
    click(qtbot, box.check_button)
    qtbot.waitUntil(lambda: box.check_button.isEnabled() and "未发现问题" in box.result_label.text(), timeout=20_000)


def test_the_full_check_names_a_forged_row(qtbot, about, village_ws, db_path):
    page, posted = about
    village_ws.db.dispose()
    con = sqlite3.connect(db_path)
    con.execute("UPDATE disclosure SET title='改过' WHERE id=?", (posted.id,))
    con.commit()
    con.close()
    box = page.integrity_box
    click(qtbot, box.check_button)
    qtbot.waitUntil(lambda: "发现" in box.result_label.text(), timeout=20_000)
    assert f"记录 #{posted.id} 张贴公示后被改动（标题）" in box.result_label.text()


def test_backup_and_restore_from_the_about_page(qtbot, about, village_ws, db_path, data_dir, tmp_path, dialog_calls):
    page, posted = about
    box = page.integrity_box
    target = tmp_path / "备份.cwbak"
    dialog_calls.save_path = target
    click(qtbot, box.backup_button)
    qtbot.waitUntil(lambda: bool(dialog_calls.of("info")), timeout=20_000)
    assert target.exists() and "已备份到" in dialog_calls.texts("info")

    village_ws.db.dispose()
    con = sqlite3.connect(db_path)
    con.execute("UPDATE disclosure SET title='改过' WHERE id=?", (posted.id,))
    con.commit()
    con.close()

    dialog_calls.open_path = target
    dialog_calls.calls.clear()
    click(qtbot, box.restore_button)
    assert dialog_calls.of("confirm") and "先检查备份" in dialog_calls.texts("confirm")
    qtbot.waitUntil(lambda: bool(dialog_calls.of("info")), timeout=30_000)
    assert "已从" in dialog_calls.texts("info") and not dialog_calls.of("error")
    con = sqlite3.connect(db_path)
    assert con.execute("SELECT title FROM disclosure WHERE id=?", (posted.id,)).fetchone()[0] != "改过"
    con.close()


def test_restore_of_a_bad_file_is_refused_with_the_reason(qtbot, about, tmp_path, dialog_calls, db_path):
    page, _posted = about
    bad = tmp_path / "bad.cwbak"
    bad.write_bytes(b"not a backup")
    before = table_rows(db_path)
    dialog_calls.open_path = bad
    click(qtbot, page.integrity_box.restore_button)
    qtbot.waitUntil(lambda: bool(dialog_calls.of("error")), timeout=20_000)
    assert "不是完整的备份文件" in dialog_calls.texts("error")
    assert table_rows(db_path) == before and not list(db_path.parent.glob("replaced"))


def test_backup_settings_are_saved_and_checked(qtbot, about, village_ws, tmp_path, dialog_calls):
    page, _posted = about
    box = page.integrity_box
    box.keep_spin.selectAll()
    qtbot.keyClicks(box.keep_spin, "5")
    dialog_calls.folder_path = tmp_path
    click(qtbot, box.extra_button)
    assert box.extra_edit.text() == str(tmp_path)
    click(qtbot, box.save_settings_button)
    settings = BackupService(village_ws.ctx, village_ws.data_dir).settings()
    assert settings.keep == 5 and settings.extra_dir == str(tmp_path)


def test_a_record_shows_its_audit_trail(qtbot, records_page, records):
    posted = records.make("posted")
    page = records_page
    page.reload(select_id=posted.id)  # (selecting a row by mouse is issue 7's own work)
    qtbot.waitUntil(lambda: page.detail.data is not None and page.detail.data.id == posted.id, timeout=10_000)
    detail = page.detail
    tabs = detail.tabBar()
    qtbot.mouseClick(tabs, Qt.MouseButton.LeftButton, pos=tabs.tabRect(detail.audit_tab).center())
    model = detail.audit_model
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=10_000)
    actions = [model.index(r, 3).data() for r in range(model.rowCount())]
    assert actions == ["起草", "提交审核", "审核通过", "张贴公示"]
    sealed = model.index(3, 3).data(Qt.ItemDataRole.ToolTipRole)
    assert sealed and f"#{posted.id}:" in sealed


@pytest.fixture
def env(db_path, data_dir, tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(app_module, "settings_dir_for", lambda _data_dir: tmp_path / "gui-settings")
    return Env(db_path=db_path, data_dir=data_dir, user=None)


    QTimer.singleShot(15_000, QApplication.instance().quit)  # never hang the suite


def test_start_shows_the_head_runs_the_fast_check_and_backs_up_on_exit(qapp, empty_village, env, data_dir):
    seen: list = []
    texts: list[str] = []

    def checked(window):
        watch = getattr(window, "integrity_watch", None)
        if watch is not None and watch.problems is not None:
            texts.append(watch.label.text())
            return True
        return False

    close_when(checked, seen)
    assert app_module.run_gui(env) == 0
    assert seen and texts[0].startswith("审计链 第 ") and "问题" not in texts[0]
    backups = sorted(p.name for p in (data_dir / "backups").glob("*.cwbak"))
    assert backups and backups[0].endswith("-daily.cwbak")  # never backed up before: the daily one
    # Nothing changed since: closing again makes no further backup.
    seen.clear()
    close_when(checked, seen)
    assert app_module.run_gui(env) == 0
    assert sorted(p.name for p in (data_dir / "backups").glob("*.cwbak")) == backups


def test_start_warns_when_the_data_was_changed_behind_its_back(qapp, empty_village, env, db_path, dialog_calls):
    db, _ctx = empty_village
    db.dispose()
    con = sqlite3.connect(db_path)
    con.execute("UPDATE audit_event SET actor='别人' WHERE id=1")
    con.commit()
    con.close()
    seen: list = []
    close_when(lambda w: getattr(w, "integrity_watch", None) is not None and w.integrity_watch.problems, seen)
    assert app_module.run_gui(env) == 0
    assert "数据可能被改动" in dialog_calls.texts("warn") and "校验值不符" in dialog_calls.texts("warn")


