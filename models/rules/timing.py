"""公开时限 as data: the structured rule behind each catalog item's printed wording.

A rule is one of six kinds (the contract's `timing.kind`):

- ``monthly``   — each month; due on ``day`` of the following month (last day of it when no day).
- ``quarterly`` — each quarter; due on ``day`` of the first month of the next quarter (e.g. the 20th),
                  last day of that month when no day is set.
- ``yearly``    — each year; due on ``month``/``day`` of the period's year plus ``year_offset``
                  (0: budget of 2026 by 2026-04-08; 1: accounts of 2025 by 2026-02-08). Without a
                  date, by the last day of January of the next year.
- ``within_days`` — event-driven: within ``days`` (``working`` or calendar) days of the information
                  being formed (制作或获取之日起 N 个工作日内).
- ``immediate`` — at each event (随时公开), due the day it happens.
- ``per_stage`` — after each stage of a project, within ``days`` days (default 10) of the stage end.

Due dates themselves are computed by the schedule service; this module owns the shape, validation,
wording and parsing of wording (xlsx import).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

KINDS = ("monthly", "quarterly", "yearly", "within_days", "immediate", "per_stage")
KIND_LABELS = {
    "monthly": "按月",
    "quarterly": "按季度",
    "yearly": "按年",
    "within_days": "限期（事项发生后 N 日内）",
    "immediate": "随时",
    "per_stage": "按项目阶段",
}
PERIODIC_KINDS = ("monthly", "quarterly", "yearly")

_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
              "八": 8, "九": 9, "十": 10}


class TimingError(ValueError):
    """A timing rule or wording that breaks the rules; the message is for the user."""


@dataclass(frozen=True)
class TimingRule:
    kind: str
    day: int | None = None
    month: int | None = None
    year_offset: int = 0
    days: int | None = None
    working: bool = False

    # --- validation -------------------------------------------------------------------------
    def problems(self) -> list[str]:
        out: list[str] = []
        if self.kind not in KINDS:
            return [f"未知的公开时限类型“{self.kind}”（应为 {'、'.join(KINDS)} 之一）"]
        if self.kind in ("monthly", "quarterly"):
            if self.day is not None and not 1 <= self.day <= 31:
                out.append(f"公开日应在 1–31 之间，实为 {self.day}")
            if self.month is not None:
                out.append("按月、按季度的时限不设月份")
        if self.kind == "yearly":
            if (self.month is None) != (self.day is None):
                out.append("按年公开须同时填写月和日，或都不填")
            if self.month is not None and not 1 <= self.month <= 12:
                out.append(f"月份应在 1–12 之间，实为 {self.month}")
            elif self.month is not None and self.day is not None and not 1 <= self.day <= _DAYS_IN_MONTH[self.month - 1]:
                out.append(f"{self.month}月没有 {self.day} 日")
            if self.year_offset not in (0, 1):
                out.append("按年公开的年度只能是本年度（0）或次年（1）")
        if self.kind in ("within_days",):
            if self.days is None or not 1 <= self.days <= 366:
                out.append("限期公开须填写 1–366 之间的天数")
        if self.kind == "per_stage" and self.days is not None and not 1 <= self.days <= 366:
            out.append("阶段公开的天数应在 1–366 之间")
        if self.kind not in ("within_days", "per_stage") and self.days is not None:
            out.append("只有限期公开和阶段公开才设天数")
        if self.kind not in PERIODIC_KINDS and (self.day is not None or self.month is not None):
            # to_dict() would drop them silently: refuse rather than lose what the clerk typed.
            out.append("只有按月、按季度、按年公开才设公开日或月份")
        if self.kind != "yearly" and self.year_offset:
            out.append("只有按年公开才设年度（本年度或上年度）")
        return out

    def validate(self) -> TimingRule:
        probs = self.problems()
        if probs:
            raise TimingError("；".join(probs))
        return self

    @property
    def periodic(self) -> bool:
        return self.kind in PERIODIC_KINDS

    # --- (de)serialisation ------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"kind": self.kind}
        if self.kind in ("monthly", "quarterly"):
            if self.day is not None:
                d["day"] = self.day
        elif self.kind == "yearly":
            if self.month is not None:
                d["month"] = self.month
                d["day"] = self.day
            d["year_offset"] = self.year_offset
        elif self.kind == "within_days":
            d["days"] = self.days
            d["working"] = self.working
        elif self.kind == "per_stage":
            d["days"] = self.days if self.days is not None else 10
            d["working"] = self.working
        return d

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TimingRule:
        if not isinstance(data, dict) or "kind" not in data:
            raise TimingError("公开时限缺少类型（kind）")
        known = {"kind", "day", "month", "year_offset", "days", "working"}
        extra = set(data) - known
        if extra:
            raise TimingError(f"公开时限含未知参数：{', '.join(sorted(extra))}")

        def _int(name: str) -> int | None:
            v = data.get(name)
            if v is None or v == "":
                return None
            if isinstance(v, bool):
                raise TimingError(f"公开时限参数 {name} 应为整数")
            try:
                return int(v)
            except (TypeError, ValueError):
                raise TimingError(f"公开时限参数 {name} 应为整数，实为“{v}”") from None

        rule = cls(
            kind=str(data["kind"]),
            day=_int("day"),
            month=_int("month"),
            year_offset=_int("year_offset") or 0,
            days=_int("days"),
            working=_bool(data.get("working", False)),
        )
        return rule.validate()

    # --- wording ----------------------------------------------------------------------------
    def describe(self) -> str:
        """Default printed wording for the rule (the clerk may keep their own text beside it)."""
        k = self.kind
        if k == "monthly":
            return f"每月{self.day}日前公开上月情况" if self.day else "每月公开一次"
        if k == "quarterly":
            return f"每季度第一个月{self.day}日前公开上季度情况" if self.day else "每季度公开一次"
        if k == "yearly":
            which = "上年度" if self.year_offset == 1 else "本年度"
            if self.month:
                return f"每年{self.month}月{self.day}日前公开{which}情况"
            # Name the year when it is the previous one, or parsing the wording loses the offset.
            return "每年公开一次上年度情况" if self.year_offset == 1 else "每年公开一次"
        if k == "within_days":
            unit = "个工作日" if self.working else "日"
            return f"信息形成或变更之日起{self.days}{unit}内"
        if k == "immediate":
            return "随时公开"
        if k == "per_stage":
            unit = "个工作日" if self.working else "日"
            return f"项目每个阶段结束后{self.days or 10}{unit}内公开，完成后公开结果"
        return ""


def _bool(value: Any) -> bool:
    """JSON true/false, 0/1, or the strings a spreadsheet or hand-written file may hold."""
    if isinstance(value, str):
        v = value.strip().lower()
        if v in ("true", "1", "yes", "是", "y"):
            return True
        if v in ("false", "0", "no", "否", "n", ""):
            return False
        raise TimingError(f"公开时限参数 working 应为 true 或 false，实为“{value}”")
    return bool(value)


def _num(text: str) -> int:
    """Arabic or simple Chinese numerals (七, 十, 二十, 十五, 二十五, 三十一)."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    m = re.fullmatch(r"([一二两三四五六七八九]?)十([一二三四五六七八九]?)", text)
    if m:
        tens = _CN_DIGITS[m.group(1)] if m.group(1) else 1
        ones = _CN_DIGITS[m.group(2)] if m.group(2) else 0
        return tens * 10 + ones
    if text and "十" not in text and all(c in _CN_DIGITS for c in text):
        value = 0  # digit by digit, as in 一〇 or 二〇
        for c in text:
            value = value * 10 + _CN_DIGITS[c]
        return value
    raise TimingError(f"无法识别的数字“{text}”")


_N = r"([0-9]+|[零〇一二两三四五六七八九十]+)"


def parse_timing_text(text: str) -> TimingRule:
    """Read the printed wording of a 公开时限 into a rule (for xlsx import).

    Recognises the wordings `describe()` writes and the common variants clerks type. Unknown wording
    raises `TimingError` naming the text, so an import can refuse it.
    """
    t = re.sub(r"\s+", "", text or "")
    if not t:
        raise TimingError("公开时限为空")
    # "N个工作日内 / N日内 / N天内": the days of an event-driven or per-stage rule — unless the
    # wording is periodic ("每月10日内公开上月情况", "每季度结束后15日内"), where N is the due day.
    m = re.search(_N + r"个?(工作日|日|天)(以)?内", t)
    if "阶段" in t:
        days = _num(m.group(1)) if m else None
        working = bool(m and m.group(2) == "工作日")
        return TimingRule("per_stage", days=days if days is not None else 10, working=working).validate()
    periodic = re.search(r"每月|按月|每个月|次月|每季|按季|每个季度|每年|按年|每一年", t)
    if m and not periodic:
        return TimingRule("within_days", days=_num(m.group(1)), working=m.group(2) == "工作日").validate()
    # "结束后10日内" after a month or quarter is the 10th of the next one (calendar days only).
    after_end = _num(m.group(1)) if m and m.group(2) != "工作日" and re.search(r"结束后|期满后|终了后", t) else None
    if re.search(r"每月|按月|每个月|次月|月度", t):
        m = re.search(r"(?:每月|每个月|次月|下月)的?" + _N + r"[日号]", t)
        return TimingRule("monthly", day=_num(m.group(1)) if m else after_end).validate()
    if re.search(r"每季|按季|季度", t):
        m = re.search(r"(?:第一个月|首月|季初月?|每季度?|每个季度)的?" + _N + r"[日号]", t)
        return TimingRule("quarterly", day=_num(m.group(1)) if m else after_end).validate()
    if re.search(r"每年|按年|年度|每一年", t):
        m = re.search(_N + r"月(?:的)?" + _N + r"[日号]", t)
        offset = 1 if re.search(r"上年|上一年|上年度|前一年", t) else 0
        if m:
            return TimingRule("yearly", month=_num(m.group(1)), day=_num(m.group(2)), year_offset=offset).validate()
        return TimingRule("yearly", year_offset=offset).validate()
    if re.search(r"随时|即时|及时|实时|适时|立即", t):
        return TimingRule("immediate").validate()
    raise TimingError(f"无法识别的公开时限“{text.strip()}”：请写成如“每季度第一个月20日前”“每月10日前”“每年4月8日前”“信息形成之日起10个工作日内”“随时公开”“项目每个阶段结束后”")
