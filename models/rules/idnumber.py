"""Checks for Chinese resident ID numbers (居民身份证号码, GB 11643).

The check digit and birth date are verified; the region code (first six
digits) is returned as information only. Counties are renamed and re-coded,
but people keep their numbers, so a region code that no longer exists is never
a reason to refuse a number. Old 15-digit numbers are accepted with a warning.
"""

from __future__ import annotations

import re
import time
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Literal

Severity = Literal["error", "warning"]

EARLIEST_BIRTH_DATE = date(1900, 1, 1)

_EIGHTEEN = re.compile(r"[0-9]{17}[0-9X]")
_FIFTEEN = re.compile(r"[0-9]{15}")
_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class IdCheck:
    """Outcome of checking one ID number.

    ``ok`` is true for numbers that may be saved (a 15-digit number is ok but
    carries a warning); ``message`` is Chinese text for the clerk.
    """

    normalized: str
    ok: bool
    severity: Severity | None
    message: str | None
    birth_date: date | None
    region: str


def normalize_id_number(value: object) -> str:
    """Upper-case, half-width, with all whitespace removed ("" for None)."""
    if value is None:
        return ""
    # NFKC turns full-width digits and "Ｘ" typed with a Chinese IME into ASCII.
    text = unicodedata.normalize("NFKC", str(value))
    return _WHITESPACE.sub("", text).upper()


def _region_of(normalized: str) -> str:
    head = normalized[:6]
    return head if len(head) == 6 and head.isascii() and head.isdigit() else ""


def _error(normalized: str, message: str, birth_date: date | None = None) -> IdCheck:
    return IdCheck(
        normalized=normalized,
        ok=False,
        severity="error",
        message=message,
        birth_date=birth_date,
        region=_region_of(normalized),
    )


def _birth_date_problem(birth: date | None, digits: str, today: date) -> str | None:
    if birth is None:
        return f"身份证号中的出生日期无效：{digits}"
    if birth > today:
        return f"身份证号中的出生日期 {birth.isoformat()} 晚于今天"
    if birth < EARLIEST_BIRTH_DATE:
        return f"身份证号中的出生日期 {birth.isoformat()} 早于1900年"
    return None


def _birth_date_18(normalized: str) -> date | None:
    # python-stdnum is imported when a number is checked: it loads pydoc, which a print need not pay for
    from stdnum.cn import ric
    from stdnum.exceptions import ValidationError

    try:
        return ric.get_birth_date(normalized)
    except (ValidationError, ValueError):
        return None


def _birth_date_15(normalized: str) -> date | None:
    # Old numbers hold YYMMDD; all of them were issued to people born in the 1900s.
    try:
        return date(1900 + int(normalized[6:8]), int(normalized[8:10]), int(normalized[10:12]))
    except ValueError:
        return None


def check_id_number(value: str, *, today: date | None = None) -> IdCheck:
    """Check an ID number as typed by a clerk.

    ``today`` is for tests; it defaults to the current date and bounds the
    birth date from above.
    """
    return _checked(value, today or _today())


_today_memo: tuple[float, date] = (0.0, date.min)


def _today() -> date:
    """Today, read at most once a second: with PySide6 loaded `date.today()` goes through its import
    hook (≈20 µs), and a 10,000-row roster asks for every ID number."""
    global _today_memo
    now = time.monotonic()
    if now >= _today_memo[0]:
        _today_memo = (now + 1.0, date.today())
    return _today_memo[1]


# A roster's check reads each ID number several times (parsed, checked, compared for duplicates) and
# the editor reads the rows it was given again: the outcome of one number on one day is remembered
# (IdCheck is immutable). Bounded: a few 100,000-row rosters at most.
@lru_cache(maxsize=262_144)
def _checked(value: str, today: date) -> IdCheck:
    normalized = normalize_id_number(value)
    if not normalized:
        return _error(normalized, "身份证号为空")

    if len(normalized) == 18:
        if not _EIGHTEEN.fullmatch(normalized):
            return _error(normalized, "身份证号格式错误：前17位应为数字，最后一位为数字或X")
        birth = _birth_date_18(normalized)
        problem = _birth_date_problem(birth, normalized[6:14], today)
        if problem:
            return _error(normalized, problem, birth)
        from stdnum.cn import ric

        expected = ric.calc_check_digit(normalized)
        if normalized[-1] != expected:
            return _error(
                normalized,
                f"身份证号校验位错误：应为 {expected}，实为 {normalized[-1]}",
                birth,
            )
        return IdCheck(normalized, True, None, None, birth, _region_of(normalized))

    if len(normalized) == 15:
        if not _FIFTEEN.fullmatch(normalized):
            return _error(normalized, "身份证号格式错误：15位旧号码应全部为数字")
        birth = _birth_date_15(normalized)
        problem = _birth_date_problem(birth, "19" + normalized[6:12], today)
        if problem:
            return _error(normalized, problem, birth)
        return IdCheck(
            normalized=normalized,
            ok=True,
            severity="warning",
            message=f"这是15位旧身份证号（出生日期 19{normalized[6:12]}），请核对，尽量换成18位号码",
            birth_date=birth,
            region=_region_of(normalized),
        )

    return _error(normalized, f"身份证号长度错误：应为18位，实为{len(normalized)}位")


def is_valid_id_number(value: str) -> bool:
    """True when the number may be saved (15-digit old numbers included)."""
    return check_id_number(value).ok
