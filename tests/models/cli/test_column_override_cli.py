"""A content file's ``columns`` say a table column's label, unit or type otherwise than the file's
header (cli.md, disclosure show: "… unless --map or the content file says otherwise"): through
`cunwu disclosure new --from … --content-file …`, seen in `show --json` and in the printed PDF;
a broken entry is refused naming the file, the column and the rule, and nothing is written."""

from __future__ import annotations

import json

import openpyxl
import pytest

from models.rules.roster import COLUMN_TYPES

from ..printing.test_render import all_text, squeezed
from .conftest import ROSTER_ITEM, add_items

ID_1, ID_2 = "11010519491231002X", "110105198001010016"


@pytest.fixture
def cli(empty_village, cunwu):
    add_items(empty_village[1], ROSTER_ITEM)
    return lambda *args: cunwu(*args, user="王文书")


@pytest.fixture
def sheet(tmp_path):
    """A clerk's table whose amounts are in 万元 although its header says only 金额."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["组别", "姓名", "身份证号", "金额"])
    ws.append(["一组", "张三", ID_1, "20"])
    ws.append(["二组", "李四", ID_2, "12.345678"])
    path = tmp_path / "安排表.xlsx"
    book.save(path)
    return path


def _content(tmp_path, columns, name="内容.json"):
    path = tmp_path / name
    path.write_text(json.dumps({"columns": columns}, ensure_ascii=False), encoding="utf-8")
    return path


def _new(cli, sheet, content, *extra):
    return cli("disclosure", "new", "--item", "DB-01", "--period", "2026-Q3", "--title", "资金安排",
               "--from", str(sheet), "--content-file", str(content), "--json", *extra)


def _count(cli) -> int:
    code, out, _err = cli("disclosure", "list", "--json")
    assert code == 0
    return len(json.loads(out))


def test_content_file_gives_the_amount_in_wan_yuan_and_renames_the_group(cli, sheet, tmp_path):
    content = _content(tmp_path, [{"key": "amount", "unit": "万元"}, {"key": "group", "label": "湾组"}])
    code, out, err = _new(cli, sheet, content)
    assert code == 0, err
    rid = json.loads(out)["id"]
    code, out, err = cli("disclosure", "show", str(rid), "--json")
    doc = json.loads(out)
    columns = {c["key"]: c for c in doc["columns"]}
    assert (columns["amount"]["label"], columns["amount"]["unit"]) == ("金额", "万元")
    assert (columns["group"]["label"], columns["group"]["unit"]) == ("湾组", "")
    assert [c["key"] for c in doc["columns"]] == ["group", "name", "id_number", "amount"]
    assert "columns" not in doc["content"]  # stored with the record's columns, not its content
    # read in 万元 (to the fen: six decimals), not refused as 元 with more than two
    assert [r["amount"] for r in doc["rows"]] == ["20.00", "12.345678"]
    assert not [f for f in doc["findings"] if f["severity"] == "error"], doc["findings"]

    pdf = tmp_path / "安排表.pdf"
    code, _out, err = cli("print", str(rid), "--out", str(pdf))
    assert code == 0, err
    flat = squeezed(all_text(pdf.read_bytes()))
    assert "金额（万元）" in flat and "湾组" in flat
    assert "金额（元）" not in flat and "村民小组" not in flat
    assert "12.345678" in flat


def test_a_label_with_its_unit_and_a_new_column(cli, sheet, tmp_path):
    content = _content(tmp_path, [{"key": "amount", "label": "本次分配金额（万元）"},
                                  {"key": "remark", "label": "说明", "public": False}])
    code, out, err = _new(cli, sheet, content)
    assert code == 0, err
    doc = json.loads(cli("disclosure", "show", str(json.loads(out)["id"]), "--json")[1])
    columns = {c["key"]: c for c in doc["columns"]}
    assert (columns["amount"]["label"], columns["amount"]["unit"]) == ("本次分配金额", "万元")
    assert (columns["remark"]["label"], columns["remark"]["public"]) == ("说明", False)
    assert doc["columns"][-1]["key"] == "remark"


def test_without_a_file_the_presets_columns_are_overridden(cli, tmp_path):
    content = _content(tmp_path, [{"key": "amount", "label": "补助金额", "unit": "万元"}])
    code, out, err = cli("disclosure", "new", "--item", "DB-01", "--period", "2026-Q3", "--title", "空表",
                         "--content-file", str(content), "--json")
    assert code == 0, err
    doc = json.loads(cli("disclosure", "show", str(json.loads(out)["id"]), "--json")[1])
    amount = next(c for c in doc["columns"] if c["key"] == "amount")
    assert (amount["label"], amount["unit"]) == ("补助金额", "万元")


@pytest.mark.parametrize(("entry", "column", "rule_words"), [
    ({"key": "amount", "type": "moneyy"}, "金额", "类型“moneyy”无效"),
    ({"key": "amount", "type": ["money"]}, "金额", "类型“['money']”无效"),
    ({"key": "amount", "unit": 10000}, "金额", "单位应为文字"),
    ({"key": "amount", "label": {"zh": "金额"}}, "金额", "列名应为文字"),
    ({"key": "amount", "label": ""}, "金额", "列名不能为空"),
    ({"key": "amount", "label": "   "}, "金额", "列名不能为空"),
    ({"key": "remark", "summed": True}, "备注", "不能合计"),
    ({"key": "amount", "type": "text"}, "金额", "类型固定为金额"),
    ({"key": "name", "label": "金额"}, "姓名", "已有名为“金额”的列"),
    ({"key": "amount", "summed": "yes"}, "金额", "应为 true 或 false"),
    ({"key": "amount", "lable": "钱"}, "amount", "未知的键 lable"),
    ({"label": "钱"}, "", "缺少 key"),
])
def test_a_broken_override_is_refused_naming_file_column_and_rule(cli, sheet, tmp_path, entry, column, rule_words):
    content = _content(tmp_path, [entry], name="坏内容.json")
    before = _count(cli)
    code, out, err = _new(cli, sheet, content)
    assert code == 1 and out == ""
    assert "坏内容.json" in err and "columns 第 1 项" in err and rule_words in err, err
    assert column in err
    assert "未新建记录" in err
    assert _count(cli) == before  # nothing written


def test_columns_for_a_kind_without_a_table_are_refused(cli, tmp_path):
    content = _content(tmp_path, [{"key": "amount", "unit": "万元"}])
    before = _count(cli)
    code, _out, err = cli("disclosure", "new", "--item", "DB-01", "--period", "2026-Q3", "--title", "公告",
                          "--kind", "notice", "--content-file", str(content))
    assert code == 1 and "columns 只用于名单" in err and "内容.json" in err
    assert _count(cli) == before


def test_every_column_type_is_named_in_the_refusal(cli, sheet, tmp_path):
    _code, _out, err = _new(cli, sheet, _content(tmp_path, [{"key": "x_1", "type": "colour"}]))
    assert all(kind in err for kind in COLUMN_TYPES)
