"""The one path every write takes: who is acting, one transaction, one audit event.

Services receive a `ServiceContext`; a write is

    with ctx.write("catalog.item.update", target_type="catalog_item") as w:
        item = w.session.get(...)
        ...
        w.target_id = item.code
        w.detail = {"fields": [...]}

The audit event is appended in the same transaction, chained to the previous event's hash, so a
later accounts-and-permissions layer hangs its checks here (`require`) and nowhere else.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..entities import AuditEvent
from ..entities.base import utcnow
from ..errors import PermissionDenied
from ..storage import Database

GENESIS_HASH = "0" * 64

ROLES = ("clerk", "reviewer", "admin", "supervisor", "system")


@dataclass(frozen=True)
class Actor:
    """Who is acting. Before accounts exist the name is taken as given (--user or the operator)."""

    name: str
    role: str = "clerk"

    def __post_init__(self) -> None:
        if not self.name or not self.name.strip():
            raise PermissionDenied("未指定操作人：请用 --user 指定姓名，或在设置中填写操作员。")


@dataclass
class WriteScope:
    session: Session
    action: str
    target_type: str | None
    target_id: str | None = None
    detail: dict[str, Any] = field(default_factory=dict)


def _jsonable(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [_jsonable(v) for v in value]
    return value


def event_hash(prev_hash: str, at: datetime, actor: str, role: str, action: str,
               target_type: str | None, target_id: str | None, detail: dict) -> str:
    payload = json.dumps(
        [prev_hash, at.isoformat(), actor, role, action, target_type, target_id, detail],
        ensure_ascii=False, sort_keys=True, separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class ServiceContext:
    """A database plus the acting person; services take one and open a short session per call."""

    def __init__(self, db: Database, actor: Actor):
        self.db = db
        self.actor = actor

    def require(self, permission: str) -> None:
        """Permission hook. Until accounts land every named actor may do everything except the
        separations of duty that services check themselves (e.g. approving one's own draft)."""
        return None

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self.db.read_session() as session:
            yield session

    @contextmanager
    def write(self, action: str, *, target_type: str | None = None,
              target_id: str | None = None, permission: str | None = None) -> Iterator[WriteScope]:
        if permission:
            self.require(permission)
        with self.db.write_session() as session:
            scope = WriteScope(session=session, action=action, target_type=target_type, target_id=target_id)
            yield scope
            session.flush()
            self._append_audit(session, scope)

    def _append_audit(self, session: Session, scope: WriteScope) -> None:
        last = session.execute(select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)).scalar()
        prev = last or GENESIS_HASH
        now = utcnow()
        at = now.replace(microsecond=(now.microsecond // 1000) * 1000)
        detail = _jsonable(scope.detail or {})
        target_id = None if scope.target_id is None else str(scope.target_id)
        h = event_hash(prev, at, self.actor.name, self.actor.role, scope.action, scope.target_type, target_id, detail)
        session.add(AuditEvent(at=at, actor=self.actor.name, role=self.actor.role, action=scope.action,
                               target_type=scope.target_type, target_id=target_id, detail=detail,
                               prev_hash=prev, hash=h))


def verify_audit_chain(db: Database) -> list[str]:
    """Problems found walking the chain (empty when intact)."""
    problems: list[str] = []
    prev = GENESIS_HASH
    with db.read_session() as session:
        for ev in session.execute(select(AuditEvent).order_by(AuditEvent.id)).scalars():
            if ev.prev_hash != prev:
                problems.append(f"审计记录 {ev.id} 与前一条不衔接")
            expected = event_hash(ev.prev_hash, ev.at, ev.actor, ev.role, ev.action, ev.target_type,
                                  ev.target_id, ev.detail or {})
            if expected != ev.hash:
                problems.append(f"审计记录 {ev.id} 的内容与其校验值不符（可能被改动）")
            prev = ev.hash
    return problems
