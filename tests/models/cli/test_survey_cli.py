"""`cunwu survey …`: names, flags, JSON keys and exit codes as cli.md "Surveys" writes them."""

from __future__ import annotations

import json

import pytest

SURVEY = {"title": "检查", "questions": [
    {"no": 1, "text": "是否知道", "type": "single", "options": [{"label": "知道"}, {"label": "不知道"}],
     "skip": [{"if": ["B"], "to": 3}]},
    {"no": 2, "text": "关注什么", "type": "multiple", "max": 2,
     "options": [{"label": "财务"}, {"label": "补贴"}, {"label": "工程"}, {"label": "其他（请注明）", "other": True}]},
    {"no": 3, "text": "建议", "type": "text", "required": False},
]}


@pytest.fixture
def cli(village, cunwu):
    return lambda *args: cunwu(*args, user="王文书")


@pytest.fixture
def survey_id(cli, tmp_path):
    path = tmp_path / "s.json"
    path.write_text(json.dumps(SURVEY, ensure_ascii=False), encoding="utf-8")
    code, out, _ = cli("survey", "new", "--from", str(path), "--json")
    assert code == 0
    return str(json.loads(out)["id"])


def test_new_import_results_json(cli, survey_id, tmp_path):
    csv = tmp_path / "r.csv"
    csv.write_text("respondent,group,Q1,Q2,Q2_other,Q3\n001,1组,A,AD,修路,\n002,1组,B,,,不清楚\n003,2组,A,B,,\n",
                   encoding="utf-8")
    assert cli("survey", "import-responses", survey_id, str(csv))[0] == 0
    code, out, _ = cli("survey", "results", survey_id, "--json")
    assert code == 0
    doc = json.loads(out)
    assert doc["respondents"] == 3
    q1, q2, q3 = doc["questions"]
    assert {"no", "text", "type", "answered", "selections", "options", "other_texts"} <= set(q1)
    assert q1["options"][0] == {"letter": "A", "label": "知道", "count": 2, "percent": "66.67",
                                "percent_of_selections": None}
    assert (q2["answered"], q2["selections"]) == (2, 3)
    assert [(o["count"], o["percent"], o["percent_of_selections"]) for o in q2["options"]] == [
        (1, "50.00", "33.33"), (1, "50.00", "33.33"), (0, "0.00", "0.00"), (1, "50.00", "33.33")]
    assert q2["other_texts"] == ["修路"] and q3["answers"] == ["不清楚"]
    code, out, _ = cli("survey", "results", survey_id)
    assert code == 0 and "知道[2票] 66.67%" in out and "工程[0票] 0.00%" in out
    code, out, _ = cli("survey", "list", "--json")
    assert code == 0 and json.loads(out)[0]["forms"] == 3


def test_bad_file_is_refused_whole_with_every_row_named(cli, survey_id, tmp_path):
    csv = tmp_path / "bad.csv"
    csv.write_text("respondent,Q1,Q2,Q3\n1,B,A,\n2,A,ABC,\n2,A,A,\n4,C,A,\n", encoding="utf-8")
    code, out, err = cli("survey", "import-responses", survey_id, str(csv))
    assert code == 1 and out == ""
    assert "bad.csv" in err and "第 2 行" in err and "第 3 行" in err and "第 4 行" in err and "第 5 行" in err
    assert "跳到第 3 题" in err and "最多选 2 项" in err and "重复" in err and "选项“C”不存在" in err
    code, out, _ = cli("survey", "results", survey_id, "--json")
    assert json.loads(out)["respondents"] == 0


def test_second_entry_and_discrepancies(cli, survey_id, tmp_path):
    first = tmp_path / "a.csv"
    first.write_text("respondent,Q1,Q2\n1,A,A\n2,A,B\n", encoding="utf-8")
    second = tmp_path / "b.csv"
    second.write_text("respondent,Q1,Q2\n1,A,A\n2,A,C\n", encoding="utf-8")
    assert cli("survey", "import-responses", survey_id, str(first))[0] == 0
    assert cli("survey", "import-responses", survey_id, str(second), "--second-entry")[0] == 0
    code, out, _ = cli("survey", "discrepancies", survey_id, "--json")
    doc = json.loads(out)
    assert code == 0 and doc["counted"] == 1
    assert doc["discrepancies"] == [{"respondent": 2, "field": "Q2", "question": 2, "first": "B", "second": "C",
                                     "adjudicated": None}]
    assert cli("survey", "adjudicate", survey_id, "2", "Q2=C")[0] == 0
    code, out, _ = cli("survey", "results", survey_id, "--json")
    assert json.loads(out)["respondents"] == 2


@pytest.mark.parametrize("args, code", [
    (("survey", "new"), 2),
    (("survey", "new", "--template", "satisfaction", "--from", "x.json"), 2),
    (("survey", "new", "--template", "nope"), 1),
    (("survey", "results", "99"), 1),
    (("survey", "results", "abc"), 2),
    (("survey", "import-responses", "1", "missing.csv"), 1),
])
def test_exit_codes(cli, args, code):
    got, _, err = cli(*args)
    assert got == code and err.strip()


def test_template_new_and_show(cli):
    code, out, _ = cli("survey", "new", "--template", "satisfaction", "--json")
    assert code == 0
    sid = str(json.loads(out)["id"])
    code, out, _ = cli("survey", "show", sid)
    assert code == 0 and "选 C 跳到第 5 题" in out


def test_demand_to_catalog_and_results_xlsx(cli, tmp_path):
    import openpyxl

    code, out, _ = cli("survey", "new", "--template", "demand", "--json")
    sid = str(json.loads(out)["id"])
    csv = tmp_path / "d.csv"
    csv.write_text("respondent,Q1,Q1_other,Q2\n1,AB,,A\n2,AJ,水费收缴,B\n3,A,,E\n", encoding="utf-8")
    assert cli("survey", "import-responses", sid, str(csv))[0] == 0
    code, out, _ = cli("survey", "demand", sid, "--json")
    rows = json.loads(out)
    assert code == 0 and rows[0] == {"question": 1, "letter": "A", "label": "村级财务收支明细", "item": "FW-04",
                                     "item_name": "村级财务收支明细", "count": 3, "percent": "100.00",
                                     "percent_of_selections": "60.00", "recorded": None}
    assert cli("survey", "mark-item", sid, "FW-07", "--question", "1", "--letter", "b")[0] == 0
    code, out, _ = cli("survey", "add-item", sid, "--name", "水费收缴情况", "--question", "1", "--letter", "J", "--json")
    assert code == 0
    new_code = json.loads(out)["code"]
    code, out, _ = cli("catalog", "list", "--json")
    assert any(i["code"] == new_code and i["name"] == "水费收缴情况" for i in json.loads(out))
    assert json.loads(cli("survey", "demand", sid, "--json")[1])[1]["recorded"] == "marked"
    assert cli("survey", "mark-item", sid, "XX-99")[0] == 1
    xlsx = tmp_path / "结果.xlsx"
    code, out, _ = cli("survey", "results", sid, "--xlsx", str(xlsx))
    assert code == 0 and xlsx.exists()
    cells = [c for row in openpyxl.load_workbook(xlsx)["统计结果"].iter_rows(values_only=True) for c in row]
    assert "A. 村级财务收支明细" in cells and "其他：水费收缴" in cells
    # printable as written: header row on every page, one page wide, rows as tall as their wrapped text
    from models.exchange.xlsx_layout import row_lines_fit

    sheet = openpyxl.load_workbook(xlsx)["统计结果"]
    assert sheet.print_title_rows == "$4:$4" and int(sheet.page_setup.fitToWidth) == 1
    assert int(sheet.page_setup.fitToHeight) == 0 and sheet.sheet_properties.pageSetUpPr.fitToPage is True
    assert all(sheet.row_dimensions[r].height and row_lines_fit(sheet, r) for r in range(1, sheet.max_row + 1))
    assert cli("survey", "results", sid, "--xlsx", str(tmp_path / "x.pdf"))[0] == 2
