"""The bounds every value from outside must fit, declared once (pure: no database, no files).

Input arrives from spreadsheets, CSV, JSON content files and command-line arguments; each is read in
one parse step, and that step checks the value against the bounds here before anything is computed or
stored — an amount the database column cannot hold, a date a calendar cannot reach, a posting period
of a million days, a 10 MB remark. Each check returns a Chinese message naming the field and the rule,
or ``None``; callers locate it (file, row, column header) and refuse.

The file limits (rows, columns, cell length, unpacked size) are in ``InputLimits``; the number of rows
a clerk may import is a setting (``import.max_rows``, models.services.settings), the others are fixed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

# --- numbers the database stores (exactly, as text: models.entities.base.ExactDecimal) --------------
MONEY_DIGITS, MONEY_PLACES = 16, 2  # up to 99,999,999,999,999.99 元, to the fen
QUANTITY_DIGITS, QUANTITY_PLACES = 18, 4  # areas, rates: up to 99,999,999,999,999.9999
# The largest whole number SQLite's INTEGER holds (record numbers, feedback numbers).
MAX_RECORD_ID = 2**63 - 1
MAX_HOUSEHOLD_SIZE = 999
MAX_COUNT = 10_000_000  # people, households, votes, labour days in a content file

# --- dates -------------------------------------------------------------------------------------------
EARLIEST_DATE = date(1900, 1, 1)
LATEST_DATE = date(2100, 12, 31)

# --- posting periods (公示天数) ----------------------------------------------------------------------
MIN_POSTING_DAYS, MAX_POSTING_DAYS = 1, 365

# --- text --------------------------------------------------------------------------------------------
MAX_NAME_CHARS = 50  # a person's name, a 村民小组
MAX_TEXT_CHARS = 500  # a remark, a custom column, a line of free text in a table
MAX_TITLE_CHARS = 100  # a catalog item's name, group, publisher
MAX_PARAGRAPH_CHARS = 2_000  # a catalog item's content and legal basis
MAX_BODY_CHARS = 50_000  # a notice's body: some twenty printed pages
MAX_CELL_CHARS = 32_767  # Excel's own limit for one cell: a longer one was not made by Excel or WPS

# --- files -------------------------------------------------------------------------------------------
DEFAULT_MAX_ROWS = 100_000
MIN_MAX_ROWS, MAX_MAX_ROWS = 100, 1_000_000
MAX_COLUMNS = 256
MAX_FILE_BYTES = 64 * 1024 * 1024  # an xlsx or csv on disk
MAX_UNPACKED_BYTES = 256 * 1024 * 1024  # all parts of an xlsx together, unpacked
# A number typed or read as text: longer than this is no amount a village handles, and Decimal
# arithmetic on a 5,000-digit or 1e999999 value takes seconds to minutes.
MAX_NUMBER_CHARS = 40
MAX_EXPONENT = 30


@dataclass(frozen=True)
class InputLimits:
    """What one imported file may hold. ``max_rows`` counts every row of a sheet (title and header
    rows too); the message that refuses a file names the limit and, for rows, the setting."""

    max_rows: int = DEFAULT_MAX_ROWS
    max_columns: int = MAX_COLUMNS
    max_cell_chars: int = MAX_CELL_CHARS
    max_file_bytes: int = MAX_FILE_BYTES
    max_unpacked_bytes: int = MAX_UNPACKED_BYTES


def megabytes(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB" if n >= 1024 * 1024 else f"{n} 字节"


def _max_for(digits: int, places: int) -> Decimal:
    return Decimal(10) ** (digits - places) - Decimal(1).scaleb(-places)


MAX_MONEY = _max_for(MONEY_DIGITS, MONEY_PLACES)
MAX_QUANTITY = _max_for(QUANTITY_DIGITS, QUANTITY_PLACES)


def number_size_problem(value: Decimal, label: str) -> str | None:
    """Why a parsed number is too large or too fine to be anything a clerk means (cheap: looks at the
    exponent and digit count only, never computes with the value)."""
    if not value.is_finite():
        return f"{label}：“{value}”不是有效数字"
    sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    if len(digits) > MAX_NUMBER_CHARS or abs(exponent) > MAX_EXPONENT or len(digits) + exponent > MAX_EXPONENT:
        return f"{label}：数值过大或位数过多（不能超过 {MAX_NUMBER_CHARS} 位数字）"
    return None


def _decimal_range_problem(value: Decimal, label: str, digits: int, places: int, maximum: Decimal,
                           what_places: str) -> str | None:
    size = number_size_problem(value, label)
    if size:
        return size
    if abs(value) > maximum:
        return f"{label}超出范围：绝对值不能超过 {maximum:,}（实为 {value:f}）"
    exponent = value.normalize().as_tuple().exponent
    if isinstance(exponent, int) and -exponent > places:
        return f"{label}{what_places}：{value:f}"
    return None


def money_problem(value: Decimal, label: str, places: int = MONEY_PLACES) -> str | None:
    """An amount beyond the money bounds or finer than the fen (``places``: 2 in 元, 6 in 万元 —
    models.rules.money.money_places)."""
    return _decimal_range_problem(value, label, MONEY_DIGITS, places, MAX_MONEY, "应精确到分")


def quantity_problem(value: Decimal, label: str) -> str | None:
    """An area, count or rate beyond the quantity bounds or with more than four decimals."""
    return _decimal_range_problem(value, label, QUANTITY_DIGITS, QUANTITY_PLACES, MAX_QUANTITY,
                                  f"最多保留 {QUANTITY_PLACES} 位小数")


def date_problem(value: date, label: str) -> str | None:
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        return (f"{label}“{value.isoformat()}”超出范围：应在 {EARLIEST_DATE.isoformat()} 至 "
                f"{LATEST_DATE.isoformat()} 之间")
    return None


def year_problem(year: int, label: str) -> str | None:
    if not EARLIEST_DATE.year <= year <= LATEST_DATE.year:
        return f"{label}的年份 {year} 超出范围：应在 {EARLIEST_DATE.year}–{LATEST_DATE.year} 年之间"
    return None


def posting_days_problem(days: int) -> str | None:
    if isinstance(days, bool) or not isinstance(days, int) or not MIN_POSTING_DAYS <= days <= MAX_POSTING_DAYS:
        return f"公示天数应在 {MIN_POSTING_DAYS}–{MAX_POSTING_DAYS} 天之间，实为 {days}"
    return None


def record_id_problem(value: int, label: str = "编号") -> str | None:
    if not 1 <= value <= MAX_RECORD_ID:
        return f"{label}应在 1–{MAX_RECORD_ID} 之间，实为 {value}"
    return None


def text_problem(value: str, label: str, limit: int = MAX_TEXT_CHARS) -> str | None:
    if len(value) > limit:
        return f"{label}超过 {limit} 个字（实为 {len(value)} 个字）"
    return None
