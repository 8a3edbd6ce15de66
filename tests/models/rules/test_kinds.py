"""Checks of each disclosure kind (models.rules.kinds): sums, balances, quorum rules."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from models.rules import kinds as K


def rules(findings, severity="error"):
    return [f.rule for f in findings if f.severity == severity]


# --- notice -----------------------------------------------------------------------------------

def test_notice_needs_a_title_and_warns_on_empty_body():
    assert rules(K.check_notice("", "正文")) == ["required"]
    f = K.check_notice("村规民约", "")
    assert rules(f) == [] and rules(f, "warning") == ["empty_body"]
    assert K.check_notice("村规民约", "", attachments=1) == []


# --- finance ----------------------------------------------------------------------------------

def finance(**over):
    c = {
        "opening": "1000.00",
        "closing": "1150.50",
        "rows": [
            {"date": "2026-07-03", "voucher": "记-01", "summary": "租金收入", "class": "各项收入",
             "income": "300.50", "expense": None},
            {"date": "2026-07-20", "voucher": "记-02", "summary": "办公用品", "class": "各项支出",
             "income": None, "expense": "150"},
        ],
    }
    c.update(over)
    return c


def test_finance_balanced_has_no_errors_and_totals():
    f = K.check_finance(finance(), period_start=date(2026, 7, 1), period_end=date(2026, 7, 31))
    assert rules(f) == [] and rules(f, "warning") == []
    t = K.compute_totals("finance", content=finance())
    assert t["income"] == Decimal("300.50") and t["expense"] == Decimal("150")
    assert t["closing"] == Decimal("1150.50") and t["rows"] == 2
    assert K.totals_json(t)["closing"] == "1150.50"


def test_finance_closing_balance_mismatch_names_both_numbers():
    f = K.check_finance(finance(closing="1200"))
    bad = [x for x in f if x.rule == "closing_balance"]
    assert len(bad) == 1 and bad[0].severity == "error"
    assert "1200.00" in bad[0].message and "1150.50" in bad[0].message


def test_finance_row_rules():
    c = finance()
    c["rows"][0]["expense"] = "10"  # both on one row
    c["rows"][1]["expense"] = "-5"
    c["rows"][1]["date"] = "2026-08-02"
    c["rows"][1]["class"] = "杂项"
    f = K.check_finance(c, period_start=date(2026, 7, 1), period_end=date(2026, 7, 31))
    assert "income_and_expense" in rules(f)
    assert "negative" in rules(f)
    assert "finance_class" in rules(f)
    assert "date_outside_period" in rules(f, "warning")
    by_row = {(x.row, x.rule) for x in f}
    assert (1, "income_and_expense") in by_row and (2, "negative") in by_row


def test_finance_has_the_eight_classes():
    assert len(K.FINANCE_CLASSES) == 8 and K.FINANCE_CLASSES[0] == "财务计划" and "收益分配" in K.FINANCE_CLASSES


def test_finance_amounts_must_be_numbers_to_the_fen():
    c = finance()
    c["rows"][0]["income"] = "三百"
    c["rows"][1]["expense"] = "150.005"
    f = K.check_finance(c)
    assert "number" in rules(f) and "precision" in rules(f)
    assert "closing_balance" not in rules(f)  # no balance claim when a row cannot be read


# --- project ----------------------------------------------------------------------------------

def project(**over):
    c = {"name": "村道硬化", "location": "二组", "content": "硬化 1.2 公里", "unit": "万元", "budget": "120.5",
         "sources": [{"name": "财政奖补", "amount": "100"}, {"name": "村集体投入", "amount": Decimal("20.5")}],
         "contractor": "某建筑公司", "bidding": "公开招标", "start": "2026-05-01", "end": "2026-09-30",
         "stages": [{"name": "开工", "date": "2026-05-01", "result": "已开工"}]}
    c.update(over)
    return c


def test_project_sources_add_up():
    assert rules(K.check_project(project())) == []
    t = K.compute_totals("project", content=project())
    assert t["budget"] == Decimal("120.5") and t["sources"] == Decimal("120.5") and t["unit"] == "万元"


def test_project_sources_differ_from_budget():
    f = K.check_project(project(budget="130"))
    bad = [x for x in f if x.rule == "sources_total"]
    assert bad and bad[0].message.startswith("资金来源合计 120.50 与总投资 130.00 不符")


def test_project_unit_and_dates():
    f = K.check_project(project(unit="", end="2026-04-01"))
    assert "unit" in rules(f) and "end_before_start" in rules(f)
    assert "unit" in rules(K.check_project(project(unit="千元")))


# --- funding notices (资金安排公示): sources = uses = the stated total ---------------------------

def funding(**over):
    c = {"name": "2026年衔接推进乡村振兴补助资金", "unit": "万元", "budget": "356.8",
         "sources": [{"name": "中央衔接资金", "amount": "200", "doc_no": "豫财农〔2026〕3号"},
                     {"name": "省级衔接资金", "amount": "100.5", "doc_no": "豫财农〔2026〕12号"},
                     {"name": "县本级", "amount": "56.3"}],
         "uses": [{"name": "产业发展", "amount": "236.8"}, {"name": "基础设施", "amount": "120"}]}
    c.update(over)
    return c


def test_funding_notice_sources_equal_uses_equal_total():
    f = K.check_project(funding())
    assert f == []  # no contractor or place asked of a funding notice: its allocation table has them
    assert K.is_funding_plan(funding()) and not K.is_funding_plan(project())
    t = K.compute_totals("project", content=funding())
    assert (t["budget"], t["sources"], t["uses"]) == (Decimal("356.8"), Decimal("356.80"), Decimal("356.80"))


def test_funding_notice_uses_off_by_a_fen_names_the_list_and_both_figures():
    c = funding()
    c["uses"][1]["amount"] = "119.99"
    f = K.check_project(c)
    assert rules(f) == ["uses_total"] and f[0].field == "uses"
    assert f[0].message == "资金用途合计 356.79 与资金总额 356.80 不符 万元"
    c = funding(budget="357")
    f = K.check_project(c)
    assert sorted(rules(f)) == ["sources_total", "uses_total"]
    assert "资金来源合计 356.80 与资金总额 357.00 不符" in f[0].message


def test_funding_notice_line_errors_name_the_list_and_the_line():
    c = funding()
    c["uses"].append({"name": "", "amount": "壹万"})
    f = K.check_project(c)
    assert [(x.rule, x.field) for x in f if x.is_error] == [("required", "uses[3].name"), ("number", "uses[3].amount")]
    assert f[0].message == "资金用途第 3 项未填写名称"
    assert f[1].message == "资金用途第 3 项的金额“壹万”不是有效数字"
    # without a stated total, sources and uses are compared with each other
    c = funding(budget=None)
    c["uses"][0]["amount"] = "236"
    f = K.check_project(c)
    assert "sources_uses" in rules(f)
    assert next(x for x in f if x.rule == "sources_uses").message == "资金来源合计 356.80 与资金用途合计 356.00 不符 万元"


def test_funding_lines_keep_their_doc_numbers_and_exact_amounts():
    stored = K.normalize_content("project", funding())
    assert stored["sources"][0] == {"name": "中央衔接资金", "amount": "200.00", "doc_no": "豫财农〔2026〕3号"}
    assert stored["uses"][1] == {"name": "基础设施", "amount": "120.00"}


# --- 一事一议 ---------------------------------------------------------------------------------

def yishi(**over):
    c = {"project": "修建文化广场", "unit": "元", "total": "50000",
         "sources": [{"name": "村民筹资", "amount": "10000"}, {"name": "投劳折资", "amount": "5000"},
                     {"name": "财政奖补", "amount": "35000"}],
         "per_person": "15", "labour_persons": 25, "labour_days": "2", "labour_rate": "100",
         "exemptions": [{"name": "五保户", "reason": "五保供养"}]}
    c.update(over)
    return c


def test_yishi_sums_and_names():
    assert K.check_yishi(yishi()) == []
    f = K.check_yishi(yishi(total="60000"))
    assert rules(f) == ["sources_total"] and "50000.00" in f[0].message and "60000.00" in f[0].message
    c = yishi()
    c["sources"][0]["name"] = "村民集资"
    f = K.check_yishi(c)
    assert rules(f) == [] and rules(f, "warning") == ["source_name"]


def test_yishi_per_person_standard_is_optional_but_not_negative():
    assert K.check_yishi(yishi(per_person=None)) == []
    assert K.check_yishi(yishi(per_person="0")) == []
    assert K.check_yishi(yishi(per_person="")) == []
    f = K.check_yishi(yishi(per_person="-5"))
    assert rules(f) == ["negative"] and f[0].field == "per_person"
    assert K.YISHI_SOURCES == ("村民筹资", "投劳折资", "财政奖补", "社会捐赠", "村集体投入", "整合资金", "其他")


def test_yishi_labour_money_is_persons_times_days_times_rate():
    # 25 人 × 2 天 × 100.00 元/人·天 = 5000.00 元 = the 投劳折资 line
    assert K.check_yishi(yishi()) == []
    assert K.yishi_totals(yishi())["labour_money"] == Decimal("5000.00")
    f = K.check_yishi(yishi(labour_persons=24))
    assert rules(f) == ["labour_money"]
    assert f[0].field == "sources[2].amount"
    assert f[0].message == ("筹劳 24 人 × 2 天 × 100.00 元/人·天 = 4800.00 元，与资金来源第 2 项“投劳折资” "
                            "5000.00 元不符")
    # fractional days and rates round half-up to the fen: 7 × 1.5 × 33.33 = 349.965 → 349.97
    c = yishi(labour_persons=7, labour_days="1.5", labour_rate="33.33", total="45349.97")
    c["sources"][1]["amount"] = "349.97"
    assert K.check_yishi(c) == []
    c["sources"][1]["amount"] = "349.96"
    assert sorted(rules(K.check_yishi(c))) == ["labour_money", "sources_total"]


def test_yishi_labour_in_wan_yuan_compares_in_yuan():
    c = yishi(unit="万元", total="5", labour_persons=120, labour_days="5", labour_rate="80")
    c["sources"] = [{"name": "村民筹资", "amount": "0.2"}, {"name": "投劳折资", "amount": "4.8"}]
    assert K.check_yishi(c) == []  # 120 × 5 × 80 = 48000 元 = 4.8 万元
    c["sources"][1]["amount"] = "4.5"
    c["sources"][0]["amount"] = "0.5"
    f = K.check_yishi(c)
    assert rules(f) == ["labour_money"]
    assert "= 48000.00 元" in f[0].message and "4.50 万元（45000.00 元）" in f[0].message


def test_yishi_labour_needs_all_three_terms_and_its_source_line():
    f = K.check_yishi(yishi(labour_rate=None))
    assert rules(f) == ["required"] and f[0].field == "labour_rate" and "元/人·天" in f[0].message
    f = K.check_yishi(yishi(labour_days=None))
    assert rules(f) == ["required"] and f[0].field == "labour_days"
    c = yishi(total="45000")
    del c["sources"][1]  # no 投劳折资 line, yet 25 people work 2 days at 100 元
    f = K.check_yishi(c)
    assert rules(f) == ["labour_source"] and "5000.00 元" in f[0].message and "投劳折资" in f[0].message
    # the old standard (每人投劳 2 个工日) alone is not a labour account: only a hint on the line
    f = K.check_yishi(yishi(labour_persons=None, labour_rate=None))
    assert rules(f) == [] and rules(f, "warning") == ["labour_terms"]
    assert rules(K.check_yishi(yishi(labour_persons="2.5")), "error") == ["integer"]


def test_yishi_raising_period_and_finance_group():
    assert K.check_yishi(yishi(raise_start="2026-03-01", raise_end="2026年3月31日")) == []
    f = K.check_yishi(yishi(raise_start="2026-03-31", raise_end="2026-03-01"))
    assert rules(f) == ["end_before_start"] and f[0].field == "raise_end"
    assert rules(K.check_yishi(yishi(raise_start="三月"))) == ["date"]
    assert K.finance_group_members("张三、李四，王五 赵六") == ["张三", "李四", "王五", "赵六"]
    stored = K.normalize_content("yishi", yishi(finance_group="张三、李四", labour_persons="25", labour_rate="100"))
    assert stored["finance_group"] == ["张三", "李四"]
    assert stored["labour_persons"] == 25 and stored["labour_rate"] == "100.00"
    assert rules(K.check_yishi(yishi(finance_group=5))) == ["format"]


# --- 四议两公开 -------------------------------------------------------------------------------

def meeting(stage, kind, day, **counts):
    return {"stage": stage, "kind": kind, "date": day, "content": "议定事项", **counts}


def decision(*meetings, combined=False):
    return {"matter": "村集体土地发包", "combined_first_two": combined, "meetings": list(meetings)}


FIRST_TWO = (meeting(1, "party_branch", "2026-05-01", due=5, present=5, **{"for": 5}),
             meeting(2, "two_committees", "2026-05-03", due=9, present=9, **{"for": 9}))


def party(present, yes, due=30):
    return meeting(3, "party_members", "2026-05-10", due=due, present=present, **{"for": yes, "against": 0,
                                                                                   "abstain": 0})


def test_party_members_quorum_two_thirds_exactly():
    assert rules(K.check_decision(decision(*FIRST_TWO, party(20, 16)))) == []
    f = K.check_decision(decision(*FIRST_TWO, party(19, 16)))
    assert rules(f) == ["quorum"] and "至少需 20 人" in f[0].message and f[0].row == 3


def test_party_members_majority_is_of_members_due():
    # 20 present, 15 for: a majority of those present but not more than half of the 30 due.
    f = K.check_decision(decision(*FIRST_TWO, party(20, 15)))
    assert rules(f) == ["majority"] and "至少需 16 票" in f[0].message
    assert rules(K.check_decision(decision(*FIRST_TWO, party(20, 16)))) == []


def reps(present, yes, due=30, stage=4):
    return meeting(stage, "representatives", "2026-05-20", due=due, present=present, **{"for": yes})


def test_representatives_quorum_and_majority_of_present():
    base = (*FIRST_TWO, party(25, 20))
    assert rules(K.check_decision(decision(*base, reps(20, 11)))) == []
    assert rules(K.check_decision(decision(*base, reps(19, 11)))) == ["quorum"]
    # 20 present: 10 is exactly half, not more than half
    assert rules(K.check_decision(decision(*base, reps(20, 10)))) == ["majority"]


def test_villagers_meeting_by_adults_or_households():
    base = (*FIRST_TWO, party(25, 20))
    adults = dict(due=1000, present=501, **{"for": 251})
    assert rules(K.check_decision(decision(*base, meeting(4, "villagers", "2026-05-20", **adults)))) == []
    half = dict(due=1000, present=500, **{"for": 300})
    assert rules(K.check_decision(decision(*base, meeting(4, "villagers", "2026-05-20", **half)))) == ["quorum"]
    low_for = dict(due=1000, present=600, **{"for": 300})
    assert rules(K.check_decision(decision(*base, meeting(4, "villagers", "2026-05-20", **low_for)))) \
        == ["majority"]
    # households: at least 2/3 of 300 households → 200
    hh = dict(due=300, present=200, counted="households", **{"for": 101})
    assert rules(K.check_decision(decision(*base, meeting(4, "villagers", "2026-05-20", **hh)))) == []
    hh_low = dict(due=300, present=199, counted="households", **{"for": 101})
    f = K.check_decision(decision(*base, meeting(4, "villagers", "2026-05-20", **hh_low)))
    assert rules(f) == ["quorum"]
    assert f[0].message == "村民会议实到 199 户，不足应到户代表 300 户的三分之二（至少需 200 户）"
    # more than half of the 199 households present in favour: 100 is not
    hh_half = dict(due=300, present=200, counted="households", **{"for": 100})
    f = K.check_decision(decision(*base, meeting(4, "villagers", "2026-05-20", **hh_half)))
    assert rules(f) == ["majority"] and "实到 200 户的半数（至少需 101 票）" in f[0].message
    # "adults" (and "persons", what earlier editors stored) is the default rule
    for counted in ("adults", "persons", None):
        adults_c = dict(adults, counted=counted)
        assert rules(K.check_decision(decision(*base, meeting(4, "villagers", "2026-05-20", **adults_c)))) == []


def test_counted_is_named_and_only_for_villagers_meetings():
    base = (*FIRST_TWO, party(25, 20))
    bad = dict(due=300, present=250, counted="家庭", **{"for": 200})
    f = K.check_decision(decision(*base, meeting(4, "villagers", "2026-05-20", **bad)))
    assert rules(f) == ["counted"] and f[0].row == 4 and "adults" in f[0].message and "households" in f[0].message
    # households on a representatives meeting: counted by persons, with a hint
    f = K.check_decision(decision(*base, meeting(4, "representatives", "2026-05-20", counted="households",
                                                  due=30, present=20, **{"for": 11})))
    assert rules(f) == [] and rules(f, "warning") == ["counted"]
    assert K.attendance_unit({"kind": "representatives", "counted": "households"}) == "人"
    assert K.attendance_unit({"kind": "villagers", "counted": "households"}) == "户"
    stored = K.normalize_content("decision", decision(meeting(4, "villagers", "2026-05-20", counted="persons")))
    assert stored["meetings"][0]["counted"] == "adults"


def test_votes_and_attendance_consistency():
    over = dict(due=30, present=31, **{"for": 20})
    f = K.check_decision(decision(*FIRST_TWO, meeting(3, "party_members", "2026-05-10", **over)))
    assert "present_over_due" in rules(f)
    votes = dict(due=30, present=20, **{"for": 16, "against": 3, "abstain": 2})
    f = K.check_decision(decision(*FIRST_TWO, meeting(3, "party_members", "2026-05-10", **votes)))
    assert rules(f) == ["votes_over_present"]


def test_stages_in_order_none_missing_dates_not_backwards():
    f = K.check_decision(decision(FIRST_TWO[0], party(25, 20)))
    assert rules(f) == ["stage_missing"] and "第 2 步" in f[0].message
    f = K.check_decision(decision(FIRST_TWO[1], FIRST_TWO[0], party(25, 20)))
    assert "stage_order" in rules(f)
    late = meeting(3, "party_members", "2026-04-01", due=30, present=25, **{"for": 20})
    assert rules(K.check_decision(decision(*FIRST_TWO, late))) == ["date_order"]
    wrong_kind = meeting(3, "representatives", "2026-05-10", due=30, present=25, **{"for": 20})
    assert "meeting_kind" in rules(K.check_decision(decision(*FIRST_TWO, wrong_kind)))
    assert rules(K.check_decision(decision())) == ["required"]


def test_combined_first_two_steps_one_meeting():
    joint = meeting(1, "two_committees", "2026-05-01", due=9, present=9, **{"for": 9})
    assert rules(K.check_decision(decision(joint, party(25, 20), combined=True))) == []
    assert rules(K.check_decision(decision(joint, party(25, 20), combined=False))) == ["meeting_kind",
                                                                                       "stage_missing"]


def test_full_procedure_with_notices():
    ms = (*FIRST_TWO, party(25, 20), reps(25, 20), meeting(5, "notice", "2026-05-21"),
          meeting(6, "notice", "2026-10-01"))
    assert rules(K.check_decision(decision(*ms))) == []
    assert K.compute_totals("decision", content=decision(*ms))["last_stage"] == 6


def test_counts_must_be_whole_numbers():
    odd = meeting(3, "party_members", "2026-05-10", due="30", present="20.5", **{"for": 16})
    assert "integer" in rules(K.check_decision(decision(*FIRST_TWO, odd)))


# --- roster -----------------------------------------------------------------------------------

def test_roster_rows_checked_and_totalled():
    rows = [{"name": "张三", "id_number": "11010519491231002X", "quantity": Decimal("11211.57"),
             "rate": Decimal("18.34"), "amount": Decimal("205620.19")},
            {"name": "李四", "id_number": "110105194912310029", "amount": Decimal("50.50")}]
    f = K.check_roster(rows, ["name", "id_number", "quantity", "rate", "amount"])
    assert [(x.row, x.field) for x in f if x.is_error] == [(2, "id_number")]
    t = K.compute_totals("roster", rows=rows)
    assert t["amount"] == Decimal("205670.69") and t["rows"] == 2
    assert K.check_roster([], None)[0].rule == "no_rows"


# --- storage form -----------------------------------------------------------------------------

def test_normalize_content_keeps_money_exact_as_strings():
    c = K.normalize_content("finance", {"opening": Decimal("1000"), "closing": 1150.5,
                                        "rows": [{"date": "2026/7/3", "income": "300.50", "expense": None}]})
    assert c == {"opening": "1000.00", "closing": "1150.50",
                 "rows": [{"date": "2026-07-03", "income": "300.50", "expense": None}]}
    d = K.normalize_content("decision", {"meetings": [{"stage": Decimal("3"), "due": "30", "present": "x"}]})
    assert d["meetings"][0] == {"stage": 3, "due": 30, "present": "x"}
    # what cannot be read stays as typed, for the checks to name
    assert K.normalize_content("project", {"budget": "一百万"})["budget"] == "一百万"


@pytest.mark.parametrize("kind", K.KINDS)
def test_every_kind_checks_the_title(kind):
    f = K.check_disclosure(kind, title=" ", body="x", content={}, rows=[])
    assert any(x.field == "title" and x.rule == "required" for x in f)
