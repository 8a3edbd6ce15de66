"""`cunwu check`: does the data still say what was approved and posted?

The fast part (run by the GUI at start) walks the keyed audit chain and its signed head witness and
matches every record's status against the audit events that put it there — deleting the events at
the end of the chain leaves a record whose status nothing explains. The full part also runs
SQLite's own checks, recomputes each sealed record's content hash against the seal in its
submit/approve/post event (naming the row or field that changed), checks stored totals and row
counts against the rows, and re-hashes every attachment file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from ..entities import Attachment, AuditEvent, Disclosure
from ..rules import kinds as K
from ..rules import workflow as W
from .attachments import AttachmentService
from .context import ChainHead, ServiceContext, chain_head, verify_audit_chain
from .disclosures import _load_rows
from .record_seal import compare_seal, read_content

#: Events written before events listed their transitions: which status each audited action led to,
#: read off the workflow table (every status-changing step has one target).
LEGACY_ACTION_STATUS = {f"disclosure.{t.action}": t.target for t in W.TRANSITIONS
                        if t.target is not None and t.target != t.source}
#: How a finding names the moment a seal was taken.
SEALED_WHEN = {status: f"{W.step_label(step)}后" for status, step in
               (("submitted", "submit"), ("approved", "approve"), ("posted", "post"))}


@dataclass(frozen=True)
class IntegrityProblem:
    code: str  # database | chain | status | content | totals | attachment
    message: str
    record: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "record": self.record, "message": self.message}


@dataclass
class IntegrityReport:
    full: bool
    problems: list[IntegrityProblem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    head: ChainHead | None = None
    records_checked: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_json(self) -> dict[str, Any]:
        return {"ok": self.ok, "problems": [p.to_json() for p in self.problems], "full": self.full,
                "notes": list(self.notes), "records_checked": self.records_checked,
                "head": None if self.head is None else {"event": self.head.event_id, "hash": self.head.hash,
                                                         "short": self.head.short}}


@dataclass
class _RecordTrail:
    last_status: str | None = None
    last_event: int | None = None
    seal: dict[str, Any] | None = None
    seal_status: str | None = None
    legacy: bool = False


def _trails(session) -> dict[int, _RecordTrail]:
    """Per record: the status its last status-changing event led to, and its newest seal."""
    trails: dict[int, _RecordTrail] = {}
    stmt = (select(AuditEvent.id, AuditEvent.action, AuditEvent.target_id, AuditEvent.detail)
            .where(AuditEvent.action.like("disclosure.%")).order_by(AuditEvent.id))
    for ev_id, action, target_id, detail in session.execute(stmt):
        detail = detail or {}
        moves: list[tuple[int, str]] = []
        legacy = False
        if "transitions" in detail:
            moves = [(int(rid), str(st)) for rid, st in detail["transitions"]]
        elif action in LEGACY_ACTION_STATUS:
            legacy = True
            status = LEGACY_ACTION_STATUS[action]
            if action == "disclosure.expire":
                moves = [(int(i), status) for i in detail.get("ids") or []]
            elif target_id and str(target_id).isdigit():
                moves = [(int(target_id), status)]
        for rid, status in moves:
            t = trails.setdefault(rid, _RecordTrail())
            t.last_status, t.last_event, t.legacy = status, ev_id, legacy
        for rid, seal in (detail.get("seal") or {}).items():
            t = trails.setdefault(int(rid), _RecordTrail())
            if seal:
                t.seal = seal
                t.seal_status = next((st for r, st in moves if r == int(rid)), None)
    return trails


class IntegrityService:
    """Runs the checks; one read session per part, plain results."""

    def __init__(self, ctx: ServiceContext, data_dir: Path):
        self.ctx = ctx
        self.data_dir = Path(data_dir)

    def check(self, *, full: bool = True) -> IntegrityReport:
        self.ctx.require("integrity.check")
        report = IntegrityReport(full=full)
        db = self.ctx.db
        if full:
            report.problems += [IntegrityProblem("database", m) for m in db.storage_checks()]
        report.problems += [IntegrityProblem("chain", m, _record_named(m)) for m in verify_audit_chain(db)]
        self._records(report, full=full)
        if full:
            self._attachments(report)
        report.head = chain_head(db)
        return report

    # --- records ---------------------------------------------------------------------------
    def _records(self, report: IntegrityReport, *, full: bool) -> None:
        with self.ctx.read() as s:
            trails = _trails(s)
            records = s.execute(select(Disclosure.id, Disclosure.status, Disclosure.kind)
                                .order_by(Disclosure.id)).all()
            legacy_unsealed = 0
            for rid, status, kind in records:
                trail = trails.get(rid)
                label = W.label(status)
                unexplained = status != "draft" and (trail is None or trail.last_status is None)
                if unexplained:
                    report.problems.append(IntegrityProblem(
                        "status", f"记录 #{rid} 的状态为“{label}”，但审计记录中没有使它成为此状态的事件"
                        "（审计记录可能被删除）", rid))
                elif status != "draft":
                    if trail.last_status != status:
                        report.problems.append(IntegrityProblem(
                            "status", f"记录 #{rid} 的状态为“{label}”，但审计记录中它最后一次变为"
                            f"“{W.label(trail.last_status)}”"
                            f"（第 {trail.last_event} 条审计记录之后的记录可能被删除，或状态被直接改动）", rid))
                if not full:
                    continue
                report.records_checked += 1
                if status not in ("draft", "returned") and not unexplained:  # (no trail: said above)
                    if trail is not None and trail.seal is not None:
                        content = read_content(s, rid)
                        places = compare_seal(trail.seal, content) if content is not None else ["内容"]
                        if places:
                            when = SEALED_WHEN.get(trail.seal_status or "", "审核后")
                            report.problems.append(IntegrityProblem(
                                "content", f"记录 #{rid} {when}被改动（{'、'.join(places[:8])}"
                                f"{f' 等 {len(places)} 处' if len(places) > 8 else ''}）", rid))
                    elif trail is not None and trail.legacy:
                        legacy_unsealed += 1
                    else:
                        report.problems.append(IntegrityProblem(
                            "content", f"记录 #{rid}“{label}”没有内容校验值（封存它的审计记录缺失）", rid))
                self._totals(s, report, rid, kind)
            if legacy_unsealed:
                report.notes.append(f"{legacy_unsealed} 条记录在启用内容校验之前已提交，只核对状态与合计")

    @staticmethod
    def _totals(s, report: IntegrityReport, rid: int, kind: str) -> None:
        d = s.get(Disclosure, rid)
        rows = _load_rows(s, rid)
        stored_count = d.row_count or 0
        if kind == "roster" and stored_count != len(rows):
            report.problems.append(IntegrityProblem(
                "totals", f"记录 #{rid} 记下的行数 {stored_count} 与名单实际行数 {len(rows)} 不符", rid))
        computed = K.totals_json(K.compute_totals(kind, content=d.content, rows=rows))
        stored = dict(d.totals or {})
        for key in sorted(set(computed) | set(stored)):
            a, b = stored.get(key), computed.get(key)
            if a != b:
                report.problems.append(IntegrityProblem(
                    "totals", f"记录 #{rid} 记下的合计与明细不符（{K.TOTAL_LABELS.get(key, key)}：记下 {a}，"
                    f"按明细计算 {b}）", rid))

    # --- attachments -------------------------------------------------------------------------
    def _attachments(self, report: IntegrityReport) -> None:
        service = AttachmentService(self.ctx, self.data_dir)
        report.problems += [IntegrityProblem("attachment", m) for m in service.verify()]
        with self.ctx.read() as s:
            added: dict[int, str] = {}
            for (detail,) in s.execute(select(AuditEvent.detail).where(AuditEvent.action == "attachment.add")):
                if detail and "attachment" in detail:
                    added[int(detail["attachment"])] = str(detail.get("sha256"))
            for att_id, rid, sha in s.execute(select(Attachment.id, Attachment.disclosure_id, Attachment.sha256)):
                if added.get(att_id) != sha:
                    report.problems.append(IntegrityProblem(
                        "attachment", f"附件 {att_id}（记录 #{rid}）的登记与审计记录不符"
                        f"{'（没有添加它的审计事件）' if att_id not in added else '（校验值被改动）'}", rid))


__all__ = ["IntegrityService", "IntegrityReport", "IntegrityProblem"]




def _record_named(message: str) -> int | None:
    found = re.search(r"记录 #(\d+)", message)
    return int(found.group(1)) if found else None
