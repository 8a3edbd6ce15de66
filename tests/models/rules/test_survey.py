"""The survey rules (models.rules.survey): the questionnaire, a valid form, skips and tallies."""

from __future__ import annotations

import pytest

from models.rules import survey as R

DOC = {
    "title": "村务公开满意度", "target": "户代表",
    "questions": [
        {"no": 1, "text": "是否知道公开栏", "type": "single", "options": [{"label": "知道"}, {"label": "不知道"}]},
        {"no": 2, "text": "是否看过", "type": "single",
         "options": [{"label": "经常"}, {"label": "偶尔"}, {"label": "没有参与过"}], "skip": [{"if": ["C"], "to": 5}]},
        {"no": 3, "text": "关注哪些", "type": "multiple", "max": 2,
         "options": [{"label": "财务"}, {"label": "补贴"}, {"label": "工程"}, {"label": "其他（请注明）", "other": True}]},
        {"no": 4, "text": "评价", "type": "rating",
         "options": [{"label": "好"}, {"label": "一般"}, {"label": "说不清", "dont_know": True}],
         "skip": [{"if": "*", "to": 6}]},
        {"no": 5, "text": "为什么没看过", "type": "text", "required": False},
        {"no": 6, "text": "家里几口人", "type": "number", "required": False},
    ],
}


@pytest.fixture
def q():
    return R.parse_questionnaire(DOC)


def test_options_are_lettered_in_order(q):
    assert q.questions[2].letters == "ABCD"
    assert q.questions[2].other_option.letter == "D"
    assert q.questions[3].options[2].dont_know
    assert q.fields() == ["group", "Q1", "Q2", "Q3", "Q3_other", "Q4", "Q5", "Q6"]


def test_a_bad_definition_names_every_question():
    doc = {"title": "", "questions": [
        {"no": 1, "text": "甲", "type": "single", "options": [{"label": "是"}]},
        {"no": 2, "text": "乙", "type": "choice"},
        {"no": 3, "text": "丙", "type": "single", "options": ["是", "否"], "skip": [{"if": ["C"], "to": 2}]},
        {"no": 4, "text": "丁", "type": "multiple", "options": ["是", "否"], "max": 3},
    ]}
    with pytest.raises(R.DefinitionError) as err:
        R.parse_questionnaire(doc)
    text = str(err.value)
    assert "标题" in text and "第 1 题" in text and "第 2 题" in text and "“choice”" in text
    assert "第 3 题" in text and "C" in text and "第 4 题" in text and "max" in text


def test_skip_rules_jump_and_blank(q):
    assert R.path_of(q, {"1": "A", "2": "C"}).keys() == {3, 4}
    assert R.next_question(q, {"1": "A", "2": "C"}, 2) == 5
    assert R.next_question(q, {"1": "A", "2": "A", "3": "A", "4": "B"}, 4) == 6  # "*" after any answer
    assert R.next_question(q, {"1": "A", "2": "A"}, 4) == 5  # Q4 unanswered: no jump yet
    kept = R.blanked(q, {"1": "A", "2": "C", "3": "AD", "3_other": "修路", "4": "A", "5": "忙"})
    assert kept == {"1": "A", "2": "C", "5": "忙"}


def test_a_valid_form_is_made_canonical(q):
    form = R.check_form(q, {"Q1": "a", "Q2": "Ａ", "Q3": "d a", "Q3_other": "修路账目", "Q4": "b", "Q6": 4.0})
    assert form.ok, form.findings
    assert form.answers == {"1": "A", "2": "A", "3": "AD", "3_other": "修路账目", "4": "B", "6": "4"}


@pytest.mark.parametrize("answers, field, rule", [
    ({"1": "C", "2": "A", "3": "A", "4": "A"}, "Q1", "unknown_option"),
    ({"1": "AB", "2": "A", "3": "A", "4": "A"}, "Q1", "single_many"),
    ({"1": "A", "2": "A", "3": "ABC", "4": "A"}, "Q3", "over_max"),
    ({"1": "A", "2": "C", "3": "A"}, "Q3", "skip"),
    ({"1": "A", "2": "A", "4": "A"}, "Q3", "required"),
    ({"1": "A", "2": "A", "3": "A", "3_other": "别的", "4": "A"}, "Q3_other", "other_text"),
    ({"1": "A", "2": "A", "3": "A", "4": "A", "5": "不该填"}, "Q5", "skip"),
    ({"1": "A", "2": "A", "3": "A", "4": "A", "6": "-1"}, "Q6", "number"),
    ({"1": "A", "2": "A", "3": "A", "4": "A", "9": "A"}, "Q9", "unknown_question"),
])
def test_each_rule_is_named_with_its_question(q, answers, field, rule):
    form = R.check_form(q, answers)
    assert (field, rule) in {(f.field, f.rule) for f in form.findings}, form.findings


def test_respondent_numbers_are_numbers_never_names_or_ids():
    assert R.respondent_number("001") == (1, None)
    assert R.respondent_number(7.0) == (7, None)
    assert R.respondent_number("张三")[1].rule == "respondent"
    assert R.respondent_number("410322199001011234")[1].rule == "personal"
    assert R.respondent_number("0")[1].rule == "respondent"
    assert R.group_name(" 3组 ") == ("3组", None)


def test_percent_is_half_up_with_two_decimals():
    assert R.percent_text(53, 60) == "88.33"
    assert R.percent_text(50, 226) == "22.12"
    assert R.percent_text(1, 8) == "12.50"
    assert R.percent_text(1, 400) == "0.25"
    assert R.percent_text(1, 200) == "0.50"
    assert R.percent_text(1, 3) == "33.33"
    assert R.percent_text(2, 3) == "66.67"
    assert R.percent_text(0, 0) == "0.00"


def test_tally_lists_every_option_and_both_bases(q):
    forms = [
        {"1": "A", "2": "A", "3": "AB", "4": "A", "6": "4"},
        {"1": "A", "2": "B", "3": "AD", "3_other": "修路", "4": "C"},
        {"1": "B", "2": "C", "5": "不识字"},
    ]
    t = R.tally(q, forms)
    q1, q2, q3, q4, q5, q6 = t
    assert [(o.letter, o.count, o.percent) for o in q1.options] == [("A", 2, "66.67"), ("B", 1, "33.33")]
    assert q3.answered == 2 and q3.selections == 4 and q3.skipped == 1
    assert [(o.count, o.percent, o.percent_of_selections) for o in q3.options] == [
        (2, "100.00", "50.00"), (1, "50.00", "25.00"), (0, "0.00", "0.00"), (1, "50.00", "25.00")]
    assert q3.other_texts == ("修路",)
    assert q1.options[0].percent_of_selections is None
    assert q1.options[0].published() == "知道[2票] 66.67%"
    assert q3.options[0].published(of_selections=True) == "财务[2票] 50.00%"
    assert q5.answers == ("不识字",) and q6.total == "4" and q6.mean == "4.00"
    assert "共选 4 项" in q3.base_text and "1 人按跳问未答" in q3.base_text
