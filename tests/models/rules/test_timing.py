"""公开时限 rules: validation of each kind, serialisation, wording and parsing of clerks' wordings."""

from __future__ import annotations

import pytest

from models.rules.timing import KINDS, TimingError, TimingRule, parse_timing_text

VALID_RULES = [
    TimingRule("monthly"),
    TimingRule("monthly", day=10),
    TimingRule("monthly", day=31),
    TimingRule("quarterly"),
    TimingRule("quarterly", day=20),
    TimingRule("yearly"),
    TimingRule("yearly", year_offset=1),
    TimingRule("yearly", month=4, day=8),
    TimingRule("yearly", month=2, day=8, year_offset=1),
    TimingRule("yearly", month=2, day=29),
    TimingRule("yearly", month=12, day=31),
    TimingRule("within_days", days=10, working=True),
    TimingRule("within_days", days=7),
    TimingRule("within_days", days=366),
    TimingRule("immediate"),
    TimingRule("per_stage"),
    TimingRule("per_stage", days=5, working=True),
]


# --- validation ---------------------------------------------------------------------------------

@pytest.mark.parametrize("rule", VALID_RULES, ids=str)
def test_valid_rules_have_no_problems(rule):
    assert rule.problems() == []
    assert rule.validate() is rule


@pytest.mark.parametrize("rule,fragment", [
    (TimingRule("monthly", day=32), "1–31"),
    (TimingRule("monthly", day=0), "1–31"),
    (TimingRule("quarterly", day=32), "1–31"),
    (TimingRule("monthly", day=10, month=3), "不设月份"),
    (TimingRule("monthly", days=5), "才设天数"),
    (TimingRule("yearly", month=2, day=30), "2月没有 30 日"),
    (TimingRule("yearly", month=4, day=31), "4月没有 31 日"),
    (TimingRule("yearly", month=13, day=1), "1–12"),
    (TimingRule("yearly", month=4), "同时填写月和日"),
    (TimingRule("yearly", day=8), "同时填写月和日"),
    (TimingRule("yearly", month=4, day=8, year_offset=2), "本年度（0）或次年（1）"),
    (TimingRule("within_days"), "1–366"),
    (TimingRule("within_days", days=0), "1–366"),
    (TimingRule("within_days", days=367), "1–366"),
    (TimingRule("per_stage", days=0), "1–366"),
    (TimingRule("immediate", days=3), "才设天数"),
    (TimingRule("immediate", day=3), "才设公开日或月份"),
    (TimingRule("within_days", days=10, month=1), "才设公开日或月份"),
    (TimingRule("quarterly", day=20, year_offset=1), "只有按年公开"),
    (TimingRule("weekly"), "未知的公开时限类型“weekly”"),
], ids=str)
def test_invalid_rules_are_refused(rule, fragment):
    problems = rule.problems()
    assert problems and any(fragment in p for p in problems), problems
    with pytest.raises(TimingError) as exc:
        rule.validate()
    assert fragment in str(exc.value)


def test_unknown_kind_names_the_known_ones():
    (message,) = TimingRule("daily").problems()
    assert all(k in message for k in KINDS)


@pytest.mark.parametrize("data,fragment", [
    ({"kind": "monthly", "day": 32}, "1–31"),
    ({"kind": "yearly", "month": 2, "day": 30}, "2月没有 30 日"),
    ({"kind": "within_days"}, "天数"),
    ({"kind": "within_days", "working": True}, "天数"),
    ({"kind": "fortnightly"}, "fortnightly"),
    ({"kind": "monthly", "day": 10, "hour": 9}, "hour"),
    ({"kind": "monthly", "every": 1, "zone": "x"}, "every, zone"),
    ({"day": 10}, "类型"),
    ({}, "类型"),
    ({"kind": "monthly", "day": "十号"}, "十号"),
    ({"kind": "monthly", "day": True}, "整数"),
    ({"kind": "within_days", "days": 10, "working": "maybe"}, "maybe"),
])
def test_from_dict_refuses_bad_data(data, fragment):
    with pytest.raises(TimingError) as exc:
        TimingRule.from_dict(data)
    assert fragment in str(exc.value)


def test_from_dict_refuses_what_is_not_a_dict():
    with pytest.raises(TimingError):
        TimingRule.from_dict(["monthly", 10])  # type: ignore[arg-type]


def test_from_dict_reads_strings_from_a_spreadsheet():
    assert TimingRule.from_dict({"kind": "monthly", "day": "10"}) == TimingRule("monthly", day=10)
    rule = TimingRule.from_dict({"kind": "within_days", "days": "10", "working": "true"})
    assert rule == TimingRule("within_days", days=10, working=True)
    # The string "false" is false, not a non-empty (true) string.
    rule = TimingRule.from_dict({"kind": "within_days", "days": 7, "working": "false"})
    assert rule.working is False
    assert TimingRule.from_dict({"kind": "quarterly", "day": ""}) == TimingRule("quarterly")


# --- serialisation ------------------------------------------------------------------------------

@pytest.mark.parametrize("rule", VALID_RULES, ids=str)
def test_to_dict_from_dict_round_trip(rule):
    data = rule.to_dict()
    assert data["kind"] == rule.kind
    back = TimingRule.from_dict(data)
    assert back.to_dict() == data


def test_to_dict_shapes_of_the_contract():
    assert TimingRule("quarterly", day=20).to_dict() == {"kind": "quarterly", "day": 20}
    assert TimingRule("monthly").to_dict() == {"kind": "monthly"}
    assert TimingRule("within_days", days=10, working=True).to_dict() == {
        "kind": "within_days", "days": 10, "working": True}
    assert TimingRule("yearly", month=4, day=8).to_dict() == {
        "kind": "yearly", "month": 4, "day": 8, "year_offset": 0}
    assert TimingRule("immediate").to_dict() == {"kind": "immediate"}
    # A stage rule without days means the default 10 days, stated explicitly.
    assert TimingRule("per_stage").to_dict() == {"kind": "per_stage", "days": 10, "working": False}


def test_periodic():
    assert [k for k in KINDS if TimingRule(k).periodic] == ["monthly", "quarterly", "yearly"]


# --- wording ------------------------------------------------------------------------------------

@pytest.mark.parametrize("rule", VALID_RULES, ids=str)
def test_describe_parses_back_to_the_same_rule(rule):
    text = rule.describe()
    assert text
    assert parse_timing_text(text).to_dict() == rule.to_dict(), text


@pytest.mark.parametrize("rule,text", [
    (TimingRule("monthly", day=10), "每月10日前公开上月情况"),
    (TimingRule("quarterly", day=20), "每季度第一个月20日前公开上季度情况"),
    (TimingRule("yearly", month=4, day=8), "每年4月8日前公开本年度情况"),
    (TimingRule("yearly", month=2, day=8, year_offset=1), "每年2月8日前公开上年度情况"),
    (TimingRule("within_days", days=10, working=True), "信息形成或变更之日起10个工作日内"),
    (TimingRule("within_days", days=7), "信息形成或变更之日起7日内"),
    (TimingRule("immediate"), "随时公开"),
    (TimingRule("per_stage"), "项目每个阶段结束后10日内公开，完成后公开结果"),
])
def test_describe_wording(rule, text):
    assert rule.describe() == text


@pytest.mark.parametrize("text,expected", [
    ("每月10日前", {"kind": "monthly", "day": 10}),
    ("每月10号前公开", {"kind": "monthly", "day": 10}),
    ("次月5日前公开上月财务收支", {"kind": "monthly", "day": 5}),
    ("每月的10日前", {"kind": "monthly", "day": 10}),
    ("按月公开", {"kind": "monthly"}),
    ("每季度第一个月20日前", {"kind": "quarterly", "day": 20}),
    ("每季度首月15日前公开", {"kind": "quarterly", "day": 15}),
    ("每个季度第一个月的8日前", {"kind": "quarterly", "day": 8}),
    ("每季度公开一次", {"kind": "quarterly"}),
    ("每年4月8日前", {"kind": "yearly", "month": 4, "day": 8, "year_offset": 0}),
    ("每年2月8日前公开上年度财务收支决算", {"kind": "yearly", "month": 2, "day": 8, "year_offset": 1}),
    ("每年7月8日前公开本年度上半年财务收支情况", {"kind": "yearly", "month": 7, "day": 8, "year_offset": 0}),
    ("每年1月31日前公开上一年度报告", {"kind": "yearly", "month": 1, "day": 31, "year_offset": 1}),
    ("每年公开一次", {"kind": "yearly", "year_offset": 0}),
    ("10个工作日内", {"kind": "within_days", "days": 10, "working": True}),
    ("信息形成之日起10个工作日内", {"kind": "within_days", "days": 10, "working": True}),
    ("收到申请之日起20个工作日内答复", {"kind": "within_days", "days": 20, "working": True}),
    ("7日内", {"kind": "within_days", "days": 7, "working": False}),
    ("审批后5天内", {"kind": "within_days", "days": 5, "working": False}),
    ("15日以内", {"kind": "within_days", "days": 15, "working": False}),
    ("随时公开", {"kind": "immediate"}),
    ("及时公开", {"kind": "immediate"}),
    ("项目每个阶段结束后", {"kind": "per_stage", "days": 10, "working": False}),
    ("项目每个阶段结束后5个工作日内公开", {"kind": "per_stage", "days": 5, "working": True}),
    ("  每月 10 日前 ", {"kind": "monthly", "day": 10}),
])
def test_parse_common_wordings(text, expected):
    assert parse_timing_text(text).to_dict() == expected


@pytest.mark.parametrize("text,expected", [
    ("每月二十日前", {"kind": "monthly", "day": 20}),
    ("每月十日前", {"kind": "monthly", "day": 10}),
    ("每季度第一个月十五日前", {"kind": "quarterly", "day": 15}),
    ("每年十二月三十一日前", {"kind": "yearly", "month": 12, "day": 31, "year_offset": 0}),
    ("每年四月八日前", {"kind": "yearly", "month": 4, "day": 8, "year_offset": 0}),
    ("七日内", {"kind": "within_days", "days": 7, "working": False}),
    ("二十个工作日内", {"kind": "within_days", "days": 20, "working": True}),
    ("两日内", {"kind": "within_days", "days": 2, "working": False}),
])
def test_parse_chinese_numerals(text, expected):
    assert parse_timing_text(text).to_dict() == expected


@pytest.mark.parametrize("text,expected", [
    # A day number inside periodic wording is the due day, not an event-driven deadline.
    ("每月10日内公开上月情况", {"kind": "monthly", "day": 10}),
    ("每季度第一个月20日内公开", {"kind": "quarterly", "day": 20}),
    ("每季度结束后15日内公开", {"kind": "quarterly", "day": 15}),
    ("每月结束后5日内公开", {"kind": "monthly", "day": 5}),
    ("每年公开一次上年度情况", {"kind": "yearly", "year_offset": 1}),
])
def test_parse_periodic_wordings_with_a_day_count(text, expected):
    assert parse_timing_text(text).to_dict() == expected


@pytest.mark.parametrize("text", ["看情况公开", "不定期", "每半年公开一次", "abc"])
def test_unknown_wording_raises_and_quotes_the_text(text):
    with pytest.raises(TimingError) as exc:
        parse_timing_text(text)
    assert f"“{text}”" in str(exc.value)
    assert "每月10日前" in str(exc.value)  # and shows a wording that works


@pytest.mark.parametrize("text", ["", "   ", None])
def test_empty_wording_raises(text):
    with pytest.raises(TimingError) as exc:
        parse_timing_text(text)  # type: ignore[arg-type]
    assert "为空" in str(exc.value)


@pytest.mark.parametrize("text,fragment", [
    ("每月32日前", "1–31"),
    ("每年2月30日前", "2月没有 30 日"),
    ("0个工作日内", "1–366"),
    ("二十二十日内", "二十二十"),
])
def test_wording_of_an_impossible_rule_raises(text, fragment):
    with pytest.raises(TimingError) as exc:
        parse_timing_text(text)
    assert fragment in str(exc.value)
