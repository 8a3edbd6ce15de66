"""A second GUI on the same database file: told at start who has it open; 只读打开 gives a window
that changes nothing (its write actions disabled, the database refusing writes); 切换到已打开的窗口
asks the first instance over a local socket to come forward; a stale lock is taken over silently."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop import app as app_module
from desktop.main_window import MainWindow
from desktop.single_instance import claim_database
from models.cli.common import Env
from models.errors import ReadOnlyMode
from models.services.catalog import CatalogService
from models.storage.instance_lock import lock_path_for, process_alive, this_host

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def env(db_path, data_dir, tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs its own; put it back after
    monkeypatch.setattr(app_module, "settings_dir_for", lambda _data_dir: tmp_path / "gui-settings")
    return Env(db_path=db_path, data_dir=data_dir, user=None)


@pytest.fixture
def sleeper():
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    yield proc.pid
    proc.kill()
    proc.wait()


def _lock_by(db_path: Path, pid: int) -> None:
    lock_path_for(db_path).write_text(json.dumps({"pid": pid, "host": this_host(), "user": "李会计",
                                                  "started": datetime.now(UTC).isoformat()}), encoding="utf-8")


class _WhenWindowShows:
    """Runs `check(window)` once the main window is up, then closes it (`seen` holds what check
    returned); its timers stop when the test is done, so none fires into a later test."""

    def __init__(self, check):
        self.check = check
        self.seen: list = []
        self.timers = []
        for ms, slot in ((300, self.look), (5000, QApplication.instance().quit)):  # never hang the suite
            timer = QTimer()
            timer.setSingleShot(True)
            timer.timeout.connect(slot)
            timer.start(ms)
            self.timers.append(timer)

    def look(self) -> None:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, MainWindow) and w.isVisible():
                self.seen.append(self.check(w))
                w.close()

    def stop(self) -> None:
        for timer in self.timers:
            timer.stop()


@pytest.fixture
def when_window_shows():
    made: list[_WhenWindowShows] = []

    def make(check) -> _WhenWindowShows:
        made.append(_WhenWindowShows(check))
        return made[-1]

    yield make
    for w in made:
        w.stop()


def test_a_live_lock_asks_and_read_only_opens_a_window_that_cannot_write(qapp, empty_village, env, dialog_calls,
                                                                           sleeper, when_window_shows):
    _lock_by(env.db_path, sleeper)
    dialog_calls.ask_answer = 0  # 只读打开

    def check(window):
        ws = window.ws
        assert ws.read_only and window.windowTitle() == "村务公开 — 测试村（只读）"
        assert window.read_only_label.isVisible() and window.read_only_label.text() == "只读"
        assert not window.new_action.isEnabled()
        with pytest.raises(ReadOnlyMode):
            CatalogService(ws.ctx).retire("none")
        return True

    shown = when_window_shows(check)
    assert app_module.run_gui(env) == 0
    assert shown.seen == [True]
    asked = dialog_calls.of("ask")
    assert len(asked) == 1 and asked[0][1] == "数据库已打开"
    assert f"进程 {sleeper}" in asked[0][2] and "（操作人：李会计）" in asked[0][2]
    assert asked[0][2].splitlines()[-3:] == ["只读打开", "切换到已打开的窗口", "退出"]
    assert json.loads(lock_path_for(env.db_path).read_text(encoding="utf-8"))["pid"] == sleeper  # still theirs


def test_quit_at_the_question_opens_nothing(qapp, empty_village, env, dialog_calls, sleeper):
    _lock_by(env.db_path, sleeper)
    dialog_calls.ask_answer = 2  # 退出
    assert app_module.run_gui(env) == 0  # returns at once: no event loop, no window
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    assert len(dialog_calls.of("ask")) == 1


def test_a_stale_lock_is_taken_over_without_asking_and_given_back_at_exit(qapp, empty_village, env, dialog_calls,
                                                                            when_window_shows):
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    assert not process_alive(proc.pid)
    _lock_by(env.db_path, proc.pid)  # left by a crash

    def check(window):
        owner = json.loads(lock_path_for(env.db_path).read_text(encoding="utf-8"))
        return owner["pid"], window.ws.read_only

    shown = when_window_shows(check)
    assert app_module.run_gui(env) == 0
    assert shown.seen == [(os.getpid(), False)] and dialog_calls.of("ask") == []
    assert not lock_path_for(env.db_path).exists()


FIRST_INSTANCE = """
import sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication, QTimer
from desktop.single_instance import RaiseServer
from models.storage.instance_lock import InstanceLock

app = QCoreApplication([])
db = Path(sys.argv[1])
lock = InstanceLock(db)
assert lock.acquire() is None
server = RaiseServer(db)
assert server.listen()
server.raise_requested.connect(lambda: (print("raised", flush=True), QTimer.singleShot(200, app.quit)))
QTimer.singleShot(20000, app.quit)
print("ready", flush=True)
app.exec()
lock.release()
"""


def _answer(monkeypatch, dialog_calls, *answers: int) -> None:
    """`dialogs.ask` answers these in turn (then 退出), so a retry loop cannot spin forever."""
    from desktop import dialogs

    queue = iter(answers)

    def ask(title, text, buttons, **kwargs):
        dialog_calls.calls.append(("ask", title, text))
        return next(queue, len(buttons) - 1)

    monkeypatch.setattr(dialogs, "ask", ask)


def test_switch_asks_the_first_instance_to_come_forward_over_the_local_socket(qapp, empty_village, db_path,
                                                                               dialog_calls, monkeypatch):
    first = subprocess.Popen([sys.executable, "-c", FIRST_INSTANCE, str(db_path)], stdout=subprocess.PIPE,
                             text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        assert first.stdout.readline().strip() == "ready"
        _answer(monkeypatch, dialog_calls, 1)  # 切换到已打开的窗口
        assert claim_database(db_path) is None  # this instance quits
        assert first.stdout.readline().strip() == "raised"
        assert first.wait(10) == 0
    finally:
        if first.poll() is None:
            first.kill()
        first.wait()
    assert dialog_calls.of("warn") == [] and len(dialog_calls.of("ask")) == 1


def test_switch_when_the_other_window_does_not_answer_says_so_and_asks_again(qapp, empty_village, db_path,
                                                                             dialog_calls, sleeper, monkeypatch):
    _lock_by(db_path, sleeper)  # alive, but no window listening
    _answer(monkeypatch, dialog_calls, 1)  # 切换到已打开的窗口, then 退出
    assert claim_database(db_path) is None
    assert len(dialog_calls.of("ask")) == 2
    assert "没有响应" in dialog_calls.texts("warn")


def test_read_only_records_page_keeps_write_actions_disabled_whatever_is_selected(qtbot, village_ws, records,
                                                                                  editor_calls):
    from desktop.pages.records_page import RecordsPage

    draft = records.make("draft")
    submitted = records.make("submitted", period="2026-Q2")
    village_ws.db.read_only = True
    page = RecordsPage(village_ws)
    qtbot.addWidget(page)
    page.show()
    for d in (draft, submitted):
        page.reload(select_id=d.id)
        assert page.current is not None and page.current.id == d.id
        for action in (page.new_action, page.submit_action, page.approve_action, page.return_action,
                       page.delete_action):
            assert not action.isEnabled(), action.text()
        assert "只读打开" in page.submit_action.toolTip()
    assert page.print_action.isEnabled()  # reading and printing still work
