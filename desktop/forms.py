"""Pieces every form dialog shares: the red line of problems under the fields, the confirm /
cancel buttons with Enter and Ctrl+S bound to the confirm action, and the offer to reopen a record
someone else changed meanwhile."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QWidget

from models.errors import RecordChanged

from . import dialogs

ERROR_COLOR = "#c62828"


def open_owned(owner: QWidget, name: str, dialog: QDialog) -> QDialog:
    """Open `dialog` window-modal without a nested event loop, deleted when it closes; `owner.<name>`
    holds it meanwhile (tests reach it there)."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    setattr(owner, name, dialog)
    dialog.open()
    return dialog


def problems_label() -> QLabel:
    """A hidden, selectable, word-wrapped red label for what stops the form from saving."""
    label = QLabel()
    label.setObjectName("problems")
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {ERROR_COLOR};")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def confirm_buttons(dialog: QDialog, confirm_text: str, on_confirm: Callable[[], object], *,
                    tooltip: str = "", save_role: bool = False
                    ) -> tuple[QDialogButtonBox, QPushButton, QPushButton]:
    """Confirm (the default button: Enter) and 取消 (Esc); Ctrl+S confirms too.
    Returns (box, confirm button, cancel button)."""
    Std = QDialogButtonBox.StandardButton
    ok_kind = Std.Save if save_role else Std.Ok
    box = QDialogButtonBox(ok_kind | Std.Cancel)
    ok = box.button(ok_kind)
    ok.setText(confirm_text)
    if tooltip:
        ok.setToolTip(tooltip)
    ok.setDefault(True)
    cancel = box.button(Std.Cancel)
    cancel.setText(QCoreApplication.translate("Forms", "取消"))
    cancel.setAutoDefault(False)
    box.accepted.connect(on_confirm)
    box.rejected.connect(dialog.reject)
    QShortcut(QKeySequence.StandardKey.Save, dialog, on_confirm)
    return box, ok, cancel


def offer_reopen(error: RecordChanged, parent: QWidget | None = None) -> bool:
    """A save refused because someone else changed the record since the form was filled (another
    window, the CLI): say who and when and that nothing was overwritten; True when the clerk chose
    to reopen the record as it is now, False to keep the form's content (to copy it out)."""
    choice = dialogs.ask(
        QCoreApplication.translate("Forms", "未保存"), str(error),
        [QCoreApplication.translate("Forms", "重新打开（放弃我的修改）"),
         QCoreApplication.translate("Forms", "保留我的修改")],
        informative=QCoreApplication.translate("Forms", "记录在您打开之后被修改过，您的修改没有保存，也没有覆盖对方的内容。"
                                                        "可以先把您的修改复制出来，再重新打开。"),
        default=1, warning=True, parent=parent)
    return choice == 0
