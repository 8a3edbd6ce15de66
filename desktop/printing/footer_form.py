"""The print footer's fields — 监督电话 (one per line), 受理单位, 落款, 异议说明 — as one form, used by
打印设置 and by the first-run wizard. What may be saved is the settings registry's rule
(`models.printing.settings.footer_problems`); an empty field means the printed default, shown greyed
as its placeholder."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLineEdit, QPlainTextEdit, QWidget

from models.errors import Problem
from models.printing.settings import DEFAULT_OBJECTION_NOTE, PrintSettings, footer_problems


class FooterForm(QWidget):
    def __init__(self, village: str, current: PrintSettings | None = None, *, objection: bool = True,
                 parent: QWidget | None = None):
        super().__init__(parent)
        current = current or PrintSettings()
        self.phones_edit = QPlainTextEdit()
        self.phones_edit.setTabChangesFocus(True)
        self.phones_edit.setPlaceholderText(self.tr("每行一条，例如：\n村务监督委员会 张三 13812341234\n镇纪委 0379-67891234"))
        self.phones_edit.setFixedHeight(110)
        self.phones_edit.setAccessibleName(self.tr("监督电话"))
        self.accepting_edit = QLineEdit()
        self.issuer_edit = QLineEdit()
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(f"（{DEFAULT_OBJECTION_NOTE}）")
        self.set_village(village)
        for edit in (self.accepting_edit, self.issuer_edit, self.note_edit):
            edit.setClearButtonEnabled(True)
        self.fill(current)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("监督电话"), self.phones_edit)
        form.addRow(self.tr("受理单位"), self.accepting_edit)
        form.addRow(self.tr("落款"), self.issuer_edit)
        if objection:
            form.addRow(self.tr("异议说明"), self.note_edit)
        else:
            self.note_edit.hide()

    def fill(self, current: PrintSettings) -> None:
        """Show these settings (on opening, and when reopened after someone else saved)."""
        for edit, value in ((self.accepting_edit, current.accepting_unit), (self.issuer_edit, current.issuer),
                            (self.note_edit, current.objection_note)):
            edit.setText(value)
        self.phones_edit.setPlainText("\n".join(current.phones))

    def set_village(self, village: str) -> None:
        """The defaults the placeholders show follow the village's name."""
        self.accepting_edit.setPlaceholderText(self.tr("（%1村务监督委员会）").replace("%1", village))
        self.issuer_edit.setPlaceholderText(self.tr("（%1村民委员会）").replace("%1", village))

    def phones(self) -> list[str]:
        return [line.strip() for line in self.phones_edit.toPlainText().splitlines() if line.strip()]

    def values(self) -> dict:
        """Keyword arguments for `set_print_settings`."""
        return {"phones": self.phones(), "accepting_unit": self.accepting_edit.text(),
                "issuer": self.issuer_edit.text(), "objection_note": self.note_edit.text()}

    def problems(self) -> list[Problem]:
        return footer_problems(**self.values())
