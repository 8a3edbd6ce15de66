"""账户管理 (admins): the accounts, adding one, disabling or enabling, resetting a password, and who
may print unmasked copies.

Every change goes through `models.services.accounts`; a refusal is shown and nothing changes. The
dialogs that take a password clear it as soon as it has been handed over.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.errors import CunwuError
from models.rules.accounts import ROLES, role_label
from models.rules.workflow import ROLE_DUTIES
from models.services.accounts import (
    AccountData,
    AccountService,
    new_account_problems,
    set_unmasked_roles,
    sign_in,
    unmasked_roles,
)
from models.services.context import Actor

from .. import dialogs
from ..forms import confirm_buttons, problems_label
from ..pages.table_page_parts import read_only_table
from ..permissions import gate
from ..qtmodels.account_model import AccountModel, AccountRole
from ..screen_fit import fit_to_screen
from .workflow_dialogs import show_modal


def _role_text(role: str) -> str:
    return QCoreApplication.translate("Roles", role_label(role))


def _password_edit(placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setPlaceholderText(placeholder)
    return edit


class NewAccountDialog(QDialog):
    """新增账户: name, role, password typed twice; the same rules as `cunwu user add`."""

    def __init__(self, service: AccountService, parent: QWidget | None = None):
        super().__init__(parent)
        self.service = service
        self.created: AccountData | None = None
        self.signed_in: Actor | None = None  # the first account of a database without: signed in at once
        self.setWindowTitle(self.tr("新增账户"))
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(50)
        self.name_edit.setPlaceholderText(self.tr("本人姓名，登录时的用户名"))
        self.role_combo = QComboBox()
        for role in ROLES:
            self.role_combo.addItem(self.tr("%1（%2）").replace("%1", _role_text(role))
                                    .replace("%2", ROLE_DUTIES[role]), role)
        self.password_edit = _password_edit(self.tr("至少 8 个字符"))
        self.repeat_edit = _password_edit()
        self.problems = problems_label()
        form = QFormLayout()
        for text, widget in ((self.tr("用户名"), self.name_edit), (self.tr("角色"), self.role_combo),
                             (self.tr("密码"), self.password_edit), (self.tr("确认密码"), self.repeat_edit)):
            label = QLabel(text)
            label.setBuddy(widget)
            widget.setAccessibleName(text)
            form.addRow(label, widget)
        self.buttons, self.ok_button, self.cancel_button = confirm_buttons(self, self.tr("新增"), self.confirm)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 460)
        self.name_edit.setFocus()

    def confirm(self) -> None:
        name, role = self.name_edit.text().strip(), self.role_combo.currentData()
        password, repeat = self.password_edit.text(), self.repeat_edit.text()
        problems = new_account_problems(name, role, password, repeat)
        if problems:
            self.problems.setText("\n".join(p.message for p in problems))
            self.problems.show()
            return
        first = not self.service.ctx.actor.authenticated
        try:
            self.created = self.service.add(name, role, password)
            if first:  # the database now has accounts: the unsigned operator may no longer write
                self.signed_in = sign_in(self.service.ctx.db, name, password)
        except CunwuError as exc:
            dialogs.error(self.tr("未能新增账户"), exc, parent=self)
            return
        finally:
            self.password_edit.clear()
            self.repeat_edit.clear()
        self.accept()


class ResetPasswordDialog(QDialog):
    """重设密码 of one account (admins); also ends the wait after failed sign-ins."""

    def __init__(self, service: AccountService, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.service = service
        self.name = name
        self.setWindowTitle(self.tr("重设密码"))
        self.password_edit = _password_edit(self.tr("至少 8 个字符"))
        self.repeat_edit = _password_edit()
        self.problems = problems_label()
        form = QFormLayout()
        form.addRow(self.tr("账户"), QLabel(name))
        for text, widget in ((self.tr("新密码"), self.password_edit), (self.tr("确认密码"), self.repeat_edit)):
            label = QLabel(text)
            label.setBuddy(widget)
            widget.setAccessibleName(text)
            form.addRow(label, widget)
        self.buttons, self.ok_button, self.cancel_button = confirm_buttons(self, self.tr("重设"), self.confirm)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 400)
        self.password_edit.setFocus()

    def confirm(self) -> None:
        password, repeat = self.password_edit.text(), self.repeat_edit.text()
        self.password_edit.clear()
        self.repeat_edit.clear()
        if password != repeat:
            self.problems.setText(self.tr("两次输入的密码不一致"))
            self.problems.show()
            self.password_edit.setFocus()
            return
        try:
            self.service.reset_password(self.name, password)
        except CunwuError as exc:
            dialogs.error(self.tr("未能重设密码"), exc, parent=self)
            self.password_edit.setFocus()
            return
        self.accept()


class AccountsDialog(QDialog):
    def __init__(self, workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws = workspace
        self.active_dialog: QDialog | None = None
        self.setWindowTitle(self.tr("账户管理"))
        self.model = AccountModel(self)
        self.view = read_only_table(self.model, self.tr("账户"))
        self.view.doubleClicked.connect(self.reset_selected)
        self.add_button = QPushButton(self.tr("新增账户(&N)…"))
        self.disable_button = QPushButton(self.tr("停用(&D)"))
        self.disable_button.setToolTip(self.tr("停用后不能再登录，以前的记录和签名保留"))
        self.enable_button = QPushButton(self.tr("启用(&E)"))
        self.reset_button = QPushButton(self.tr("重设密码(&R)…"))
        self.add_button.clicked.connect(self.add_account)
        self.disable_button.clicked.connect(self.disable_selected)
        self.enable_button.clicked.connect(self.enable_selected)
        self.reset_button.clicked.connect(self.reset_selected)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.disable_button, self.enable_button, self.reset_button):
            b.setAutoDefault(False)
            buttons.addWidget(b)
        buttons.addStretch(1)

        unmasked = QGroupBox(self.tr("谁可以打印完整信息（内部资料：完整身份证号、银行卡号）"))
        self.unmasked_checks: dict[str, QCheckBox] = {}
        row = QHBoxLayout(unmasked)
        for role in ROLES:
            check = QCheckBox(_role_text(role))
            self.unmasked_checks[role] = check
            row.addWidget(check)
        self.save_unmasked_button = QPushButton(self.tr("保存"))
        self.save_unmasked_button.setAutoDefault(False)
        self.save_unmasked_button.clicked.connect(self.save_unmasked)
        row.addStretch(1)
        row.addWidget(self.save_unmasked_button)
        gate(self.save_unmasked_button, self.ws, "settings.edit")

        close = QPushButton(self.tr("关闭"))
        close.setAutoDefault(False)
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        layout.addWidget(unmasked)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        self.view.selectionModel().currentRowChanged.connect(self._update_buttons)
        fit_to_screen(self, 660, 460)
        self.reload()

    @property
    def service(self) -> AccountService:
        return AccountService(self.ws.ctx)

    def reload(self, select: str | None = None) -> None:
        try:
            accounts = self.service.list()
            roles = unmasked_roles(self.ws.ctx)
        except CunwuError as exc:
            dialogs.error(self.tr("无法读取账户"), exc, parent=self)
            return
        self.model.set_rows(accounts)
        for role, check in self.unmasked_checks.items():
            check.setChecked(role in roles)
        row = self.model.row_of(select) if select else None
        self.view.setCurrentIndex(self.model.index(row if row is not None else 0, 0))
        self._update_buttons()

    def selected(self) -> AccountData | None:
        index = self.view.currentIndex()
        return index.data(AccountRole) if index.isValid() else None

    def _update_buttons(self, *_args) -> None:
        a = self.selected()
        self.disable_button.setEnabled(a is not None and not a.disabled)
        self.enable_button.setEnabled(a is not None and a.disabled)
        self.reset_button.setEnabled(a is not None)
        for b in (self.add_button, self.disable_button, self.enable_button, self.reset_button):
            gate(b, self.ws, "users.manage")

    def _run(self, title: str, fn) -> bool:
        try:
            fn()
        except CunwuError as exc:
            dialogs.error(title, exc, parent=self)
            return False
        return True

    def add_account(self) -> None:
        if self.active_dialog is None:
            show_modal(self, NewAccountDialog(self.service, self), self._added)

    def _reload_later(self, select: str) -> None:
        """Reload once the sub-dialog has finished closing: resetting the list from inside its
        `accepted` signal left Qt with a dangling pointer (a crash when the dialogs were destroyed)."""
        QTimer.singleShot(0, self, lambda: self.reload(select=select))

    def _added(self, dialog: NewAccountDialog) -> None:
        if dialog.signed_in is not None:
            self.ws.actor = dialog.signed_in
            self.ws.forget_permissions()
            window = self.parentWidget().window() if self.parentWidget() is not None else None
            refresh = getattr(window, "refresh_actor", None)
            if callable(refresh):
                refresh()
            dialogs.info(self.tr("已启用账户"),
                         self.tr("已新增第一个账户“%1”（村干部），本次已用它登录。以后每次打开程序都要用账户登录；"
                                 "请为文书、监委会成员各新增一个账户。").replace("%1", dialog.signed_in.name),
                         parent=self)
        self._reload_later(dialog.created.name)

    def disable_selected(self) -> None:
        a = self.selected()
        if a is None:
            return
        if not dialogs.confirm(self.tr("停用账户"), self.tr("停用账户“%1”？停用后不能再登录，以前的记录保留。")
                               .replace("%1", a.name), parent=self):
            return
        if self._run(self.tr("未能停用账户"), lambda: self.service.disable(a.name)):
            self.reload(select=a.name)

    def enable_selected(self) -> None:
        a = self.selected()
        if a is not None and self._run(self.tr("未能启用账户"), lambda: self.service.enable(a.name)):
            self.reload(select=a.name)

    def reset_selected(self, *_args) -> None:
        a = self.selected()
        if a is None or not self.reset_button.isEnabled():
            return
        if self.active_dialog is None:
            show_modal(self, ResetPasswordDialog(self.service, a.name, self), lambda _dlg: self._reload_later(a.name))

    def save_unmasked(self) -> None:
        roles = [r for r, check in self.unmasked_checks.items() if check.isChecked()]
        if self._run(self.tr("未能保存"), lambda: set_unmasked_roles(self.ws.ctx, roles)):
            self.ws.forget_permissions()
            self.reload()
