"""`cunwu log` and a record's history: the audit trail read back, newest last."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, or_, select

from ..entities import AuditEvent
from ..rules import workflow as W
from .context import ServiceContext

#: What each audited action is called in the log (actions not listed show their code).
ACTION_LABELS: dict[str, str] = {
    "setup.init": "初始设置", "catalog.adopt": "目录通过", "catalog.item.add": "新增事项",
    "catalog.item.update": "修改事项", "catalog.item.delete": "删除事项", "catalog.import": "导入目录",
    "disclosure.create": "起草", "disclosure.update": "修改", "disclosure.rows.set": "修改名单",
    # the workflow's steps by their one name (models.rules.workflow)
    **{f"disclosure.{step}": W.step_label(step)
       for step in ("delete", "submit", "approve", "return", "post", "expire", "archive", "correct")},
    "attachment.add": W.step_label("attach"), "attachment.remove": W.step_label("detach"),
    "feedback.add": W.step_label("feedback"), "feedback.answer": "答复群众意见",
    "print.unmasked": "打印内部名单（含完整证件号）", "settings.print": "修改打印设置",
    "settings.feedback": "修改意见设置", "settings.set": "修改设置", "calendar.day.set": "设置节假日",
    "calendar.day.remove": "删除节假日", "import_mapping.remember": "记住导入列对应",
    "backup.restore": "从备份恢复",
    "survey.create": "建立问卷", "survey.update": "修改问卷", "survey.form.add": "录入答卷", "survey.form.correct": "更正答卷",
    "survey.form.delete": "删除答卷", "survey.import": "导入答卷", "survey.adjudicate": "裁定两遍录入差异",
    "survey.demand.add": "按调查结果新增目录事项", "survey.demand.mark": "按调查结果标记需求事项",
}
# Events about a record that name it in their detail rather than as their target.
_DETAIL_ACTIONS = ("disclosure.expire", "attachment.remove", "print.unmasked")


@dataclass(frozen=True)
class LogEntry:
    id: int
    at: datetime
    actor: str
    role: str
    action: str
    target_type: str | None
    target_id: str | None
    detail: dict[str, Any]
    hash: str
    keyed: bool

    @property
    def action_label(self) -> str:
        return ACTION_LABELS.get(self.action, self.action)

    @property
    def sealed(self) -> bool:
        return bool(self.detail.get("seal"))

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "at": self.at.isoformat(timespec="seconds"), "actor": self.actor,
                "role": self.role, "action": self.action, "action_label": self.action_label,
                "target_type": self.target_type, "target_id": self.target_id,
                "detail": _summary(self.detail), "hash": self.hash, "keyed": self.keyed}


def _summary(detail: dict[str, Any]) -> dict[str, Any]:
    """The detail as shown: a seal is reduced to its content hash (its per-row digests are for
    `check`, not for reading)."""
    out = {k: v for k, v in detail.items() if k != "seal"}
    if detail.get("seal"):
        out["content_hash"] = {rid: (s or {}).get("hash") for rid, s in detail["seal"].items()}
    return out


def _mentions(detail: dict[str, Any], record: int) -> bool:
    if detail.get("disclosure") == record or record in (detail.get("ids") or []):
        return True
    return any(int(rid) == record for rid, _st in detail.get("transitions") or [])


class AuditLogService:
    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    def events(self, *, record: int | None = None, limit: int | None = None) -> list[LogEntry]:
        """The trail in order; for ``record``, the events about that record (its own, the batch
        expiries that listed it, unmasked prints of it)."""
        self.ctx.require("audit.read")
        stmt = select(AuditEvent).order_by(AuditEvent.id)
        if record is not None:
            stmt = stmt.where(or_(
                and_(AuditEvent.target_type == "disclosure", AuditEvent.target_id == str(record)),
                AuditEvent.action.in_(_DETAIL_ACTIONS)))
        with self.ctx.read() as s:
            rows = list(s.execute(stmt).scalars())
        out = []
        for ev in rows:
            detail = dict(ev.detail or {})
            if record is not None and not (ev.target_type == "disclosure" and ev.target_id == str(record)):
                targets = (ev.target_id or "").split(",") if ev.action == "print.unmasked" else []
                if str(record) not in targets and not _mentions(detail, record):
                    continue
            out.append(LogEntry(ev.id, ev.at, ev.actor, ev.role, ev.action, ev.target_type, ev.target_id,
                                detail, ev.hash, ev.key_id is not None))
        return out[-limit:] if limit else out


__all__ = ["AuditLogService", "LogEntry", "ACTION_LABELS"]
