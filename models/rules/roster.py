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
from .money import FEN, ZERO, amount_of, money_places, parse_decimal
from .personal_numbers import KIND_LABELS, NumberKindTally, find_personal_numbers
from .text import free_text_problem, name_problem, normalize_free_text, normalize_name

ColumnKind = Literal["text", "name", "id_number", "int", "quantity", "rate", "money", "bank_card", "phone",
                     "address", "date", "signature"]
Severity = Literal["error", "warning"]

#: The column types a clerk can choose, with their Chinese names (the columns dialog, messages).
COLUMN_TYPES: dict[str, str] = {
    "text": "文字", "name": "姓名", "id_number": "身份证号", "bank_card": "银行卡号", "phone": "电话号码",
    "money": "金额", "quantity": "数量", "rate": "单价/标准", "int": "人数/个数", "date": "日期",
    "address": "住址", "signature": "签字栏",
}
#: Types whose cells are numbers (summed when the column says so, right-aligned on paper).
NUMBER_KINDS = ("int", "quantity", "rate", "money")
#: Units a clerk picks from (any other text is accepted too).
COMMON_UNITS = ("元", "万元", "亩", "公斤", "吨", "人", "户", "个", "元/亩", "元/人", "元/月", "元/人/月", "平方米")
_UNIT_IN_LABEL = re.compile(r"^(.+?)\s*[（(]([^（）()]+)[）)]\s*$")


def split_label(text: str) -> tuple[str, str]:
    """'面积（亩）' → ('面积', '亩'); '数量' → ('数量', ''). A header's unit is what its last
    parentheses hold."""
    text = (text or "").strip()
    m = _UNIT_IN_LABEL.match(text)
    return (m.group(1).strip(), m.group(2).strip()) if m else (text, "")


@dataclass(frozen=True)
class RosterColumn:
    """One column of a table (a roster is a table with a preset).

    ``title`` is the printed header without its unit and ``unit`` the unit (元, 万元, 亩, 公斤, 人 …):
    ``label`` is what the notice prints, "面积（亩）". A title given with its unit in parentheses
    and no ``unit`` is split. ``kind`` is the column's type (:data:`COLUMN_TYPES`); ``public`` says
    whether it is printed on the posted notice; ``mask`` names the masking rule (models.rules.masking)
    applied when it is; ``summed`` whether the 合计 row totals it (a column of mixed products is
    not); ``computed`` whether an empty cell is quantity × rate (the amount column).
    """

    key: str
    title: str
    kind: ColumnKind = "text"
    required: bool = False
    public: bool = True
    mask: str | None = None
    unit: str = ""
    summed: bool | None = None  # None: money, quantities and counts are summed, other columns not
    computed: bool | None = None  # None: the amount column (key "amount", money) is computed

    def __post_init__(self) -> None:
        if self.summed is None:
            object.__setattr__(self, "summed", self.kind in ("money", "quantity", "int"))
        if self.computed is None:
            object.__setattr__(self, "computed", self.key == "amount" and self.kind == "money")
        if not self.unit:
            title, unit = split_label(self.title)
            if unit:
                object.__setattr__(self, "title", title)
                object.__setattr__(self, "unit", unit)

    @property
    def label(self) -> str:
        """The header as printed: "金额（万元）"."""
        return f"{self.title}（{self.unit}）" if self.unit else self.title

    @property
    def custom(self) -> bool:
        return self.key not in STANDARD_COLUMNS

    def to_json(self) -> dict[str, Any]:
        """What the record stores and ``disclosure show --json`` lists (cli.md)."""
        return {"key": self.key, "label": self.title, "unit": self.unit, "type": self.kind,
                "public": self.public, "summed": self.summed, "required": self.required,
                "computed": self.computed, "mask": self.mask}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> RosterColumn:
        """A stored column; what it does not say comes from the standard column of its key."""
        key = str(data.get("key") or "").strip()
        if not key:
            raise ValueError("列缺少 key")
        base = STANDARD_COLUMNS.get(key) or RosterColumn(key, key)
        kind = data.get("type") or base.kind
        if kind not in COLUMN_TYPES:
            raise ValueError(f"列“{key}”的类型“{kind}”无效，应为 {'、'.join(COLUMN_TYPES)} 之一")
        title = str(data.get("label") or base.title).strip()
        unit = data.get("unit")
        if unit is None:
            title, unit = split_label(title) if split_label(title)[1] else (title, base.unit)
        mask = data.get("mask", base.mask if kind == base.kind else _DEFAULT_MASK.get(kind))
        return cls(key, title, kind, bool(data.get("required", base.required)),
                   bool(data.get("public", base.public)), mask, str(unit).strip(),
                   bool(data.get("summed", base.summed if kind == base.kind else kind in ("money", "quantity", "int"))),
                   bool(data.get("computed", base.computed)) and kind == "money")


_DEFAULT_MASK = {"id_number": "id_number", "bank_card": "bank_card", "phone": "phone", "address": "address"}


def _col(key: str, title: str, kind: ColumnKind = "text", *, unit: str = "", required: bool = False,
         public: bool = True, mask: str | None = None, summed: bool | None = None,
         computed: bool | None = None) -> RosterColumn:
    return RosterColumn(key, title, kind, required, public, mask, unit, summed, computed)


# Contract keys first (cli.md), then the internal ones. Order is the default printing order.
STANDARD_COLUMNS: dict[str, RosterColumn] = {
    c.key: c
    for c in (
        _col("group", "村民小组"),
        _col("name", "姓名", "name", required=True),
        _col("id_number", "身份证号", "id_number", required=True, mask="id_number"),
        _col("household_size", "家庭人口", "int", unit="人", summed=True),
        _col("quantity", "数量", "quantity", summed=True),
        _col("rate", "标准", "rate", unit="元"),
        _col("amount", "金额", "money", unit="元", summed=True, computed=True),
        _col("remark", "备注"),
        _col("bank_card", "银行卡号", "bank_card", public=False, mask="bank_card"),
        _col("bank_branch", "开户行", public=False),
        _col("phone", "联系电话", "phone", public=False, mask="phone"),
        _col("address", "家庭住址", "address", public=False, mask="address"),
    )
}
#: The keys a roster row has in the contract (cli.md) and the roster_row table; the internal ones
#: and custom columns live in the row's ``extra``.
CONTRACT_KEYS: tuple[str, ...] = (
    "group", "name", "id_number", "household_size", "quantity", "rate", "amount", "remark")
INTERNAL_KEYS: tuple[str, ...] = ("bank_card", "bank_branch", "phone", "address")

_CUSTOM_KEY = re.compile(r"x_[0-9]+")


def is_custom_key(key: str) -> bool:
    return key not in STANDARD_COLUMNS


def column_for(key: str, label: str | None = None) -> RosterColumn:
    """The column for ``key``: a standard one (relabelled when ``label`` is given: "面积（亩）"
    sets title and unit) or a custom text column labelled with ``label`` or its key (custom keys are
    header text or ``x_<n>``)."""
    std = STANDARD_COLUMNS.get(key)
    if std is not None:
        if not label:
            return std
        title, unit = split_label(label)
        return replace(std, title=title, unit=unit)
    return RosterColumn(key, label or key, "text")


def columns_for(keys: Iterable[str]) -> list[RosterColumn]:
    return [column_for(k) for k in keys]


def column_from(entry: str | Mapping[str, Any] | RosterColumn, preset: str | None = None) -> RosterColumn:
    """A record's stored column: a dict (what records store now), a bare key (older records: the
    preset's column of that key, else the standard one) or a column already."""
    if isinstance(entry, RosterColumn):
        return entry
    if isinstance(entry, Mapping):
        return RosterColumn.from_json(entry)
    for c in _preset(preset).columns if preset in _PRESETS else ():
        if c.key == entry:
            return c
    return column_for(str(entry))


def table_columns(saved: Iterable[str | Mapping[str, Any] | RosterColumn] | None, preset: str | None = None,
                  rows: Iterable[Mapping[str, Any]] = ()) -> list[RosterColumn]:
    """The one column list of a table: the record's saved columns in their order (the clerk's
    choice) or, for a record without any, the preset's; then, when ``rows`` are given, a column for
    any key the rows fill that the list does not name (so nothing stored is hidden in an editor).
    Every reader — the grid, the service, ``show --json``, the printer — asks this."""
    out: list[RosterColumn] = []
    seen: set[str] = set()
    for entry in saved or ():
        column = column_from(entry, preset)
        if column.key not in seen:
            seen.add(column.key)
            out.append(column)
    if not out:
        out = [c for c in preset_columns(preset if preset in _PRESETS else None)]
        seen = {c.key for c in out}
    for r in rows:
        for k, v in r.items():
            if k not in seen and v not in (None, ""):
                seen.add(k)
                out.append(column_from(k, preset))
    return out


def imported_column(column: RosterColumn, header: str | None) -> RosterColumn:
    """``column`` as a file heads it: its label from the header and its unit from the header's
    parentheses ("本次分配金额（万元）" → 本次分配金额, 万元); a header without a unit keeps the
    column's own ("金额" stays in 元)."""
    title, unit = split_label(header or "")
    if not title:
        return column
    return replace(column, title=title, unit=unit or column.unit)


def columns_json(columns: Iterable[RosterColumn]) -> list[dict[str, Any]]:
    return [c.to_json() for c in columns]


# --- changing a column: the columns dialog and a content file's "columns" ----------------------

class ColumnRuleError(ValueError):
    """A column change that breaks a rule; ``rule`` names it (label, label_taken, type, type_fixed,
    unit, public, summed, fixed, entry)."""

    def __init__(self, rule: str, message: str):
        super().__init__(message)
        self.rule = rule


_KEEP: Any = object()


def default_mask(kind: str) -> str | None:
    """The masking rule a column of this type gets (ID, card and phone numbers, addresses)."""
    return _DEFAULT_MASK.get(kind)


def revise_column(column: RosterColumn, others: Iterable[RosterColumn], *, title: Any = _KEEP, unit: Any = _KEEP,
                  kind: Any = _KEEP, public: Any = _KEEP, summed: Any = _KEEP) -> RosterColumn:
    """``column`` renamed, re-united or re-typed as the clerk (the columns dialog) or a content file
    asks — the one place a table's column rules are kept: a label is not empty, fits a name's length
    and is not another column's (``others``); a type is one of :data:`COLUMN_TYPES` and a standard
    column's type is what its key stores; only number columns are summed; ``public`` and ``summed``
    are yes or no. A label given with its unit in parentheses and no ``unit`` is split ("金额（万元）")."""
    label = column.title if title is _KEEP else title
    if not isinstance(label, str):
        raise ColumnRuleError("label", f"列名应为文字，实为 {label!r}")
    if not label.strip():
        raise ColumnRuleError("label", "列名不能为空")
    label = label.strip()
    if unit is _KEEP and title is not _KEEP and split_label(label)[1]:
        label, unit = split_label(label)
    if (problem := text_problem(label, "列名", MAX_NAME_CHARS) or name_problem(label, "列名")):
        raise ColumnRuleError("label", problem)
    for other in others:
        if other.key != column.key and label in (other.title, other.key):
            raise ColumnRuleError("label_taken", f"已有名为“{label}”的列")
    if unit is _KEEP:
        unit = column.unit
    if unit is None:
        unit = ""
    if not isinstance(unit, str):
        raise ColumnRuleError("unit", f"“{label}”的单位应为文字，如 元、万元、亩")
    unit = unit.strip()
    if unit and (problem := text_problem(unit, "单位", MAX_NAME_CHARS) or name_problem(unit, "单位")):
        raise ColumnRuleError("unit", problem)
    new_kind = column.kind if kind is _KEEP else kind
    if not isinstance(new_kind, str) or new_kind not in COLUMN_TYPES:
        raise ColumnRuleError("type", f"“{label}”的类型“{new_kind}”无效，应为 {'、'.join(COLUMN_TYPES)} 之一")
    std = STANDARD_COLUMNS.get(column.key)
    if std is not None and new_kind != std.kind:
        raise ColumnRuleError("type_fixed", f"“{label}”是标准列，类型固定为{COLUMN_TYPES[std.kind]}（{std.kind}）")
    for name, value in (("public", public), ("summed", summed)):
        if value is not _KEEP and not isinstance(value, bool):
            raise ColumnRuleError(name, f"“{label}”的 {name} 应为 true 或 false，实为 {value!r}")
    if summed is _KEEP:
        summed = column.summed if new_kind == column.kind else new_kind in ("money", "quantity", "int")
    if summed and new_kind not in NUMBER_KINDS:
        raise ColumnRuleError("summed", f"“{label}”是{COLUMN_TYPES[new_kind]}列，不能合计（只有数字列可以合计）")
    mask = column.mask if new_kind == column.kind else default_mask(new_kind)
    return replace(column, title=label, unit=unit, kind=new_kind, mask=mask, summed=bool(summed),
                   public=column.public if public is _KEEP else public,
                   computed=bool(column.computed) and new_kind == "money")


#: What one entry of a content file's ``columns`` may say: the shape ``disclosure show --json``
#: prints; ``required``, ``computed`` and ``mask`` follow the column and may only repeat it.
COLUMN_ENTRY_KEYS = ("key", "label", "unit", "type", "public", "summed", "required", "computed", "mask")
_ENTRY_CHANGES = {"label": "title", "unit": "unit", "type": "kind", "public": "public", "summed": "summed"}


def override_columns(columns: Iterable[RosterColumn], entries: Any) -> list[RosterColumn]:
    """``columns`` as a content file's ``"columns": [{"key", "label", "unit", "type", "public",
    "summed"}]`` says otherwise: an entry names a column by its key and changes what it gives (the
    rest stays); a key the table lacks adds that column at the end (a standard key as its standard
    column, another as a text column). Every entry is checked by :func:`revise_column`; the first
    that breaks a rule raises :class:`ColumnRuleError` naming the entry, its column and the rule."""
    if not isinstance(entries, list):
        raise ColumnRuleError("entry", 'columns 应为列的列表，如 [{"key": "amount", "label": "金额", "unit": "万元"}]')
    out = list(columns)
    for n, entry in enumerate(entries, start=1):
        where = f"columns 第 {n} 项"
        if not isinstance(entry, Mapping):
            raise ColumnRuleError("entry", f'{where}应为对象，如 {{"key": "amount", "unit": "万元"}}')
        key = entry.get("key")
        if not isinstance(key, str) or not key.strip():
            raise ColumnRuleError("entry", f"{where}缺少 key（要改的列，如 amount）")
        key = key.strip()
        unknown = [str(k) for k in entry if k not in COLUMN_ENTRY_KEYS]
        if unknown:
            raise ColumnRuleError("entry", f"{where}（列 {key}）有未知的键 {'、'.join(unknown)}；"
                                           f"可用 {'、'.join(COLUMN_ENTRY_KEYS)}")
        at = next((i for i, c in enumerate(out) if c.key == key), None)
        base = out[at] if at is not None else STANDARD_COLUMNS.get(key) or RosterColumn(key, key)
        where = f"{where}（列“{base.label}”，key {key}）"
        try:
            column = revise_column(base, out, **{_ENTRY_CHANGES[k]: v for k, v in entry.items() if k in _ENTRY_CHANGES})
        except ColumnRuleError as exc:
            raise ColumnRuleError(exc.rule, f"{where}：{exc}") from None
        for name, value in (("required", column.required), ("computed", column.computed), ("mask", column.mask)):
            if name in entry and entry[name] != value:
                raise ColumnRuleError("fixed", f"{where}：{name} 随列而定（{_json_value(value)}），不能在内容文件中改")
        if at is None:
            out.append(column)
        else:
            out[at] = column
    return out


def _json_value(value: Any) -> str:
    return "null" if value is None else ("true" if value is True else "false" if value is False else str(value))


def _by_key(columns: Iterable[str | RosterColumn | Mapping[str, Any]] | Mapping[str, RosterColumn] | None
            ) -> dict[str, RosterColumn]:
    if columns is None:
        return dict(STANDARD_COLUMNS)
    if isinstance(columns, Mapping) and all(isinstance(v, RosterColumn) for v in columns.values()):
        return dict(columns)  # type: ignore[arg-type]
    return {c.key: c for c in (column_from(e) for e in columns)}  # type: ignore[union-attr]


def number_column_kinds(columns: Iterable[str | RosterColumn],
                        rows: Sequence[Mapping[str, Any]]) -> dict[str, str]:
    """The text columns (custom ones, 备注, …) whose filled values are mostly ID, bank card or phone
    numbers, and the kind each is therefore treated as (``id_number``, ``bank_card``, ``phone``),
    whatever its header: masked as that kind on the notice and, for IDs, checked digit by digit."""
    return NumberColumnTallies(columns).add(rows).kinds()


class NumberColumnTallies:
    """:func:`number_column_kinds` added up part by part: a large table read in batches is looked at
    once, batch by batch, not once a column."""

    def __init__(self, columns: Iterable[str | RosterColumn]) -> None:
        cols = [c if isinstance(c, RosterColumn) else column_from(c) for c in columns]
        self.tallies = {col.key: NumberKindTally() for col in cols if col.kind == "text"}

    def add(self, rows: Iterable[Mapping[str, Any]]) -> NumberColumnTallies:
        rows = rows if hasattr(rows, "__len__") else list(rows)  # gone through once a column
        return self.add_columns({key: [row.get(key) for row in rows] for key in self.tallies})

    def add_columns(self, values: Mapping[str, list[Any]]) -> NumberColumnTallies:
        """The same for rows given column by column: each text column's values in row order."""
        for key, tally in self.tallies.items():
            tally.add(values[key])
        return self

    def kinds(self) -> dict[str, str]:
        return {key: kind for key, tally in self.tallies.items() if (kind := tally.kind()) is not None}


def effective_columns(columns: Sequence[RosterColumn], rows: Sequence[Mapping[str, Any]], *,
                      kinds: Mapping[str, str] | None = None) -> list[RosterColumn]:
    """``columns`` with each text column that mostly holds personal numbers turned into a column of
    that kind (see :func:`number_column_kinds`; ``kinds``: already worked out), masked by that kind's rule."""
    if kinds is None:
        kinds = number_column_kinds(columns, rows)
    return [replace(c, kind=kinds[c.key], mask=kinds[c.key]) if c.key in kinds else c  # type: ignore[arg-type]
            for c in columns]


def _std(key: str, label: str | None = None, **changes: Any) -> RosterColumn:
    col = column_for(key, label)
    return replace(col, **changes) if changes else col


def _custom(label: str, kind: ColumnKind = "text", **changes: Any) -> RosterColumn:
    return replace(RosterColumn(label, label, kind), **changes)


@dataclass(frozen=True)
class TablePreset:
    """A kind of table a village or township posts: its columns and what one row is (户 / 人 / 项 / 个),
    the word the 合计 line and the opening sentence count rows with."""

    id: str
    label: str
    columns: tuple[RosterColumn, ...]
    count_word: str = "户"


_PRESET_LIST = (
    TablePreset("dili", "耕地地力保护补贴", (
        _std("group"), _std("name"), _std("id_number"),
        _std("quantity", "面积（亩）"), _std("rate", "补贴标准（元/亩）"), _std("amount", "补贴金额（元）"),
        _std("bank_card"), _std("remark"))),
    TablePreset("dibao", "低保", (
        _std("group"), _std("name"), _std("id_number"), _std("household_size", "保障人口（人）"),
        _custom("保障类别"), _std("amount", "月保障金（元）"), _std("remark"))),
    TablePreset("linshi", "临时救助", (
        _std("group"), _std("name"), _std("id_number"), _custom("救助事由"),
        _std("amount", "救助金额（元）"), _std("remark")), "人"),
    TablePreset("weifang", "危房改造", (
        _std("group"), _std("name"), _std("id_number"), _custom("改造方式"),
        _std("amount", "补助金额（元）"), _std("remark"))),
    TablePreset("canji", "残疾人两项补贴", (
        _std("group"), _std("name"), _std("id_number"), _custom("残疾类别"), _custom("残疾等级"),
        _custom("补贴类型"), _std("amount", "补贴金额（元/月）"), _std("remark")), "人"),
    TablePreset("tekun", "特困供养", (
        _std("group"), _std("name"), _std("id_number"), _custom("供养方式"),
        _std("amount", "供养金额（元）"), _std("remark")), "人"),
    TablePreset("generic", "通用名单", (_std("group"), _std("name"), _std("id_number"), _std("amount"), _std("remark"))),
    # Tables that are not rosters of people: no name, no ID number.
    TablePreset("allocation", "资金安排表", (
        _custom("项目名称", required=True), _custom("建设地点"), _custom("建设内容"),
        _std("amount", "金额（万元）", computed=False), _custom("责任单位")), "项"),
    TablePreset("reward", "奖补资金分配表", (
        _custom("乡镇"), _custom("行政村", required=True), _std("group", "湾组"), _custom("计划建设内容"),
        _custom("完成情况"), _std("amount", "拟奖补资金（万元）", computed=False)), "个"),
    TablePreset("township", "分乡镇补贴表", (
        _custom("乡镇", required=True), _std("quantity", "面积（亩）"), _std("rate", "每亩补助（元）"),
        _std("amount", "金额（元）")), "个"),
)
_PRESETS: dict[str, TablePreset] = {p.id: p for p in _PRESET_LIST}
PRESET_LABELS: dict[str, str] = {p.id: p.label for p in _PRESET_LIST}


def _preset(preset_id: str | None) -> TablePreset:
    try:
        return _PRESETS[preset_id or "generic"]
    except KeyError:
        known = "、".join(f"{k}（{v}）" for k, v in PRESET_LABELS.items())
        raise ValueError(f"未知的名单模板“{preset_id}”，可用：{known}") from None


def preset_columns(preset_id: str | None) -> list[RosterColumn]:
    """The column set of a table preset (``None`` → ``generic``); ValueError for an unknown id."""
    return list(_preset(preset_id).columns)


def count_word(preset_id: str | None) -> str:
    """What one row of a table of this preset is counted as: 户, 人, 项 or 个 (unknown preset: 户)."""
    table = _PRESETS.get(preset_id or "generic")
    return table.count_word if table else "户"


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


def _label(key: str, columns: Mapping[str, RosterColumn] | None = None) -> str:
    col = (columns or {}).get(key) or STANDARD_COLUMNS.get(key)
    return col.title if col else key


def _kind(key: str, columns: Mapping[str, RosterColumn] | None = None) -> str:
    col = (columns or {}).get(key) or STANDARD_COLUMNS.get(key)
    return col.kind if col else "text"


def _computed_column(columns: Mapping[str, RosterColumn]) -> RosterColumn | None:
    amount = columns.get("amount") or STANDARD_COLUMNS["amount"]
    return amount if amount.computed else None


def parse_row(raw: Mapping[str, Any], *, row: int | None = None,
              columns: Iterable[str | RosterColumn | Mapping[str, Any]] | Mapping[str, RosterColumn] | None = None
              ) -> tuple[dict[str, Any], list[RosterFinding]]:
    """Typed copy of ``raw`` plus the problems met on the way (all of them) — the one parser of
    table rows: the import, the grid, storage and the checks all read rows through it.

    ``columns``: the table's columns (their types and units; by default the standard ones, custom
    keys as text). Blank cells become ``None``; money, quantity and rate cells become ``Decimal``
    (money exact to the fen in its column's unit: 0.000001 万元), ``int`` cells a positive ``int``,
    ID numbers upper-case half-width text, card and phone numbers half-width digits, everything
    else text. A value that cannot be read is kept as its text so a preview can show it. When the
    computed amount is blank but ``quantity`` and ``rate`` are given, it is quantity × rate, half-up
    to the fen in the amount's unit.
    """
    cols = _by_key(columns)
    out: dict[str, Any] = {}
    found: list[RosterFinding] = []
    for key, value in raw.items():
        if _blank(value):
            out[key] = None
            continue
        column = cols.get(key) or STANDARD_COLUMNS.get(key)
        kind = column.kind if column else "text"
        label = column.title if column else key
        if kind in ("text", "name", "address", "date", "signature"):
            short = kind == "name" or key in _SHORT_TEXT
            # names as stored (one line of visible text), other text as free text (models.rules.text)
            out[key] = normalize_name(_text(value)) if short else normalize_free_text(_text(value))
            unfit = (name_problem if short else free_text_problem)(out[key], label)
            too_long = text_problem(out[key], label, MAX_NAME_CHARS if short else MAX_TEXT_CHARS)
            if unfit:
                found.append(RosterFinding(row, key, "characters", unfit))
            elif too_long:
                found.append(RosterFinding(row, key, "length", too_long))
        elif kind in ("quantity", "rate", "money"):
            try:
                number = parse_decimal(value, field=label)
            except ValueError as exc:
                out[key] = _text(value)
                found.append(RosterFinding(row, key, "number", str(exc)))
                continue
            out[key] = number
            places = money_places(column.unit if column else "元")
            if number < 0:
                found.append(RosterFinding(row, key, "negative", f"{label}不能为负数：{_text(value)}"))
            elif abs(number) > (MAX_MONEY if kind == "money" else MAX_QUANTITY):
                found.append(RosterFinding(row, key, "range", (money_problem if kind == "money"
                                                               else quantity_problem)(number, label) or ""))
                out[key] = _text(value)  # kept as text, like an unreadable value: no sum or product uses it
            elif kind == "money" and money_problem(number, label, places):
                unit = f"（{column.unit}）" if column and column.unit and column.unit != "元" else ""
                found.append(RosterFinding(row, key, "precision", f"{label}{unit}应精确到分：{_text(value)}"))
            elif kind != "money" and quantity_problem(number, label):
                found.append(RosterFinding(row, key, "precision", quantity_problem(number, label) or ""))
        elif kind == "int":
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
            if len(out[key]) > 18:
                found.append(RosterFinding(row, key, "id_number", f"身份证号“{out[key]}”超过 18 位"))
        elif kind in ("bank_card", "phone"):
            text = _SPACES.sub("", unicodedata.normalize("NFKC", _text(value)))
            out[key] = text
            too_long = text_problem(text, label, MAX_NAME_CHARS)
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
    computed = _computed_column(cols)
    if computed is not None and out.get("amount") is None and isinstance(out.get("quantity"), Decimal) \
            and isinstance(out.get("rate"), Decimal):
        product = amount_of(out["quantity"], out["rate"], computed.unit)
        if abs(product) > MAX_MONEY:  # each within its column, the product beyond the money column
            found.append(RosterFinding(row, "amount", "range", f"{computed.title}（{_label('quantity', cols)}×"
                                       f"{_label('rate', cols)}）超出范围：绝对值不能超过 {MAX_MONEY:,}（实为 {product:f}）"))
        else:
            out["amount"] = product
    return out, found


def normalize_row(raw: Mapping[str, Any], *, row: int | None = None, columns: Any = None) -> dict[str, Any]:
    """Typed copy of ``raw`` (see ``parse_row``); raises ``RosterParseError`` listing every field
    that cannot be read (warnings, such as an odd bank card number, do not raise)."""
    out, found = parse_row(raw, row=row, columns=columns)
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


def _column_list(columns: Iterable[str | RosterColumn | Mapping[str, Any]]) -> list[RosterColumn]:
    return [column_from(c) for c in columns]


class ParsedRows(list):
    """Rows already read through :func:`parse_row` (a list of the typed rows) with each row's parse
    findings kept: :func:`check_roster_rows` and :func:`roster_totals` take them as they are instead
    of parsing every row again — a record read, saved or opened parses its rows once.

    Made by :func:`parse_rows`; valid for the columns it was parsed with (other columns: parsed again)."""

    def __init__(self, parsed: Sequence[tuple[dict[str, Any], list[RosterFinding]]], columns: Sequence[RosterColumn]):
        super().__init__(row for row, _found in parsed)
        self.parsed = list(parsed)
        self.columns = list(columns)

    def parsed_for(self, columns: Sequence[RosterColumn], numbers: Sequence[int]
                   ) -> list[tuple[dict[str, Any], list[RosterFinding]]] | None:
        """The parse results when they were made with ``columns`` and numbered ``numbers`` (else None)."""
        if list(columns) != self.columns or numbers != list(range(1, len(self.parsed) + 1)):
            return None
        return self.parsed


def parse_rows(rows: Iterable[Mapping[str, Any]],
               columns: Sequence[str | RosterColumn | Mapping[str, Any]] | None = None) -> ParsedRows:
    """Every row through :func:`parse_row` (numbered 1, 2, 3 …), kept for the checks and totals."""
    cols = _column_list(columns) if columns is not None else list(STANDARD_COLUMNS.values())
    by_key = {c.key: c for c in cols}
    return ParsedRows([parse_row(r, row=n, columns=by_key) for n, r in enumerate(rows, start=1)], cols)


def check_roster_rows(rows: Sequence[Mapping[str, Any]],
                      columns: Sequence[str | RosterColumn | Mapping[str, Any]] | None = None, *,
                      row_numbers: Sequence[int] | None = None, public: Iterable[str] = (),
                      number_columns: Mapping[str, str] | None = None) -> list[RosterFinding]:
    """Every problem in ``rows`` (raw or typed values), in row order: unreadable values, missing
    required cells (姓名, 身份证号, a preset's 项目名称 …), ID numbers, duplicates, quantity × rate ≠ amount.

    ``columns`` is the table's column list (columns or keys); by default the keys present in the rows.
    ``row_numbers`` labels the rows in findings and messages (e.g. Excel row numbers); by default
    1, 2, 3 ….
    """
    numbers = list(row_numbers) if row_numbers is not None else list(range(1, len(rows) + 1))
    if len(numbers) != len(rows):
        raise ValueError("row_numbers 与行数不一致")
    if columns is None:
        seen: dict[str, None] = {}
        for r in rows:
            seen.update(dict.fromkeys(r))
        columns = list(seen)
    cols = _column_list(columns)
    parsed = rows.parsed_for(cols, numbers) if isinstance(rows, ParsedRows) else None
    if parsed is None:
        by_key = {c.key: c for c in cols}
        parsed = [parse_row(r, row=n, columns=by_key) for r, n in zip(rows, numbers, strict=True)]
    return check_parsed_rows(parsed, cols, numbers, public=public, number_columns=number_columns)


def duplicate_rows(values: Sequence[str | None]) -> dict[int, int]:
    """The one duplicate-ID rule: for each index whose value an earlier index already had, that
    earlier (first) index. ``None`` values are not compared. The first row is never flagged."""
    first: dict[str, int] = {}
    out: dict[int, int] = {}
    for i, value in enumerate(values):
        if value is None:
            continue
        j = first.setdefault(value, i)
        if j != i:
            out[i] = j
    return out


def duplicate_id_message(id_number: str, first_row: int, row: int) -> str:
    return f"身份证号 {id_number} 在第 {first_row} 行和第 {row} 行重复出现"


def valid_id_of(row: Mapping[str, Any], findings: Iterable[RosterFinding]) -> str | None:
    """A parsed row's ID number when it passed its checks (what duplicates are compared by)."""
    value = row.get("id_number")
    if _blank(value) or any(f.field == "id_number" and f.severity == "error" for f in findings):
        return None
    check = check_id_number(str(value))
    return check.normalized if check.ok else None


def check_parsed_rows(parsed: Sequence[tuple[dict[str, Any], list[RosterFinding]]],
                      columns: Sequence[str | RosterColumn | Mapping[str, Any]],
                      row_numbers: Sequence[int], *, number_columns: Mapping[str, str] | None = None,
                      public: Iterable[str] = (), duplicates: bool = True) -> list[RosterFinding]:
    """``check_roster_rows`` over rows already through ``parse_row`` (typed row, its findings);
    the parse findings are part of the result. For importers that parse once.

    ``number_columns``: the text columns treated as ID / card / phone columns (see
    :func:`number_column_kinds`; worked out from these rows when not given, as an editor checking
    one row at a time gives it for the whole roster). ``public``: the office's own phone numbers.
    ``duplicates``: whether to look for repeated ID numbers among these rows (an editor checking one
    row at a time does that itself over all rows, with :func:`duplicate_rows`)."""
    cols = _column_list(columns)
    by_key = {c.key: c for c in cols}
    if number_columns is None:
        number_columns = number_column_kinds(cols, [row for row, _ in parsed])
    public = frozenset(public)
    free_text = [c.key for c in cols if c.kind == "text" and c.key not in number_columns]
    id_columns = [k for k, kind in number_columns.items() if kind == "id_number" and k in by_key]
    required = [c for c in cols if c.required]
    if "name" not in by_key and not cols:
        required = [STANDARD_COLUMNS["name"]]
    amount_column = by_key.get("amount") or STANDARD_COLUMNS["amount"]
    want_amount = "amount" in by_key

    found: list[RosterFinding] = []
    per_row: list[list[RosterFinding]] = []
    for (row, parse_found), n in zip(parsed, row_numbers, strict=True):
        row_found = list(parse_found)
        bad_fields = {f.field for f in row_found if f.severity == "error"}

        for column in required:
            if column.key not in bad_fields and _blank(row.get(column.key)):
                row_found.append(RosterFinding(n, column.key, "required", f"{column.title}未填写"))

        id_number = row.get("id_number")
        if "id_number" not in bad_fields and not _blank(id_number):
            check = check_id_number(id_number)
            if check.message:
                rule = _id_rule(check.message) if check.severity == "error" else "id_number_old"
                row_found.append(RosterFinding(n, "id_number", rule, check.message, check.severity or "error"))

        quantity, rate, amount = row.get("quantity"), row.get("rate"), row.get("amount")
        have_product = isinstance(quantity, Decimal) and isinstance(rate, Decimal) and amount_column.computed
        if have_product and isinstance(amount, Decimal) and not bad_fields & {"quantity", "rate", "amount"}:
            expected = amount_of(quantity, rate, amount_column.unit)
            if amount != expected:
                shown = _money(expected) if money_places(amount_column.unit) == 2 else format(expected, "f")
                row_found.append(RosterFinding(
                    n, "amount", "amount_arithmetic",
                    f"{amount_column.title}应为 {_fmt(quantity)} × {_fmt(rate)} = {shown}，实为 {_money(amount)}"))
        if want_amount and amount is None and not have_product and "amount" not in bad_fields \
                and not amount_column.required:
            row_found.append(RosterFinding(n, "amount", "required", f"{amount_column.title}未填写"))

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
        per_row.append(row_found)

    if duplicates:
        ids = [valid_id_of(row, f) for (row, _), f in zip(parsed, per_row, strict=True)]
        for i, j in duplicate_rows(ids).items():
            per_row[i].append(RosterFinding(row_numbers[i], "id_number", "duplicate_id",
                                            duplicate_id_message(ids[i] or "", row_numbers[j], row_numbers[i])))
    for row_found in per_row:
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
        what = COLUMN_TYPES[kind]
        out.append(RosterFinding(None, key, "number_column",
                                 f"“{label}”列多为{what}，按{what}列处理：公告上将打码"
                                 + ("，并检查校验位" if kind == "id_number" else ""), "warning"))
    return out


def total_parsed(rows: Iterable[Mapping[str, Any]], columns: Iterable[str | RosterColumn | Mapping[str, Any]] | None = None
                 ) -> dict[str, Any]:
    """The one total of a table, over rows already through :func:`parse_row`:
    ``{"rows": n, "amount": Decimal, "quantity": Decimal | None, "household_size": int | None,
    <key of any other summed column>: Decimal | int | None}``.

    Each summed column (``RosterColumn.summed``) is totalled in its own unit; a column not summed
    (mixed products) has no total, and neither has ``amount`` then (``None``). ``amount`` is 0.00
    for an amount column without any value (a roster with nothing to pay yet); other totals are
    ``None`` when no row has a value. Values that cannot be read are left out (the checks report them).
    """
    cols = _column_list(columns) if columns is not None else list(STANDARD_COLUMNS.values())
    summed = [c for c in cols if c.summed and c.kind in NUMBER_KINDS]
    sums: dict[str, Any] = {c.key: None for c in summed}
    count = 0
    for row in rows:
        count += 1
        for c in summed:
            value = row.get(c.key)
            if c.kind == "int":
                if isinstance(value, int) and not isinstance(value, bool):
                    sums[c.key] = value if sums[c.key] is None else sums[c.key] + value
            elif isinstance(value, Decimal):
                sums[c.key] = value if sums[c.key] is None else sums[c.key] + value
    out: dict[str, Any] = {"rows": count}
    amount = next((c for c in cols if c.key == "amount"), None)
    out["amount"] = (sums.pop("amount", None) or ZERO) if amount is None or amount.summed else None
    out["quantity"] = sums.pop("quantity", None)
    out["household_size"] = sums.pop("household_size", None)
    out.update(sums)
    return out


def roster_totals(rows: Iterable[Mapping[str, Any]],
                  columns: Iterable[str | RosterColumn | Mapping[str, Any]] | None = None) -> dict[str, Any]:
    """:func:`total_parsed` over raw or typed rows (each read through :func:`parse_row` first; a
    missing computed amount is quantity × rate)."""
    cols = _column_list(columns) if columns is not None else None
    if isinstance(rows, ParsedRows) and rows.columns == (cols if cols is not None else list(STANDARD_COLUMNS.values())):
        return total_parsed(rows, cols)
    by_key = {c.key: c for c in cols} if cols is not None else None
    return total_parsed((parse_row(raw, columns=by_key)[0] for raw in rows), cols)


def total_text(column: RosterColumn, value: Any) -> str:
    """A total as stored and shown in JSON: money to the fen in its unit, quantities exact."""
    if isinstance(value, Decimal):
        if column.kind == "money":
            return format(value.quantize(Decimal(1).scaleb(-money_places(column.unit))), "f") \
                if money_places(column.unit) > 2 and value.as_tuple().exponent < -2 else f"{value:.2f}"
        return format(value.normalize(), "f") if value == value.to_integral_value() else format(value, "f")
    return "" if value is None else str(value)


def stated_total_findings(stated: Mapping[str, Any] | None, totals: Mapping[str, Any],
                          columns: Iterable[str | RosterColumn | Mapping[str, Any]]) -> list[RosterFinding]:
    """A file's own 合计 row (``stated``: {column key: the figure it states}) against the rows'
    totals: every summed column whose figure differs is an error naming the column and both figures
    (a row missing or mistyped), for quantities as for money."""
    out: list[RosterFinding] = []
    for column in _column_list(columns):
        if not stated or column.key not in stated or stated[column.key] in (None, ""):
            continue
        if not column.summed:
            continue
        try:
            figure = parse_decimal(stated[column.key], field=column.title)
        except ValueError:
            out.append(RosterFinding(None, column.key, "file_total",
                                     f"文件中“{column.label}”的合计“{stated[column.key]}”不是有效数字"))
            continue
        computed = totals.get(column.key)
        computed = ZERO if computed is None else Decimal(computed)
        if figure != computed:
            out.append(RosterFinding(
                None, column.key, "file_total",
                f"文件中“{column.label}”的合计为 {format(figure, 'f')}，各行之和为 {total_text(column, computed)}，"
                "两者不符（可能漏录或录错了行）"))
    return out
