"""Issue 11, parts 1–2, through the command line: every example of the issue is one readable line,
exit 1 (refused) or 2 (usage), no traceback, no "程序内部错误", and nothing written."""

from __future__ import annotations

import json
import sqlite3

import pytest

from models.services.disclosures import prepare_rows
from tests.hostile_files import HEADER, roster_rows, sheet_xml_parts, valid_id, write_xlsx

from .conftest import FINANCE_ITEM, ROSTER_ITEM, add_items


def _dump(db_path) -> list[str]:
    con = sqlite3.connect(db_path)
    try:
        return list(con.iterdump())
    finally:
        con.close()


@pytest.fixture
def cli(empty_village, cunwu):
    add_items(empty_village[1], ROSTER_ITEM, FINANCE_ITEM)
    return lambda *args: cunwu(*args, user="王文书")


def _refused_unchanged(cli, db_path, code_wanted: int, *args: str) -> str:
    before = _dump(db_path)
    code, out, err = cli(*args)
    assert code == code_wanted, (code, err)
    assert _dump(db_path) == before
    return err


@pytest.mark.parametrize(("args", "shown"), [
    (("disclosure", "show", "99999999999999999999999"), "应为 1 到 9223372036854775807 之间的整数"),
    (("disclosure", "show", "9" * 5000), "应为 1 到 9223372036854775807 之间的整数"),
    (("disclosure", "list", "--limit", "1" + "0" * 30), "应为 1 到 9223372036854775807 之间的整数"),
    (("feedback", "answer", "99999999999999999999", "--text", "x"), "应为 1 到 9223372036854775807 之间的整数"),
    (("print", "99999999999999999999999", "--out", "x.pdf"), "公开记录编号应为 1 到 9223372036854775807"),
    (("print", "due", "--month", "0000-01", "--out", "x.pdf"), "月份应写作 YYYY-MM"),
    (("print", "due", "--month", "9999-01", "--out", "x.pdf"), "年份 9999 超出范围：应在 1900–2100 年之间"),
    (("disclosure", "post", "1", "--days", "999999999"), "公示天数应为 1–365 之间的整数"),
    (("disclosure", "post", "1", "--days", "366"), "公示天数应为 1–365 之间的整数"),
    (("disclosure", "post", "1", "--start", "9999-12-31"), "超出范围：应在 1900-01-01 至 2100-12-31 之间"),
    (("due", "--from", "0001-01-01", "--to", "9999-12-31"), "“0001-01-01”超出范围"),
    (("due", "--on", "9999-12-31"), "“9999-12-31”超出范围"),
])
def test_out_of_range_arguments_are_usage_errors(cli, db_path, tmp_path, args, shown):
    err = _refused_unchanged(cli, db_path, 2, *[str(tmp_path / a) if a.endswith(".pdf") else a for a in args])
    assert "用法错误" in err and shown in err
    assert not (tmp_path / "x.pdf").exists()


def test_a_period_beyond_2100_is_refused(cli, db_path):
    err = _refused_unchanged(cli, db_path, 1, "disclosure", "new", "--item", "CW-01", "--period", "9999-M01",
                             "--title", "t")
    assert "9999" in err and "1900–2100" in err


@pytest.mark.parametrize(("text", "shown"), [
    ('{"opening": 1e308, "closing": 0, "rows": []}', "数字“1e308”过大或位数过多"),
    ('{"opening": Infinity}', "“Infinity”不是有效数字"),
    ('{"opening": -Infinity}', "“-Infinity”不是有效数字"),
    ('{"opening": NaN}', "“NaN”不是有效数字"),
    ('{"opening": 1e999999}', "数字“1e999999”过大或位数过多"),
    ('{"opening": ' + "9" * 5000 + "}", "过大或位数过多"),
    ('{"opening": 1.' + "5" * 5000 + "}", "过大或位数过多"),
    ('{"a": ' + "[" * 100_000 + "]" * 100_000 + "}", "括号嵌套过深"),
    ('{"a": ' + "[" * 40 + "]" * 40 + "}", "括号嵌套过深（不能超过 32 层）"),
    ("[1, 2]", "应为一个 JSON 对象"),
    ('{"opening": 1,\n "closing": }', "第 2 行：第 13 列 JSON 格式错误"),
])
def test_content_files_that_json_cannot_hold_as_money_are_refused(cli, db_path, tmp_path, text, shown):
    path = tmp_path / "c.json"
    path.write_text(text, encoding="utf-8")
    err = _refused_unchanged(cli, db_path, 1, "disclosure", "new", "--item", "CW-01", "--period", "2026-M11",
                             "--title", "财务", "--kind", "finance", "--content-file", str(path))
    assert shown in err and "内容文件 c.json" in err
    assert len(err.strip().splitlines()) == 1


def test_content_numbers_within_limits_stay_exact(cli, tmp_path):
    path = tmp_path / "c.json"
    path.write_text(json.dumps({"opening": "1.10", "closing": "3.10", "rows": [
        {"date": "2026-11-03", "voucher": "1", "summary": "收", "class": "收入", "income": 2.0, "expense": None}]}),
        encoding="utf-8")
    code, out, err = cli("disclosure", "new", "--item", "CW-01", "--period", "2026-M11", "--title", "财务",
                         "--kind", "finance", "--content-file", str(path), "--json")
    assert code == 0, err
    code, out, _ = cli("disclosure", "show", str(json.loads(out)["id"]), "--json")
    assert json.loads(out)["content"]["rows"][0]["income"] == "2.00"


def test_content_dates_and_amounts_beyond_range_are_findings_named_by_row(cli, tmp_path):
    path = tmp_path / "c.json"
    path.write_text(json.dumps({"opening": "0", "closing": "0", "rows": [
        {"date": "9999-12-31", "voucher": "1", "summary": "收", "class": "收入", "income": "12345678901234567.89"}]}),
        encoding="utf-8")
    code, out, err = cli("disclosure", "new", "--item", "CW-01", "--period", "2026-M11", "--title", "财务",
                         "--kind", "finance", "--content-file", str(path), "--json")
    assert code == 0
    code, out, _ = cli("disclosure", "show", str(json.loads(out)["id"]), "--json")
    rules = {(f["row"], f["rule"]) for f in json.loads(out)["findings"] if f["severity"] == "error"}
    assert {(1, "date_range"), (1, "range")} <= rules


ROSTER = ("disclosure", "new", "--item", "DB-01", "--period", "2026-Q3", "--title", "低保名单", "--kind", "roster")


def test_a_roster_bomb_is_refused_with_nothing_written(cli, db_path, tmp_path):
    path = write_xlsx(tmp_path / "bomb.xlsx", sheet_xml_parts(roster_rows(2), dimension="A1:C9000000"))
    err = _refused_unchanged(cli, db_path, 1, *ROSTER, "--from", str(path))
    assert "9000000" in err and "100000" in err and "import.max_rows" in err


def test_the_row_limit_is_the_setting(cli, db_path, tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("姓名,身份证号,金额\n" + "".join(f"村民{i},{valid_id(i)},1\n" for i in range(150)),
                    encoding="utf-8")
    assert cli("settings", "set", "import.max_rows", "100")[0] == 0
    err = _refused_unchanged(cli, db_path, 1, *ROSTER, "--from", str(path))
    assert "行数超过导入上限 100 行（设置 import.max_rows）" in err
    err = _refused_unchanged(cli, db_path, 1, "settings", "set", "import.max_rows", "5")
    assert "100–1000000" in err
    assert cli("settings", "set", "import.max_rows", "1000")[0] == 0
    assert cli(*ROSTER, "--from", str(path))[0] == 0


def test_a_nan_cell_is_named_by_file_row_and_column(cli, db_path, tmp_path):
    rows = [(1, HEADER), (2, ("张三", valid_id(1), 1)), (3, ("李四", valid_id(2), b"NaN"))]
    path = write_xlsx(tmp_path / "nan.xlsx", sheet_xml_parts(rows))
    err = _refused_unchanged(cli, db_path, 1, *ROSTER, "--from", str(path))
    assert "文件 nan.xlsx，工作表“名单”，第 3 行，“C”列：单元格的值“NaN”不是有效数字" in err
    assert "ValueError" not in err


def test_xlsx_content_with_an_ods_suffix_imports(cli, tmp_path):
    path = write_xlsx(tmp_path / "名单.ods", sheet_xml_parts(roster_rows(3)))
    code, out, err = cli(*ROSTER, "--from", str(path))
    assert code == 0, err


def test_a_bad_value_found_at_save_time_is_named_by_the_files_row_and_header(cli, db_path, tmp_path):
    path = tmp_path / "dili.csv"
    path.write_text("姓名,身份证号,补贴面积,补贴标准,补贴金额\n"
                    f"张三,{valid_id(1)},1.5,10,15.00\n"
                    f"李四,{valid_id(2)},1.23456,10,12.35\n"
                    f"王五,{valid_id(3)},1,10,12345678901234567.89\n", encoding="utf-8")
    err = _refused_unchanged(cli, db_path, 1, *ROSTER, "--from", str(path))
    assert "文件 dili.csv，第 3 行，“补贴面积”列：补贴面积最多保留 4 位小数：1.23456" in err
    assert "文件 dili.csv，第 4 行，“补贴金额”列：补贴金额超出范围" in err
    assert "quantity" not in err and "amount" not in err


def test_rows_refused_by_the_service_name_the_column_not_the_key():
    _, problems = prepare_rows([{"name": "张三", "quantity": "1.23456"}, {"name": "李四", "amount": 1e20},
                                {"name": "王五", "remark": "备" * 600}])
    lines = [p.located() for p in problems]
    assert lines == ["第 1 行，“数量”：数量最多保留 4 位小数：1.23456",
                     "第 2 行，“金额（元）”：金额超出范围：绝对值不能超过 99,999,999,999,999.99（实为 100000000000000000000）",
                     "第 3 行，“备注”：备注超过 500 个字（实为 600 个字）"]


def test_a_body_longer_than_any_notice_is_refused(cli, db_path, tmp_path):
    path = tmp_path / "body.txt"
    path.write_text("正文" * 30_000, encoding="utf-8")
    err = _refused_unchanged(cli, db_path, 1, "disclosure", "new", "--item", "CW-01", "--period", "2026-M11",
                             "--title", "公告", "--kind", "notice", "--body-file", str(path))
    assert "正文超过 50000 个字（实为 60000 个字）" in err


def test_quantity_times_rate_beyond_the_money_column_is_named_not_a_crash(cli, db_path, tmp_path):
    path = tmp_path / "dili.csv"
    path.write_text("姓名,身份证号,补贴面积,补贴标准\n"
                    f"张三,{valid_id(1)},99999999999999,99999999999999\n", encoding="utf-8")
    err = _refused_unchanged(cli, db_path, 1, *ROSTER, "--from", str(path))
    assert "第 2 行" in err and "金额（补贴面积×补贴标准）超出范围" in err  # named by the file's headers
    _, problems = prepare_rows([{"name": "张三", "quantity": "99999999999999", "rate": "99999999999999"}])
    assert [p.rule for p in problems] == ["range"]
