"""What every CLI command shares: the opened database, the actor, JSON output, errors."""

from __future__ import annotations

import json
import logging
import os
import re
import sys
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import CunwuError
from ..paths import resolve_data_dir, resolve_db_path

if TYPE_CHECKING:  # imported when used: the GUI path through here must not pay for SQLAlchemy twice
    from ..services.context import Actor, ServiceContext
    from ..storage import Database


class CliExit(Exception):
    def __init__(self, code: int):
        super().__init__(code)
        self.code = code


class _LogFile(logging.Handler):
    """The log file's handler, made at the first record (a :class:`~.logfile.LogFileHandler`): most
    commands log nothing, and a whole `cunwu print` need not import the rotating handler's module,
    with socket, pickle and queue behind it (issue 13)."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self.inner: logging.Handler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self.inner is None:
            from .logfile import LogFileHandler

            self.inner = LogFileHandler(self.path, maxBytes=2_000_000, backupCount=3, encoding="utf-8",
                                        delay=True)
            self.inner.setFormatter(self.formatter)
        self.inner.emit(record)

    def close(self) -> None:
        if self.inner is not None:
            self.inner.close()
        super().close()


class RedactingFormatter(logging.Formatter):
    """Formats a log line, then hides any personal number in it — message, exception text and
    traceback alike. The detector that masks notices (`models.rules.personal_numbers`) masks what it
    recognises (ID first 6 + last 4, card last 4, mobile 138****1234); then, since a log never needs
    a full number even a mistyped one, any remaining run of 11 or more digits is hidden too."""

    _NUMBER = re.compile(r"(?<![0-9])[0-9]{11,}[0-9Xx]?(?![0-9])")
    REPLACEMENT = "[号码已隐去]"

    def format(self, record: logging.LogRecord) -> str:
        from ..rules.personal_numbers import mask_personal_numbers

        return self._NUMBER.sub(self.REPLACEMENT, mask_personal_numbers(super().format(record)))


def setup_logging(data_dir: Path) -> None:
    """The log file in ``<data>/logs`` (folders 0700, files 0600). Log lines name record ids and
    actions, never roster contents; the engine hides statement parameters (storage/database.py)."""
    logger = logging.getLogger("cunwu")
    if logger.handlers:
        return
    logger.setLevel(logging.INFO)
    try:
        from ..storage.private import private_dir

        if not data_dir.exists():
            private_dir(data_dir)
        log_dir = private_dir(data_dir / "logs")
        handler: logging.Handler = _LogFile(log_dir / "cunwu.log")
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    logger.propagate = False


@dataclass
class Env:
    """Global options resolved once: where the data is and who acts.

    Who acts: in a database with accounts, the account named by ``--user`` / ``CUNWU_USER``, signed in
    once per command with ``CUNWU_PASSWORD`` or, on a terminal, a password prompt; without accounts
    (a database from before them) the name given, or else the operator named at ``init``."""

    db_path: Path
    data_dir: Path
    user: str | None
    _db: Database | None = field(default=None, repr=False)
    _actor: Actor | None = field(default=None, repr=False)

    @classmethod
    def from_args(cls, args) -> Env:
        data_dir = resolve_data_dir(getattr(args, "data_dir", None))
        db_path = resolve_db_path(getattr(args, "db", None), getattr(args, "data_dir", None))
        user = getattr(args, "user", None) or os.environ.get("CUNWU_USER") or None
        return cls(db_path=db_path, data_dir=data_dir, user=user)

    @property
    def log_path(self) -> Path:
        return self.data_dir / "logs" / "cunwu.log"

    def db(self) -> Database:
        if self._db is None:
            from ..storage import open_database

            self._db = open_database(self.db_path)
        return self._db

    def actor(self) -> Actor:
        if self._actor is None:
            self._actor = self._sign_in()
        return self._actor

    def _sign_in(self) -> Actor:
        from ..services.accounts import has_accounts, sign_in, unsigned_actor
        from ..services.setup import installation

        db = self.db()
        if not has_accounts(db):
            return unsigned_actor(db, self.user or installation(db).operator)
        if not self.user:
            fail("本数据库已设置账户，请用 --user 或环境变量 CUNWU_USER 指定用户名，"
                 "密码由环境变量 CUNWU_PASSWORD 提供或在提示时输入")
        password = self.given_password()
        if password is None:
            if not _interactive():
                fail(f"未提供“{self.user}”的密码：请设置环境变量 CUNWU_PASSWORD，或在终端中运行以便输入密码")
            import getpass  # a prompt only: not paid by every start (the GUI's first paint)

            password = getpass.getpass(f"{self.user} 的密码：")
        return sign_in(db, self.user, password)

    @staticmethod
    def given_password() -> str | None:
        """The password given for signing in without a prompt (env ``CUNWU_PASSWORD``)."""
        return os.environ.get("CUNWU_PASSWORD")

    def signed_in_as(self, name: str, role: str, account_id: int) -> None:
        """The account this command already signed in (the print path's plain sign-in,
        models.storage.plain_sign_in): the services act as it instead of signing in a second time."""
        from ..services.context import Actor

        self._actor = Actor(name, role, account_id)

    def ctx(self) -> ServiceContext:
        from ..services.context import ServiceContext

        return ServiceContext(self.db(), self.actor())

    def close(self) -> None:
        if self._db is not None:
            self._db.dispose()
            self._db = None


def _default(o: Any):
    if isinstance(o, Decimal):
        return f"{o:.2f}"
    if isinstance(o, date):
        return o.isoformat()
    if isinstance(o, Path):
        return str(o)
    if isinstance(o, set | tuple):
        return list(o)
    raise TypeError(f"not JSON serialisable: {type(o).__name__}")


def print_json(doc: Any) -> None:
    sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2, default=_default))
    sys.stdout.write("\n")


def fail(message: str) -> None:
    raise CunwuError(message)


def _interactive() -> bool:
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def new_password(name: str) -> str:
    """A new account's password: env ``CUNWU_NEW_PASSWORD``, or typed twice at a terminal prompt."""
    password = os.environ.get("CUNWU_NEW_PASSWORD")
    if password is not None:
        return password
    if not _interactive():
        fail(f"未提供“{name}”的新密码：请设置环境变量 CUNWU_NEW_PASSWORD，或在终端中运行以便输入密码")
    import getpass

    first = getpass.getpass(f"为“{name}”设置密码（至少 8 位）：")
    again = getpass.getpass("再输入一次：")
    if first != again:
        fail("两次输入的密码不一致，未保存")
    return first


def add_json_flag(p) -> None:
    p.add_argument("--json", action="store_true", help="以 JSON 输出")


# --- argument types: a malformed value is a usage error (exit 2), named in Chinese ----------------

def date_arg(text: str) -> date:
    """YYYY-MM-DD (argparse type): ``2026-13-01`` is refused before any command runs."""
    import argparse
    import re

    from ..rules.limits import date_problem

    t = (text or "").strip()
    day = None
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", t):  # fromisoformat alone also takes 20261101, 2026-W48
            day = date.fromisoformat(t)
    except ValueError:
        pass
    if day is None:
        raise argparse.ArgumentTypeError(f"“{text}”不是有效日期，应写作 YYYY-MM-DD，如 2026-11-26")
    out_of_range = date_problem(day, "日期")
    if out_of_range:  # 0001-01-01 … 9999-12-31 would overflow the calendar arithmetic behind it
        raise argparse.ArgumentTypeError(out_of_range)
    return day


def month_arg(text: str) -> date:
    """YYYY-MM (argparse type): the first day of that month."""
    import argparse

    from ..rules.periods import PeriodError, parse_month

    try:
        return parse_month(text)
    except PeriodError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def count_arg(text: str) -> int:
    """A whole number from 1 to SQLite's largest integer (argparse type): limits, record and
    feedback numbers. ``99999999999999999999999`` is refused here, before it reaches a query."""
    import argparse

    from ..rules.limits import MAX_RECORD_ID

    t = (text or "").strip()
    if not t.isascii() or not t.isdigit() or not t.strip("0"):
        raise argparse.ArgumentTypeError(f"应为正整数，而不是“{text[:40]}”")
    # The length test first: int() of a 5,000-digit argument is refused by Python itself.
    if len(t.lstrip("0")) > len(str(MAX_RECORD_ID)) or int(t) > MAX_RECORD_ID:
        raise argparse.ArgumentTypeError(f"应为 1 到 {MAX_RECORD_ID} 之间的整数，而不是“{text[:40]}”")
    return int(t)


def days_arg(text: str) -> int:
    """Posting days (argparse type): a whole number within models.rules.limits' bounds (1–365)."""
    import argparse

    from ..rules.limits import MAX_POSTING_DAYS, MIN_POSTING_DAYS

    t = (text or "").strip()
    if not t.isascii() or not t.isdigit() or not t.strip("0"):
        raise argparse.ArgumentTypeError(f"应为正整数，而不是“{text[:40]}”")
    if len(t.lstrip("0")) > 3 or not MIN_POSTING_DAYS <= int(t) <= MAX_POSTING_DAYS:
        raise argparse.ArgumentTypeError(
            f"公示天数应为 {MIN_POSTING_DAYS}–{MAX_POSTING_DAYS} 之间的整数，而不是“{text[:40]}”")
    return int(t)
