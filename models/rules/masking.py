"""De-identification (去标识化) of personal data on public notices.

Defaults follow common practice (GB/T 37964-2019):

* ID number: first 6 and last 4 characters, ``*`` for each one between, for
  both 18- and 15-digit numbers (``410322********1234``, ``410322*****1123``).
* Bank card: only the last 4 digits, one ``*`` per hidden digit.
* Mobile phone: ``138****1234``; landline: area code and last 4 digits.
* Home address: not printed at all.

Maskers never raise: empty input gives ``""`` and values too short to mask
partly (garbage, typos) are replaced by stars entirely, so nothing leaks.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

MASKED_FIELD_KINDS: tuple[str, ...] = ("id_number", "bank_card", "phone", "address")

_ID_MIN_LENGTH = 15  # shorter values are not ID numbers; hide them completely
_BANK_CARD_MIN_LENGTH = 8  # show the last 4 only when at least as many stay hidden
_PHONE_MIN_LENGTH = 7

_SEPARATORS = re.compile(r"[\s\-]+")
_MOBILE = re.compile(r"(?:\+?86|0086)?(1[0-9]{10})")
# Area code written apart from the number: "0379-12345678", "(010) 12345678".
_LANDLINE_SPLIT = re.compile(r"(?:\((0[0-9]{2,3})\)[\s\-]*|(0[0-9]{2,3})[\s\-]+)([0-9]{7,8})")
_LANDLINE_PLAIN = re.compile(r"0[0-9]{9,11}")


def _text(value: object) -> str:
    """Half-width text with surrounding space removed ("" for None)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        # Spreadsheets hand over numeric cells as floats: 13812341234.0
        value = int(value)
    return unicodedata.normalize("NFKC", str(value)).strip()


def _keep_ends(text: str, head: int, tail: int) -> str:
    return text[:head] + "*" * (len(text) - head - tail) + text[len(text) - tail :]


def mask_id_number(value: object) -> str:
    """``410322196501011234`` → ``410322********1234``."""
    text = _SEPARATORS.sub("", _text(value)).upper()
    if len(text) < _ID_MIN_LENGTH:
        return "*" * len(text)
    return _keep_ends(text, 6, 4)


def mask_bank_card(value: object) -> str:
    """``6222 0212 3456 7890 123`` → ``***************0123``."""
    text = _SEPARATORS.sub("", _text(value))
    if len(text) < _BANK_CARD_MIN_LENGTH:
        return "*" * len(text)
    return _keep_ends(text, 0, 4)


def _area_code_length(digits: str) -> int:
    # Beijing 010 and the 02x cities have three-digit area codes, the rest four.
    return 3 if digits[1] in "12" else 4


def mask_phone(value: object) -> str:
    """``13812341234`` → ``138****1234``; ``0379-12345678`` → ``0379-****5678``."""
    text = _text(value)
    compact = _SEPARATORS.sub("", text)
    if not compact:
        return ""
    mobile = _MOBILE.fullmatch(compact)
    if mobile:
        return _keep_ends(mobile.group(1), 3, 4)
    landline = _LANDLINE_SPLIT.fullmatch(text)
    if landline:
        area = landline.group(1) or landline.group(2)
        number = landline.group(3)
        return f"{area}-{_keep_ends(number, 0, 4)}"
    if _LANDLINE_PLAIN.fullmatch(compact):
        area_length = _area_code_length(compact)
        return f"{compact[:area_length]}-{_keep_ends(compact[area_length:], 0, 4)}"
    if len(compact) < _PHONE_MIN_LENGTH:
        return "*" * len(compact)
    return _keep_ends(compact, 0, 4)


def mask_address(value: object) -> str:
    """Home addresses are not printed on public notices."""
    return ""


_MASKERS: dict[str, Callable[[object], str]] = {
    "id_number": mask_id_number,
    "bank_card": mask_bank_card,
    "phone": mask_phone,
    "address": mask_address,
}


def mask_value(field_kind: str, value: object) -> str:
    """Mask ``value`` as a field of ``field_kind`` (one of MASKED_FIELD_KINDS).

    An unknown kind is a programming error and raises ``ValueError``.
    """
    try:
        masker = _MASKERS[field_kind]
    except KeyError:
        raise ValueError(f"未知的去标识化字段类型：{field_kind!r}") from None
    return masker(value)
