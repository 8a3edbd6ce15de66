"""A second start of a known database: the window paints first, says it is opening the database,
and the database is opened, checked and read for 待办 on a worker thread — the GUI thread only builds
the page from what was read. Sign-in, the tamper check and a bad file keep their order and words."""

from __future__ import annotations

import gc
import sqlite3
import sys
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel

from desktop import app as app_module
from desktop.main_window import MainWindow
from desktop.settings import Settings
from models.cli.common import Env
from models.services.integrity import IntegrityService
from models.services.schedule import ScheduleService

from ..conftest import STAFF, STAFF_PASSWORD
from .app_support import _stop_timers, after, close_when  # noqa: F401 (an autouse fixture)


@pytest.fixture
def env(db_path, data_dir, tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs its own; put it back after
    monkeypatch.setattr(app_module, "settings_dir_for", lambda _data_dir: tmp_path / "gui-settings")
    yield Env(db_path=db_path, data_dir=data_dir, user=None)
    gc.unfreeze()  # run_gui froze what it built (it lives as long as a real app); the suite goes on


@pytest.fixture
def known(env, tmp_path):
    """What a first start remembers: the window is painted from it before the database opens."""
    settings = Settings(tmp_path / "gui-settings")
    settings.last_opened = {"db": str(env.db_path.resolve()), "title": "测试村", "user": ""}
    settings.sync()
    return env


@pytest.fixture
def calls(monkeypatch):
    """(what, on the GUI thread?) for the 待办 query and the fast integrity check, in order."""
    seen: list[tuple[str, bool]] = []
    todo, check = ScheduleService.todo, IntegrityService.check

    def on_gui() -> bool:
        return threading.current_thread() is threading.main_thread()

    def todo_spy(self, *a, **k):
        seen.append(("todo", on_gui()))
        return todo(self, *a, **k)

    def check_spy(self, *a, **k):
        seen.append(("check", on_gui()))
        return check(self, *a, **k)

    monkeypatch.setattr(ScheduleService, "todo", todo_spy)
    monkeypatch.setattr(IntegrityService, "check", check_spy)
    return seen


def _todo_shown(window) -> bool:
    page = window.current_page()
    return page is not None and type(page).__name__ == "TodoPage"


def _checked(window) -> list | None:
    """The fast check's problems as the status bar has them (None: not yet)."""
    watch = getattr(window, "integrity_watch", None)  # set up once the start page has painted
    return watch.problems if watch is not None else None


def _watch_attach(monkeypatch, before=None) -> list:
    """Records what the window showed when the worker's result arrived; `before(window)` runs then."""
    states: list = []
    original = MainWindow.attach

    def attach(self, workspace, **kw):
        note = self.stack.currentWidget().findChild(QLabel, "loadingNote")
        states.append({"visible": self.isVisible(), "note": note.text() if note is not None else None,
                       "note_shown": note is not None and note.isVisible(),
                       "preloaded": sorted(kw.get("preloaded") or {})})
        if before is not None:
            before(self)
        original(self, workspace, **kw)

    monkeypatch.setattr(MainWindow, "attach", attach)
    return states


def test_second_start_says_it_is_opening_then_shows_todo_read_off_the_gui_thread(
        qapp, village, today, known, calls, monkeypatch):
    village[0].dispose()
    states = _watch_attach(monkeypatch)
    seen: list = []
    rows: list = []

    def ready(window) -> bool:
        if not _todo_shown(window):
            return False
        section = window.current_page().overdue_section
        rows.extend(tuple(section.model.index(r, c).data() for c in range(3)) for r in range(section.model.rowCount()))
        return True

    close_when(ready, seen)
    assert app_module.run_gui(known) == 0
    assert seen
    # While the database opened, the painted window said so where the page will be.
    assert states == [{"visible": True, "note": "正在打开数据库…", "note_shown": True, "preloaded": ["todo"]}]
    # The check, then 待办, each once and both on the worker: building the page read nothing more.
    assert calls == [("check", False), ("todo", False)]
    assert ("村级财务收支明细", "2026年4月", "5月10日") in rows  # the overdue entry, as on a first start
    assert seen[0].windowTitle() == "村务公开 — 测试村"


def test_a_page_clicked_while_opening_is_the_one_built(qapp, qtbot, village, today, known, calls, monkeypatch):
    """The clerk clicks 公开记录 in the sidebar before the database is open: that page is built, and
    待办's data read for the start is not kept for later (it would be stale by then)."""
    village[0].dispose()

    def click_records(window) -> None:
        sidebar = window.sidebar
        row = window.page_keys().index("records")
        rect = sidebar.visualItemRect(sidebar.item(row))
        qtbot.mouseClick(sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    _watch_attach(monkeypatch, before=click_records)
    seen: list = []
    shown: list = []

    def records_shown(window) -> bool:
        page = window.current_page()
        if page is None or type(page).__name__ != "RecordsPage":
            return False
        shown.append((window.current_key(), window._preloaded))
        return True

    close_when(records_shown, seen)
    assert app_module.run_gui(known) == 0
    assert shown == [("records", {})]
    assert calls == [("check", False), ("todo", False)]  # 待办 was read once, at start, not on the GUI thread


def test_second_start_with_accounts_signs_in_before_anything_is_read(
        qapp, staffed_village, known, calls, monkeypatch):
    from desktop.login_dialog import LoginDialog
    from models.services.accounts import sign_in

    staffed_village["db"].dispose()
    states = _watch_attach(monkeypatch)

    def login(self):
        calls.append(("login", threading.current_thread() is threading.main_thread()))
        self.actor = sign_in(self.db, STAFF["reviewer"], STAFF_PASSWORD)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(LoginDialog, "exec", login)
    seen: list = []
    users: list = []
    close_when(lambda w: _todo_shown(w) and _checked(w) is not None and not users.append(w.user_label.text()),
                seen)
    assert app_module.run_gui(known) == 0
    assert seen and users[-1] == "操作人：李监委（监委会）"
    assert states[0]["preloaded"] == []  # nothing read for the page before the login
    # The login first; then, as that account, 待办 (on the GUI thread) and the check (a job).
    assert calls[0] == ("login", True)
    assert sorted(calls[1:]) == [("check", False), ("todo", True)]


def test_cancelled_login_on_second_start_opens_nothing(qapp, staffed_village, known, calls, monkeypatch):
    from desktop.login_dialog import LoginDialog

    staffed_village["db"].dispose()
    monkeypatch.setattr(LoginDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    after(15_000, QApplication.instance().quit)
    assert app_module.run_gui(known) == 1
    assert calls == []


def test_second_start_of_a_changed_database_warns(qapp, empty_village, known, calls, db_path, dialog_calls):
    db, _ctx = empty_village
    db.dispose()
    con = sqlite3.connect(db_path)
    con.execute("UPDATE audit_event SET actor='别人' WHERE id=1")
    con.commit()
    con.close()
    seen: list = []
    close_when(lambda w: _todo_shown(w) and bool(_checked(w)), seen)
    assert app_module.run_gui(known) == 0
    assert "数据可能被改动" in dialog_calls.texts("warn") and "校验值不符" in dialog_calls.texts("warn")
    assert calls[:2] == [("check", False), ("todo", False)]  # checked before anything was read to show


@pytest.mark.parametrize("content", [b"garbage garbage garbage", b"SQLite format 3\x00" + b"\x07" * 200])
def test_second_start_of_a_file_gone_bad_is_reported_not_raised(qapp, empty_village, known, dialog_calls, content):
    empty_village[0].dispose()
    known.db_path.write_bytes(content)
    after(15_000, QApplication.instance().quit)
    assert app_module.run_gui(known) == 1
    text = dialog_calls.texts("error")
    assert "无法打开数据库" in text and str(known.db_path) in text


def test_a_shell_gets_its_shortcuts_and_copyable_status_bar_when_attached(qtbot, village_ws, settings):
    """The shell paints without Qt's namespace: its keys and selectable texts come with the workspace."""
    from .keyboard import wait_active

    window = MainWindow(None, settings=settings, shell={"title": "测试村", "db": str(village_ws.db_path), "user": ""})
    qtbot.addWidget(window)
    window.show()
    assert window.quit_action.shortcut().isEmpty()
    window.attach(village_ws)
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"
    assert window.help_action.shortcut().toString() == "F1"
    for label in (window.user_label, window.storage_banner):
        assert label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    assert window.db_label.full_text() == f"数据库：{village_ws.db_path}" == window.db_label.toolTip()
    wait_active(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == window.page_keys()[1]


def test_closing_the_window_while_the_database_opens_closes_what_was_opened(qapp, empty_village, known, monkeypatch):
    """The clerk closes the window before the worker is done: run_gui waits for it, then closes the
    database it opened and gives up the lock — a next start claims it without asking."""
    import time

    from desktop.single_instance import InstanceLock

    empty_village[0].dispose()
    prepare = app_module.prepare_workspace
    opened: list = []

    def slow_prepare(*a, **k):
        time.sleep(0.5)
        prepared = prepare(*a, **k)
        opened.append(prepared.db)
        return prepared

    monkeypatch.setattr(app_module, "prepare_workspace", slow_prepare)
    from models.storage import Database

    disposed: list = []
    dispose = Database.dispose
    monkeypatch.setattr(Database, "dispose", lambda self: disposed.append(self) or dispose(self))

    def close():
        for w in QApplication.topLevelWidgets():
            if isinstance(w, MainWindow) and w.isVisible():
                w.close()

    after(150, close)
    after(15_000, QApplication.instance().quit)
    assert app_module.run_gui(known) == 0
    assert len(opened) == 1 and opened[0] in disposed
    lock = InstanceLock(known.db_path)
    try:
        assert lock.acquire() is None  # nobody holds it
    finally:
        lock.release()
