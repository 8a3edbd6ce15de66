"""Accounts: adding, listing, disabling, resetting passwords (admins only), and signing in.

`sign_in` is how the GUI's login dialog and the CLI turn a name and a password into an `Actor`
with an ``account_id``; `unsigned_actor` is the old way (a name taken as given), valid only while the
database has no account at all. A legacy database gets its first account through
``cunwu user add NAME --role admin`` (or the GUI's 关于与设置): allowed without signing in exactly
while there is no account yet, and the first account must be an admin, so someone can always manage
the others.

Failed sign-ins are counted on the account row and, from the fifth in a row, make the name wait
(`models.rules.accounts.lockout_delay`; what one attempt decides is `models.rules.sign_in`) — persisted, so starting a new process does not reset it.
They are written straight to the account row, not through `ServiceContext.write`: nobody is
signed in to act, and a guessing loop must not be able to flood the audit trail. They are logged by
account id, never by the name typed or the password.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from ..entities import Account
from ..entities.base import utcnow
from ..errors import NotFound, PermissionDenied, Problem, StateError, ValidationError
from ..rules.accounts import (
    ROLES,
    name_key,
    normalize_user_name,
    password_problem,
    role_label,
    user_name_problem,
)
from ..rules.passwords import hash_password
from ..rules.permissions import UNMASKED_SETTING
from ..rules.sign_in import StoredAccount, decide_sign_in
from ..storage import Database
from .context import Actor, ServiceContext

log = logging.getLogger("cunwu.access")

PERMISSION = "users.manage"

Clock = Callable[[], datetime]


class SignInRefused(PermissionDenied):
    """Wrong name or password, a disabled account, or a name that must wait."""


class LockedOut(SignInRefused):
    def __init__(self, message: str, wait_seconds: int):
        super().__init__(message)
        self.wait_seconds = wait_seconds


@dataclass(frozen=True)
class AccountData:
    id: int
    name: str
    role: str
    disabled: bool
    failed_attempts: int
    locked_until: datetime | None
    last_login_at: datetime | None
    created_at: datetime
    created_by: str

    @property
    def role_label(self) -> str:
        return role_label(self.role)

    def to_json(self) -> dict:
        return {"name": self.name, "role": self.role, "role_label": self.role_label,
                "disabled": self.disabled, "failed_attempts": self.failed_attempts,
                "created_at": self.created_at.isoformat(), "created_by": self.created_by,
                "last_login_at": self.last_login_at.isoformat() if self.last_login_at else None}


def _data(a: Account) -> AccountData:
    return AccountData(a.id, a.name, a.role, bool(a.disabled), a.failed_attempts or 0, a.locked_until,
                       a.last_login_at, a.created_at, a.created_by)


def has_accounts(db: Database) -> bool:
    with db.read_session() as s:
        return s.execute(select(Account.id).limit(1)).first() is not None


def role_problem(role: str | None) -> Problem | None:
    if role not in ROLES:
        names = "、".join(f"{r}（{role_label(r)}）" for r in ROLES)
        return Problem(f"角色“{role or ''}”无效，应为 {names} 之一", field="角色", rule="role")
    return None


def new_account_problems(name: str | None, role: str | None, password: str | None,
                         repeated: str | None = None) -> list[Problem]:
    """Everything wrong with a new account's fields (the same rules the service enforces)."""
    out = [p for p in (user_name_problem(name), role_problem(role)) if p]
    shown = (name or "").strip() if not out or out[0].field != "用户名" else None
    pw = password_problem(password, shown)
    if pw:
        out.append(pw)
    elif repeated is not None and repeated != password:
        out.append(Problem("两次输入的密码不一致", field="确认密码", rule="password_repeat"))
    return out


def _refuse(problems: list[Problem], summary: str) -> None:
    if problems:
        raise ValidationError(problems, summary=summary)


def unsigned_actor(db: Database, name: str | None) -> Actor:
    """The actor of a database without accounts: the name given, normalised. Refused once any
    account exists — then only `sign_in` makes an actor."""
    if has_accounts(db):
        raise PermissionDenied("本数据库已设置账户，请先登录：命令行用 --user（或 CUNWU_USER）指定用户名，"
                               "密码由环境变量 CUNWU_PASSWORD 提供或在提示时输入")
    return Actor(normalize_user_name(name, "操作人"))


def sign_in(db: Database, name: str, password: str, *, clock: Clock = utcnow) -> Actor:
    """The signed-in actor for ``name`` and ``password``; `SignInRefused` (or `LockedOut`) otherwise.
    What an attempt decides and writes is the rule's (`models.rules.sign_in.decide_sign_in`)."""
    problem = user_name_problem(name)
    if problem is not None:
        raise SignInRefused(problem.message)
    key = name_key(normalize_user_name(name))
    now = clock()
    with db.write_session() as s:
        account = s.execute(select(Account).where(Account.name_key == key)).scalar_one_or_none()
        decided = decide_sign_in(None if account is None else _stored(account), password, now)
        for column, value in decided.changes.items():
            setattr(account, column, value)
        if not decided.signed_in:
            log.log(decided.log[0], decided.log[1], *decided.log[2])
        else:
            actor = Actor(account.name, account.role, account.id)
    if not decided.signed_in:  # raised after the commit, so a failed attempt's count is kept
        if decided.wait_seconds:
            raise LockedOut(decided.message, decided.wait_seconds)
        raise SignInRefused(decided.message)
    log.log(decided.log[0], decided.log[1], *decided.log[2])
    return actor


def _stored(a: Account) -> StoredAccount:
    return StoredAccount(a.id, a.name, a.role, a.password_hash, bool(a.disabled), a.failed_attempts or 0,
                         a.locked_until)


class AccountService:
    """Managing accounts: every write needs ``users.manage`` (admins)."""

    def __init__(self, ctx: ServiceContext, *, clock: Clock = utcnow):
        self.ctx = ctx
        self.clock = clock

    def list(self) -> list[AccountData]:
        with self.ctx.read() as s:
            return [_data(a) for a in s.execute(select(Account).order_by(Account.id)).scalars()]

    def get(self, name: str) -> AccountData:
        with self.ctx.read() as s:
            return _data(self._find(s, name))

    def add(self, name: str, role: str, password: str) -> AccountData:
        problems = new_account_problems(name, role, password)
        _refuse(problems, "账户信息有误，未新增")
        clean = normalize_user_name(name)
        with self.ctx.write("account.add", target_type="account", permission=PERMISSION) as w:
            s = w.session
            first = s.execute(select(func.count(Account.id))).scalar_one() == 0
            if first and role != "admin":
                raise StateError("第一个账户必须是村干部（admin），以便由他管理其他账户"
                                 f"：cunwu user add {clean} --role admin")
            clash = s.execute(select(Account).where(Account.name_key == name_key(clean))).scalar_one_or_none()
            if clash is not None:
                same = "" if clash.name == clean else f"（与已有账户“{clash.name}”视为同一名字：外形相同的字、大小写不区分）"
                raise ValidationError([Problem(f"用户名“{clean}”已被使用{same}", field="用户名", rule="unique")],
                                      summary="账户信息有误，未新增")
            now = self.clock()
            account = Account(name=clean, name_key=name_key(clean), role=role, password_hash=hash_password(password),
                              disabled=False, failed_attempts=0, password_changed_at=now, created_at=now,
                              created_by=self.ctx.actor.name)
            s.add(account)
            s.flush()
            w.target_id = str(account.id)
            w.detail = {"role": role, "first": first}
            data = _data(account)
        return data

    def disable(self, name: str) -> AccountData:
        with self.ctx.write("account.disable", target_type="account", permission=PERMISSION) as w:
            account = self._find(w.session, name)
            w.target_id = str(account.id)
            if account.id == self.ctx.actor.account_id:
                raise StateError("不能停用自己正在使用的账户")
            if account.disabled:
                raise StateError(f"账户“{account.name}”已停用")
            if account.role == "admin" and self._active_admins(w.session) <= 1:
                raise StateError(f"“{account.name}”是唯一在用的村干部（admin）账户，停用后无人能管理账户；"
                                 "请先新增另一个村干部账户")
            account.disabled = True
            w.detail = {"role": account.role}
            return _data(account)

    def enable(self, name: str) -> AccountData:
        with self.ctx.write("account.enable", target_type="account", permission=PERMISSION) as w:
            account = self._find(w.session, name)
            w.target_id = str(account.id)
            if not account.disabled:
                raise StateError(f"账户“{account.name}”在用，无需启用")
            account.disabled = False
            account.failed_attempts = 0
            account.locked_until = None
            return _data(account)

    def reset_password(self, name: str, password: str) -> AccountData:
        """An admin sets a new password (also ends any wait after failed sign-ins)."""
        with self.ctx.read() as s:
            shown = self._find(s, name).name
        _refuse([p for p in (password_problem(password, shown),) if p], "新密码不符合要求")
        with self.ctx.write("account.password.reset", target_type="account", permission=PERMISSION) as w:
            account = self._find(w.session, name)
            w.target_id = str(account.id)
            account.password_hash = hash_password(password)
            account.password_changed_at = self.clock()
            account.failed_attempts = 0
            account.locked_until = None
            return _data(account)

    @staticmethod
    def _find(s, name: str) -> Account:
        problem = user_name_problem(name)
        if problem is not None:
            raise ValidationError([problem], summary="用户名有误")
        account = s.execute(select(Account).where(Account.name_key == name_key(normalize_user_name(name)))
                            ).scalar_one_or_none()
        if account is None:
            raise NotFound(f"没有用户名为“{normalize_user_name(name)}”的账户")
        return account

    @staticmethod
    def _active_admins(s) -> int:
        return s.execute(select(func.count(Account.id)).where(Account.role == "admin",
                                                              Account.disabled.is_(False))).scalar_one()




def unmasked_roles(ctx: ServiceContext) -> tuple[str, ...]:
    """The roles that may print unmasked copies now (the setting ``print.unmasked_roles``)."""
    from .settings import SettingsService

    return tuple(SettingsService(ctx).get(UNMASKED_SETTING))


def set_unmasked_roles(ctx: ServiceContext, roles: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """Admins choose who may print unmasked copies (the registry's ``print.unmasked_roles``)."""
    from .settings import SettingsService

    return tuple(SettingsService(ctx).set(UNMASKED_SETTING, tuple(r.strip() for r in roles if r and r.strip())))


__all__ = ["AccountData", "AccountService", "LockedOut", "SignInRefused", "has_accounts",
           "new_account_problems", "role_problem", "set_unmasked_roles", "sign_in", "unmasked_roles",
           "unsigned_actor"]
