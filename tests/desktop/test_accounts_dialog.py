"""账户管理 in 关于与设置: an admin adds, disables and resets accounts with keyboard and mouse; a
database without accounts gets its first admin here and is signed in at once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from models.services.accounts import AccountService, has_accounts, sign_in
from tests.conftest import STAFF, STAFF_PASSWORD

from .keyboard import type_text, wait_active


def _workspace(db, actor, settings, db_path, data_dir):
    from desktop.workspace import Workspace

    return Workspace.open(db, user=None, db_path=db_path, data_dir=data_dir, settings=settings, actor=actor)


@pytest.fixture
def accounts_dialog(qtbot):
    from desktop.editors.accounts_dialog import AccountsDialog

    def make(ws):
        dialog = AccountsDialog(ws)
        qtbot.addWidget(dialog)
        with qtbot.waitExposed(dialog):
            dialog.show()
        return dialog

    return make


def _row_click(qtbot, view, row: int) -> None:
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_admin_adds_a_clerk_and_resets_a_password(qtbot, staffed_village, settings, db_path, data_dir,
                                                   accounts_dialog, dialog_calls):
    db = staffed_village["db"]
    ws = _workspace(db, staffed_village["ctx"]["admin"].actor, settings, db_path, data_dir)
    dialog = accounts_dialog(ws)
    assert [a.name for a in dialog.model.rows()] == ["张主任", "王文书", "李监委", "刘乡镇"]
    assert [r for r, c in dialog.unmasked_checks.items() if c.isChecked()] == ["clerk", "admin"]

    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    new = dialog.active_dialog
    wait_active(qtbot, new)
    type_text(qtbot, new.name_edit, "赵文书")
    new.role_combo.setFocus()
    qtbot.keyClick(new.role_combo, Qt.Key.Key_Home)  # 文书 is the first role
    type_text(qtbot, new.password_edit, "好密码-123456")
    type_text(qtbot, new.repeat_edit, "好密码-654321")
    qtbot.keyClick(new.repeat_edit, Qt.Key.Key_Return)
    assert new.isVisible() and "不一致" in new.problems.text() and new.password_edit.text() == "好密码-123456"
    new.repeat_edit.clear()
    type_text(qtbot, new.repeat_edit, "好密码-123456")
    qtbot.keyClick(new.repeat_edit, Qt.Key.Key_Return)
    assert dialog_calls.of("error") == []
    qtbot.waitUntil(lambda: dialog.selected() is not None and dialog.selected().name == "赵文书")
    assert dialog.selected().role == "clerk"
    assert sign_in(db, "赵文书", "好密码-123456").role == "clerk"

    _row_click(qtbot, dialog.view, 2)  # 李监委
    assert dialog.selected().name == "李监委"
    qtbot.mouseDClick(dialog.view.viewport(), Qt.MouseButton.LeftButton,
                      pos=dialog.view.visualRect(dialog.model.index(2, 0)).center())
    reset = dialog.active_dialog
    wait_active(qtbot, reset)
    type_text(qtbot, reset.password_edit, "新的密码-2026")
    type_text(qtbot, reset.repeat_edit, "新的密码-2026")
    qtbot.keyClick(reset.repeat_edit, Qt.Key.Key_Return)
    assert sign_in(db, "李监委", "新的密码-2026").role == "reviewer"
    qtbot.waitUntil(lambda: dialog.active_dialog is None)
    QApplication.processEvents()  # the list reloads once the sub-dialog has closed

    _row_click(qtbot, dialog.view, 3)  # 刘乡镇
    qtbot.mouseClick(dialog.disable_button, Qt.MouseButton.LeftButton)
    assert dialog.selected().name == "刘乡镇" and dialog.selected().disabled and dialog.enable_button.isEnabled()

    dialog.unmasked_checks["clerk"].setChecked(False)
    qtbot.mouseClick(dialog.save_unmasked_button, Qt.MouseButton.LeftButton)
    assert ws.may("print.unmasked")[0]
    clerk_ws = _workspace(db, staffed_village["ctx"]["clerk"].actor, settings, db_path, data_dir)
    assert not clerk_ws.may("print.unmasked")[0]


def test_reviewer_sees_every_change_greyed(staffed_village, settings, db_path, data_dir, accounts_dialog):
    ws = _workspace(staffed_village["db"], staffed_village["ctx"]["reviewer"].actor, settings, db_path, data_dir)
    dialog = accounts_dialog(ws)
    for button in (dialog.add_button, dialog.disable_button, dialog.reset_button, dialog.save_unmasked_button):
        assert not button.isEnabled() and "权限不足" in button.toolTip()


def test_first_admin_of_a_database_without_accounts(qtbot, workspace, accounts_dialog, dialog_calls,
                                                    make_window, fast_scrypt):
    window = make_window()
    window.show_page("about")
    about = window.current_page()
    assert about.accounts_button.isEnabled()
    qtbot.mouseClick(about.accounts_button, Qt.MouseButton.LeftButton)
    dialog = about.accounts_dialog
    assert dialog.model.rows() == []
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    new = dialog.active_dialog
    wait_active(qtbot, new)
    type_text(qtbot, new.name_edit, STAFF["admin"])
    new.role_combo.setCurrentIndex(new.role_combo.findData("admin"))
    type_text(qtbot, new.password_edit, STAFF_PASSWORD)
    type_text(qtbot, new.repeat_edit, STAFF_PASSWORD)
    qtbot.keyClick(new.repeat_edit, Qt.Key.Key_Return)
    assert has_accounts(workspace.db)
    assert workspace.actor.authenticated and workspace.actor.role == "admin"
    assert window.user_label.text() == "操作人：张主任（村干部）"
    assert "已新增第一个账户" in dialog_calls.texts("info")
    qtbot.waitUntil(lambda: [a.name for a in dialog.model.rows()] == [STAFF["admin"]])
    AccountService(workspace.ctx).add(STAFF["clerk"], "clerk", STAFF_PASSWORD)  # the session may write on
