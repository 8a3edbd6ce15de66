"""Signing in as a rule: what one attempt decides, from the account as stored, the password typed and
the time — the outcome, the refusal's sentence and the account fields to write.

One decision, two callers: the services' `sign_in` (models.services.accounts, through the ORM) and the
print path's plain-SQLite sign-in (models.storage.plain_sign_in), which a whole `cunwu print ID` takes
to avoid importing the database layer (issue 13). Neither decides anything of its own; each looks the
account up by `models.rules.accounts.name_key`, asks `decide_sign_in`, writes ``changes`` to the account
row in the same transaction and logs ``log``.

The rules: an unknown name costs a password check like a wrong password (the time does not tell
which names exist); a name that must still wait (``locked_until``) is refused before its password is
checked; a wrong password counts one failed attempt and, from the `FREE_ATTEMPTS`-th in a row, sets
the wait (`lockout_delay`); a disabled account is refused after its password was checked (as a wrong
one would be, so the time does not tell either); a success clears the count and the wait, stamps
``last_login_at`` and re-hashes a password stored with old parameters (`needs_rehash`).
"""

from __future__ import annotations

import logging
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from .accounts import FREE_ATTEMPTS, lockout_delay
from .passwords import hash_password, needs_rehash, verify_password

# outcomes
SIGNED_IN = "signed_in"
UNKNOWN_NAME = "unknown_name"
MUST_WAIT = "must_wait"
WRONG_PASSWORD = "wrong_password"
DISABLED = "disabled"


@dataclass(frozen=True)
class StoredAccount:
    """The account row's fields a sign-in reads."""

    id: int
    name: str
    role: str
    password_hash: str
    disabled: bool
    failed_attempts: int
    locked_until: datetime | None


@dataclass(frozen=True)
class SignInOutcome:
    """What an attempt decided. ``message``: the refusal's sentence (empty when signed in);
    ``wait_seconds``: set when the name must wait (a `LockedOut` refusal); ``changes``: account fields
    to write, in the attempt's transaction (empty when nothing changes); ``log``: (level, format, args)
    for the access log — by account id, never the name typed or the password."""

    outcome: str
    message: str = ""
    wait_seconds: int | None = None
    changes: Mapping[str, Any] = field(default_factory=dict)
    log: tuple[int, str, tuple[Any, ...]] = (logging.INFO, "", ())

    @property
    def signed_in(self) -> bool:
        return self.outcome == SIGNED_IN


def decide_sign_in(account: StoredAccount | None, password: str | None, now: datetime) -> SignInOutcome:
    """The outcome of signing in to ``account`` (``None``: no account has the name) with ``password``
    at ``now`` (timezone-aware UTC, as ``locked_until`` is stored)."""
    typed = password or ""
    if account is None:
        verify_password(typed, None)  # same cost as a wrong password
        return SignInOutcome(UNKNOWN_NAME, "用户名或密码错误", log=(logging.INFO, "sign-in refused: unknown name", ()))
    if account.locked_until is not None and now < account.locked_until:
        wait = math.ceil((account.locked_until - now).total_seconds())
        return SignInOutcome(MUST_WAIT, f"密码已连续输错 {account.failed_attempts} 次，请 {wait} 秒后再试"
                                        "（忘记密码请找村干部重设）", wait,
                             log=(logging.INFO, "sign-in refused: account %s must wait %s s", (account.id, wait)))
    if not verify_password(typed, account.password_hash):
        failed = (account.failed_attempts or 0) + 1
        delay = lockout_delay(failed)
        changes = {"failed_attempts": failed, "locked_until": now + timedelta(seconds=delay) if delay else None}
        log = (logging.WARNING, "sign-in refused: wrong password for account %s (%s in a row)", (account.id, failed))
        if delay:
            return SignInOutcome(WRONG_PASSWORD, f"用户名或密码错误。已连续输错 {failed} 次，"
                                                 f"请 {delay} 秒后再试（忘记密码请找村干部重设）", delay, changes, log)
        left = FREE_ATTEMPTS - failed
        message = f"用户名或密码错误（再错 {left} 次后须等待一段时间才能再试）" if left <= 2 else "用户名或密码错误"
        return SignInOutcome(WRONG_PASSWORD, message, None, changes, log)
    if account.disabled:
        return SignInOutcome(DISABLED, f"账户“{account.name}”已停用，请找村干部（管理员）",
                             log=(logging.INFO, "sign-in refused: account %s is disabled", (account.id,)))
    changes: dict[str, Any] = {"failed_attempts": 0, "locked_until": None, "last_login_at": now}
    if needs_rehash(account.password_hash):
        changes["password_hash"] = hash_password(typed)
    return SignInOutcome(SIGNED_IN, changes=changes, log=(logging.INFO, "signed in: account %s", (account.id,)))


__all__ = ["DISABLED", "MUST_WAIT", "SIGNED_IN", "UNKNOWN_NAME", "WRONG_PASSWORD", "SignInOutcome", "StoredAccount",
           "decide_sign_in"]
