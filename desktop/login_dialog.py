"""登录: the dialog at start when the database has accounts.

The user name last signed in with is offered again (settings ``login/last_user``); the password
never leaves this dialog — it is handed to `models.services.accounts.sign_in` and the field is
cleared after every attempt. A refusal (wrong password, a disabled account, the wait after
repeated failures) is shown in the dialog, which stays open.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from models.entities.base import utcnow
from models.errors import CunwuError
from models.services.accounts import sign_in
from models.services.context import Actor
from models.storage import Database

from .forms import confirm_buttons, problems_label
from .screen_fit import fit_to_screen
from .settings import Settings


class LoginDialog(QDialog):
    def __init__(self, db: Database, settings: Settings, *, title: str = "", user: str | None = None,
                 clock: Callable[[], datetime] = utcnow, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.settings = settings
        self.clock = clock
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("登录 — 村务公开"))
        self.setModal(True)
        headline = QLabel(self.tr("%1\n请输入您的用户名和密码。").replace("%1", title) if title
                          else self.tr("请输入您的用户名和密码。"))
        headline.setWordWrap(True)
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName(self.tr("用户名"))
        self.name_edit.setMaxLength(50)
        self.password_edit = QLineEdit()
        self.password_edit.setAccessibleName(self.tr("密码"))
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.message_label = problems_label()
        self.message_label.setVisible(False)
        name_label = QLabel(self.tr("用户名(&U)"))
        name_label.setBuddy(self.name_edit)
        password_label = QLabel(self.tr("密码(&P)"))
        password_label.setBuddy(self.password_edit)
        form = QFormLayout()
        form.addRow(name_label, self.name_edit)
        form.addRow(password_label, self.password_edit)
        note = QLabel(self.tr("忘记密码请找村干部（管理员）重设。"))
        note.setStyleSheet("color: gray;")
        self.buttons, self.ok_button, self.cancel_button = confirm_buttons(self, self.tr("登录"), self.confirm)
        layout = QVBoxLayout(self)
        layout.addWidget(headline)
        layout.addLayout(form)
        layout.addWidget(self.message_label)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        remembered = user or settings.last_user
        self.name_edit.setText(remembered)
        (self.password_edit if remembered else self.name_edit).setFocus(Qt.FocusReason.OtherFocusReason)
        fit_to_screen(self, 420)

    def show_message(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))

    def confirm(self) -> None:
        name = self.name_edit.text().strip()
        password = self.password_edit.text()
        self.password_edit.clear()
        if not name:
            self.show_message(self.tr("请输入用户名"))
            self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        try:
            self.actor = sign_in(self.db, name, password, clock=self.clock)
        except CunwuError as exc:
            self.show_message(str(exc))
            self.password_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.settings.last_user = self.actor.name
        self.accept()
