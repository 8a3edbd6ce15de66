"""Money arithmetic: amounts are ``Decimal`` yuan, rounded to the fen (分).

``parse_decimal`` reads what clerks type and what spreadsheets hand over;
``amount_of`` is the roster rule amount = quantity × rate rounded half-up to
the fen, e.g. 11211.57 亩 × 18.34 元/亩 = 205620.19 元.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Context, Decimal

from .limits import MAX_NUMBER_CHARS, number_size_problem

FEN = Decimal("0.01")
ZERO = Decimal("0.00")

_WHITESPACE = re.compile(r"\s+")
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
# Minus-like characters NFKC leaves alone.
_MINUS_SIGNS = str.maketrans({"\u2212": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-"})


def _invalid(field: str, raw: object) -> ValueError:
    return ValueError(f"{field}：“{raw}”不是有效数字")


def _parse_text(text: str, *, field: str) -> Decimal:
    raw = text.strip()
    if not raw:
        raise ValueError(f"{field}：未填写")
    # NFKC maps full-width digits, "．", "，", "（）", "－" and "￥" to ASCII forms.
    cleaned = unicodedata.normalize("NFKC", raw).translate(_MINUS_SIGNS)
    cleaned = _WHITESPACE.sub("", cleaned)
    if cleaned.endswith("万元") or cleaned.endswith("万"):
        raise ValueError(f"{field}：“{raw}”以万元为单位，请换算成元后填写")
    cleaned = cleaned.removesuffix("元").removeprefix("¥")

    negative = False
    if cleaned.startswith("(") and cleaned.endswith(")"):
        # Accountants write losses in parentheses: (1,234.50)
        negative = True
        cleaned = cleaned[1:-1]
        if cleaned[:1] in "+-":
            raise _invalid(field, raw)

    integer_part, dot, fraction = cleaned.partition(".")
    if "," in fraction:
        raise _invalid(field, raw)
    cleaned = integer_part.replace(",", "") + dot + fraction
    if len(cleaned) > MAX_NUMBER_CHARS:
        raise ValueError(f"{field}：数值过大或位数过多（不能超过 {MAX_NUMBER_CHARS} 位数字）")
    if not _NUMBER.fullmatch(cleaned):
        raise _invalid(field, raw)
    number = Decimal(cleaned)
    return -number if negative else number


def _sized(value: Decimal, field: str) -> Decimal:
    problem = number_size_problem(value, field)
    if problem:
        raise ValueError(problem)
    return value


def parse_decimal(value: object, *, field: str) -> Decimal:
    """Read a number typed by a clerk or taken from a spreadsheet cell.

    Accepts ``int``, ``Decimal``, ``float`` (through its shortest repr, so the
    spreadsheet value 205620.19 stays 205620.19) and text with spaces,
    thousands separators (``,`` ``，``), full-width digits, a trailing ``元``
    and a minus sign or parentheses for negatives. Raises ``ValueError`` with
    a Chinese message naming ``field`` otherwise. No rounding is done here.
    """
    if value is None:
        raise ValueError(f"{field}：未填写")
    if isinstance(value, bool):
        raise _invalid(field, value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise _invalid(field, value)
        return _sized(value, field)
    if isinstance(value, int):
        if value.bit_length() > 4 * MAX_NUMBER_CHARS:  # before str(): a huge int prints slowly
            raise ValueError(f"{field}：数值过大或位数过多（不能超过 {MAX_NUMBER_CHARS} 位数字）")
        return _sized(Decimal(value), field)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise _invalid(field, value)
        return _sized(Decimal(repr(value)), field)
    if isinstance(value, str):
        return _parse_text(value, field=field)
    raise _invalid(field, value)


def _exact(value: Decimal | int) -> Decimal:
    # Floats would bring binary noise into sums; callers go through parse_decimal first.
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise TypeError(f"金额必须是 Decimal，不能是 {type(value).__name__}：{value!r}")
    return Decimal(value)


# Enough digits for the product of two numbers parse_decimal accepts (≤ 40 digits each), so rounding
# it to the fen never raises InvalidOperation; whether it fits a money column is the caller's check.
_WIDE = Context(prec=2 * MAX_NUMBER_CHARS + 20)


def money_places(unit: str | None = "元") -> int:
    """Decimals an amount carries to be exact to the fen: 2 in 元, 6 in 万元."""
    return 6 if unit == "万元" else 2


def to_fen(value: Decimal | int, unit: str | None = "元") -> Decimal:
    """Round to the fen (in ``unit``: 0.000001 万元), half away from zero (0.005 → 0.01, -0.005 → -0.01)."""
    step = FEN if money_places(unit) == 2 else Decimal(1).scaleb(-money_places(unit))
    return _exact(value).quantize(step, rounding=ROUND_HALF_UP, context=_WIDE)


def amount_of(quantity: Decimal | int, rate: Decimal | int, unit: str | None = "元") -> Decimal:
    """Computed amount: quantity × rate, rounded half-up to the fen in the amount's ``unit``."""
    return to_fen(_WIDE.multiply(_exact(quantity), _exact(rate)), unit)


def decimal_text(value: Decimal, places: int = 0) -> str:
    """The one stored spelling of a number: no exponent, no trailing zeros beyond ``places``
    decimals (``decimal_text(Decimal("1200.5"), 2)`` → "1200.50", ``decimal_text(Decimal("26.5100"))``
    → "26.51"); every digit the value has is kept."""
    if not value.is_finite():
        raise ValueError(f"不是有限的数：{value}")
    number = value.normalize(_WIDE)
    if number.is_zero():
        number = Decimal(0)
    exponent = number.as_tuple().exponent
    if isinstance(exponent, int) and exponent > -places:
        number = number.quantize(Decimal(1).scaleb(-places), context=_WIDE)
    return format(number, "f")


def decimal_from_text(value: str | float | int) -> Decimal:
    """A stored number back as Decimal: its text as written by :func:`decimal_text` (or a REAL written
    before the column held text, read by its shortest repr)."""
    if isinstance(value, float):
        return Decimal(repr(value))
    return Decimal(str(value))


def _fixed(value: Decimal | int) -> Decimal:
    rounded = to_fen(value)
    return ZERO if rounded.is_zero() else rounded  # never print "-0.00"


def format_money(value: Decimal | int) -> str:
    """``205620.19`` — two decimals, no grouping (for storage and export)."""
    return f"{_fixed(value):.2f}"


def format_money_cn(value: Decimal | int) -> str:
    """``205,620.19`` — two decimals with thousands separators (for print)."""
    return f"{_fixed(value):,.2f}"


def format_amount_cn(value: Decimal | int, unit: str | None = "元") -> str:
    """An amount as printed in its unit: ``205,620.19`` 元; in 万元 up to six decimals, to the fen
    (``20.00``, ``12.345678``)."""
    if money_places(unit) == 2:
        return format_money_cn(value)
    number = _exact(value)
    exponent = number.normalize().as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return f"{number:,.{min(money_places(unit), max(2, places))}f}"


def sum_money(values: Iterable[Decimal | int]) -> Decimal:
    """Exact sum of amounts, never rounded; an empty sum is ``0.00``.

    Floats are refused: a total printed on a notice must equal its rows.
    """
    total = ZERO
    for value in values:
        total += _exact(value)
    return total
