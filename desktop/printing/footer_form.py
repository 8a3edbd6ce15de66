"""The print footer's fields — 监督电话 (one per line), 受理单位, 通讯地址, 邮箱, 落款, 异议说明 — as one form,
used by 打印设置, the first-run wizard and a record's own footer (公告末尾). What may be saved is the
settings registry's rule (`models.printing.settings.footer_problems`); an empty field means what is
printed otherwise — the default for the install mode, or (for one record) the settings — shown greyed
as its placeholder."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLineEdit, QPlainTextEdit, QWidget

from models.errors import Problem
from models.printing.settings import DEFAULT_OBJECTION_NOTE, PrintSettings, footer_problems
from models.rules.footer import default_accepting_unit, issuing_body, phone_entry


class FooterForm(QWidget):
    def __init__(self, village: str, current: PrintSettings | None = None, *, objection: bool = True,
                 mode: str = "village", inherited: PrintSettings | None = None, phones_height: int = 110,
                 parent: QWidget | None = None):
        """``inherited``: what an empty field stands for (a record's own footer: the settings);
        without it, the install mode's defaults."""
        super().__init__(parent)
        current = current or PrintSettings()
        self.mode = mode
        self.inherited = inherited
        self.phones_edit = QPlainTextEdit()
        self.phones_edit.setTabChangesFocus(True)
        self.phones_edit.setFixedHeight(phones_height)
        self.phones_edit.setAccessibleName(self.tr("监督电话"))
        self.phones_edit.setToolTip(self.tr("每行一条，名称在前、号码在后，每条印成单独一行"))
        self.accepting_edit = QLineEdit()
        self.address_edit = QLineEdit()
        self.email_edit = QLineEdit()
        self.issuer_edit = QLineEdit()
        self.note_edit = QLineEdit()
        self.set_village(village)
        for edit in (self.accepting_edit, self.address_edit, self.email_edit, self.issuer_edit, self.note_edit):
            edit.setClearButtonEnabled(True)
        self.fill(current)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("监督电话"), self.phones_edit)
        form.addRow(self.tr("受理单位"), self.accepting_edit)
        form.addRow(self.tr("通讯地址"), self.address_edit)
        form.addRow(self.tr("邮箱"), self.email_edit)
        form.addRow(self.tr("落款"), self.issuer_edit)
        if objection:
            form.addRow(self.tr("异议说明"), self.note_edit)
        else:
            self.note_edit.hide()

    def fill(self, current: PrintSettings) -> None:
        """Show these settings (on opening, and when reopened after someone else saved)."""
        for edit, value in ((self.accepting_edit, current.accepting_unit), (self.issuer_edit, current.issuer),
                            (self.note_edit, current.objection_note), (self.address_edit, current.address),
                            (self.email_edit, current.email)):
            edit.setText(value)
        self.phones_edit.setPlainText("\n".join(current.phones))

    def set_village(self, village: str) -> None:
        """The placeholders: what prints when a field is left empty (follows the village's name)."""
        base = self.inherited or PrintSettings()
        unit = base.accepting_unit or default_accepting_unit(self.mode, village)
        issuer = base.issuer or issuing_body(self.mode, village)
        self.accepting_edit.setPlaceholderText(f"（{unit}）")
        self.issuer_edit.setPlaceholderText(f"（{issuer}）")
        self.note_edit.setPlaceholderText(f"（{base.objection_note or DEFAULT_OBJECTION_NOTE}）")
        none = self.tr("（不印）")
        self.address_edit.setPlaceholderText(f"（{base.address}）" if base.address else none)
        self.email_edit.setPlaceholderText(f"（{base.email}）" if base.email else self.tr("（不印）例如 cwjd@example.cn"))
        if self.inherited is not None and self.inherited.phones:
            self.phones_edit.setPlaceholderText(self.tr("留空：按打印设置\n") + "\n".join(self.inherited.phones))
        else:
            self.phones_edit.setPlaceholderText(
                self.tr("每行一条，例如：\n全国监督电话 12317\n镇纪委 0379-67891234"))

    def phones(self) -> list[str]:
        return [line.strip() for line in self.phones_edit.toPlainText().splitlines() if line.strip()]

    def values(self) -> dict:
        """Keyword arguments for `set_print_settings`."""
        return {"phones": self.phones(), "accepting_unit": self.accepting_edit.text(),
                "issuer": self.issuer_edit.text(), "objection_note": self.note_edit.text(),
                "address": self.address_edit.text(), "email": self.email_edit.text()}

    def override(self) -> dict:
        """The filled fields as a record's own ``footer`` (the ``footer.*`` keys without the prefix);
        empty fields are left out (they follow the settings)."""
        out: dict = {}
        if self.phones():
            out["phones"] = [phone_entry(line) for line in self.phones()]
        for key, edit in (("unit", self.accepting_edit), ("address", self.address_edit),
                          ("email", self.email_edit), ("issuer", self.issuer_edit),
                          ("objection", self.note_edit)):
            if edit.text().strip():
                out[key] = edit.text().strip()
        return out

    def problems(self) -> list[Problem]:
        return footer_problems(**self.values())
