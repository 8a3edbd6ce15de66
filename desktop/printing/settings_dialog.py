"""打印设置: what every notice's footer says — 监督电话, 受理单位, 落款, the objection sentence.

Read and written through `models.printing.settings` (one audited write per save). An empty field means
the default, which the field shows greyed as its placeholder.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from models.errors import CunwuError
from models.printing.settings import DEFAULT_OBJECTION_NOTE, PrintSettings, print_settings, set_print_settings

from .. import dialogs
from ..forms import confirm_buttons


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
        self.phones_edit = QPlainTextEdit()
        self.phones_edit.setTabChangesFocus(True)
        self.phones_edit.setPlaceholderText(self.tr("每行一条，例如：\n村务监督委员会 张三 13812341234\n镇纪委 0379-67891234"))
        self.phones_edit.setFixedHeight(110)
        self.phones_edit.setAccessibleName(self.tr("监督电话"))
        self.accepting_edit = QLineEdit()
        self.accepting_edit.setPlaceholderText(self.tr("（%1村务监督委员会）").replace("%1", village))
        self.issuer_edit = QLineEdit()
        self.issuer_edit.setPlaceholderText(self.tr("（%1村民委员会）").replace("%1", village))
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(f"（{DEFAULT_OBJECTION_NOTE}）")
        for edit, value in ((self.accepting_edit, current.accepting_unit), (self.issuer_edit, current.issuer),
                            (self.note_edit, current.objection_note)):
            edit.setText(value)
            edit.setClearButtonEnabled(True)
        self.phones_edit.setPlainText("\n".join(current.phones))

        form = QFormLayout()
        form.addRow(self.tr("监督电话"), self.phones_edit)
        form.addRow(self.tr("受理单位"), self.accepting_edit)
        form.addRow(self.tr("落款"), self.issuer_edit)
        form.addRow(self.tr("异议说明"), self.note_edit)

        buttons, _save, _cancel = confirm_buttons(self, self.tr("保存"), self.save, save_role=True)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.phones_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def phones(self) -> list[str]:
        return [line.strip() for line in self.phones_edit.toPlainText().splitlines() if line.strip()]

    def save(self) -> None:
        try:
            self.saved = set_print_settings(self.ws.ctx, phones=self.phones(),
                                            accepting_unit=self.accepting_edit.text(),
                                            issuer=self.issuer_edit.text(), objection_note=self.note_edit.text())
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
