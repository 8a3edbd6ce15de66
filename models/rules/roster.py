"""Roster columns and the checks every roster row goes through (pure: no database, no files).

A roster (惠农补贴 / 低保 / 救助 名单) is a list of rows keyed by the contract keys ``group``,
``name``, ``id_number``, ``household_size``, ``quantity``, ``rate``, ``amount``, ``remark``, the
internal keys ``bank_card``, ``bank_branch``, ``phone``, ``address`` (kept in the internal roster,
masked or left off the posted notice) and custom columns, keyed by their header text (``保障类别``)
or ``x_<n>``; custom columns are plain text.

``parse_row`` / ``normalize_row`` turn what a clerk typed or a spreadsheet handed over into typed
values (``Decimal``, ``int``, upper-case ID numbers); ``check_roster_rows`` reports everything wrong
with a roster at once — never only the first problem — as ``RosterFinding``s in Chinese.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any, Literal

from .idnumber import check_id_number, normalize_id_number
from .limits import (
    MAX_EXPONENT,
    MAX_HOUSEHOLD_SIZE,
    MAX_MONEY,
    MAX_NAME_CHARS,
    MAX_QUANTITY,
    MAX_TEXT_CHARS,
    money_problem,
    quantity_problem,
    text_problem,
)
from .money import FEN, ZERO, amount_of, parse_decimal
from .personal_numbers import KIND_LABELS, column_number_kind, find_personal_numbers

ColumnKind = Literal["text", "id_number", "int", "quantity", "rate", "money", "bank_card", "phone", "address"]
Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class RosterColumn:
    """One roster column. ``label`` is the printed Chinese header with its unit; ``public`` says
    whether the column is printed on the posted notice; ``mask`` names the masking rule
    (models.rules.masking) applied when it is printed."""

    key: str
    label: str
    kind: ColumnKind = "text"
    required: bool = False
    public: bool = True
    mask: str | None = None

    @property
    def custom(self) -> bool:
        return self.key not in STANDARD_COLUMNS


def _col(key: str, label: str, kind: ColumnKind = "text", *, required: bool = False, public: bool = True,
         mask: str | None = None) -> RosterColumn:
    return RosterColumn(key, label, kind, required, public, mask)


# Contract keys first (cli.md), then the internal ones. Order is the default printing order.
STANDARD_COLUMNS: dict[str, RosterColumn] = {
    c.key: c
    for c in (
        _col("group", "村民小组"),
        _col("name", "姓名", required=True),
        _col("id_number", "身份证号", "id_number", required=True, mask="id_number"),
        _col("household_size", "家庭人口（人）", "int"),
        _col("quantity", "数量", "quantity"),
        _col("rate", "标准（元）", "rate"),
        _col("amount", "金额（元）", "money"),
        _col("remark", "备注"),
        _col("bank_card", "银行卡号", "bank_card", public=False, mask="bank_card"),
        _col("bank_branch", "开户行", public=False),
        _col("phone", "联系电话", "phone", public=False, mask="phone"),
        _col("address", "家庭住址", "address", public=False, mask="address"),
    )
}
CONTRACT_KEYS: tuple[str, ...] = (
    "group", "name", "id_number", "household_size", "quantity", "rate", "amount", "remark")
INTERNAL_KEYS: tuple[str, ...] = ("bank_card", "bank_branch", "phone", "address")

_CUSTOM_KEY = re.compile(r"x_[0-9]+")


def is_custom_key(key: str) -> bool:
    return key not in STANDARD_COLUMNS


def column_for(key: str, label: str | None = None) -> RosterColumn:
    """The column for ``key``: a standard one (relabelled when ``label`` is given) or a custom
    text column labelled with ``label`` or its key (custom keys are header text or ``x_<n>``)."""
    std = STANDARD_COLUMNS.get(key)
    if std is not None:
        return replace(std, label=label) if label else std
    return RosterColumn(key, label or key, "text")


def columns_for(keys: Iterable[str]) -> list[RosterColumn]:
    return [column_for(k) for k in keys]


_NUMBER_COLUMN_LABELS = {"id_number": "身份证号", "bank_card": "银行卡号", "phone": "电话号码"}


def number_column_kinds(columns: Iterable[str | RosterColumn],
                        rows: Sequence[Mapping[str, Any]]) -> dict[str, str]:
    """The text columns (custom ones, 备注, …) whose filled values are mostly ID, bank card or phone
    numbers, and the kind each is therefore treated as (``id_number``, ``bank_card``, ``phone``),
    whatever its header: masked as that kind on the notice and, for IDs, checked digit by digit."""
    out: dict[str, str] = {}
    for c in columns:
        key = c.key if isinstance(c, RosterColumn) else c
        std = STANDARD_COLUMNS.get(key)
        if std is not None and std.kind != "text":
            continue
        kind = column_number_kind(row.get(key) for row in rows)
        if kind is not None:
            out[key] = kind
    return out


def effective_columns(columns: Sequence[RosterColumn], rows: Sequence[Mapping[str, Any]]) -> list[RosterColumn]:
    """``columns`` with each text column that mostly holds personal numbers turned into a column of
    that kind (see :func:`number_column_kinds`), masked by that kind's rule."""
    kinds = number_column_kinds(columns, rows)
    return [replace(c, kind=kinds[c.key], mask=kinds[c.key]) if c.key in kinds else c  # type: ignore[arg-type]
            for c in columns]


def _std(key: str, label: str | None = None, **changes: Any) -> RosterColumn:
    col = column_for(key, label)
    return replace(col, **changes) if changes else col


def _custom(label: str) -> RosterColumn:
    return RosterColumn(label, label, "text")


PRESET_LABELS: dict[str, str] = {
    "dili": "耕地地力保护补贴",
    "dibao": "低保",
    "linshi": "临时救助",
    "weifang": "危房改造",
    "canji": "残疾人两项补贴",
    "tekun": "特困供养",
    "generic": "通用名单",
}

_PRESETS: dict[str, tuple[RosterColumn, ...]] = {
    "dili": (
        _std("group"), _std("name"), _std("id_number"),
        _std("quantity", "面积（亩）"), _std("rate", "补贴标准（元/亩）"), _std("amount", "补贴金额（元）"),
        _std("bank_card"), _std("remark"),
    ),
    "dibao": (
        _std("group"), _std("name"), _std("id_number"), _std("household_size", "保障人口（人）"),
        _custom("保障类别"), _std("amount", "月保障金（元）"), _std("remark"),
    ),
    "linshi": (
        _std("group"), _std("name"), _std("id_number"), _custom("救助事由"),
        _std("amount", "救助金额（元）"), _std("remark"),
    ),
    "weifang": (
        _std("group"), _std("name"), _std("id_number"), _custom("改造方式"),
        _std("amount", "补助金额（元）"), _std("remark"),
    ),
    "canji": (
        _std("group"), _std("name"), _std("id_number"), _custom("残疾类别"), _custom("残疾等级"),
        _custom("补贴类型"), _std("amount", "补贴金额（元/月）"), _std("remark"),
    ),
    "tekun": (
        _std("group"), _std("name"), _std("id_number"), _custom("供养方式"),
        _std("amount", "供养金额（元）"), _std("remark"),
    ),
    "generic": (_std("group"), _std("name"), _std("id_number"), _std("amount"), _std("remark")),
}


def preset_columns(preset_id: str | None) -> list[RosterColumn]:
    """The column set of a roster preset (``None`` → ``generic``); ValueError for an unknown id."""
    try:
        return list(_PRESETS[preset_id or "generic"])
    except KeyError:
        known = "、".join(f"{k}（{v}）" for k, v in PRESET_LABELS.items())
        raise ValueError(f"未知的名单模板“{preset_id}”，可用：{known}") from None


@dataclass(frozen=True)
class RosterFinding:
    """Something wrong with one roster row (``row`` is 1-based, or the caller's row numbers)."""

    row: int | None
    field: str
    rule: str
    message: str
    severity: Severity = "error"


class RosterParseError(ValueError):
    """Raised by ``normalize_row``; carries every problem of the row, not only the first."""

    def __init__(self, findings: list[RosterFinding]):
        super().__init__("；".join(f.message for f in findings))
        self.findings = findings


# --- parsing one row -------------------------------------------------------------------------

_SPACES = re.compile(r"\s+")
_SHORT_TEXT = frozenset({"name", "group"})  # names: MAX_NAME_CHARS; other text: MAX_TEXT_CHARS
_DIGITS = re.compile(r"[0-9]+")


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _text(value: object) -> str:
    """Cell text: numbers from spreadsheets without a spurious ``.0``, surrounding space removed."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, Decimal) and value.is_finite() and value.adjusted() <= MAX_EXPONENT \
            and value == value.to_integral_value():  # 1E+999999 would not quantize
        return str(value.quantize(Decimal(1)))
    return str(value).strip()


def _label(key: str) -> str:
    col = STANDARD_COLUMNS.get(key)
    return col.label.split("（")[0] if col else key


def _kind(key: str) -> str:
    col = STANDARD_COLUMNS.get(key)
    return col.kind if col else "text"


def parse_row(raw: dict[str, Any], *, row: int | None = None) -> tuple[dict[str, Any], list[RosterFinding]]:
    """Typed copy of ``raw`` plus the problems met on the way (all of them).

    Blank cells become ``None``; ``quantity``/``rate``/``amount`` become ``Decimal``,
    ``household_size`` ``int``, ``id_number`` upper-case half-width text, everything else text.
    A value that cannot be read is kept as its text so a preview can show it. When ``amount`` is
    blank but ``quantity`` and ``rate`` are given, the amount is computed (quantity × rate to the fen).
    """
    out: dict[str, Any] = {}
    found: list[RosterFinding] = []
    for key, value in raw.items():
        if _blank(value):
            out[key] = None
            continue
        kind = _kind(key)
        if kind == "text" or kind == "address":
            out[key] = _text(value)
            limit = MAX_NAME_CHARS if key in _SHORT_TEXT else MAX_TEXT_CHARS
            too_long = text_problem(out[key], _label(key), limit)
            if too_long:
                found.append(RosterFinding(row, key, "length", too_long))
        elif kind in ("quantity", "rate", "money"):
            label = _label(key)
            try:
                number = parse_decimal(value, field=label)
            except ValueError as exc:
                out[key] = _text(value)
                found.append(RosterFinding(row, key, "number", str(exc)))
                continue
            out[key] = number
            if number < 0:
                found.append(RosterFinding(row, key, "negative", f"{label}不能为负数：{_text(value)}"))
            elif abs(number) > (MAX_MONEY if kind == "money" else MAX_QUANTITY):
                found.append(RosterFinding(row, key, "range", (money_problem if kind == "money"
                                                               else quantity_problem)(number, label) or ""))
                out[key] = _text(value)  # kept as text, like an unreadable value: no sum or product uses it
            elif kind == "money" and number != number.quantize(FEN):
                found.append(RosterFinding(row, key, "precision", f"{label}应精确到分：{_text(value)}"))
            elif kind != "money" and quantity_problem(number, label):
                found.append(RosterFinding(row, key, "precision", quantity_problem(number, label) or ""))
        elif kind == "int":
            label = _label(key)
            try:
                number = parse_decimal(value, field=label)
            except ValueError as exc:
                out[key] = _text(value)
                found.append(RosterFinding(row, key, "number", str(exc)))
                continue
            if number != number.to_integral_value() or number <= 0:
                out[key] = _text(value)
                found.append(RosterFinding(row, key, "positive_int", f"{label}应为正整数，实为 {_text(value)}"))
            elif number > MAX_HOUSEHOLD_SIZE:
                out[key] = _text(value)
                found.append(RosterFinding(row, key, "range", f"{label}不能超过 {MAX_HOUSEHOLD_SIZE}，实为 {_text(value)}"))
            else:
                out[key] = int(number)
        elif kind == "id_number":
            if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
                # Excel keeps 15 significant digits: an 18-digit number typed into a number cell
                # has already lost its last digits.
                text = _text(value)
                out[key] = text
                if len(text) > 15:
                    found.append(RosterFinding(row, key, "id_number_as_number",
                                               f"身份证号被存成了数字（{text}），后几位可能已丢失；"
                                               "请把该列设为文本后重新录入"))
                    continue
            out[key] = normalize_id_number(value)
        elif kind in ("bank_card", "phone"):
            text = _SPACES.sub("", unicodedata.normalize("NFKC", _text(value)))
            out[key] = text
            too_long = text_problem(text, _label(key), MAX_NAME_CHARS)
            if too_long:
                found.append(RosterFinding(row, key, "length", too_long))
            elif kind == "bank_card" and isinstance(value, float | int) and len(text) > 15:
                found.append(RosterFinding(row, key, "bank_card_as_number",
                                           f"银行卡号被存成了数字（{text}），后几位可能已丢失；请把该列设为文本后核对",
                                           "warning"))
            elif kind == "bank_card" and not (_DIGITS.fullmatch(text) and 12 <= len(text) <= 19):
                found.append(RosterFinding(row, key, "bank_card", f"银行卡号应为12到19位数字，实为“{text}”",
                                           "warning"))
        else:  # pragma: no cover - every kind is handled above
            out[key] = value
    if out.get("amount") is None and isinstance(out.get("quantity"), Decimal) \
            and isinstance(out.get("rate"), Decimal):
        product = amount_of(out["quantity"], out["rate"])
        if abs(product) > MAX_MONEY:  # each within its column, the product beyond the money column
            found.append(RosterFinding(row, "amount", "range", f"金额（{_label('quantity')}×{_label('rate')}）"
                                       f"超出范围：绝对值不能超过 {MAX_MONEY:,}（实为 {product:f}）"))
        else:
            out["amount"] = product
    return out, found


def normalize_row(raw: dict[str, Any], *, row: int | None = None) -> dict[str, Any]:
    """Typed copy of ``raw`` (see ``parse_row``); raises ``RosterParseError`` listing every field
    that cannot be read (warnings, such as an odd bank card number, do not raise)."""
    out, found = parse_row(raw, row=row)
    errors = [f for f in found if f.severity == "error"]
    if errors:
        raise RosterParseError(errors)
    return out


# --- checking a roster ---------------------------------------------------------------------------


def _id_rule(message: str) -> str:
    return "id_check_digit" if message.startswith("身份证号校验位错误") else "id_number"


def _fmt(value: Decimal) -> str:
    return format(value.normalize(), "f") if value == value.to_integral_value() else format(value, "f")


def _money(value: Decimal) -> str:
    return f"{value:.2f}" if value == value.quantize(FEN) else format(value, "f")


def check_roster_rows(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None = None, *,
                      row_numbers: Sequence[int] | None = None, public: Iterable[str] = ()) -> list[RosterFinding]:
    """Every problem in ``rows`` (raw or typed values), in row order: unreadable values, missing
    names, ID numbers, duplicates, quantity × rate ≠ amount.

    ``columns`` is the roster's column set (keys); by default the keys present in the rows.
    ``row_numbers`` labels the rows in findings and messages (e.g. Excel row numbers); by default
    1, 2, 3 ….
    """
    numbers = list(row_numbers) if row_numbers is not None else list(range(1, len(rows) + 1))
    if len(numbers) != len(rows):
        raise ValueError("row_numbers 与行数不一致")
    parsed = [parse_row(r, row=n) for r, n in zip(rows, numbers, strict=True)]
    if columns is None:
        seen: dict[str, None] = {}
        for r in rows:
            seen.update(dict.fromkeys(r))
        columns = list(seen)
    return check_parsed_rows(parsed, columns, numbers, public=public)


def check_parsed_rows(parsed: Sequence[tuple[dict[str, Any], list[RosterFinding]]], columns: Sequence[str],
                      row_numbers: Sequence[int], *, number_columns: Mapping[str, str] | None = None,
                      public: Iterable[str] = ()) -> list[RosterFinding]:
    """``check_roster_rows`` over rows already through ``parse_row`` (typed row, its findings);
    the parse findings are part of the result. For importers that parse once.

    ``number_columns``: the text columns treated as ID / card / phone columns (see
    :func:`number_column_kinds`; worked out from these rows when not given, as an editor checking
    one row at a time gives it for the whole roster). ``public``: the office's own phone numbers."""
    colset = set(columns)
    if number_columns is None:
        number_columns = number_column_kinds(columns, [row for row, _ in parsed])
    public = frozenset(public)
    free_text = [k for k in columns if _kind(k) == "text" and k not in number_columns]
    id_columns = [k for k, kind in number_columns.items() if kind == "id_number" and k in colset]
    want_id = "id_number" in colset
    want_amount = "amount" in colset

    found: list[RosterFinding] = []
    first_row_of_id: dict[str, int] = {}
    for (row, parse_found), n in zip(parsed, row_numbers, strict=True):
        row_found = list(parse_found)
        bad_fields = {f.field for f in row_found if f.severity == "error"}

        if _blank(row.get("name")):
            row_found.append(RosterFinding(n, "name", "required", "姓名未填写"))

        id_number = row.get("id_number")
        if "id_number" not in bad_fields:
            if _blank(id_number):
                if want_id:
                    row_found.append(RosterFinding(n, "id_number", "required", "身份证号未填写"))
            else:
                check = check_id_number(id_number)
                if check.message:
                    rule = _id_rule(check.message) if check.severity == "error" else "id_number_old"
                    row_found.append(RosterFinding(n, "id_number", rule, check.message, check.severity or "error"))
                if check.ok:
                    first = first_row_of_id.setdefault(check.normalized, n)
                    if first != n:
                        row_found.append(RosterFinding(
                            n, "id_number", "duplicate_id",
                            f"身份证号 {check.normalized} 在第 {first} 行和第 {n} 行重复出现"))

        quantity, rate, amount = row.get("quantity"), row.get("rate"), row.get("amount")
        have_product = isinstance(quantity, Decimal) and isinstance(rate, Decimal)
        if have_product and isinstance(amount, Decimal) and not bad_fields & {"quantity", "rate", "amount"}:
            expected = amount_of(quantity, rate)
            if amount != expected:
                row_found.append(RosterFinding(
                    n, "amount", "amount_arithmetic",
                    f"金额应为 {_fmt(quantity)} × {_fmt(rate)} = {expected:.2f}，实为 {_money(amount)}"))
        if want_amount and amount is None and not have_product and "amount" not in bad_fields:
            row_found.append(RosterFinding(n, "amount", "required", "金额未填写"))

        for key in id_columns:
            value = row.get(key)
            if not _blank(value) and _looks_like_id(value):
                check = check_id_number(str(value))
                if check.message:
                    rule = _id_rule(check.message) if check.severity == "error" else "id_number_old"
                    row_found.append(RosterFinding(n, key, rule, check.message, check.severity or "error"))
        for key in free_text:
            value = row.get(key)
            if isinstance(value, str) and len(value) >= 7:
                hits = find_personal_numbers(value, field=key, public=public)
                if hits:
                    row_found.append(RosterFinding(n, key, "personal_number", personal_number_message(hits),
                                                   "warning"))

        found.extend(row_found)
    return found


def _looks_like_id(value: object) -> bool:
    """A cell of a column treated as an ID column that is meant as an ID number (digits, not
    "不详"), so it gets the ID checks."""
    return sum(ch.isdigit() for ch in str(value)) >= 8


def personal_number_message(hits: Sequence[Any], what: str = "") -> str:
    """"含身份证号、手机号，公告上将打码" for the numbers found in one field (``what`` names the field
    when the finding has no row: "公告正文")."""
    labels = list(dict.fromkeys(KIND_LABELS[h.kind] for h in hits))
    if any(h.kind == "id_number" and not h.check_ok for h in hits):
        labels[labels.index("身份证号")] = "身份证号（校验位不对，请核对）"
    return f"{what}含{'、'.join(labels)}，公告上将打码"


def number_column_findings(number_columns: Mapping[str, str],
                           labels: Mapping[str, str] | None = None) -> list[RosterFinding]:
    """One note per text column treated as an ID / card / phone column: the clerk learns that its
    values will be masked (and, for IDs, checked) like the standard column's."""
    out = []
    for key, kind in number_columns.items():
        label = (labels or {}).get(key) or column_for(key).label
        what = _NUMBER_COLUMN_LABELS[kind]
        out.append(RosterFinding(None, key, "number_column",
                                 f"“{label}”列多为{what}，按{what}列处理：公告上将打码"
                                 + ("，并检查校验位" if kind == "id_number" else ""), "warning"))
    return out


def roster_totals(rows: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """``{"rows": n, "amount": Decimal, "quantity": Decimal | None, "household_size": int | None}``.

    ``quantity`` / ``household_size`` are ``None`` when no row has one. Values that cannot be read
    are left out (the checks report them); a missing amount is quantity × rate when both are given.
    """
    count = 0
    amount = ZERO
    quantity: Decimal | None = None
    people: int | None = None
    for raw in rows:
        count += 1
        row, _ = parse_row(raw)
        q, r, a, h = row.get("quantity"), row.get("rate"), row.get("amount"), row.get("household_size")
        if not isinstance(a, Decimal) and isinstance(q, Decimal) and isinstance(r, Decimal):
            a = amount_of(q, r)
        if isinstance(a, Decimal):
            amount += a
        if isinstance(q, Decimal):
            quantity = q if quantity is None else quantity + q
        if isinstance(h, int):
            people = h if people is None else people + h
    return {"rows": count, "amount": amount, "quantity": quantity, "household_size": people}
