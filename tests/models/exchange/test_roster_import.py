"""Reading clerks' roster files: real xlsx and csv files built here, as clerks make them."""

from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest

from models.exchange.roster_import import guess_mapping, parse_map_spec, read_roster, read_table

GOOD_ID = "11010519491231002X"
GOOD_ID_2 = "410322196501011233"
WRONG_CHECK_DIGIT = "110105194912310029"


def _dili_xlsx(path, rows):
    """A 地力补贴 roster as clerks make it: a merged title row, a blank row, a two-row header with
    units under the names (the other header cells merged vertically), then ``rows`` placed at the
    given Excel row numbers, then a 合计 line and a signature line."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "发放名单"
    ws["A1"] = "2026年耕地地力保护补贴发放名单"
    ws.merge_cells("A1:H1")
    upper = ["序号", "村民小组", "姓名", "身份证号", "补贴面积", "补贴标准", "补贴金额", "备注"]
    lower = [None, None, None, None, "亩", "元/亩", "元", None]
    for c, (u, lo) in enumerate(zip(upper, lower, strict=True), start=1):
        ws.cell(3, c, u)
        ws.cell(4, c, lo)
        if lo is None:
            ws.merge_cells(start_row=3, end_row=4, start_column=c, end_column=c)
    last = 4
    for excel_row, values in rows:
        for c, v in enumerate(values, start=1):
            ws.cell(excel_row, c, v)
        last = excel_row
    ws.cell(last + 2, 1, "合计")
    ws.cell(last + 2, 7, "999.99")
    ws.cell(last + 4, 1, "制表人：王文书　　审核：李主任")
    wb.save(path)
    return path


GOOD_ROWS = [
    (5, [1, "一组", "张三", GOOD_ID, 11211.57, 18.34, 205620.19, None]),
    (7, [2, "二组", "李四", GOOD_ID_2, "1,234.50", "  12 ", "14,814.00", "补发"]),  # numbers stored as text
]


def test_xlsx_with_title_two_row_header_blank_lines_and_totals(tmp_path):
    path = _dili_xlsx(tmp_path / "dili.xlsx", GOOD_ROWS)
    result = read_roster(path)
    assert result.problems == []
    assert result.header_row == 3
    assert result.headers[4:7] == ["补贴面积（亩）", "补贴标准（元/亩）", "补贴金额（元）"]
    assert result.mapping == {"group": "村民小组", "name": "姓名", "id_number": "身份证号",
                              "quantity": "补贴面积（亩）", "rate": "补贴标准（元/亩）", "amount": "补贴金额（元）",
                              "remark": "备注"}
    assert result.row_numbers == [5, 7]
    assert result.skipped_total_row == 9
    assert result.rows[0] == {"group": "一组", "name": "张三", "id_number": GOOD_ID,
                              "quantity": Decimal("11211.57"), "rate": Decimal("18.34"),
                              "amount": Decimal("205620.19"), "remark": None}
    assert result.rows[1]["quantity"] == Decimal("1234.50") and result.rows[1]["rate"] == Decimal("12")
    assert result.totals()["amount"] == Decimal("220434.19")
    # the file's own 合计 (999.99) is wrong: a warning, the computed total is what counts
    assert [(w.row, w.rule) for w in result.warnings] == [(9, "file_total")]


@pytest.mark.parametrize("header", ["补贴面积", "亩", "补贴面积（亩）", "补贴面积(亩)"])
def test_a_two_row_header_maps_by_the_upper_the_lower_or_the_joined_text(tmp_path, header):
    path = _dili_xlsx(tmp_path / "dili.xlsx", GOOD_ROWS)
    result = read_roster(path, mapping={"quantity": header})
    assert result.problems == []
    assert result.mapping["quantity"] == "补贴面积（亩）"
    assert result.rows[0]["quantity"] == Decimal("11211.57")


def test_bad_rows_are_all_reported_with_excel_row_column_and_rule(tmp_path):
    rows = GOOD_ROWS + [
        (8, [3, "二组", "王五", WRONG_CHECK_DIGIT, 10, 18.34, 183.4, None]),  # wrong check digit
        (10, [4, "三组", "赵六", "410322196501011241", 11211.57, 18.34, 205620.20, None]),  # ≠ area × rate
        (11, [5, "三组", None, "410322196501011268", 1, 2, 2, None]),  # missing name
        (12, [6, "三组", "钱七", "410322196501011284", "一百", 18.34, 1834, None]),  # not a number
    ]
    path = _dili_xlsx(tmp_path / "bad.xlsx", rows)
    result = read_roster(path)
    got = [(p.row, p.field, p.rule) for p in result.problems]
    assert got == [
        (8, "身份证号", "id_check_digit"),
        (10, "补贴金额（元）", "amount_arithmetic"),
        (11, "姓名", "required"),
        (12, "补贴面积（亩）", "number"),
    ]
    assert all(p.file == "bad.xlsx" and p.sheet == "发放名单" for p in result.problems)
    by_rule = {p.rule: p for p in result.problems}
    assert by_rule["id_check_digit"].message.startswith("身份证号校验位错误")
    # named as the file heads the column
    assert by_rule["amount_arithmetic"].message == "补贴金额应为 11211.57 × 18.34 = 205620.19，实为 205620.20"
    assert "一百" in by_rule["number"].message
    assert by_rule["required"].located() == "文件 bad.xlsx，工作表“发放名单”，第 11 行，“姓名”列：姓名未填写"


def test_duplicate_id_numbers_name_both_excel_rows(tmp_path):
    rows = GOOD_ROWS + [(8, [3, "二组", "张三", GOOD_ID, 1, 2, 2, None])]
    result = read_roster(_dili_xlsx(tmp_path / "dup.xlsx", rows))
    assert [(p.row, p.rule) for p in result.problems] == [(8, "duplicate_id")]
    assert "第 5 行和第 8 行" in result.problems[0].message


def _dibao_csv(names):
    return ("2026年1月低保金发放名单\n"
            "组别,户主姓名,身份证号码,家庭人口,保障类别,月保障金（元）,备注\n"
            f"一组,{names[0]},{GOOD_ID},3,A类,\"1,234.50\",\n"
            "\n"
            f"二组,{names[1]},{GOOD_ID_2},2,B类,680,\n"
            "合 计,,,5,,1914.50,\n")


DIBAO_COLUMNS = ["group", "name", "id_number", "household_size", "保障类别", "amount", "remark"]


@pytest.mark.parametrize("names,encoding", [
    (("王堃", "龑喆"), "gbk"),  # WPS saves csv in GBK; these rare characters are in GBK
    (("张䶮", "李㛃"), "gb18030"),  # CJK Ext-A, beyond GBK
])
def test_gbk_csv_with_rare_characters(tmp_path, names, encoding):
    path = tmp_path / "dibao.csv"
    path.write_bytes(_dibao_csv(names).encode(encoding))
    result = read_roster(path, columns=DIBAO_COLUMNS)
    assert result.problems == [] and result.warnings == []
    assert result.encoding == "gbk"
    assert [r["name"] for r in result.rows] == list(names)
    assert result.rows[0]["保障类别"] == "A类"
    assert result.rows[0]["amount"] == Decimal("1234.50")
    assert result.row_numbers == [3, 5]
    assert result.skipped_total_row == 6
    assert result.totals()["household_size"] == 5


def test_utf8_bom_csv_and_bad_rows(tmp_path):
    text = ("姓名,身份证号,金额\n"
            f"张三,{GOOD_ID},100\n"
            f",{WRONG_CHECK_DIGIT},一百\n")
    path = tmp_path / "bom.csv"
    path.write_bytes(text.encode("utf-8-sig"))
    result = read_roster(path)
    assert result.encoding == "utf-8"
    assert result.headers == ["姓名", "身份证号", "金额"]  # no BOM glued to the first header
    assert [(p.row, p.field, p.rule) for p in result.problems] == [
        (3, "姓名", "required"), (3, "身份证号", "id_check_digit"), (3, "金额", "number")]


def test_unmapped_columns_are_kept_only_when_asked(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text(f"序号,姓名,身份证号,金额,救助事由\n1,张三,{GOOD_ID},500,因病\n", encoding="utf-8")
    assert "救助事由" not in read_roster(path).rows[0]
    kept = read_roster(path, keep_unmapped=True)
    assert kept.rows[0]["救助事由"] == "因病"
    assert "序号" not in kept.rows[0]
    assert kept.columns == ["name", "id_number", "amount", "救助事由"]


def test_mapping_naming_a_missing_header_is_one_problem(tmp_path):
    path = _dili_xlsx(tmp_path / "dili.xlsx", GOOD_ROWS)
    result = read_roster(path, mapping={"name": "户主姓名"})
    assert len(result.problems) == 1
    assert "户主姓名" in result.problems[0].message and result.problems[0].rule == "missing_header"
    assert result.rows == []


def test_missing_required_column_is_one_problem(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text(f"姓名,身份证号\n张三,{GOOD_ID}\n李四,{GOOD_ID_2}\n", encoding="utf-8")
    result = read_roster(path, columns=["name", "id_number", "amount"])
    assert [p.rule for p in result.problems] == ["missing_column"]
    assert "金额" in result.problems[0].message
    # a preset's custom column missing from the file is only a warning
    result = read_roster(path, columns=["name", "id_number", "救助事由"])
    assert result.problems == [] and [w.message for w in result.warnings] == ["文件中没有“救助事由”列，该列留空"]


@pytest.mark.parametrize("name,content", [
    ("photo.xlsx", b"\x89PNG\r\n\x1a\n not a workbook"),
    ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100),
    ("notes.csv", "随便写的一段话，没有表头\n第二行\n".encode()),
    ("image.png", b"\x89PNG\r\n\x1a\n"),
])
def test_unreadable_files_are_problems_not_tracebacks(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    result = read_roster(path)
    assert result.rows == [] and len(result.problems) == 1
    assert result.problems[0].file == name
    assert read_roster(tmp_path / "missing.xlsx").problems[0].message == "文件不存在"


def test_parse_map_spec():
    assert parse_map_spec("name=姓名,id_number=身份证号,amount=金额") == {
        "name": "姓名", "id_number": "身份证号", "amount": "金额"}
    assert parse_map_spec("name＝户主姓名，x_1=保障类别, 救助事由=事由") == {
        "name": "户主姓名", "x_1": "保障类别", "救助事由": "事由"}
    for bad in ("", "name", "nmae=姓名", "name=姓名,name=户主", "name=姓名,remark=姓名", "=姓名"):
        with pytest.raises(ValueError) as exc:
            parse_map_spec(bad)
        assert "--map" in str(exc.value)


def test_guess_mapping():
    headers = ["序号", "组", "户主姓名", "公民身份号码", "人口数", "亩数", "单价", "发放金额", "一卡通账号",
               "开户行", "手机号", "家庭住址", "备注", "合计金额"]
    assert guess_mapping(headers) == {
        "group": "组", "name": "户主姓名", "id_number": "公民身份号码", "household_size": "人口数",
        "quantity": "亩数", "rate": "单价", "amount": "发放金额", "remark": "备注", "bank_card": "一卡通账号",
        "bank_branch": "开户行", "phone": "手机号", "address": "家庭住址"}
    assert guess_mapping(["姓名", "合计金额（元）"])["amount"] == "合计金额（元）"


def test_read_table_keeps_a_header_named_like_a_total(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text(f"姓名,身份证号,合计金额\n张三,{GOOD_ID},10\n合计,,10\n", encoding="utf-8")
    table = read_table(path)
    assert table.headers == ["姓名", "身份证号", "合计金额"]
    assert [n for n, _ in table.rows] == [2] and table.skipped_total_row == 3


def test_preamble_lines_subtotals_and_a_total_above_the_last_rows(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text(
        "临时救助对象公示\n"
        "联系电话：0379-12345678,地址：城关镇\n"
        "组别,姓名,身份证号,金额\n"
        f"一组,张三,{GOOD_ID},100\n"
        "一组小计,,,100\n"
        "合计,,,300\n"
        f"二组,李四,{GOOD_ID_2},200\n"
        "村民委员会（盖章）,,,\n"
        ",,2026年3月5日,\n",
        encoding="utf-8")
    table = read_table(path)
    assert table.header_row == 3
    assert [n for n, _ in table.rows] == [4, 7]
    assert table.skipped_total_row == 6 and table.skipped_rows == [5, 8, 9]
    result = read_roster(path)
    assert result.problems == [] and result.warnings == []


def test_ten_thousand_row_xlsx(tmp_path):
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("名单")
    ws.append(["2026年耕地地力保护补贴发放名单"])
    ws.append(["村民小组", "姓名", "身份证号", "面积（亩）", "补贴标准（元/亩）", "补贴金额（元）"])
    for i in range(10_000):
        ws.append([f"{i % 9 + 1}组", f"村民{i}", _id(i), "2.50", 18.34, 45.85])
    ws.append(["合计", None, None, None, None, "458500.00"])
    wb.save(tmp_path / "big.xlsx")
    result = read_roster(tmp_path / "big.xlsx")
    assert result.problems == [] and result.warnings == []
    assert len(result.rows) == 10_000 and result.row_numbers[-1] == 10_002
    assert result.totals()["amount"] == Decimal("458500.00")


def _id(i: int) -> str:
    from stdnum.cn import ric

    body = f"410322{19600101 + (i % 28) + 100 * (i // 28 % 12):08d}{i % 1000:03d}"
    return body + ric.calc_check_digit(body + "X")  # stdnum wants a placeholder for the check digit
