"""Personal numbers hidden in free text: finding them, and masking them before they reach paper.

A villager's ID number, bank card or phone number is not only typed into the roster's ID column: it
turns up in a 备注 ("代领人：陈某 410322196501011241 电话13812345678"), a notice body, a custom column,
a finance 摘要, a villager's question quoted in an answer. :func:`find_personal_numbers` finds, in any
text,

* 18-digit ID numbers (GB 11643) with a valid birth date — the check digit decides whether it is
  reported as a valid number or as one mistyped (still an ID: it is masked all the same);
* old 15-digit ID numbers with a valid birth date;
* mobile numbers, 1[3-9] + 9 digits, with or without +86 / 0086, spaces or dashes;
* bank card numbers, 13–19 digits passing the Luhn check (spaces allowed), first digit 3–6 or 9
  (UnionPay 62…, Visa 4…, MasterCard 5…, JCB/Amex 3…, old domestic 9…);
* landlines written with their area code (0379-65123456, （0379）65123456, 037965123456) — but
  not the office's own numbers: those listed as 监督电话 in the footer settings (``public``) and
  those labelled in the text as 监督电话 / 举报电话 / 投诉电话 / 咨询电话.

Digits may be full-width, and a number may be split by spaces, a dash or a line break
(``410322 19650101 1241``, ``4103221965⏎01011241``, ``138-1234-5678``). Everything else with digits —
amounts, dates, 文号 such as 〔2022〕15号, 12-digit 统计用区划代码, voucher numbers, 12317 — is left
alone: a number glued to letters or other digits, or after a decimal point, is never a candidate.

:func:`mask_personal_numbers` replaces each number found with the mask its kind has on the roster's
columns (``models.rules.masking``: ID first 6 + last 4, card last 4, mobile 138****1234).
:func:`column_number_kind` says whether a column's values are mostly such numbers, so that a custom
column holding IDs is printed and checked as an ID column whatever its header.

Cost: texts shorter than 10 characters, and texts without 10 digits close together, are dismissed
by a length test and one precompiled regular expression before anything else is looked at.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Literal

from .masking import mask_value

PersonalKind = Literal["id_number", "bank_card", "mobile", "landline"]

#: What each kind is called in messages.
KIND_LABELS: dict[str, str] = {
    "id_number": "身份证号",
    "bank_card": "银行卡号",
    "mobile": "手机号",
    "landline": "电话号码",
}
#: The masking rule (``models.rules.masking``) of each kind.
MASK_RULES: dict[str, str] = {"id_number": "id_number", "bank_card": "bank_card", "mobile": "phone",
                              "landline": "phone"}
#: The roster column kind (``models.rules.roster.ColumnKind``) a column of such numbers is treated as.
COLUMN_KINDS: dict[str, str] = {"id_number": "id_number", "bank_card": "bank_card", "mobile": "phone",
                                "landline": "phone"}

_FULL_WIDTH = str.maketrans("０１２３４５６７８９Ｘｘx", "0123456789XXX")
_DIGIT = "0-9０-９"
_X = "XxＸｘ"
_WORD = "A-Za-z0-9０-９Ａ-Ｚａ-ｚ"
# Between two digit groups of one number: spaces, or one dash or line break with spaces around it,
# or the closing bracket of an area code.
_SEP = r"(?:[ \t\u3000]*(?:\r?\n|[-－‐‑–—)）])[ \t\u3000]*|[ \t\u3000]+)"
# A run of digit groups not glued to letters, other digits or a decimal point.
_RUN = re.compile(rf"(?<![{_WORD}.．])[{_DIGIT}]+[{_X}]?(?:{_SEP}[{_DIGIT}]+[{_X}]?)*(?![{_WORD}])")
_GROUP = re.compile(rf"[{_DIGIT}]+[{_X}]?")
# The cheap pre-filter: ten digits (the shortest number, a landline 010 + 7 digits) with at most
# a few separator characters between each two, somewhere in the text.
_MIN_DIGITS = 10
_TEN = CANDIDATE = re.compile(rf"[{_DIGIT}](?:[ \t\u3000\r\n\-－‐‑–—)）]{{0,3}}[{_DIGIT}]){{{_MIN_DIGITS - 1}}}")
# A cell holding nothing but one number as people write it.
_NUMBER_ONLY = re.compile(rf"[{_DIGIT}{_X} \t\u3000\-－+()（）]+")
# The office's own numbers are labelled so in the text.
# A number labelled as a card or account is one even when it fails the Luhn check (a typing error
# does not make it public).
_CARD_LABEL = re.compile(r"(?:卡号|银行卡|账号|帐号|存折号?)[^\n。；;，,]{0,6}$")
_PUBLIC_LABEL = re.compile(r"(?:监督|举报|投诉|咨询|受理)(?:电话|热线)[^\n。；;]{0,24}$")

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_EARLIEST = date(1900, 1, 1)
_CARD_FIRST = "34569"
_MAX_GROUPS = 8


@dataclass(frozen=True, slots=True)
class PersonalNumber:
    """One number found: ``kind``, where it is (``start``/``end`` in the text), the text as written,
    the bare ``number`` (half-width digits, ``X`` upper-case), the ``field`` the caller named, and
    for an ID whether its check digit is right (``check_ok``)."""

    kind: PersonalKind
    start: int
    end: int
    text: str
    number: str
    field: str | None = None
    check_ok: bool = True

    @property
    def label(self) -> str:
        return KIND_LABELS[self.kind]

    def masked(self) -> str:
        return mask_value(MASK_RULES[self.kind], self.number)


def public_numbers(entries: Iterable[object]) -> frozenset[str]:
    """The bare numbers in the office's 监督电话 lines (``"镇纪委 0379-67891234"``, or
    ``{"label", "number"}`` objects): the numbers that are public and stay on every notice."""
    out: set[str] = set()
    for entry in entries:
        text = " ".join(str(v) for v in entry.values()) if isinstance(entry, dict) else str(entry)
        for run in _RUN.finditer(text):
            digits = "".join(g.group() for g in _GROUP.finditer(run.group())).translate(_FULL_WIDTH)
            if len(digits) >= 5:
                out.add(digits)
    return frozenset(out)


def _birth_date(text: str) -> date | None:
    try:
        born = date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        return None
    return born if _EARLIEST <= born <= date.today() else None


def _id_check_digit(body: str) -> str:
    return _ID_CHECK[sum(int(d) * w for d, w in zip(body, _ID_WEIGHTS, strict=True)) % 11]


def _luhn(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def _mobile(digits: str) -> bool:
    return len(digits) == 11 and digits[0] == "1" and digits[1] in "3456789"


def classify(digits: str) -> tuple[PersonalKind, bool] | None:
    """The kind of a bare number (half-width digits, maybe a final ``X``) and whether an ID's check
    digit is right; None when it is none of the personal kinds."""
    n = len(digits)
    last_x = digits.endswith("X")
    if last_x and n != 18:
        return None
    if n == 18 and digits[0] in "12345678" and digits[:17].isdigit() and _birth_date(digits[6:14]):
        if _id_check_digit(digits[:17]) == digits[17]:
            return "id_number", True
        if not (_luhn(digits) and digits[0] in _CARD_FIRST):
            return "id_number", False
    if last_x:
        return None
    if n == 15 and digits[0] in "12345678" and _birth_date("19" + digits[6:12]):
        return "id_number", True
    if _mobile(digits) or (n == 13 and digits.startswith("86") and _mobile(digits[2:])) or (
            n == 15 and digits.startswith("0086") and _mobile(digits[4:])):
        return "mobile", True
    if digits[0] == "0" and n >= 10 and digits[1] != "0":
        area = 3 if digits[1] in "12" else 4
        local = digits[area:]
        if 7 <= len(local) <= 8 and local[0] in "23456789":
            return "landline", True
        return None
    if 13 <= n <= 19 and digits[0] in _CARD_FIRST and _luhn(digits) and digits.count(digits[0]) != n:
        return "bank_card", True
    return None


def may_hold_number(text: str) -> bool:
    """The pre-filter alone: False for a text that cannot hold a personal number (the common case,
    answered by a length test and one regular expression)."""
    return len(text) >= _MIN_DIGITS and _TEN.search(text) is not None


def find_personal_numbers(text: str | None, *, field: str | None = None,
                          public: Iterable[str] = ()) -> list[PersonalNumber]:
    """Every personal number in ``text``, in order. ``public``: bare numbers that are the office's
    (see :func:`public_numbers`) and so are not personal."""
    if not text or not may_hold_number(text):
        return []
    public = public if isinstance(public, frozenset | set) else frozenset(public)
    found: list[PersonalNumber] = []
    for run in _RUN.finditer(text):
        if run.end() - run.start() < _MIN_DIGITS:
            continue
        base = run.start()
        groups = [(base + g.start(), base + g.end(), g.group().translate(_FULL_WIDTH))
                  for g in _GROUP.finditer(run.group())]
        i = 0
        while i < len(groups):
            hit = _longest_at(groups, i, text)
            if hit is None:
                i += 1
                continue
            j, kind, ok, digits = hit
            start, end = groups[i][0], groups[j][1]
            if kind == "landline" and start and text[start - 1] in "(（":
                start -= 1  # "(0379)65123456" masks as a whole
            if not _is_public(kind, digits, text, start, public):
                found.append(PersonalNumber(kind, start, end, text[start:end], digits, field, ok))
            i = j + 1
    return found


def _longest_at(groups: list[tuple[int, int, str]], i: int,
                text: str) -> tuple[int, PersonalKind, bool, str] | None:
    """The longest number starting at group ``i`` (groups joined while they could still be one)."""
    candidates: list[tuple[int, str]] = []
    digits = ""
    for j in range(i, min(len(groups), i + _MAX_GROUPS)):
        part = groups[j][2]
        if j > i and (digits.endswith("X") or len(part) < 2):
            break
        digits += part
        if len(digits) > 19:
            break
        candidates.append((j, digits))
    if len(groups[i][2]) < 3 and len(candidates) > 1:
        candidates = candidates[:1]  # "第 3 号 138…": a short first group starts no number
    for j, number in reversed(candidates):
        if len(number) < 10:
            break
        found = classify(number)
        if found is not None:
            return j, found[0], found[1], number
    start = groups[i][0]
    for j, number in reversed(candidates):
        if 12 <= len(number) <= 19 and number.isdigit() and _CARD_LABEL.search(text, max(0, start - 12), start):
            return j, "bank_card", True, number
    return None


def _is_public(kind: str, digits: str, text: str, start: int, public: frozenset[str]) -> bool:
    if kind not in ("mobile", "landline"):
        return False
    if public and any(digits == p or (len(p) >= 7 and digits.endswith(p)) or
                      (len(digits) >= 7 and p.endswith(digits)) for p in public):
        return True
    return _PUBLIC_LABEL.search(text, max(0, start - 30), start) is not None


def mask_personal_numbers(text: str | None, *, public: Iterable[str] = ()) -> str:
    """``text`` with every personal number replaced by its mask (``""`` for None)."""
    if not text:
        return text or ""
    found = find_personal_numbers(text, public=public)
    if not found:
        return text
    parts: list[str] = []
    at = 0
    for hit in found:
        parts.append(text[at:hit.start])
        parts.append(hit.masked())
        at = hit.end
    parts.append(text[at:])
    return "".join(parts)


def value_number_kind(value: object) -> PersonalKind | None:
    """The kind of a cell that holds one personal number and nothing else (an ID with a wrong
    check digit included), else None."""
    if value is None:
        return None
    text = str(value).strip()
    if len(text) < _MIN_DIGITS or not _NUMBER_ONLY.fullmatch(text):
        return None  # words around it: free text, not a number column's cell
    found = find_personal_numbers(text)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(text):
        return found[0].kind
    bare = re.sub(r"[\s\-－]+", "", text.translate(_FULL_WIDTH)).upper()
    if len(bare) in (15, 18) and bare[:-1].isdigit() and (bare[-1].isdigit() or bare[-1] == "X"):
        return "id_number"  # ID-shaped: the check digit or the date is what is wrong with it
    return None


def column_number_kind(values: Iterable[object]) -> str | None:
    """``id_number``, ``bank_card`` or ``phone`` when more than half of the column's filled values
    are that kind of number (a column is what it holds, whatever its header), else None."""
    return NumberKindTally().add(values).kind()


class NumberKindTally:
    """What :func:`column_number_kind` counts, added up part by part (a large table read in
    batches): the filled values and how many are each kind of number."""

    def __init__(self) -> None:
        self.filled = 0
        self.counts: dict[str, int] = {}

    def add(self, values: Iterable[object]) -> NumberKindTally:
        self.filled += _tally(_counted(values), self.counts)
        return self

    def kind(self) -> str | None:
        counts, filled = self.counts, self.filled
        if not filled or not counts:
            return None
        kind, count = max(counts.items(), key=lambda kv: kv[1])
        return kind if 2 * count > filled else None


def _counted(values: Iterable[object]) -> Iterable[tuple[object, int]]:
    """``values`` as (value, how many) pairs: a column's texts each once with their count (group
    names, remarks and blanks repeat down a 100,000-row table); a column holding anything but texts
    value by value (equal numbers of different types, 1 and 1.0, are not one value here)."""
    values = values if isinstance(values, list) else list(values)
    try:
        counts = Counter(values)
    except TypeError:  # a list or a mapping in a custom column
        return [(value, 1) for value in values]
    if all(value is None or type(value) is str for value in counts):
        return counts.items()
    return [(value, 1) for value in values]


def _tally(pairs: Iterable[tuple[object, int]], counts: dict[str, int]) -> int:
    """Count the values of ``pairs`` (value, how many) by their kind of number into ``counts``;
    return how many values are filled."""
    filled = 0
    for value, times in pairs:
        if value is None:
            continue
        if isinstance(value, str) and len(value) < _MIN_DIGITS:
            if value.strip():
                filled += times  # a name, a group, a short remark: filled, no number
            continue
        if isinstance(value, str) and not value.strip():
            continue
        filled += times
        kind = value_number_kind(value)
        if kind is not None:
            column = COLUMN_KINDS[kind]
            counts[column] = counts.get(column, 0) + times
    return filled


__all__ = [
    "CANDIDATE", "COLUMN_KINDS", "KIND_LABELS", "MASK_RULES", "NumberKindTally", "PersonalKind", "PersonalNumber",
    "classify",
    "column_number_kind", "find_personal_numbers", "mask_personal_numbers", "may_hold_number", "public_numbers",
    "value_number_kind",
]
