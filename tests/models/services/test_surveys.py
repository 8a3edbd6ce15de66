"""Surveys through the service: a 60-respondent survey's published-style tallies, forms refused in
entry and import, double entry found and adjudicated, the catalog link — on a real database."""

from __future__ import annotations

import openpyxl
import pytest
from sqlalchemy import select

from models.entities import AuditEvent, CatalogItem, SurveyDemand, SurveyForm
from models.errors import NotFound, ValidationError
from models.rules.timing import TimingRule
from models.services.catalog import ItemData
from models.services.surveys import SurveyService

DOC = {
    "title": "村务公开满意度调查", "purpose": "了解村民意见", "target": "户代表",
    "questions": [
        {"no": 1, "text": "您是否知道本村设有村务公开栏？", "type": "single",
         "options": [{"label": "知道"}, {"label": "不知道"}]},
        {"no": 2, "text": "您最关注哪些公开内容？", "type": "multiple", "max": 5,
         "options": [{"label": "财务收支"}, {"label": "惠农补贴"}, {"label": "工程项目"}, {"label": "低保救助"},
                     {"label": "集体资产"}, {"label": "其他（请注明）", "other": True}]},
        {"no": 3, "text": "是否参加过村民代表会议？", "type": "single",
         "options": [{"label": "参加过"}, {"label": "没有参与过（跳问Q5）"}], "skip": [{"if": ["B"], "to": 5}]},
        {"no": 4, "text": "会议决定是否公开？", "type": "single",
         "options": [{"label": "公开"}, {"label": "没公开"}, {"label": "说不清", "dont_know": True}]},
        {"no": 5, "text": "意见建议", "type": "text", "required": False},
    ],
}
# Q2's counts: 50 + 48 + 45 + 43 + 40 = 226 selections by 60 respondents; 其他 0.
Q2_COUNTS = {"A": 50, "B": 48, "C": 45, "D": 43, "E": 40}


def sixty_forms() -> list[dict[str, str]]:
    chosen: list[set[str]] = [set() for _ in range(60)]
    for k, (letter, count) in enumerate(Q2_COUNTS.items()):
        for i in range(count):
            chosen[(i + 11 * k) % 60].add(letter)
    forms = []
    for n in range(60):
        form = {"1": "A" if n < 53 else "B", "2": "".join(sorted(chosen[n])), "3": "A" if n < 45 else "B"}
        if n < 45:
            form["4"] = "A" if n < 30 else ("B" if n < 40 else "C")
        forms.append(form)
    return forms


@pytest.fixture
def svc(village):
    return SurveyService(village[1])


def test_sixty_respondents_reproduce_published_tallies(svc, village):
    s = svc.create(DOC)
    for n, form in enumerate(sixty_forms(), start=1):
        svc.save_form(s.id, n, form, group="1组" if n <= 30 else "2组")
    r = svc.results(s.id)
    assert r.respondents == 60 and r.waiting == 0
    q1, q2, q3, q4, _ = r.questions
    assert [o.published() for o in q1.options] == ["知道[53票] 88.33%", "不知道[7票] 11.67%"]
    assert q2.answered == 60 and q2.selections == 226
    a = q2.options[0]
    assert (a.count, a.percent, a.percent_of_selections) == (50, "83.33", "22.12")
    assert a.published(of_selections=True) == "财务收支[50票] 22.12%"
    assert [o.percent_of_selections for o in q2.options] == ["22.12", "21.24", "19.91", "19.03", "17.70", "0.00"]
    assert q2.options[5].count == 0  # zero-count options are listed
    assert (q4.answered, q4.skipped) == (45, 15)  # the base is who answered, the skipped are stated
    assert [o.percent for o in q4.options] == ["66.67", "22.22", "11.11"]
    assert "答题 45 人" in q4.base_text and "15 人按跳问未答" in q4.base_text
    assert set(r.by_group) == {"1组", "2组"}
    assert r.by_group["1组"][0].options[0].count == 30 and r.by_group["2组"][0].options[0].count == 23
    doc = r.to_json()
    assert doc["respondents"] == 60
    assert doc["questions"][1]["options"][0] == {"letter": "A", "label": "财务收支", "count": 50,
                                                 "percent": "83.33", "percent_of_selections": "22.12"}


def test_entry_refuses_skip_maximum_duplicate_and_names_the_question(svc, village):
    s = svc.create(DOC)
    svc.save_form(s.id, 7, {"1": "A", "2": "AB", "3": "B"})
    with pytest.raises(ValidationError) as err:
        svc.save_form(s.id, 8, {"1": "A", "2": "AB", "3": "B", "4": "A"})
    assert {(p.field, p.rule) for p in err.value.problems} == {("Q4", "skip")}
    assert "问卷编号 8" in str(err.value) and "跳到第 5 题" in str(err.value)
    with pytest.raises(ValidationError) as err:
        svc.save_form(s.id, 9, {"1": "A", "2": "ABCDEF", "3": "A", "4": "A"})
    assert {(p.field, p.rule) for p in err.value.problems} == {("Q2", "over_max")}
    with pytest.raises(ValidationError) as err:
        svc.save_form(s.id, "007", {"1": "B", "2": "A", "3": "B"})
    assert err.value.problems[0].rule == "duplicate_respondent"
    with pytest.raises(ValidationError) as err:
        svc.save_form(s.id, "张三", {"1": "B", "2": "A", "3": "B"})
    assert err.value.problems[0].field == "respondent"
    # the correction replaces the form; the version guards a stale one
    old = svc.form(s.id, 7)
    fixed = svc.save_form(s.id, 7, {"1": "B", "2": "A", "3": "B"}, correct=True, expected_version=old.version)
    assert fixed.answers == {"1": "B", "2": "A", "3": "B"}
    with pytest.raises(Exception, match="修改"):
        svc.save_form(s.id, 7, {"1": "A", "2": "A", "3": "B"}, correct=True, expected_version=old.version)
    svc.delete_form(s.id, 7)
    assert svc.forms(s.id) == []


def test_import_refuses_the_whole_file_naming_every_bad_row(svc, village, tmp_path):
    s = svc.create(DOC)
    bad = tmp_path / "答卷.csv"
    bad.write_text("respondent,group,Q1,Q2,Q2_other,Q3,Q4,Q5\n"
                   "1,1组,A,AF,修路账目,A,A,\n"       # fine
                   "2,1组,A,AB,,B,A,\n"              # row 3: skip broken (Q4 after 3=B)
                   "3,1组,A,ABCDEF,,A,A,\n"          # row 4: over the maximum
                   "1,2组,B,A,,A,G,\n"               # row 5: duplicate number and unknown option
                   "5,2组,,A,,A,A,\n",               # row 6: required missing
                   encoding="utf-8")
    with pytest.raises(ValidationError) as err:
        svc.import_forms(s.id, bad)
    found = {(p.row, p.field, p.rule) for p in err.value.problems}
    assert found == {(3, "Q4", "skip"), (4, "Q2", "over_max"), (5, "respondent", "duplicate_respondent"),
                     (5, "Q4", "unknown_option"), (6, "Q1", "required")}
    text = str(err.value)
    assert "答卷.csv" in text and "第 3 行" in text and "第 5 行" in text and "与第 2 行重复" in text
    assert svc.forms(s.id) == []  # nothing written
    with village[0].read_session() as session:
        assert session.execute(select(SurveyForm)).first() is None

    good = tmp_path / "good.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["respondent", "group", "Q1", "Q2", "Q2_other", "Q3", "Q4", "Q5"])
    ws.append([1, "1组", "A", "af", "修路账目", "A", "A", None])
    ws.append([2, None, "B", "C", None, "B", None, "多公开"])
    wb.save(good)
    assert svc.import_forms(s.id, good).forms == 2
    assert svc.form(s.id, 1).answers == {"1": "A", "2": "AF", "2_other": "修路账目", "3": "A", "4": "A"}
    # the same numbers again: refused as already entered
    with pytest.raises(ValidationError, match="已经录入过"):
        svc.import_forms(s.id, good)
    named = tmp_path / "named.csv"
    named.write_text("respondent,姓名,Q1,Q2,Q3\n9,张三,A,A,B\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="匿名"):
        svc.import_forms(s.id, named)


def test_double_entry_finds_discrepancies_and_only_adjudicated_values_count(svc, village, tmp_path):
    s = svc.create(DOC)
    first = tmp_path / "first.csv"
    first.write_text("respondent,group,Q1,Q2,Q3,Q4\n1,1组,A,AB,A,A\n2,1组,A,C,B,\n3,2组,B,D,A,C\n", encoding="utf-8")
    second = tmp_path / "second.csv"
    second.write_text("respondent,group,Q1,Q2,Q3,Q4\n1,1组,A,AB,A,A\n2,2组,A,CD,B,\n", encoding="utf-8")
    svc.import_forms(s.id, first)
    assert svc.results(s.id).respondents == 3  # single entry: every form counts
    svc.import_forms(s.id, second, entry=2)
    state = svc.double_entry(s.id)
    assert [(d.respondent, d.field, d.first, d.second) for d in state.discrepancies] == [
        (2, "group", "1组", "2组"), (2, "Q2", "C", "CD")]
    assert state.first_only == [3] and state.counted == 1
    r = svc.results(s.id)
    assert (r.respondents, r.waiting) == (1, 2)  # 2 undecided, 3 typed once
    with pytest.raises(ValidationError, match="无需裁定"):
        svc.adjudicate(s.id, 2, {"Q1": "A"})
    with pytest.raises(ValidationError) as err:
        svc.adjudicate(s.id, 2, {"Q2": "Z"})
    assert err.value.problems[0].rule == "unknown_option"
    svc.adjudicate(s.id, 2, {"Q2": "dc", "group": "2组"})
    state = svc.double_entry(s.id)
    assert not state.open and state.counted == 2
    r = svc.results(s.id)
    assert r.respondents == 2
    assert [o.count for o in r.questions[1].options][2:4] == [1, 1]  # CD as decided
    # a later change to one entry makes that decision stale (group is open again); Q2 now agrees
    svc.save_form(s.id, 2, {"1": "A", "2": "C", "3": "B"}, group="3组", entry=2, correct=True)
    state = svc.double_entry(s.id)
    assert [(d.field, d.second) for d in state.open] == [("group", "3组")]
    assert "Q2" not in {d.field for d in state.discrepancies} and state.counted == 1


def test_every_write_is_one_audit_event(svc, village):
    db = village[0]

    def events() -> list[str]:
        with db.read_session() as session:
            return list(session.execute(select(AuditEvent.action).order_by(AuditEvent.id)).scalars())

    before = len(events())
    s = svc.create_from_template("satisfaction")
    svc.save_form(s.id, 1, {"1": "A", "2": "C", "5": "A"})
    assert events()[before:] == ["survey.create", "survey.form.add"]


def test_templates_and_bad_definitions(svc, tmp_path):
    demand = svc.create_from_template("demand")
    assert demand.questionnaire.questions[0].options[0].item == "FW-04"
    with pytest.raises(NotFound, match="satisfaction"):
        svc.create_from_template("nope")
    path = tmp_path / "q.json"
    path.write_text('{"title": "x", "questions": [{"no": 1, "text": "a", "type": "single", "options": ["是"]}]}',
                    encoding="utf-8")
    with pytest.raises(ValidationError, match="第 1 题"):
        svc.create_from_file(path)


def test_demand_goes_to_the_catalog_with_the_survey_recorded(svc, village):
    db, ctx = village
    s = svc.create_from_template("demand")
    for n in range(1, 11):
        svc.save_form(s.id, n, {"1": "AB" if n <= 6 else "AJ", "1_other": "" if n <= 6 else "水费收缴", "2": "A"})
    rows = svc.demand(s.id)
    assert [(r.item, r.count, r.percent) for r in rows[:2]] == [("FW-04", 10, "100.00"), ("FW-07", 6, "60.00")]
    assert rows[0].item_name == "村级财务收支明细" and rows[0].recorded is None
    svc.mark_in_demand(s.id, "FW-07", question=1, letter="B")
    code = svc.add_catalog_item(s.id, ItemData(code="CW-90", group="群众要求公开事项", name="水费收缴情况",
                                               timing=TimingRule("immediate")), question=1, letter="J",
                                topic="水费收缴")
    assert code == "CW-90"
    assert [r.recorded for r in svc.demand(s.id)][:2] == [None, "marked"]
    with db.read_session() as session:
        item = session.execute(select(CatalogItem).where(CatalogItem.code == "CW-90")).scalar_one()
        demand = session.execute(select(SurveyDemand).where(SurveyDemand.item_id == item.id)).scalar_one()
        assert (demand.survey_id, demand.action, demand.count, demand.topic) == (s.id, "added", 4, "水费收缴")
        last = session.execute(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1)).scalar_one()
        assert last.action == "survey.demand.add" and last.detail["item"] == "CW-90"
    with pytest.raises(ValidationError, match="CW-90"):  # the item's code is unique: nothing recorded
        svc.add_catalog_item(s.id, ItemData(code="CW-90", group="群众要求公开事项", name="又一个",
                                            timing=TimingRule("immediate")))


def test_results_export_to_xlsx_reads_back(svc, tmp_path):
    s = svc.create(DOC)
    for n, form in enumerate(sixty_forms()[:10], start=1):
        svc.save_form(s.id, n, form, group="1组")
    svc.save_form(s.id, 11, {"1": "A", "2": "F", "2_other": "=HYPERLINK(\"x\")", "3": "B",
                             "5": "联系我 13812345678"})
    out = svc.export_results(s.id, tmp_path / "结果.xlsx")
    wb = openpyxl.load_workbook(out)
    cells = [c for row in wb["统计结果"].iter_rows(values_only=True) for c in row if c is not None]
    assert "1. 知道" not in cells and "A. 知道" in cells and "88.33" not in cells
    assert "其他：=HYPERLINK(\"x\")" in cells
    assert not any("13812345678" in str(c) for c in cells)
    assert "分组交叉" in wb.sheetnames


def test_a_questionnaire_is_rewritten_freely_until_forms_are_typed_then_only_its_wording(svc, village):
    import copy

    from models.errors import RecordChanged

    db = village[0]
    s = svc.create(DOC)
    grown = copy.deepcopy(DOC)
    grown["questions"][0]["options"].append({"label": "听说过"})
    changed = svc.update(s.id, grown, expected_version=s.version)
    assert changed.questionnaire.questions[0].letters == "ABC" and changed.version == s.version + 1
    with pytest.raises(RecordChanged):  # a second window still holding the first version
        svc.update(s.id, DOC, expected_version=s.version)

    svc.save_form(s.id, 1, {"1": "C", "2": "AB", "3": "B"})
    reworded = copy.deepcopy(grown)
    reworded["title"] = "2026年村务公开满意度调查"
    reworded["questions"][1]["options"][0]["label"] = "财务收支情况"
    saved = svc.update(s.id, reworded)
    assert saved.questionnaire.title == "2026年村务公开满意度调查"
    assert svc.results(s.id).questions[1].options[0].label == "财务收支情况"
    assert svc.results(s.id).questions[0].options[2].count == 1  # the typed form still counts

    def dump() -> list:
        with db.read_session() as session:
            return [list(session.execute(select(AuditEvent.id)).scalars()), svc.get(s.id).questionnaire]

    before = dump()
    restructured = copy.deepcopy(reworded)
    restructured["questions"][1]["type"] = "single"
    restructured["questions"][1].pop("max")
    del restructured["questions"][0]["options"][2]
    restructured["questions"][2]["skip"] = [{"if": ["B"], "to": 4}]
    with pytest.raises(ValidationError) as refused:
        svc.update(s.id, restructured)
    text = str(refused.value) + " ".join(p.message for p in refused.value.problems)
    assert "已录入 1 份答卷" in text
    assert "第 1 题的选项个数（3 → 2）" in text and "第 2 题的题型（多选 → 单选）" in text
    assert "第 3 题的跳问规则" in text
    assert dump() == before  # nothing written, no audit event
