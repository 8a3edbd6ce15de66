"""The attachments of one disclosure (公示栏照片, 票据凭证) with whether each stored file is intact.

`set_attachments` takes the service's `AttachmentData` and a state per attachment ("ok", "missing",
"altered"), which the record panel works out with `models.services.attachments.file_sha256` for the
few files of the selected record.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

from models.services.attachments import KINDS as ATTACHMENT_KINDS
from models.services.attachments import AttachmentData

from .base import ListTableModel, ObjectRole

AttachmentRole = ObjectRole

COL_KIND, COL_NAME, COL_SIZE, COL_ADDED, COL_STATE = range(5)
HEADERS = (
    QT_TRANSLATE_NOOP("AttachmentModel", "类型"),
    QT_TRANSLATE_NOOP("AttachmentModel", "文件名"),
    QT_TRANSLATE_NOOP("AttachmentModel", "大小"),
    QT_TRANSLATE_NOOP("AttachmentModel", "添加"),
    QT_TRANSLATE_NOOP("AttachmentModel", "校验"),
)
# attachments.KINDS, listed so lupdate collects them.
_KIND_TEXTS = (
    QT_TRANSLATE_NOOP("AttachmentModel", "公示栏照片"),
    QT_TRANSLATE_NOOP("AttachmentModel", "票据凭证"),
    QT_TRANSLATE_NOOP("AttachmentModel", "其他"),
)
STATE_TEXTS = {
    "ok": QT_TRANSLATE_NOOP("AttachmentModel", "完好"),
    "missing": QT_TRANSLATE_NOOP("AttachmentModel", "文件不见了"),
    "altered": QT_TRANSLATE_NOOP("AttachmentModel", "内容已被改动"),
}
STATE_COLORS = {"ok": "#2e7d32", "missing": "#c62828", "altered": "#c62828"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("AttachmentModel", text)


def attachment_kind_text(kind: str) -> str:
    return _tr(ATTACHMENT_KINDS.get(kind, kind))


def size_text(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


class AttachmentModel(ListTableModel[AttachmentData]):
    HEADERS = HEADERS
    TR_CONTEXT = "AttachmentModel"
    RIGHT_ALIGNED = (COL_SIZE,)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._states: dict[int, str] = {}

    def set_attachments(self, items: Iterable[AttachmentData], states: Mapping[int, str]) -> None:
        self._states = dict(states)  # read by data() once set_rows resets the view
        self.set_rows(items)

    def attachments(self) -> list[AttachmentData]:
        return self.rows()

    def state_of(self, attachment_id: int) -> str:
        return self._states.get(attachment_id, "ok")

    def display(self, a: AttachmentData, col: int) -> str | None:
        if col == COL_KIND:
            return attachment_kind_text(a.kind)
        if col == COL_NAME:
            return a.filename
        if col == COL_SIZE:
            return size_text(a.size)
        if col == COL_ADDED:
            return f"{a.added_at.astimezone():%Y-%m-%d %H:%M} {a.added_by}"
        if col == COL_STATE:
            state = self.state_of(a.id)
            return _tr(STATE_TEXTS.get(state, state))
        return None

    def tooltip(self, a: AttachmentData, col: int) -> str | None:
        if col == COL_NAME:
            return a.description or a.filename
        if col == COL_STATE:
            return "SHA-256 " + a.sha256
        return None

    def foreground(self, a: AttachmentData, col: int) -> QColor | None:
        return QColor(STATE_COLORS.get(self.state_of(a.id), "#000000")) if col == COL_STATE else None
