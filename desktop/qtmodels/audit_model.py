"""The audit trail as a table: who did what, when, and the event's hash (for comparing with paper)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QColor

from models.services.audit_log import LogEntry

from .base import ListTableModel

COL_ID, COL_AT, COL_ACTOR, COL_ACTION, COL_TARGET, COL_HASH = range(6)


class AuditLogModel(ListTableModel[LogEntry]):
    TR_CONTEXT = "AuditLogModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("AuditLogModel", "序号"),
        QT_TRANSLATE_NOOP("AuditLogModel", "时间"),
        QT_TRANSLATE_NOOP("AuditLogModel", "操作人"),
        QT_TRANSLATE_NOOP("AuditLogModel", "操作"),
        QT_TRANSLATE_NOOP("AuditLogModel", "对象"),
        QT_TRANSLATE_NOOP("AuditLogModel", "校验值"),
    )
    RIGHT_ALIGNED = (COL_ID,)

    def key_of(self, row: LogEntry) -> int:
        return row.id

    def display(self, row: LogEntry, col: int) -> str:
        if col == COL_ID:
            return str(row.id)
        if col == COL_AT:
            return f"{row.at.astimezone():%Y-%m-%d %H:%M:%S}"
        if col == COL_ACTOR:
            return row.actor
        if col == COL_ACTION:
            return row.action_label
        if col == COL_TARGET:
            if row.target_type == "disclosure" and row.target_id:
                return f"#{row.target_id}"
            return row.target_id or ""
        if col == COL_HASH:
            return row.hash[:12]
        return ""

    def tooltip(self, row: LogEntry, col: int) -> str | None:
        if col == COL_HASH:
            return row.hash
        if col == COL_ACTION and row.sealed:
            hashes = row.to_json()["detail"].get("content_hash", {})
            return "\n".join(f"#{rid}: {h}" for rid, h in hashes.items())
        return None

    def foreground(self, row: LogEntry, col: int) -> QColor | None:
        return QColor("#2e7d32") if col == COL_ACTION and row.sealed else None
