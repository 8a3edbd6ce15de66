"""打印设置: what every notice's footer says — 监督电话, 受理单位, 落款, the objection sentence.

Read and written through `models.printing.settings` (one audited write per save). An empty field means
the default, which the field shows greyed as its placeholder.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from models.errors import CunwuError
from models.printing.settings import PrintSettings, print_settings, set_print_settings

from .. import dialogs
from ..forms import confirm_buttons
from .footer_form import FooterForm


class PrintSettingsDialog(QDialog):
    def __init__(self, workspace, current: PrintSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws = workspace
        self.saved: PrintSettings | None = None
        self.setWindowTitle(self.tr("打印设置"))
        self.setMinimumWidth(560)
        village = workspace.installation.name

        intro = QLabel(self.tr("以下内容印在每份公告的末尾。留空的项目使用括号中的默认内容。"))
        intro.setWordWrap(True)
        intro.setStyleSheet("color: gray;")
        self.form = FooterForm(village, current)
        self.phones_edit, self.accepting_edit = self.form.phones_edit, self.form.accepting_edit
        self.issuer_edit, self.note_edit = self.form.issuer_edit, self.form.note_edit

        buttons, _save, _cancel = confirm_buttons(self, self.tr("保存"), self.save, save_role=True)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addWidget(buttons)
        self.phones_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def phones(self) -> list[str]:
        return self.form.phones()

    def save(self) -> None:
        try:
            self.saved = set_print_settings(self.ws.ctx, **self.form.values())
        except CunwuError as exc:
            dialogs.error(self.tr("未保存"), exc, parent=self)
            return
        self.accept()


def open_print_settings(workspace, parent: QWidget | None = None) -> PrintSettingsDialog | None:
    """The 打印设置 dialog, window-modal (no nested event loop); None when the settings cannot be read."""
    try:
        current = print_settings(workspace.ctx)
    except CunwuError as exc:
        dialogs.error(QCoreApplication.translate("PrintSettingsDialog", "无法读取打印设置"), exc, parent=parent)
        return None
    dialog = PrintSettingsDialog(workspace, current, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
