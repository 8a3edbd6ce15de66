"""打印设置: what every notice's footer says — 监督电话, 受理单位, 通讯地址, 邮箱, 落款, the objection sentence — and
whether notices print in 大字版 by default.

The footer is read and written through `models.printing.settings` (one audited write per save). An
empty field means the default, which the field shows greyed as its placeholder. 大字版 is this
computer's choice (the UI settings): every print preview starts with it and says so; ticking it in one
preview changes that notice only.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from models.errors import CunwuError, RecordChanged
from models.printing.settings import PrintSettings, set_print_settings, stored_print_settings

from .. import dialogs
from ..forms import confirm_buttons, offer_reopen
from .footer_form import FooterForm


class PrintSettingsDialog(QDialog):
    def __init__(self, workspace, current: PrintSettings, parent: QWidget | None = None, *,
                 version: int | None = None):
        """`version`: that of the settings shown, checked on save (someone else's change is refused)."""
        super().__init__(parent)
        self.ws = workspace
        self.version = version
        self.saved: PrintSettings | None = None
        self.setWindowTitle(self.tr("打印设置"))
        self.setMinimumWidth(560)
        village = workspace.installation.name

        intro = QLabel(self.tr("以下内容印在每份公告的末尾。留空的项目使用括号中的默认内容。"))
        intro.setWordWrap(True)
        intro.setStyleSheet("color: gray;")
        self.form = FooterForm(village, current, mode=workspace.installation.mode)
        self.phones_edit, self.accepting_edit = self.form.phones_edit, self.form.accepting_edit
        self.issuer_edit, self.note_edit = self.form.issuer_edit, self.form.note_edit
        self.large_check = QCheckBox(self.tr("默认使用大字版（字号加大，适合贴在公开栏上远看）"))
        self.large_check.setToolTip(self.tr("每份公告的打印预览都从这里的选择开始；在预览中勾选只改那一份"))
        self.large_check.setChecked(bool(workspace.settings.print_large))
        self.form.layout().addRow(self.tr("字号"), self.large_check)  # aligned with the footer's fields

        buttons, self.save_button, _cancel = confirm_buttons(self, self.tr("保存"), self.save, save_role=True)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addWidget(buttons)
        self.phones_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def phones(self) -> list[str]:
        return self.form.phones()

    def save(self) -> None:
        try:
            self.saved = set_print_settings(self.ws.ctx, **self.form.values(), expected_version=self.version)
        except RecordChanged as exc:
            if offer_reopen(exc, parent=self):  # else the form keeps what was typed, to copy out
                self.reopen()
            return
        except CunwuError as exc:
            dialogs.error(self.tr("未保存"), exc, parent=self)
            return
        self.ws.settings.print_large = self.large_check.isChecked()
        self.accept()


    def reopen(self) -> None:
        """Show the settings as stored now (someone else's save), discarding what was typed here."""
        try:
            current, self.version = stored_print_settings(self.ws.ctx)
        except CunwuError as exc:
            dialogs.error(self.tr("无法读取打印设置"), exc, parent=self)
            return
        self.form.fill(current)


def open_print_settings(workspace, parent: QWidget | None = None) -> PrintSettingsDialog | None:
    """The 打印设置 dialog, window-modal (no nested event loop); None when the settings cannot be read."""
    try:
        current, version = stored_print_settings(workspace.ctx)
    except CunwuError as exc:
        dialogs.error(QCoreApplication.translate("PrintSettingsDialog", "无法读取打印设置"), exc, parent=parent)
        return None
    dialog = PrintSettingsDialog(workspace, current, parent, version=version)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
