"""The accounts of this installation, as the admin's 账户管理 lists them."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

from models.services.accounts import AccountData

from .base import ListTableModel, ObjectRole

AccountRole = ObjectRole

COL_NAME, COL_ROLE, COL_STATE, COL_LOGIN = range(4)
HEADERS = (
    QT_TRANSLATE_NOOP("AccountModel", "用户名"),
    QT_TRANSLATE_NOOP("AccountModel", "角色"),
    QT_TRANSLATE_NOOP("AccountModel", "状态"),
    QT_TRANSLATE_NOOP("AccountModel", "最近登录"),
)


class AccountModel(ListTableModel[AccountData]):
    HEADERS = HEADERS
    TR_CONTEXT = "AccountModel"

    def key_of(self, row: AccountData) -> str:
        return row.name

    def display(self, row: AccountData, col: int) -> str:
        if col == COL_NAME:
            return row.name
        if col == COL_ROLE:
            return QCoreApplication.translate("Roles", row.role_label)
        if col == COL_STATE:
            return (QCoreApplication.translate("AccountModel", "已停用") if row.disabled
                    else QCoreApplication.translate("AccountModel", "在用"))
        if col == COL_LOGIN:
            return row.last_login_at.astimezone().strftime("%Y-%m-%d %H:%M") if row.last_login_at else "—"
        return ""

    def foreground(self, row: AccountData, col: int) -> QColor | None:
        return QColor("#757575") if row.disabled else None
