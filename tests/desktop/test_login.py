"""Signing in at start, driven with the keyboard; what each role sees greyed out, and why."""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from tests.conftest import STAFF, STAFF_PASSWORD

from .keyboard import type_text, wait_active


@pytest.fixture
def login(qtbot, staffed_village, settings):
    from desktop.login_dialog import LoginDialog

    def make(**kw) -> LoginDialog:
        dialog = LoginDialog(staffed_village["db"], settings, title="测试村", **kw)
        qtbot.addWidget(dialog)
        with qtbot.waitExposed(dialog):
            dialog.show()
        return dialog

    return make


def test_wrong_then_right_password_with_the_keyboard(qtbot, login, settings):
    dialog = login()
    assert dialog.name_edit.hasFocus() and dialog.name_edit.text() == ""
    type_text(qtbot, dialog.name_edit, STAFF["clerk"])
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Tab)
    assert dialog.password_edit.hasFocus()
    assert dialog.password_edit.echoMode() == dialog.password_edit.EchoMode.Password
    qtbot.keyClicks(dialog.password_edit, "wrong-password")
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.actor is None
    assert dialog.message_label.isVisible() and "用户名或密码错误" in dialog.message_label.text()
    assert dialog.password_edit.text() == "" and dialog.password_edit.hasFocus()
    type_text(qtbot, dialog.password_edit, STAFF_PASSWORD)
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert (dialog.actor.name, dialog.actor.role) == (STAFF["clerk"], "clerk")
    settings.sync()
    text = settings.path.read_text(encoding="utf-8")
    assert settings.last_user == STAFF["clerk"] and STAFF_PASSWORD not in text and "wrong-password" not in text


def test_the_last_name_is_offered_and_the_wait_is_shown(qtbot, login, settings):
    settings.last_user = STAFF["reviewer"]
    now = [datetime(2026, 12, 1, 9, 0, tzinfo=UTC)]
    dialog = login(clock=lambda: now[0])
    assert dialog.name_edit.text() == STAFF["reviewer"] and dialog.password_edit.hasFocus()
    for _ in range(5):
        qtbot.keyClicks(dialog.password_edit, "wrong-password")
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert "30 秒后再试" in dialog.message_label.text()
    type_text(qtbot, dialog.password_edit, STAFF_PASSWORD)
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)  # still waiting: refused unread
    assert dialog.actor is None and "秒后再试" in dialog.message_label.text()
    now[0] += timedelta(seconds=30)
    type_text(qtbot, dialog.password_edit, STAFF_PASSWORD)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.actor is not None and dialog.actor.role == "reviewer"


def test_escape_cancels(qtbot, login):
    dialog = login()
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected and dialog.actor is None


def test_start_asks_to_sign_in_and_shows_the_account(qapp, staffed_village, db_path, data_dir, tmp_path,
                                                     monkeypatch, qtbot):
    """run_gui on a database with accounts: the login dialog first, then the window as that account."""
    from desktop import app as app_module
    from desktop.login_dialog import LoginDialog
    from desktop.main_window import MainWindow
    from models.cli.common import Env

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(app_module, "settings_dir_for", lambda _data_dir: tmp_path / "gui-settings")
    staffed_village["db"].dispose()
    seen: dict = {}

    def sign_in():
        dialog = next((w for w in QApplication.topLevelWidgets() if isinstance(w, LoginDialog) and w.isVisible()),
                      None)
        if dialog is None:
            QTimer.singleShot(50, sign_in)
            return
        type_text(qtbot, dialog.name_edit, STAFF["reviewer"])
        type_text(qtbot, dialog.password_edit, STAFF_PASSWORD)
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
        QTimer.singleShot(200, close)

    def close():
        for w in QApplication.topLevelWidgets():
            if isinstance(w, MainWindow) and w.isVisible():
                seen["user"] = w.user_label.text()
                w.close()

    QTimer.singleShot(50, sign_in)
    QTimer.singleShot(5000, QApplication.instance().quit)  # never hang the suite
    assert app_module.run_gui(Env(db_path=db_path, data_dir=data_dir, user=None)) == 0
    assert seen["user"] == "操作人：李监委（监委会）"


def test_cancelled_login_opens_nothing(qapp, staffed_village, db_path, data_dir, tmp_path, monkeypatch):
    from desktop import app as app_module
    from desktop.login_dialog import LoginDialog
    from models.cli.common import Env

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(app_module, "settings_dir_for", lambda _data_dir: tmp_path / "gui-settings")
    monkeypatch.setattr(LoginDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    staffed_village["db"].dispose()
    assert app_module.run_gui(Env(db_path=db_path, data_dir=data_dir, user=None)) == 1


# --- what each role may do ------------------------------------------------------------------------


@pytest.fixture
def role_window(qtbot, staffed_village, settings, db_path, data_dir):
    """A main window over a submitted record, as the account of ``role``."""
    from desktop.main_window import MainWindow
    from desktop.workspace import Workspace
    from models.rules.timing import TimingRule
    from models.services.catalog import CatalogService, ItemData
    from models.services.disclosures import DisclosureService

    ctx = staffed_village["ctx"]
    CatalogService(ctx["admin"]).add(ItemData(code="GG-01", group="村务", name="村务公告",
                                              timing=TimingRule("immediate"), posting_days=7))
    clerk = DisclosureService(ctx["clerk"])
    record = clerk.create("GG-01", "2026-Q3", "第三季度村务公告", body="本季度情况如下。")
    clerk.submit(record.id)

    def make(role: str) -> MainWindow:
        ws = Workspace.open(staffed_village["db"], user=None, db_path=db_path, data_dir=data_dir,
                            settings=settings, actor=ctx[role].actor)
        window = MainWindow(ws)
        qtbot.addWidget(window)
        window.resize(1280, 760)
        with qtbot.waitExposed(window):
            window.show()
        window.show_page("records")
        page = window.current_page()
        page.show_record(record.id)
        return window

    return make


def test_reviewer_sees_drafting_greyed_with_the_rule_and_approves_as_themself(qtbot, role_window):
    window = role_window("reviewer")
    page = window.current_page()
    assert window.user_label.text() == "操作人：李监委（监委会）"
    assert not page.new_action.isEnabled() and "权限不足" in page.new_action.toolTip()
    assert "disclosure.edit" in page.new_action.toolTip()
    assert not page.post_action.isEnabled() and "disclosure.post" in page.post_action.toolTip()
    assert page.approve_action.isEnabled() and page.return_action.isEnabled()
    page.approve_action.trigger()
    dialog = page.active_dialog
    wait_active(qtbot, dialog)
    assert dialog.reviewer_combo.currentText() == "李监委" and not dialog.reviewer_combo.isEnabled()
    assert dialog.opinion_edit.hasFocus()
    type_text(qtbot, dialog.opinion_edit, "同意公开")
    qtbot.keyClick(dialog.opinion_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert page.current.status == "approved" and page.current.reviewer == "李监委"
    assert not page.approve_action.isEnabled()


def test_clerk_may_not_approve_nor_the_admin_and_only_the_admin_posts(role_window):
    clerk_page = role_window("clerk").current_page()
    assert clerk_page.new_action.isEnabled()
    assert not clerk_page.approve_action.isEnabled() and "disclosure.approve" in clerk_page.approve_action.toolTip()
    admin_window = role_window("admin")
    admin_page = admin_window.current_page()
    assert admin_page.new_action.isEnabled() and not admin_page.approve_action.isEnabled()
    admin_window.show_page("about")
    about = admin_window.current_page()
    assert about.print_settings_button.isEnabled() and about.calendar_button.isEnabled()


def test_reviewer_may_not_touch_settings_or_the_catalog(role_window):
    window = role_window("reviewer")
    window.show_page("about")
    about = window.current_page()
    assert not about.print_settings_button.isEnabled() and "settings.edit" in about.print_settings_button.toolTip()
    assert not about.calendar_button.isEnabled()
    window.show_page("catalog")
    catalog = window.current_page()
    assert not catalog.new_action.isEnabled() and "catalog.edit" in catalog.new_action.toolTip()
    assert catalog.export_action.isEnabled()  # reading is for everyone
