"""公告末尾 of one record: its own 监督电话, 受理单位, 通讯地址, 邮箱, 落款, 异议说明 (an empty field follows
打印设置, shown greyed), its attached tables (附件表), and the signature lines its kind carries in this
install (read-only: the table in `models.rules.footer`).

The dialog edits values only; the disclosure editor keeps them with its other unsaved changes and
stores them in the record's content (``footer``, ``attached_tables``) with its Ctrl+S — one save, one
audit event. The rules are the settings registry's and `models.rules.footer.attached_problems`; the
service checks again on save (and that each attached record is a table).
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtWidgets import QDialog, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from models.printing.settings import PrintSettings
from models.rules.footer import (
    ATTACHED_KEY,
    FOOTER_KEY,
    attached_entries,
    attached_problems,
    signature_lines,
)
from models.services.settings import footer_override_problems

from ..forms import confirm_buttons
from ..printing.footer_form import FooterForm

_RECORD_LINE = re.compile(r"^[#＃]\s*(\d+)\s*(.*)$")


def attachment_lines(content: dict[str, Any] | None) -> str:
    """The attached tables as the dialog shows them: ``#12 2026年XX项目安排表`` or a paper one's title."""
    lines = []
    for entry in attached_entries(content or {}):
        if entry["record"] is not None:
            lines.append(f"#{entry['record']} {entry['title']}".strip())
        else:
            lines.append(entry["title"])
    return "\n".join(lines)


def parse_attachment_lines(text: str) -> list[dict[str, Any]]:
    """``#12 标题`` → ``{"record": 12, "title": "标题"}``; a line without ``#`` is a paper attachment."""
    out: list[dict[str, Any]] = []
    for line in (t.strip() for t in (text or "").splitlines()):
        if not line:
            continue
        m = _RECORD_LINE.match(line)
        if m:
            entry: dict[str, Any] = {"record": int(m.group(1))}
            if m.group(2).strip():
                entry["title"] = m.group(2).strip()
            out.append(entry)
        else:
            out.append({"title": line})
    return out


class RecordFooterDialog(QDialog):
    def __init__(self, workspace, kind: str, own: dict[str, Any], inherited: PrintSettings, *,
                 editable: bool = True, parent: QWidget | None = None):
        """``own``: ``{"footer": {...}, "attached_tables": [...]}`` as the record holds them."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("公告末尾（本份公告）"))
        self.setMinimumWidth(560)
        self.values: dict[str, Any] | None = None
        inst = workspace.installation
        intro = QLabel(self.tr("只改这一份公告。留空的项目按“打印设置”印出（括号中灰色的内容）。"))
        intro.setWordWrap(True)
        intro.setStyleSheet("color: gray;")
        current = PrintSettings().with_override(own.get(FOOTER_KEY))
        self.form = FooterForm(inst.name, current, mode=inst.mode, inherited=inherited, phones_height=72)
        self.attachments_edit = QPlainTextEdit()
        self.attachments_edit.setTabChangesFocus(True)
        self.attachments_edit.setFixedHeight(56)
        self.attachments_edit.setAccessibleName(self.tr("附件表"))
        self.attachments_edit.setPlaceholderText(
            self.tr("每行一个：#记录编号 附件标题（名单类记录，印在公告之后）；只写标题为纸质附件"))
        self.attachments_edit.setPlainText(attachment_lines(own))
        self.form.layout().addRow(self.tr("附件表"), self.attachments_edit)
        signers = signature_lines(kind, inst.mode)
        self.signature_label = QLabel(
            self.tr("签字栏：%1").replace("%1", "、".join(signers)) if signers else
            self.tr("签字栏：无（乡镇公告只印发布单位和日期）"))
        self.signature_label.setWordWrap(True)
        self.signature_label.setToolTip(self.tr("由安装方式和公告类别决定"))
        self.form.layout().addRow(self.tr("签字"), self.signature_label)
        self.problems_label = QLabel()
        self.problems_label.setWordWrap(True)
        self.problems_label.setStyleSheet("color: #c62828;")
        self.problems_label.hide()
        buttons, self.ok_button, _cancel = confirm_buttons(self, self.tr("确定"), self.confirm)
        self.ok_button.setEnabled(editable)
        if not editable:
            for w in (self.form, self.attachments_edit):
                w.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addWidget(self.problems_label)
        layout.addWidget(buttons)
        self.form.phones_edit.setFocus()

    def collected(self) -> dict[str, Any]:
        """``{"footer": {...}, "attached_tables": [...]}``, empty parts left out."""
        out: dict[str, Any] = {}
        own = self.form.override()
        if own:
            out[FOOTER_KEY] = own
        attached = parse_attachment_lines(self.attachments_edit.toPlainText())
        if attached:
            out[ATTACHED_KEY] = attached
        return out

    def problems(self) -> list[str]:
        values = self.collected()
        return ([p.message for p in footer_override_problems(values.get(FOOTER_KEY))]
                + attached_problems(values.get(ATTACHED_KEY)))

    def confirm(self) -> None:
        if not self.ok_button.isEnabled():
            return
        problems = self.problems()
        if problems:
            self.problems_label.setText("\n".join(problems))
            self.problems_label.show()
            return
        self.values = self.collected()
        self.accept()
