"""A record's full content as one hash — header, every roster row, attachments' hashes — sealed
into the audit event when the record is submitted, approved and posted.

The seal keeps, besides the whole hash, a short digest of each header field and of each row, so a
later check can say *where* the stored record no longer matches what was approved and posted
("记录 #4 张贴后被改动（第 1 行）") without a second copy of the roster: 8 hex digits a row.
Attachments may still be added to a posted record (the board photo is taken afterwards), so the
seal lists the attachments it saw by id and SHA-256 instead of folding later additions in.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..entities import Attachment, Disclosure, RosterRow

#: Statuses whose entry seals the record's content (it is read-only from then on until returned).
SEALED_STATUSES = ("submitted", "approved", "posted")

#: Header fields covered, with the Chinese name a finding uses. The status is not content (it moves
#: on to expired and archived); the version/updated stamps are bookkeeping.
HEADER_FIELDS: dict[str, str] = {
    "item_id": "公开事项", "period": "期间", "period_start": "期间起", "period_end": "期间止",
    "event_date": "事项日期", "kind": "类型", "title": "标题", "body": "正文", "content": "内容",
    "columns": "名单列", "unit": "单位", "totals": "合计", "row_count": "行数", "drafter": "起草人",
    "reviewer": "审核人", "review_opinion": "审核意见", "reviewed_on": "审核日期",
    "posting_start": "公示开始", "posting_end": "公示结束", "posting_days": "公示天数",
    "posting_working_days": "按工作日公示", "supersedes_id": "更正对象", "is_correction": "更正公告",
}
_ROW_FIELDS = ("position", "group_name", "name", "id_number", "household_size", "quantity", "rate",
               "amount", "remark", "extra")
DIGEST_CHARS = 8


def _canon(value: Any) -> Any:
    """One spelling per value: 100, 100.0 and 100.00 are the same amount; dates as ISO text."""
    if isinstance(value, Decimal):
        if value == 0:
            return "0"
        return format(value.normalize(), "f")
    if isinstance(value, float):
        return _canon(Decimal(repr(value)))
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _canon(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_canon(v) for v in value]
    return value


def _dumps(value: Any) -> bytes:
    return json.dumps(_canon(value), ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _digest(value: Any) -> str:
    return hashlib.sha256(_dumps(value)).hexdigest()


@dataclass(frozen=True)
class RecordContent:
    header: dict[str, Any]
    rows: list[list[Any]]
    attachments: dict[str, str]  # attachment id → sha256

    def seal(self) -> dict[str, Any]:
        header = {k: _digest(v)[:DIGEST_CHARS] for k, v in self.header.items()}
        rows = "".join(_digest(r)[:DIGEST_CHARS] for r in self.rows)
        whole = hashlib.sha256(_dumps([self.header, self.rows, self.attachments])).hexdigest()
        return {"hash": whole, "header": header, "rows": rows, "n": len(self.rows),
                "attachments": dict(self.attachments)}


def read_content(session: Session, disclosure_id: int) -> RecordContent | None:
    """The stored record as the database holds it now (column reads, not the session's objects)."""
    cols = [getattr(Disclosure, f) for f in HEADER_FIELDS]
    head = session.execute(select(*cols).where(Disclosure.id == disclosure_id)).first()
    if head is None:
        return None
    header = dict(zip(HEADER_FIELDS, head, strict=True))
    rows = [list(r) for r in session.execute(
        select(*[getattr(RosterRow, f) for f in _ROW_FIELDS])
        .where(RosterRow.disclosure_id == disclosure_id).order_by(RosterRow.position, RosterRow.id))]
    attachments = {str(i): sha for i, sha in session.execute(
        select(Attachment.id, Attachment.sha256).where(Attachment.disclosure_id == disclosure_id)
        .order_by(Attachment.id))}
    return RecordContent(header, rows, attachments)


def seal_record(session: Session, disclosure_id: int) -> dict[str, Any] | None:
    content = read_content(session, disclosure_id)
    return None if content is None else content.seal()


def compare_seal(seal: dict[str, Any], content: RecordContent) -> list[str]:
    """Where ``content`` differs from ``seal``: header field names, "第 N 行", "附件 N" — empty
    when the record is as it was sealed."""
    now = content.seal()
    if now["hash"] == seal.get("hash"):
        return []
    places: list[str] = []
    old_header = seal.get("header") or {}
    for key, label in HEADER_FIELDS.items():
        if key in old_header and old_header[key] != now["header"].get(key):
            places.append(label)
    old_rows = str(seal.get("rows") or "")
    new_rows = now["rows"]
    n_old, n_new = len(old_rows) // DIGEST_CHARS, len(new_rows) // DIGEST_CHARS
    for i in range(max(n_old, n_new)):
        a = old_rows[i * DIGEST_CHARS:(i + 1) * DIGEST_CHARS]
        b = new_rows[i * DIGEST_CHARS:(i + 1) * DIGEST_CHARS]
        if a == b:
            continue
        if not b:
            places.append(f"第 {i + 1} 行被删除")
        elif not a:
            places.append(f"多出第 {i + 1} 行")
        else:
            places.append(f"第 {i + 1} 行")
    old_att = seal.get("attachments") or {}
    for att_id, sha in old_att.items():
        current = now["attachments"].get(att_id)
        if current is None:
            places.append(f"附件 {att_id} 被删除")
        elif current != sha:
            places.append(f"附件 {att_id} 的校验值")
    if not places:
        # attachments added after the seal are legitimate (checked against their own audit events)
        extra = set(now["attachments"]) - set(old_att)
        if extra and all(now["header"].get(k) == v for k, v in old_header.items()) and old_rows == new_rows:
            return []
        places.append("内容")
    return places


__all__ = ["SEALED_STATUSES", "HEADER_FIELDS", "RecordContent", "read_content", "seal_record", "compare_seal"]
