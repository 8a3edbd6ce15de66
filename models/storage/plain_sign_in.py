"""Signing in through the DB-API alone, for the print path that does not import SQLAlchemy.

Why: in an installation with accounts every `cunwu print ID` signs in; through the services that
means importing SQLAlchemy, its ORM, the entities and the services (≈ 0.4 s) — longer than laying out
a 1,000-row roster (issue 13). This module makes the same sign-in on a plain sqlite3 connection:
the decision is `models.rules.sign_in.decide_sign_in`, the very one the services' `sign_in` calls, and
a success writes the same account-row update (failed attempts cleared, no wait, ``last_login_at``,
a re-hash when the stored parameters are old) in one transaction, logged the same way.

It only ever goes on when the attempt signs in. Anything else — no password given (a prompt), a name
that cannot be a user name, an unknown name, a wrong password, a name that must wait, a disabled
account, a database the plain reader does not open as it is (models.storage.plain_read), any driver
error — returns ``None`` before anything is written, and the caller hands the whole command to the
services, whose `sign_in` then decides (and counts a wrong password) exactly once, with today's
message and exit code.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from ..rules.accounts import name_key, normalize_user_name, user_name_problem
from ..rules.sign_in import StoredAccount, decide_sign_in
from .plain_read import open_plain

log = logging.getLogger("cunwu.access")  # the services' sign-in logs there too

# The account row's columns a sign-in reads, in `StoredAccount`'s order.
_READ = ("id", "name", "role", "password_hash", "disabled", "failed_attempts", "locked_until")
# The columns a sign-in may write, and how each is stored.
_WRITABLE = frozenset({"failed_attempts", "locked_until", "last_login_at", "password_hash"})
_TIMES = frozenset({"locked_until", "last_login_at"})


@dataclass(frozen=True)
class SignedIn:
    """The account signed in (as the services' ``Actor`` names it)."""

    account_id: int
    name: str
    role: str


class NoAccounts:
    """The database has no account at all: nobody signs in (the name is taken as given)."""


NO_ACCOUNTS = NoAccounts()


def stored_time(text: str | None) -> datetime | None:
    """A timestamp as the entities read it (`UTCDateTime` on SQLite: UTC, stored without a zone)."""
    if text is None:
        return None
    value = datetime.fromisoformat(text)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def time_text(value: datetime | None) -> str | None:
    """A timestamp as the entities store it on SQLite (the text SQLAlchemy's DATETIME writes)."""
    if value is None:
        return None
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def plain_sign_in(path: str | os.PathLike[str] | None, name: str | None, password: str | None, *,
                  now: datetime | None = None) -> SignedIn | NoAccounts | None:
    """Signs ``name`` in with ``password`` on the SQLite file at ``path``: the account on success;
    `NO_ACCOUNTS` when the database has none (and ``name``, if given, may name who acts); ``None``
    when the services must take over (see the module's docstring) — nothing written then."""
    if name is not None and user_name_problem(name) is not None:
        return None  # the services' sign-in names what is wrong with it
    try:
        with open_plain(path) as conn:
            if conn is None:
                return None
            return _sign_in(conn, name, password, now)
    except sqlite3.Error:
        return None  # the services meet it too, and name it


def _sign_in(conn: sqlite3.Connection, name: str | None, password: str | None,
             now: datetime | None) -> SignedIn | NoAccounts | None:
    if conn.execute("SELECT id FROM account LIMIT 1").fetchone() is None:
        return NO_ACCOUNTS  # (the print's own read checks it again, in its snapshot)
    if name is None or password is None:
        return None  # the services ask for the name, or prompt for the password
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA synchronous=FULL")  # as every connection of ours that writes
    conn.execute("BEGIN IMMEDIATE")  # read, decide and write as one, like the services' write session
    try:
        row = conn.execute(f"SELECT {', '.join(_READ)} FROM account WHERE name_key = ?",
                           (name_key(normalize_user_name(name)),)).fetchone()
        account = None if row is None else StoredAccount(
            row[0], row[1], row[2], row[3], bool(row[4]), row[5] or 0, stored_time(row[6]))
        decided = decide_sign_in(account, password, now or datetime.now(UTC))
        if not decided.signed_in or account is None:
            return None  # refused: the services decide again, count it once and say why
        _write(conn, account.id, decided.changes)
        conn.execute("COMMIT")
    finally:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
    log.log(decided.log[0], decided.log[1], *decided.log[2])
    return SignedIn(account.id, account.name, account.role)


def _write(conn: sqlite3.Connection, account_id: int, changes: Mapping[str, Any]) -> None:
    columns = sorted(changes)
    unknown = set(columns) - _WRITABLE
    if unknown:  # a rule writing a column this module does not know how to store is a bug
        raise ValueError(f"sign-in writes unknown account columns: {sorted(unknown)}")
    values = [time_text(changes[c]) if c in _TIMES else changes[c] for c in columns]
    assignments = ", ".join(f"{c} = ?" for c in columns)
    conn.execute(f"UPDATE account SET {assignments} WHERE id = ?", (*values, account_id))


__all__ = ["NO_ACCOUNTS", "NoAccounts", "SignedIn", "plain_sign_in", "stored_time", "time_text"]
