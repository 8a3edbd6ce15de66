"""Disclosure kinds: the structured content each kind carries, and the checks it must pass.

Pure functions, no database. A check returns `Finding`s; a finding of severity ``error`` blocks
submission for review, a ``warning`` is shown but does not. Content arrives from the GUI, from
``--content-file`` (numbers as JSON numbers or strings, read as Decimal) or from storage (money as
strings); every check reads values through the same tolerant parsers, so any of those forms works.

- notice   — title and body text.
- finance  — ``{"opening","closing","rows":[{"date","voucher","summary","class","income","expense"}]}``;
             closing = opening + Σincome − Σexpense.
- project  — ``{"name","location","content","unit","budget","sources":[{"name","amount","doc_no"}],
             "uses":[{"name","amount","doc_no"}],"contractor","bidding","start","end",
             "stages":[{"name","date","result"}]}``; sources add up to budget. A project that lists its
             ``uses`` is a funding notice (资金安排公示): sources = uses = the stated total (资金总额).
- decision — 四议两公开: ``{"matter","combined_first_two","meetings":[{"stage","kind","date","due",
             "present","for","against","abstain","content","counted"}]}``; stages in order, quorum and
             majority per 村民委员会组织法 and the Party rules, in exact integer arithmetic; a 村民会议
             is counted by adult villagers (``counted`` "adults", the default) or by households
             ("households": 应到/实到 are households, printed 户).
- yishi    — 一事一议 筹资筹劳: ``{"project","nature","scale","unit","total","sources":[{"name","amount"}],
             "per_person","labour_persons","labour_days","labour_rate","raise_start","raise_end",
             "finance_group":[names],"exemptions":[{"name","reason"}]}``; sources add up to the total;
             筹劳人数 × 每人天数 × 元/人·天 = the 投劳折资 source; the per-person standard is optional.
- roster   — rows checked by `models.rules.roster.check_roster_rows`.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Any, Literal

from .catalog_terms import KIND_LABELS, KINDS
from .field_labels import record_field_label, row_field_label
from .limits import MAX_COUNT, MAX_MONEY, date_problem
from .money import ZERO, amount_of, format_money, money_places, parse_decimal
from .personal_numbers import find_personal_numbers
from .roster import (
    CONTRACT_KEYS,
    ParsedRows,
    check_roster_rows,
    number_column_findings,
    number_column_kinds,
    personal_number_message,
    roster_totals,
    stated_total_findings,
    table_columns,
)
from .text import normalize_free_text

Severity = Literal["error", "warning"]

UNITS = ("元", "万元")

# 财务公开的 8 类 (农村集体经济组织财务公开规定).
FINANCE_CLASSES = ("财务计划", "各项收入", "各项支出", "各项资产", "各类资源", "债权债务", "收益分配", "其他")

# 一事一议 funding sources, in the order plans list them.
YISHI_SOURCES = ("村民筹资", "投劳折资", "财政奖补", "社会捐赠", "村集体投入", "整合资金", "其他")

# 四议两公开: stage number → (what it is, the meeting kinds that may hold it).
DECISION_STAGES: dict[int, tuple[str, tuple[str, ...]]] = {
    1: ("村党组织提议", ("party_branch",)),
    2: ("村两委会议商议", ("two_committees",)),
    3: ("党员大会审议", ("party_members",)),
    4: ("村民会议或村民代表会议决议", ("representatives", "villagers")),
    5: ("决议公开", ("notice",)),
    6: ("实施结果公开", ("notice",)),
}
MEETING_KINDS: dict[str, str] = {
    "party_branch": "村党组织会议",
    "two_committees": "村两委联席会议",
    "party_members": "党员大会",
    "representatives": "村民代表会议",
    "villagers": "村民会议",
    "notice": "公开",
}
VOTING_MEETINGS = ("party_members", "representatives", "villagers")
#: How a 村民会议 is counted (村组法 第22条): by adult villagers (over half must attend) or by
#: households (two thirds of the households' representatives). "persons" is what earlier versions of
#: the editor stored for adults.
COUNTED: dict[str, str] = {"adults": "按年满十八周岁村民", "households": "按户"}
_COUNTED_ALIASES = {"persons": "adults"}


def meeting_counted(meeting: Mapping[str, Any]) -> str:
    """"households" when a meeting's 应到/实到 are households (a 村民会议 counted by households),
    else "adults". The one place that decides whether a meeting prints 户 or 人."""
    if _text(meeting.get("kind")) != "villagers":
        return "adults"
    counted = _text(meeting.get("counted"))
    return "households" if counted == "households" else "adults"


def attendance_unit(meeting: Mapping[str, Any]) -> str:
    """户 for a meeting counted by households, 人 otherwise."""
    return "户" if meeting_counted(meeting) == "households" else "人"

# Keys whose totals are quantities (areas, counts, days), not money: printed without rounding to fen.
QUANTITY_TOTALS = ("quantity", "labour_days", "household_size")
#: What each totals key is called on screen and in findings.
TOTAL_LABELS: dict[str, str] = {
    "rows": "行数", "amount": "金额", "quantity": "数量", "household_size": "人口", "opening": "期初余额",
    "income": "收入", "expense": "支出", "closing": "期末余额", "budget": "总投资", "total": "合计",
    "sources": "资金来源合计", "uses": "资金用途合计", "last_stage": "已到步骤", "labour_money": "投劳折资（元）",
}


@dataclass(frozen=True)
class Finding:
    """One thing wrong (or worth a look) in a disclosure. ``row`` is 1-based within the list the
    kind is built around (roster rows, finance rows, decision meetings), None for the record as a
    whole; ``field`` names the key (``sources[2].amount`` inside a nested list)."""

    row: int | None
    field: str | None
    rule: str
    message: str
    severity: Severity = "error"
    #: The column as the record names it ("湾组", "补贴金额（元）"), set by the check that knows the
    #: record's columns; by default the key's label (models.rules.field_labels).
    label: str | None = dataclasses.field(default=None, compare=False)

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def to_json(self) -> dict[str, Any]:
        return {"row": self.row, "field": self.field, "rule": self.rule, "message": self.message,
                "severity": self.severity}

    def located(self) -> str:
        """One readable line: '[错误] 第 2 行“身份证号”：…'. Record-level messages name their field
        themselves, so only row findings get a column label."""
        where = ""
        if self.row is not None:
            where = f"第 {self.row} 行"
            if self.field:
                where += f"“{self.label or row_field_label(self.field)}”"
        label = "错误" if self.is_error else "提示"
        return f"[{label}] {where}：{self.message}" if where else f"[{label}] {self.message}"

    @classmethod
    def of(cls, obj: Any, labels: Mapping[str, str] | None = None) -> Finding:
        """Copy any finding-like object (the roster module's) into a Finding; ``labels``: the
        record's column labels by key, which name the finding's field."""
        label = (labels or {}).get(getattr(obj, "field", None) or "")
        if isinstance(obj, Finding):
            return obj if label is None or obj.label == label else replace(obj, label=label)
        sev = getattr(obj, "severity", "error") or "error"
        return cls(row=getattr(obj, "row", None), field=getattr(obj, "field", None),
                   rule=str(getattr(obj, "rule", "") or ""), message=str(getattr(obj, "message", "")),
                   severity="warning" if sev == "warning" else "error", label=label)


def has_errors(findings: Sequence[Finding]) -> bool:
    return any(f.is_error for f in findings)


# --- reading values ---------------------------------------------------------------------------

_DATE_PATTERNS = (
    re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})"),
    re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})"),
    re.compile(r"(\d{4})\.(\d{1,2})\.(\d{1,2})"),
    re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日?"),
)


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def parse_date(value: Any) -> date | None:
    """A date from a date, '2026-07-18', '2026/7/18', '2026.7.18' or '2026年7月18日'; None if not one."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    for pat in _DATE_PATTERNS:
        if m := pat.fullmatch(text):
            try:
                return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                return None
    return None


def _decimal(value: Any) -> Decimal | None:
    try:
        return parse_decimal(value, field="")
    except ValueError:
        return None


def _int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    d = _decimal(value)
    if d is None or d != d.to_integral_value():
        return None
    return int(d)


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _places(d: Decimal) -> int:
    exp = d.normalize().as_tuple().exponent
    return -exp if isinstance(exp, int) and exp < 0 else 0


def max_places(unit: str | None) -> int:
    """Decimals an amount may carry: to the fen, i.e. 2 in 元 and 6 in 万元 (models.rules.money)."""
    return money_places(unit)


def money_text(value: Decimal, unit: str | None = "元") -> str:
    """Canonical stored form: two decimals at least, more only when the value has them."""
    if _places(value) <= 2:
        return format_money(value)
    return format(value.normalize(), "f")


def quantity_text(value: Decimal) -> str:
    return format(value.normalize(), "f") if value != value.to_integral_value() else str(int(value))


class _Checker:
    """Collects findings while reading a content dict."""

    def __init__(self) -> None:
        self.findings: list[Finding] = []

    def add(self, rule: str, message: str, *, row: int | None = None, field: str | None = None,
            severity: Severity = "error") -> None:
        self.findings.append(Finding(row, field, rule, message, severity))

    def money(self, value: Any, label: str, *, row: int | None = None, field: str | None = None,
              required: bool = True, unit: str | None = "元", negative_ok: bool = False) -> Decimal | None:
        if _blank(value):
            if required:
                self.add("required", f"未填写{label}", row=row, field=field)
            return None
        d = _decimal(value)
        if d is None:
            self.add("number", f"{label}“{value}”不是有效数字", row=row, field=field)
            return None
        if abs(d) > MAX_MONEY:
            self.add("range", f"{label}超出范围：绝对值不能超过 {MAX_MONEY:,}（实为 {value}）", row=row, field=field)
            return None
        if _places(d) > max_places(unit):
            self.add("precision", f"{label} {value} 超出精度：金额应精确到分", row=row, field=field)
        if d < 0 and not negative_ok:
            self.add("negative", f"{label}不能为负数（{value}）", row=row, field=field)
        return d

    def count(self, value: Any, label: str, *, row: int | None = None, field: str | None = None,
              required: bool = True) -> int | None:
        if _blank(value):
            if required:
                self.add("required", f"未填写{label}", row=row, field=field)
            return None
        n = _int(value)
        if n is None:
            self.add("integer", f"{label}“{value}”应为整数", row=row, field=field)
            return None
        if n < 0:
            self.add("negative", f"{label}不能为负数（{n}）", row=row, field=field)
            return None
        if n > MAX_COUNT:
            self.add("range", f"{label}不能超过 {MAX_COUNT:,}（实为 {n}）", row=row, field=field)
            return None
        return n

    def day(self, value: Any, label: str, *, row: int | None = None, field: str | None = None,
            required: bool = True, severity: Severity = "error") -> date | None:
        if _blank(value):
            if required:
                self.add("required", f"未填写{label}", row=row, field=field, severity=severity)
            return None
        d = parse_date(value)
        if d is None:
            self.add("date", f"{label}“{value}”不是有效日期（应写作 2026-07-18）", row=row, field=field)
        elif out_of_range := date_problem(d, label):
            self.add("date_range", out_of_range, row=row, field=field)
            return None
        return d

    def unit(self, value: Any, field: str = "unit") -> str | None:
        u = _text(value)
        if not u:
            self.add("unit", "请注明金额单位（元或万元）", field=field)
            return None
        if u not in UNITS:
            self.add("unit", f"金额单位“{u}”应为元或万元", field=field)
            return None
        return u

    def items(self, value: Any, label: str, field: str) -> list[Mapping[str, Any]]:
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(x, Mapping) for x in value):
            self.add("format", f"{label}格式不对：应为列表", field=field)
            return []
        return value


def _content(content: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return content if isinstance(content, Mapping) else {}


def content_items(value: Any) -> list[Mapping[str, Any]]:
    """The readable entries of a content list (rows, sources, stages, meetings, exemptions) for totals
    and printing: a value that is not a list (``"sources": 12``, a stored draft the checks flagged as
    "格式不对") has none, and an entry that is not an object is skipped."""
    return [x for x in value if isinstance(x, Mapping)] if isinstance(value, list) else []


def _unit_suffix(unit: str | None) -> str:
    return f" {unit}" if unit else ""


def _fmt(d: Decimal, unit: str | None = "元") -> str:
    return money_text(d, unit)


# --- notice -----------------------------------------------------------------------------------

def check_title(title: str | None) -> list[Finding]:
    if not _text(title):
        return [Finding(None, "title", "required", "标题不能为空")]
    if len(_text(title)) > 300:
        return [Finding(None, "title", "length", "标题不能超过 300 个字")]
    return []


def check_notice(title: str | None, body: str | None, *, attachments: int = 0) -> list[Finding]:
    out = check_title(title)
    if not _text(body) and attachments == 0:
        out.append(Finding(None, "body", "empty_body", "公告正文为空（也没有附件）", "warning"))
    return out


# --- finance ----------------------------------------------------------------------------------

def check_finance(content: Mapping[str, Any] | None, *, period_start: date | None = None,
                  period_end: date | None = None) -> list[Finding]:
    c = _content(content)
    ck = _Checker()
    opening = ck.money(c.get("opening"), "期初余额", field="opening", negative_ok=True)
    closing = ck.money(c.get("closing"), "期末余额", field="closing", negative_ok=True)
    rows = ck.items(c.get("rows"), "收支明细", "rows")
    if not rows:
        ck.add("no_rows", "没有收支明细", field="rows", severity="warning")
    income_sum = expense_sum = ZERO
    sums_ok = True
    for i, r in enumerate(rows, start=1):
        day = ck.day(r.get("date"), "日期", row=i, field="date")
        if day and period_start and period_end and not period_start <= day <= period_end:
            ck.add("date_outside_period",
                   f"日期 {day.isoformat()} 不在本期 {period_start.isoformat()} 至 {period_end.isoformat()} 之内",
                   row=i, field="date", severity="warning")
        if not _text(r.get("summary")):
            ck.add("required", "未填写摘要", row=i, field="summary", severity="warning")
        cls = _text(r.get("class"))
        if not cls:
            ck.add("required", "未填写财务类别", row=i, field="class", severity="warning")
        elif cls not in FINANCE_CLASSES:
            ck.add("finance_class", f"财务类别“{cls}”应为 {'、'.join(FINANCE_CLASSES)} 之一", row=i, field="class")
        inc = ck.money(r.get("income"), "收入", row=i, field="income", required=False)
        exp = ck.money(r.get("expense"), "支出", row=i, field="expense", required=False)
        inc_given, exp_given = not _blank(r.get("income")), not _blank(r.get("expense"))
        if (inc_given and inc is None) or (exp_given and exp is None):
            sums_ok = False
        if inc and exp:
            ck.add("income_and_expense", "同一行不能既有收入又有支出，请分两行记", row=i, field="income")
        if not inc_given and not exp_given:
            ck.add("no_amount", "收入和支出均未填写", row=i, field="income", severity="warning")
        income_sum += inc or ZERO
        expense_sum += exp or ZERO
    if opening is not None and closing is not None and sums_ok:
        expected = opening + income_sum - expense_sum
        if expected != closing:
            ck.add("closing_balance",
                   f"期末余额 {_fmt(closing)} 与 期初余额 {_fmt(opening)} + 收入 {_fmt(income_sum)} − "
                   f"支出 {_fmt(expense_sum)} = {_fmt(expected)} 不符",
                   field="closing")
    return ck.findings


def finance_totals(content: Mapping[str, Any] | None) -> dict[str, Any]:
    c = _content(content)
    rows = content_items(c.get("rows"))
    income = sum((_decimal(r.get("income")) or ZERO for r in rows), ZERO)
    expense = sum((_decimal(r.get("expense")) or ZERO for r in rows), ZERO)
    opening = _decimal(c.get("opening"))
    closing = opening + income - expense if opening is not None else None
    return {"rows": len(rows), "income": income, "expense": expense, "opening": opening,
            "closing": closing, "amount": closing}


# --- project ----------------------------------------------------------------------------------

#: The two lists of a funding plan: (content key, what it is called in messages and on paper).
FUNDING_LISTS = (("sources", "资金来源"), ("uses", "资金用途"))


def _check_lines(ck: _Checker, key: str, lines: list[Mapping[str, Any]], unit: str | None,
                 known: Sequence[str] | None = None) -> Decimal | None:
    """Sum of a funding list's lines — ``sources`` or ``uses``, each ``{"name","amount","doc_no"}``
    (文号 optional) — or None when an amount cannot be read. Each finding names the list and the line."""
    what = dict(FUNDING_LISTS)[key]
    total = ZERO
    ok = True
    for i, s in enumerate(lines, start=1):
        name = _text(s.get("name"))
        if not name:
            ck.add("required", f"{what}第 {i} 项未填写名称", field=f"{key}[{i}].name")
        elif known is not None and name not in known:
            ck.add("source_name", f"{what}“{name}”不在常用来源（{'、'.join(known)}）之中，请核对",
                   field=f"{key}[{i}].name", severity="warning")
        named = f"“{name}”" if name else ""
        amt = ck.money(s.get("amount"), f"{what}第 {i} 项{named}的金额", field=f"{key}[{i}].amount", unit=unit)
        if amt is None:
            ok = False
        else:
            total += amt
    return total if ok else None


def _check_sources(ck: _Checker, sources: list[Mapping[str, Any]], unit: str | None,
                   known: Sequence[str] | None = None) -> Decimal | None:
    """Sum of the funding sources (None when one cannot be read)."""
    return _check_lines(ck, "sources", sources, unit, known)


def is_funding_plan(content: Mapping[str, Any] | None) -> bool:
    """A project that lists its uses (用途) is a funding notice: sources = uses = the stated total."""
    uses = _content(content).get("uses")
    return isinstance(uses, list) and any(isinstance(u, Mapping) for u in uses)


def check_project(content: Mapping[str, Any] | None) -> list[Finding]:
    c = _content(content)
    ck = _Checker()
    funding = is_funding_plan(c)
    stated = "资金总额" if funding else "总投资"
    if not _text(c.get("name")):
        ck.add("required", "未填写项目名称", field="name")
    # A funding notice allocates to several projects: place, works and contractor are in its
    # allocation table, not in the notice.
    if not funding and not _text(c.get("location")):
        ck.add("required", "未填写项目地点", field="location", severity="warning")
    if not funding and not _text(c.get("content")):
        ck.add("required", "未填写建设内容", field="content", severity="warning")
    unit = ck.unit(c.get("unit"))
    budget = ck.money(c.get("budget"), stated, field="budget", unit=unit)
    sources = ck.items(c.get("sources"), "资金来源", "sources")
    total = None
    if not sources:
        ck.add("required", "未填写资金来源", field="sources")
    else:
        total = _check_lines(ck, "sources", sources, unit)
        if total is not None and budget is not None and total != budget:
            ck.add("sources_total",
                   f"资金来源合计 {_fmt(total, unit)} 与{stated} {_fmt(budget, unit)} 不符{_unit_suffix(unit)}",
                   field="sources")
    uses = ck.items(c.get("uses"), "资金用途", "uses")
    if uses:
        used = _check_lines(ck, "uses", uses, unit)
        if used is not None and budget is not None and used != budget:
            ck.add("uses_total",
                   f"资金用途合计 {_fmt(used, unit)} 与{stated} {_fmt(budget, unit)} 不符{_unit_suffix(unit)}",
                   field="uses")
        elif used is not None and total is not None and budget is None and used != total:
            ck.add("sources_uses",
                   f"资金来源合计 {_fmt(total, unit)} 与资金用途合计 {_fmt(used, unit)} 不符{_unit_suffix(unit)}",
                   field="uses")
    start = ck.day(c.get("start"), "开工日期", field="start", required=False)
    end = ck.day(c.get("end"), "竣工日期", field="end", required=False)
    if start and end and end < start:
        ck.add("end_before_start", f"竣工日期 {end.isoformat()} 早于开工日期 {start.isoformat()}", field="end")
    if not funding and not _text(c.get("contractor")):
        ck.add("required", "未填写施工单位", field="contractor", severity="warning")
    previous: date | None = None
    for i, st in enumerate(ck.items(c.get("stages"), "项目阶段", "stages"), start=1):
        if not _text(st.get("name")):
            ck.add("required", f"第 {i} 个阶段未填写名称", field=f"stages[{i}].name")
        d = ck.day(st.get("date"), f"第 {i} 个阶段的日期", field=f"stages[{i}].date", required=False)
        if d and previous and d < previous:
            ck.add("date_order", f"第 {i} 个阶段的日期 {d.isoformat()} 早于上一阶段 {previous.isoformat()}",
                   field=f"stages[{i}].date", severity="warning")
        if d and start and d < start:
            ck.add("date_outside_project", f"第 {i} 个阶段的日期 {d.isoformat()} 早于开工日期 {start.isoformat()}",
                   field=f"stages[{i}].date", severity="warning")
        previous = d or previous
    return ck.findings


def _funded_totals(content: Mapping[str, Any] | None, total_key: str) -> dict[str, Any]:
    """Totals of a plan whose funding sources must add up to `total_key` (project budget, 一事一议 total)."""
    c = _content(content)
    sources = content_items(c.get("sources"))
    total = _decimal(c.get(total_key))
    return {"rows": len(sources), total_key: total,
            "sources": sum((_decimal(s.get("amount")) or ZERO for s in sources), ZERO),
            "amount": total, "unit": _text(c.get("unit")) or None}


def project_totals(content: Mapping[str, Any] | None) -> dict[str, Any]:
    out = _funded_totals(content, "budget")
    if is_funding_plan(content):
        uses = content_items(_content(content).get("uses"))
        out["uses"] = sum((_decimal(u.get("amount")) or ZERO for u in uses), ZERO)
    return out


# --- 一事一议 ---------------------------------------------------------------------------------

#: The 一事一议 source that the labour (筹劳人数 × 天数 × 元/人·天) is converted into.
LABOUR_SOURCE = "投劳折资"
#: Common 建设性质 of a 一事一议 project (the field is free text; these are offered).
YISHI_NATURES = ("新建", "改建", "扩建", "维修")
_WAN = Decimal(10000)


def finance_group_members(value: Any) -> list[str]:
    """The 理财小组's members from a list of names or one text ("张三、李四，王五")."""
    if isinstance(value, list | tuple):
        parts = [_text(v) for v in value]
    else:
        parts = re.split(r"[、，,；;\s]+", _text(value))
    return [p for p in parts if p]


def labour_money(persons: int, days: Decimal, rate: Decimal) -> Decimal:
    """投劳折资 in 元: 筹劳人数 × 每人天数 × 元/人·天, half-up to the fen (the roster's rule)."""
    return amount_of(persons * days, rate)


def in_yuan(amount: Decimal, unit: str | None) -> Decimal:
    return amount * _WAN if unit == "万元" else amount


def labour_terms(content: Mapping[str, Any] | None) -> tuple[int, Decimal, Decimal] | None:
    """(人数, 每人天数, 元/人·天) when all three are given and readable, else None."""
    c = _content(content)
    persons = _int(c.get("labour_persons"))
    days = _decimal(c.get("labour_days"))
    rate = _decimal(c.get("labour_rate"))
    if persons is None or days is None or rate is None:
        return None
    return persons, days, rate


def _check_labour(ck: _Checker, c: Mapping[str, Any], sources: list[Mapping[str, Any]], unit: str | None) -> None:
    """筹劳人数 × 每人天数 × 元/人·天 = the 投劳折资 line(s) of the sources, to the fen."""
    persons = ck.count(c.get("labour_persons"), "筹劳人数", field="labour_persons", required=False)
    days = None
    if not _blank(c.get("labour_days")):
        days = _decimal(c.get("labour_days"))
        if days is None:
            ck.add("number", f"每人投劳天数“{c.get('labour_days')}”不是有效数字", field="labour_days")
        elif days < 0:
            ck.add("negative", "每人投劳天数不能为负数", field="labour_days")
            days = None
        elif days > MAX_COUNT:
            ck.add("range", f"每人投劳天数不能超过 {MAX_COUNT:,}（实为 {c.get('labour_days')}）", field="labour_days")
            days = None
    # The rate is in 元 per person-day whatever the plan's unit.
    rate = ck.money(c.get("labour_rate"), "投劳折资标准（元/人·天）", field="labour_rate", required=False)
    labour_lines = [(i, s) for i, s in enumerate(sources, start=1) if _text(s.get("name")) == LABOUR_SOURCE]
    given = {"labour_persons": not _blank(c.get("labour_persons")),
             "labour_rate": not _blank(c.get("labour_rate"))}
    if not any(given.values()):
        # Only 每人投劳天数 (a standard) or nothing at all: no labour money to check.
        line_sum = sum((_decimal(s.get("amount")) or ZERO for _i, s in labour_lines), ZERO)
        if labour_lines and line_sum:
            ck.add("labour_terms",
                   f"资金来源“{LABOUR_SOURCE}” {_fmt(line_sum, unit)}{_unit_suffix(unit)}未注明筹劳人数、"
                   f"每人天数和折资标准（元/人·天），无法核对",
                   field="labour_persons", severity="warning")
        return
    missing = [label for key, label in (("labour_persons", "筹劳人数"), ("labour_days", "每人投劳天数"),
                                        ("labour_rate", "投劳折资标准（元/人·天）")) if _blank(c.get(key))]
    for label in missing:
        key = {"筹劳人数": "labour_persons", "每人投劳天数": "labour_days"}.get(label, "labour_rate")
        ck.add("required", f"已填写筹劳情况，还需填写{label}才能计算投劳折资", field=key)
    if missing or persons is None or days is None or rate is None:
        return
    computed = labour_money(persons, days, rate)
    formula = (f"筹劳 {persons} 人 × {quantity_text(days)} 天 × {_fmt(rate)} 元/人·天 = "
               f"{_fmt(computed)} 元")
    if not labour_lines:
        if computed:
            ck.add("labour_source", f"{formula}，但资金来源中没有“{LABOUR_SOURCE}”一项", field="sources")
        return
    amounts = [_decimal(s.get("amount")) for _i, s in labour_lines]
    if any(a is None for a in amounts):
        return  # the unreadable amount is named by the sources check
    stated = sum((a for a in amounts if a is not None), ZERO)
    stated_yuan = in_yuan(stated, unit)
    if stated_yuan != computed:
        where = f"资金来源第 {labour_lines[0][0]} 项“{LABOUR_SOURCE}”"
        shown = f"{_fmt(stated, unit)} {unit}" + (f"（{_fmt(stated_yuan)} 元）" if unit == "万元" else "")
        ck.add("labour_money", f"{formula}，与{where} {shown}不符", field=f"sources[{labour_lines[0][0]}].amount")


def check_yishi(content: Mapping[str, Any] | None) -> list[Finding]:
    c = _content(content)
    ck = _Checker()
    if not _text(c.get("project")):
        ck.add("required", "未填写议事项目", field="project")
    unit = ck.unit(c.get("unit"))
    total = ck.money(c.get("total"), "筹资筹劳合计", field="total", unit=unit)
    sources = ck.items(c.get("sources"), "资金来源", "sources")
    if not sources:
        ck.add("required", "未填写资金来源", field="sources")
    else:
        s = _check_sources(ck, sources, unit, known=YISHI_SOURCES)
        if s is not None and total is not None and s != total:
            ck.add("sources_total",
                   f"资金来源合计 {_fmt(s, unit)} 与合计 {_fmt(total, unit)} 不符{_unit_suffix(unit)}",
                   field="sources")
    # The per-person standard is in 元 per person whatever the plan's unit; optional (a plan may
    # raise no money from villagers, only labour), and a 0 is not printed.
    ck.money(c.get("per_person"), "每人筹资标准", field="per_person", required=False)
    _check_labour(ck, c, sources, unit)
    start = ck.day(c.get("raise_start"), "筹资筹劳开始日期", field="raise_start", required=False)
    end = ck.day(c.get("raise_end"), "筹资筹劳结束日期", field="raise_end", required=False)
    if start and end and end < start:
        ck.add("end_before_start", f"筹资筹劳结束日期 {end.isoformat()} 早于开始日期 {start.isoformat()}",
               field="raise_end")
    group = c.get("finance_group")
    if group is not None and not isinstance(group, str | list | tuple):
        ck.add("format", "理财小组成员应为姓名列表或以顿号分隔的姓名", field="finance_group")
    for i, e in enumerate(ck.items(c.get("exemptions"), "减免对象", "exemptions"), start=1):
        if not _text(e.get("name")):
            ck.add("required", f"第 {i} 个减免对象未填写姓名或类别", field=f"exemptions[{i}].name")
        if not _text(e.get("reason")):
            ck.add("required", f"第 {i} 个减免对象未填写减免理由", field=f"exemptions[{i}].reason",
                   severity="warning")
    return ck.findings


def yishi_totals(content: Mapping[str, Any] | None) -> dict[str, Any]:
    out = _funded_totals(content, "total")
    terms = labour_terms(content)
    out["labour_money"] = labour_money(*terms) if terms else None
    return out


# --- 四议两公开 -------------------------------------------------------------------------------

def _at_least_two_thirds(n: int) -> int:
    """Smallest k with 3k ≥ 2n."""
    return (2 * n + 2) // 3


def _more_than_half(n: int) -> int:
    """Smallest k with 2k > n."""
    return n // 2 + 1


def _check_votes(ck: _Checker, i: int, kind: str, m: Mapping[str, Any]) -> None:
    label = MEETING_KINDS.get(kind, kind)
    voting = kind in VOTING_MEETINGS
    counted = _text(m.get("counted"))
    if counted and counted not in COUNTED and counted not in _COUNTED_ALIASES:
        ck.add("counted", f"计数方式“{counted}”应为 adults（{COUNTED['adults']}）或 households（{COUNTED['households']}）",
               row=i, field="counted")
    elif counted == "households" and kind != "villagers":
        ck.add("counted", f"按户计数只适用于村民会议，{label}按人数计算", row=i, field="counted",
               severity="warning")
    households = meeting_counted(m) == "households"
    who = attendance_unit(m)
    noun = "户数" if households else "人数"
    due = ck.count(m.get("due"), f"应到{noun}", row=i, field="due", required=voting)
    present = ck.count(m.get("present"), f"实到{noun}", row=i, field="present", required=voting)
    yes = ck.count(m.get("for"), "同意票数", row=i, field="for", required=voting)
    against = ck.count(m.get("against"), "反对票数", row=i, field="against", required=False)
    abstain = ck.count(m.get("abstain"), "弃权票数", row=i, field="abstain", required=False)
    if due is not None and present is not None and present > due:
        ck.add("present_over_due", f"{label}实到 {present} {who}多于应到 {due} {who}", row=i, field="present")
    if present is not None and (yes is not None or against is not None or abstain is not None):
        votes = (yes or 0) + (against or 0) + (abstain or 0)
        if votes > present:
            ck.add("votes_over_present",
                   f"{label}同意、反对、弃权合计 {votes} 票，多于实到 {present} {who}", row=i, field="for")
    if not voting or due is None or present is None:
        return
    if kind in ("party_members", "representatives") or households:
        if 3 * present < 2 * due:
            whom = {"party_members": "党员", "representatives": "村民代表"}.get(kind, "户代表")
            ck.add("quorum",
                   f"{label}实到 {present} {who}，不足应到{whom} {due} {who}的三分之二（至少需 {_at_least_two_thirds(due)} {who}）",
                   row=i, field="present")
    elif 2 * present <= due:  # 村民会议 counted by adult villagers
        ck.add("quorum",
               f"{label}实到 {present} 人，未超过本村年满十八周岁村民 {due} 人的半数（至少需 {_more_than_half(due)} 人）",
               row=i, field="present")
    if yes is None:
        return
    if kind == "party_members":
        if 2 * yes <= due:
            ck.add("majority",
                   f"{label}同意 {yes} 票，未超过应到党员 {due} 人的半数（至少需 {_more_than_half(due)} 票）",
                   row=i, field="for")
    elif 2 * yes <= present:
        ck.add("majority",
               f"{label}同意 {yes} 票，未超过实到 {present} {who}的半数（至少需 {_more_than_half(present)} 票）",
               row=i, field="for")


def check_decision(content: Mapping[str, Any] | None) -> list[Finding]:
    c = _content(content)
    ck = _Checker()
    if not _text(c.get("matter")):
        ck.add("required", "未填写决策事项", field="matter")
    combined = c.get("combined_first_two") is True or _text(c.get("combined_first_two")).lower() in ("true", "1")
    meetings = ck.items(c.get("meetings"), "会议记录", "meetings")
    if not meetings:
        ck.add("required", "尚未录入任何会议（四议两公开第一步为村党组织提议）", field="meetings")
        return ck.findings
    seen: dict[int, int] = {}
    dated: list[tuple[int, int, date]] = []  # (stage, row, date)
    last_stage = 0
    for i, m in enumerate(meetings, start=1):
        stage = _int(m.get("stage"))
        if stage is None or stage not in DECISION_STAGES:
            ck.add("stage", f"步骤“{m.get('stage')}”应为 1–6", row=i, field="stage")
            continue
        name, kinds = DECISION_STAGES[stage]
        kind = _text(m.get("kind"))
        allowed = kinds
        if combined and stage in (1, 2):
            allowed = ("party_branch", "two_committees")
        if kind not in MEETING_KINDS:
            ck.add("meeting_kind", f"会议类型“{kind}”应为 {'、'.join(MEETING_KINDS)} 之一", row=i, field="kind")
        elif kind not in allowed:
            want = "或".join(MEETING_KINDS[k] for k in allowed)
            ck.add("meeting_kind", f"第 {stage} 步“{name}”应为{want}，不是{MEETING_KINDS[kind]}", row=i, field="kind")
        if stage < last_stage:
            ck.add("stage_order", f"第 {stage} 步“{name}”排在第 {last_stage} 步之后：会议应按步骤顺序进行",
                   row=i, field="stage")
        last_stage = max(last_stage, stage)
        if stage in seen:
            ck.add("stage_repeated", f"第 {stage} 步“{name}”重复录入（另见第 {seen[stage]} 行）", row=i,
                   field="stage", severity="warning")
        seen.setdefault(stage, i)
        d = ck.day(m.get("date"), "会议日期" if kind != "notice" else "公开日期", row=i, field="date")
        if d:
            dated.append((stage, i, d))
        if kind in MEETING_KINDS:
            _check_votes(ck, i, kind, m)
        if kind != "notice" and not _text(m.get("content")):
            ck.add("required", "未填写会议内容", row=i, field="content", severity="warning")
    # Dates may not go backwards through the stages.
    dated.sort(key=lambda t: (t[0], t[1]))
    for (s0, _r0, d0), (s1, r1, d1) in zip(dated, dated[1:], strict=False):
        if d1 < d0:
            ck.add("date_order",
                   f"第 {s1} 步日期 {d1.isoformat()} 早于第 {s0} 步日期 {d0.isoformat()}", row=r1, field="date")
    # Every stage before the latest one must have happened (一肩挑: steps 1 and 2 may be one meeting).
    present = set(seen)
    if combined and present & {1, 2}:
        present |= {1, 2}
    for s in range(1, last_stage):
        if s not in present:
            ck.add("stage_missing", f"缺少第 {s} 步“{DECISION_STAGES[s][0]}”：四议两公开须逐步进行",
                   field="meetings")
    return ck.findings


def decision_totals(content: Mapping[str, Any] | None) -> dict[str, Any]:
    c = _content(content)
    meetings = content_items(c.get("meetings"))
    stages = sorted({s for m in meetings if (s := _int(m.get("stage"))) is not None})
    return {"rows": len(meetings), "stages": stages, "last_stage": stages[-1] if stages else None,
            "amount": None}


# --- roster -----------------------------------------------------------------------------------

ROSTER_KEYS = CONTRACT_KEYS  # the one list: models.rules.roster


def check_roster(rows: Sequence[Mapping[str, Any]], columns: Sequence[Any] | None = None, *,
                 public: Iterable[str] = (), content: Mapping[str, Any] | None = None) -> list[Finding]:
    """Every roster finding; ``columns``: the table's columns (stored dicts, keys or columns);
    ``public``: the office's own phone numbers (not personal); ``content``: the record's content,
    whose ``stated_totals`` (a file's own 合计 row) must equal the rows' totals."""
    out: list[Finding] = []
    if not rows:
        out.append(Finding(None, "rows", "no_rows", "名单没有任何行"))
        return out
    cols = table_columns(columns) if columns else table_columns(None, "generic")
    labels = {c.key: c.label for c in cols}
    number_columns = number_column_kinds(cols, rows)
    out += [Finding.of(f, labels) for f in number_column_findings(number_columns, labels)]
    # rows already parsed: the row checks work these out from the same rows, so they are given them
    given = number_columns if isinstance(rows, ParsedRows) and rows.columns == list(cols) else None
    out += [Finding.of(f, labels) for f in check_roster_rows(rows, cols, public=public, number_columns=given)]
    stated = _content(content).get("stated_totals")
    if isinstance(stated, Mapping) and stated:
        out += [Finding.of(f, labels) for f in stated_total_findings(stated, roster_totals(rows, cols), cols)]
    return out


# --- personal numbers in free text --------------------------------------------------------------

#: The free-text fields each kind prints, as (record-level keys, {list key: keys in each item}); a
#: finance row or a meeting is a numbered row of the kind's main list, other lists are named in the
#: field (``stages[2].result``). Every one of them is masked on the notice; these are the places a
#: finding can point the clerk to.
TEXT_FIELDS: dict[str, tuple[tuple[str, ...], dict[str, tuple[str, ...]]]] = {
    "notice": ((), {}),
    "finance": ((), {"rows": ("voucher", "summary")}),
    "project": (("name", "location", "content", "contractor", "bidding"),
                {"sources": ("name", "doc_no"), "uses": ("name", "doc_no"), "stages": ("name", "result")}),
    "yishi": (("project", "nature", "scale", "finance_group"), {"sources": ("name",), "exemptions": ("name", "reason")}),
    "decision": (("matter",), {"meetings": ("content",)}),
    "roster": ((), {}),
}
_MAIN_LISTS = {"finance": "rows", "decision": "meetings"}
_TEXT_LABELS = {"name": "项目名称", "location": "建设地点", "content": "建设内容",
                "contractor": "施工单位", "bidding": "招标方式", "project": "议事项目", "matter": "决策事项",
                "nature": "建设性质", "scale": "建设规模", "finance_group": "理财小组"}
_LIST_TEXT_LABELS = {"sources.name": "资金来源第 {i} 项名称", "sources.doc_no": "资金来源第 {i} 项文号",
                     "uses.name": "资金用途第 {i} 项名称", "uses.doc_no": "资金用途第 {i} 项文号", "stages.name": "实施进度第 {i} 行“阶段”",
                     "stages.result": "实施进度第 {i} 行“进展情况”", "exemptions.name": "减免对象第 {i} 行“减免对象”",
                     "exemptions.reason": "减免对象第 {i} 行“减免理由”"}


def _privacy(text: Any, field: str, public: frozenset[str], *, row: int | None = None,
             what: str = "") -> list[Finding]:
    if not isinstance(text, str) or len(text) < 7:
        return []
    hits = find_personal_numbers(text, field=field, public=public)
    if not hits:
        return []
    return [Finding(row, field, "personal_number", personal_number_message(hits, what), "warning")]


#: The rules of the findings about personal numbers (warnings: the notice masks them).
PRIVACY_RULES = ("personal_number", "number_column")


def privacy_findings(findings: Sequence[Finding]) -> list[Finding]:
    """The findings that say a record holds personal numbers its notice will mask."""
    return [f for f in findings if f.rule in PRIVACY_RULES]


def check_personal_numbers(kind: str, *, title: str | None = None, body: str | None = None,
                           content: Mapping[str, Any] | None = None,
                           public: Iterable[str] = ()) -> list[Finding]:
    """A warning for each free-text field of a record (title, body, the kind's content fields)
    holding an ID, bank card or phone number: it will be masked on the notice, and the clerk sees
    it before printing. Roster cells are checked with the rows (``check_roster``)."""
    pub = frozenset(public)
    out = (_privacy(title, "title", pub, what=record_field_label("title"))
           + _privacy(body, "body", pub, what=record_field_label("body")))
    c = _content(content)
    top, lists = TEXT_FIELDS.get(kind, ((), {}))
    for key in top:
        value = c.get(key)
        if isinstance(value, list | tuple):  # a list of names (理财小组)
            value = "、".join(_text(v) for v in value)
        out += _privacy(value, key, pub, what=_TEXT_LABELS.get(key) or record_field_label(key))
    for list_key, keys in lists.items():
        items = c.get(list_key)
        if not isinstance(items, list):
            continue
        for i, item in enumerate(items, start=1):
            if not isinstance(item, Mapping):
                continue
            for key in keys:
                if _MAIN_LISTS.get(kind) == list_key:
                    out += _privacy(item.get(key), key, pub, row=i)
                else:
                    out += _privacy(item.get(key), f"{list_key}[{i}].{key}", pub,
                                    what=_LIST_TEXT_LABELS[f"{list_key}.{key}"].format(i=i))
    return out


# --- the whole record -------------------------------------------------------------------------

@dataclass(frozen=True)
class KindRules:
    """What the core knows of one kind: its check and its totals. The editor (desktop) and the
    printer (models.printing.notices) keep registries of their own keyed the same way; a test
    fails when a kind misses an entry in any of them."""

    check: Callable[..., list[Finding]]
    totals: Callable[..., dict[str, Any]]


def _no_totals(**_: Any) -> dict[str, Any]:
    return {"rows": 0, "amount": None}


#: kind → its rules. Every kind of ``catalog_terms.KINDS`` has an entry: nothing falls back.
KIND_RULES: dict[str, KindRules] = {
    "notice": KindRules(lambda *, title, body, attachments, **_: check_notice(title, body, attachments=attachments),
                        _no_totals),
    "finance": KindRules(lambda *, content, period_start, period_end, **_: check_finance(
        content, period_start=period_start, period_end=period_end),
        lambda *, content, **_: finance_totals(content)),
    "project": KindRules(lambda *, content, **_: check_project(content),
                         lambda *, content, **_: project_totals(content)),
    "decision": KindRules(lambda *, content, **_: check_decision(content),
                          lambda *, content, **_: decision_totals(content)),
    "yishi": KindRules(lambda *, content, **_: check_yishi(content),
                       lambda *, content, **_: yishi_totals(content)),
    "roster": KindRules(lambda *, rows, columns, public, content, **_: check_roster(
        rows or [], columns, public=public, content=content),
        lambda *, rows, columns, **_: roster_totals(rows or [], table_columns(columns) if columns else None)),
}


def check_disclosure(kind: str, *, title: str | None, body: str | None = "",
                     content: Mapping[str, Any] | None = None,
                     rows: Sequence[Mapping[str, Any]] | None = None, columns: Sequence[Any] | None = None,
                     period_start: date | None = None, period_end: date | None = None,
                     attachments: int = 0, public: Iterable[str] = ()) -> list[Finding]:
    """Every finding for a record of `kind` (title, content and, for rosters, rows), personal
    numbers in its free text included (``public``: the office's own phone numbers)."""
    rules = KIND_RULES.get(kind)
    if rules is None:
        return [Finding(None, "kind", "kind", f"未知的记录类型“{kind}”（应为 {'、'.join(KINDS)} 之一）")]
    privacy = check_personal_numbers(kind, title=title, body=body, content=content, public=public)
    own = rules.check(title=title, body=body, content=content, rows=rows, columns=columns,
                      period_start=period_start, period_end=period_end, attachments=attachments,
                      public=public)
    if kind == "notice":  # the notice's own check covers its title
        return own + privacy
    return check_title(title) + privacy + own


def compute_totals(kind: str, *, content: Mapping[str, Any] | None = None,
                   rows: Sequence[Mapping[str, Any]] | None = None,
                   columns: Sequence[Any] | None = None) -> dict[str, Any]:
    """Totals a notice prints, computed from the content or rows (Decimal money); ``columns``: a
    table's columns (which are summed, in which unit)."""
    rules = KIND_RULES.get(kind)
    if rules is None:
        return _no_totals()
    return rules.totals(content=content, rows=rows, columns=columns)


def totals_json(totals: Mapping[str, Any]) -> dict[str, Any]:
    """Totals with money as '0.00' strings and quantities as plain decimal strings."""
    out: dict[str, Any] = {}
    for k, v in totals.items():
        if isinstance(v, Decimal):
            out[k] = quantity_text(v) if k in QUANTITY_TOTALS else money_text(v)
        else:
            out[k] = v
    return out


def sealed_totals(status: str, stored: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """A public record's 合计 as sealed when it was posted (checked against its rows by `cunwu check`):
    what a printout of it shows without summing its rows again. ``None`` for a record not public or
    without stored totals: its totals come from its rows."""
    from .workflow import PUBLIC_STATUSES

    return totals_from_json(stored) if status in PUBLIC_STATUSES and stored else None


def totals_from_json(data: Mapping[str, Any] | None) -> dict[str, Any]:
    """Stored totals back to Decimal where they hold numbers in strings."""
    out: dict[str, Any] = {}
    for k, v in (data or {}).items():
        if isinstance(v, str) and k not in ("unit",):
            d = _decimal(v)
            out[k] = d if d is not None else v
        else:
            out[k] = v
    return out


# --- normalising content for storage ----------------------------------------------------------

_MONEY_KEYS: dict[str, tuple[tuple[str, ...], dict[str, tuple[str, ...]]]] = {
    # kind: (top-level money keys, {list key: money keys in each item})
    "finance": (("opening", "closing"), {"rows": ("income", "expense")}),
    "project": (("budget",), {"sources": ("amount",), "uses": ("amount",)}),
    "yishi": (("total", "per_person", "labour_rate"), {"sources": ("amount",)}),
    "decision": ((), {}),
}
_DATE_KEYS: dict[str, tuple[tuple[str, ...], dict[str, tuple[str, ...]]]] = {
    "finance": ((), {"rows": ("date",)}),
    "project": (("start", "end"), {"stages": ("date",)}),
    "yishi": (("raise_start", "raise_end"), {}),
    "decision": ((), {"meetings": ("date",)}),
}
_INT_KEYS = {"decision": {"meetings": ("stage", "due", "present", "for", "against", "abstain")}}


def _json_value(v: Any) -> Any:
    if isinstance(v, str):  # free text in a content: line breaks unified, zero-width removed, NFC
        return normalize_free_text(v)
    if isinstance(v, Decimal):
        return quantity_text(v)
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, Mapping):
        return {str(k): _json_value(x) for k, x in v.items()}
    if isinstance(v, list | tuple):
        return [_json_value(x) for x in v]
    if isinstance(v, float):
        return quantity_text(Decimal(repr(v)))
    return v


def _norm_money(v: Any) -> Any:
    if _blank(v) or isinstance(v, bool):
        return None if _blank(v) else v
    d = _decimal(v)
    return money_text(d) if d is not None else _json_value(v)


def _norm_date(v: Any) -> Any:
    if _blank(v):
        return None
    d = parse_date(v)
    return d.isoformat() if d else _json_value(v)


def _norm_int(v: Any) -> Any:
    if _blank(v):
        return None
    n = _int(v)
    return n if n is not None else _json_value(v)


def normalize_content(kind: str, content: Mapping[str, Any] | None) -> dict[str, Any]:
    """Content ready to store as JSON: money as canonical strings ('1200.00'), dates as ISO,
    counts as integers. Values that cannot be read are kept as given, for the checks to name."""
    if not isinstance(content, Mapping):
        return {}
    out: dict[str, Any] = {str(k): _json_value(v) for k, v in content.items()}
    money_top, money_lists = _MONEY_KEYS.get(kind, ((), {}))
    date_top, date_lists = _DATE_KEYS.get(kind, ((), {}))
    int_lists = _INT_KEYS.get(kind, {})
    for k in money_top:
        if k in content:
            out[k] = _norm_money(content[k])
    for k in date_top:
        if k in content:
            out[k] = _norm_date(content[k])
    for list_key in set(money_lists) | set(date_lists) | set(int_lists):
        items = content.get(list_key)
        if not isinstance(items, list):
            continue
        new_items = []
        for item in items:
            if not isinstance(item, Mapping):
                new_items.append(_json_value(item))
                continue
            d = {str(k): _json_value(v) for k, v in item.items()}
            for k in money_lists.get(list_key, ()):
                if k in item:
                    d[k] = _norm_money(item[k])
            for k in date_lists.get(list_key, ()):
                if k in item:
                    d[k] = _norm_date(item[k])
            for k in int_lists.get(list_key, ()):
                if k in item:
                    d[k] = _norm_int(item[k])
            new_items.append(d)
        out[list_key] = new_items
    if kind == "yishi":
        if "labour_days" in content and not _blank(content["labour_days"]):
            d = _decimal(content["labour_days"])
            out["labour_days"] = quantity_text(d) if d is not None else _json_value(content["labour_days"])
        if "labour_persons" in content:
            out["labour_persons"] = _norm_int(content["labour_persons"])
        if isinstance(content.get("finance_group"), str | list | tuple):
            out["finance_group"] = [normalize_free_text(n) for n in finance_group_members(content["finance_group"])]
    if kind == "decision" and isinstance(out.get("meetings"), list):
        for m in out["meetings"]:
            if isinstance(m, dict) and m.get("counted") in _COUNTED_ALIASES:
                m["counted"] = _COUNTED_ALIASES[m["counted"]]
    return out


def content_unit(kind: str, content: Mapping[str, Any] | None) -> str:
    """The money unit a record states (project and 一事一议 may be in 万元; everything else in 元)."""
    if kind in ("project", "yishi"):
        u = _text(_content(content).get("unit"))
        if u in UNITS:
            return u
    return "元"


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, kind)


__all__ = [
    "Finding", "Severity", "UNITS", "FINANCE_CLASSES", "YISHI_SOURCES", "YISHI_NATURES", "LABOUR_SOURCE",
    "COUNTED", "FUNDING_LISTS", "is_funding_plan", "meeting_counted", "attendance_unit", "labour_money", "labour_terms", "finance_group_members", "DECISION_STAGES", "MEETING_KINDS",
    "ROSTER_KEYS", "KINDS", "check_disclosure", "check_notice", "check_title", "check_finance",
    "check_project", "check_decision", "check_yishi", "check_roster", "check_personal_numbers", "TEXT_FIELDS",
    "PRIVACY_RULES", "privacy_findings", "compute_totals", "totals_json",
    "totals_from_json", "sealed_totals", "normalize_content", "content_items", "content_unit", "has_errors", "parse_date", "money_text",
    "quantity_text", "kind_label",
]
