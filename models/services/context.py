"""The one path every write takes: who is acting, one transaction, one audit event.

Services receive a `ServiceContext`; a write is

    with ctx.write("catalog.item.update", target_type="catalog_item", permission="catalog.edit") as w:
        item = w.session.get(...)
        ...
        w.target_id = item.code
        w.detail = {"fields": [...]}

The audit event is appended in the same transaction, chained to the previous event's hash. Every
write names its permission (models.rules.permissions) and is checked here (`require`) and nowhere
else: inside the write's own transaction the acting account is read again, so an account disabled
or given another role a moment ago is refused at its next write.

Before any account exists (a database from before accounts, or `init` without ``--admin``), the
actor is the name given (``--user`` or the operator) and every permission is granted, as it always
was; once one account exists, only an authenticated actor (``Actor.account_id``) may write.

The chain is keyed: each hash is an HMAC with the key kept beside the database (storage/audit_key.py),
so it cannot be silently recomputed from the database alone. Status changes a service makes in the
transaction (`note_transition`) are listed in the event, and entering a sealed status (submitted,
approved, posted) puts the record's content hash into it (services/record_seal.py).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from ..entities import Account, AuditEvent
from ..entities.base import utcnow
from ..errors import PermissionDenied, RecordChanged
from ..rules import permissions as P
from ..storage import Database
from ..storage.audit_key import ChainHead

GENESIS_HASH = "0" * 64
TRANSITIONS_KEY = "cunwu_transitions"  # session.info: [(disclosure id, new status), ...]

log = logging.getLogger("cunwu.audit")

access_log = logging.getLogger("cunwu.access")


@dataclass(frozen=True)
class Actor:
    """Who is acting. ``account_id`` is set for an authenticated account (models.services.accounts);
    before accounts exist the name is taken as given (--user or the operator) and it stays None."""

    name: str
    role: str = "clerk"
    account_id: int | None = None

    def __post_init__(self) -> None:
        if not self.name or not self.name.strip():
            raise PermissionDenied("未指定操作人：请用 --user 指定姓名，或在设置中填写操作员。")

    @property
    def authenticated(self) -> bool:
        return self.account_id is not None


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
               target_type: str | None, target_id: str | None, detail: dict, key: bytes | None = None) -> str:
    """SHA-256 of the event and the previous hash; an HMAC-SHA256 with ``key`` when given."""
    payload = json.dumps(
        [prev_hash, at.isoformat(), actor, role, action, target_type, target_id, detail],
        ensure_ascii=False, sort_keys=True, separators=(",", ":"),
    ).encode("utf-8")
    if key is not None:
        return hmac.new(key, payload, hashlib.sha256).hexdigest()
    return hashlib.sha256(payload).hexdigest()


def note_transition(session: Session, disclosure_id: int, status: str) -> None:
    """Tell the audit event of this transaction that a record moved to ``status``."""
    session.info.setdefault(TRANSITIONS_KEY, []).append((int(disclosure_id), status))


class ServiceContext:
    """A database plus the acting person; services take one and open a short session per call."""

    def __init__(self, db: Database, actor: Actor):
        self.db = db
        self.actor = actor

    def require(self, permission: str) -> None:
        """Refuse (PermissionDenied, logged) unless the actor may take ``permission`` now. For checks
        before work that is not a write (rendering an unmasked copy); writes check by themselves."""
        with self.db.read_session() as session:
            self._authorize(session, permission)

    def may(self, permission: str) -> tuple[bool, str]:
        """(allowed, refusal sentence) without raising or logging: for greying out GUI actions."""
        try:
            with self.db.read_session() as session:
                role = self._role_now(session)
                if role is None:
                    return True, ""
                overrides = self._overrides(session)
        except PermissionDenied as exc:
            return False, str(exc)
        if P.allowed(role, permission, overrides):
            return True, ""
        return False, P.refusal(role, permission, overrides)

    def _role_now(self, session: Session) -> str | None:
        """The actor's role as the database has it now; None in a database without accounts."""
        if self.actor.account_id is None:
            if session.execute(select(Account.id).limit(1)).first() is None:
                return None
            raise PermissionDenied("本数据库已设置账户，请先登录（命令行：--user 与 CUNWU_PASSWORD）")
        account = session.get(Account, self.actor.account_id)
        if account is None or account.disabled:
            raise PermissionDenied(f"账户“{self.actor.name}”已停用或不存在，不能再做任何修改")
        return account.role

    @staticmethod
    def _overrides(session: Session) -> dict[str, tuple[str, ...]]:
        """The permissions the admin re-assigned (settings registry: ``print.unmasked_roles``)."""
        from .settings import SETTINGS

        return {"print.unmasked": SETTINGS[P.UNMASKED_SETTING].load(session)}

    def _authorize(self, session: Session, permission: str) -> None:
        P.permission(permission)  # an unknown permission is a bug: raise before anything else
        try:
            role = self._role_now(session)
        except PermissionDenied:
            access_log.warning("refused %s: account %s not signed in or disabled", permission, self.actor.account_id)
            raise
        if role is None:
            return
        overrides = self._overrides(session)
        if not P.allowed(role, permission, overrides):
            access_log.warning("refused %s: account %s has role %s", permission, self.actor.account_id, role)
            raise PermissionDenied(P.refusal(role, permission, overrides))

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self.db.read_session() as session:
            yield session

    @contextmanager
    def write(self, action: str, *, permission: str, target_type: str | None = None,
              target_id: str | None = None, checked_before: bool = False) -> Iterator[WriteScope]:
        """One transaction: the permission checked, the caller's changes, the audit event.

        ``checked_before``: the permission was checked (`require`) against the database this one
        replaced — a restore's own record, written into a database that may not know the account."""
        key = self.db.audit_key(create=True)
        try:
            with self.db.write_session() as session:
                if checked_before:
                    P.permission(permission)
                else:
                    self._authorize(session, permission)
                session.info.pop(TRANSITIONS_KEY, None)
                session.info["actor"] = self.actor.name  # who, for rows stamped deep inside (settings)
                scope = WriteScope(session=session, action=action, target_type=target_type, target_id=target_id)
                yield scope
                session.flush()
                event = self._append_audit(session, scope, key)
        except StaleDataError:
            # A versioned row's UPDATE matched nothing: someone changed it since it was read
            # (models.services.versions). Rolled back; who and when are not known here.
            raise RecordChanged() from None
        self._witness(event, key)

    def _append_audit(self, session: Session, scope: WriteScope, key) -> AuditEvent:
        last = session.execute(select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)).scalar()
        prev = last or GENESIS_HASH
        now = utcnow()
        at = now.replace(microsecond=(now.microsecond // 1000) * 1000)
        detail = dict(scope.detail or {})
        transitions = session.info.pop(TRANSITIONS_KEY, None)
        if transitions:
            from .record_seal import SEALED_STATUSES, seal_record

            detail["transitions"] = [[rid, st] for rid, st in transitions]
            seals = {str(rid): seal_record(session, rid) for rid, st in transitions if st in SEALED_STATUSES}
            if seals:
                detail["seal"] = seals
        detail = _jsonable(detail)
        target_id = None if scope.target_id is None else str(scope.target_id)
        h = event_hash(prev, at, self.actor.name, self.actor.role, scope.action, scope.target_type, target_id,
                       detail, key.key if key is not None else None)
        event = AuditEvent(at=at, actor=self.actor.name, role=self.actor.role, action=scope.action,
                           target_type=scope.target_type, target_id=target_id, detail=detail,
                           prev_hash=prev, hash=h, key_id=key.id if key is not None else None)
        session.add(event)
        session.flush()
        return event

    def _witness(self, event: AuditEvent, key) -> None:
        """After the commit: move the signed head witness forward (see storage/audit_key.py)."""
        path = self.db.audit_head_path
        if key is None or path is None:
            return
        from ..storage.audit_key import write_head

        try:
            write_head(path, key, event.id, event.hash)
        except OSError as exc:  # the write itself is committed; the check will report the lag
            log.warning("audit head witness not updated (event %s): %s", event.id, exc.strerror or exc)


def verify_audit_chain(db: Database) -> list[str]:
    """Problems found walking the chain (empty when intact): a broken link, an event whose content
    no longer matches its signature, an unsigned event after signed ones, events signed by a key
    this computer does not have, and a chain shorter than its signed head witness (events deleted
    at the end)."""
    from ..storage.audit_key import read_head

    key = db.audit_key()
    head_path = db.audit_head_path
    head = read_head(head_path, key) if key is not None and head_path is not None else None
    problems: list[str] = []
    prev = GENESIS_HASH
    keyed_seen = False
    foreign: list[int] = []
    last_id, hash_at_head = 0, None
    from .audit_log import ACTION_LABELS

    def name(ev: AuditEvent) -> str:
        about = f"记录 #{ev.target_id}" if ev.target_type == "disclosure" and ev.target_id else ""
        return f"审计记录 {ev.id}（{about + '：' if about else ''}{ACTION_LABELS.get(ev.action, ev.action)}）"

    with db.read_session() as session:
        for ev in session.execute(select(AuditEvent).order_by(AuditEvent.id)).scalars():
            if ev.prev_hash != prev:
                problems.append(f"{name(ev)}与前一条不衔接（其前的记录被删除或改动）")
            if ev.key_id is None:
                if keyed_seen:
                    problems.append(f"{name(ev)}没有密钥签名，而之前的记录都有（可能被重新计算过）")
                expected = event_hash(ev.prev_hash, ev.at, ev.actor, ev.role, ev.action, ev.target_type,
                                      ev.target_id, ev.detail or {})
                if not hmac.compare_digest(expected, ev.hash):
                    problems.append(f"{name(ev)}的内容与其校验值不符（可能被改动）")
            else:
                keyed_seen = True
                if key is None or ev.key_id != key.id:
                    foreign.append(ev.id)
                else:
                    expected = event_hash(ev.prev_hash, ev.at, ev.actor, ev.role, ev.action, ev.target_type,
                                          ev.target_id, ev.detail or {}, key.key)
                    if not hmac.compare_digest(expected, ev.hash):
                        problems.append(f"{name(ev)}的内容与其校验值不符（可能被改动）")
            prev = ev.hash
            last_id = ev.id
            if head is not None and ev.id == head.event_id:
                hash_at_head = ev.hash
    if foreign:
        where = db.audit_key_path
        problems.append(
            f"审计记录 {foreign[0]}–{foreign[-1]} 中有 {len(foreign)} 条由另一把审计密钥签名，本机"
            f"{'没有审计密钥文件' if key is None else '的密钥与之不符'}（{where}），无法核对；请从备份恢复密钥文件")
    if head is None and key is not None and head_path is not None and last_id:
        # Written with the key at every write since the key exists: missing means removed.
        problems.append(f"审计链头记录文件不见了（{head_path}）：无法确认审计记录末尾没有被删除或改写")
    if head is not None:
        if not head.valid:
            problems.append(f"审计链头记录文件的签名不符（{head_path}），可能被改动")
        elif head.event_id > last_id:
            problems.append(f"审计记录在第 {last_id} 条之后被删除：本机记下的最新一条是第 {head.event_id} 条")
        elif hash_at_head != head.hash:
            problems.append(f"审计记录第 {head.event_id} 条与本机记下的不符，其后的记录可能被改写或删除")
    return problems


def chain_head(db: Database) -> ChainHead | None:
    with db.read_session() as session:
        row = session.execute(select(AuditEvent.id, AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)).first()
    return ChainHead(row[0], row[1]) if row else None
