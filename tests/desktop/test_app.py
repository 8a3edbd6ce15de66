"""run_gui: open or create the database, show the window, report a bad file without a traceback."""

from __future__ import annotations

import gc
import sys

import pytest
from PySide6.QtWidgets import QApplication

from desktop import app as app_module
from desktop.crash import CrashHandler
from desktop.main_window import MainWindow
from models.cli.common import Env

from .app_support import _stop_timers, after  # noqa: F401 (an autouse fixture)


@pytest.fixture
def env(db_path, data_dir, tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs its own; put it back after
    monkeypatch.setattr(app_module, "settings_dir_for", lambda _data_dir: tmp_path / "gui-settings")
    yield Env(db_path=db_path, data_dir=data_dir, user=None)
    gc.unfreeze()  # run_gui froze what it built (it lives as long as a real app); the suite goes on


def _close_windows_soon(seen: list) -> None:
    def close():
        for w in QApplication.topLevelWidgets():
            if isinstance(w, MainWindow) and w.isVisible():
                seen.append(w.windowTitle())
                w.close()
    after(300, close)
    after(3000, QApplication.instance().quit)  # never hang the suite


def test_opens_an_existing_database_and_remembers_the_page(qapp, empty_village, env, tmp_path):
    seen: list[str] = []
    _close_windows_soon(seen)
    assert app_module.run_gui(env) == 0
    assert seen == ["村务公开 — 测试村"]
    assert "last_page=todo" in (tmp_path / "gui-settings" / "cunwu.ini").read_text(encoding="utf-8")
    # The crash hook loads desktop.crash on the first unhandled exception and hands it over.
    sys.excepthook(KeyboardInterrupt, KeyboardInterrupt(), None)
    assert isinstance(sys.excepthook, CrashHandler)


def test_second_start_paints_the_window_before_opening_the_database(qapp, empty_village, env, tmp_path):
    """The window of a database opened before is shown at once from what it showed last time; the
    database is opened right after its first paint and the start page built then."""
    seen: list[str] = []
    _close_windows_soon(seen)
    assert app_module.run_gui(env) == 0  # first start: opens synchronously, remembers the window
    events: list[tuple[str, bool]] = []
    original_attach = MainWindow.attach

    def attach(self, workspace, **kw):
        events.append(("attach", self.isVisible()))
        original_attach(self, workspace, **kw)

    MainWindow.attach = attach
    try:
        seen.clear()
        _close_windows_soon(seen)
        assert app_module.run_gui(env) == 0
    finally:
        MainWindow.attach = original_attach
    assert events == [("attach", True)]  # attached after the window was on screen
    assert seen == ["村务公开 — 测试村"]


# (An empty file is offered a clean restart instead: test_storage_faults_gui.py.)
@pytest.mark.parametrize("content", [b"garbage garbage garbage", b"SQLite format 3\x00" + b"\x07" * 200])
def test_a_bad_database_file_is_reported_not_raised(qapp, env, dialog_calls, content):
    env.db_path.write_bytes(content)
    assert app_module.run_gui(env) == 1
    text = dialog_calls.texts("error")
    assert "无法打开数据库" in text
    assert str(env.db_path) in text


def test_no_database_runs_the_wizard_and_cancel_quits(qapp, env, monkeypatch):
    from desktop import wizard

    shown = []
    monkeypatch.setattr(wizard.FirstRunWizard, "exec", lambda self: shown.append(self.db_path) or 0)
    assert app_module.run_gui(env) == 0
    assert shown == [env.db_path]
    assert not env.db_path.exists()
