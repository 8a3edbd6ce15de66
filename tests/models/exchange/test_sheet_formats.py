"""The roster files clerks have: merged cells filled down and checked, .xls and .ods read within the
same limits as xlsx, content that does not match its suffix named, remembered mappings applied to
the columns a file has. Files are real: written by openpyxl, by xlwt (.xls), as LibreOffice writes
.ods, and two saved by LibreOffice itself (tests/data/sheets, converted from the openpyxl roster
below with ``soffice --headless --convert-to ods|xls``)."""

from __future__ import annotations

import time
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from models.exchange.roster_import import read_roster
from models.exchange.sheet_formats import read_sheets
from models.exchange.sheet_guard import SheetError
from models.rules.limits import InputLimits
from tests.hostile_files import valid_id
from tests.sheet_files import ODS_HEAD, ODS_TAIL, ods_cell, sheets_of, write_ods, write_xls

DATA = Path(__file__).resolve().parents[2] / "data" / "sheets"
HEADER = ["序号", "村民小组", "姓名", "身份证号", "补贴面积（亩）", "补贴标准（元/亩）", "补贴金额（元）", "备注"]


def merged_roster(path: Path, *, wrong_amount: bool = True) -> Path:
    """A 地力补贴 roster with a title merged across, 村民小组 merged down over 一组's three rows and
    the rate (100 元/亩) merged down over all four rows — the value stands in the first row only."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "发放名单"
    ws["A1"] = "2026年耕地地力保护补贴发放名单"
    ws.merge_cells("A1:H1")
    ws.append(HEADER)
    rows = [(1, "一组", "张三", valid_id(1), 2.5, 100, 250), (2, None, "李四", valid_id(2), 1.2, None, 120),
            (3, None, "王五", valid_id(3), 3.5, None, 360 if wrong_amount else 350),
            (4, "二组", "赵六", valid_id(4), 4, None, 400)]
    for r in rows:
        ws.append([*r, None])
    ws.merge_cells("B3:B5")
    ws.merge_cells("F3:F6")
    ws.append(["合计", None, None, None, 11.2, None, 1130 if wrong_amount else 1120, None])
    wb.save(path)
    return path


def as_format(path: Path, fmt: str) -> Path:
    if fmt == "xlsx":
        return path
    return (write_xls if fmt == "xls" else write_ods)(path.with_suffix(f".{fmt}"), sheets_of(path))


def _rows(result):
    return [(r["name"], r.get("group"), r.get("rate"), r.get("amount")) for r in result.rows]


@pytest.mark.parametrize("fmt", ["xlsx", "xls", "ods"])
def test_merged_cells_fill_every_row_and_the_amounts_are_checked(tmp_path, fmt):
    path = as_format(merged_roster(tmp_path / "名单.xlsx"), fmt)
    result = read_roster(path)
    assert _rows(result) == [("张三", "一组", Decimal(100), Decimal(250)), ("李四", "一组", Decimal(100), Decimal(120)),
                             ("王五", "一组", Decimal(100), Decimal(360)), ("赵六", "二组", Decimal(100), Decimal(400))]
    # the merged rate is checked in every row it spans: 王五's amount is wrong, the others are right
    assert [(p.file, p.row, p.field, p.rule) for p in result.problems] == [
        (path.name, 5, "补贴金额（元）", "amount_arithmetic")]
    assert "3.5 × 100 = 350.00" in result.problems[0].message
    assert result.row_numbers == [3, 4, 5, 6] and result.skipped_total_row == 7


@pytest.mark.parametrize("fmt", ["xlsx", "xls", "ods"])
def test_a_correct_merged_roster_reads_clean(tmp_path, fmt):
    result = read_roster(as_format(merged_roster(tmp_path / "名单.xlsx", wrong_amount=False), fmt))
    assert result.ok and result.warnings == []
    assert [r["rate"] for r in result.rows] == [Decimal(100)] * 4


@pytest.mark.parametrize("name", ["merged_roster.ods", "merged_roster.xls"])
def test_files_saved_by_libreoffice_are_read(name):
    result = read_roster(DATA / name)
    assert _rows(result) == [("张三", "一组", Decimal(100), Decimal(250)), ("李四", "一组", Decimal(100), Decimal(120)),
                             ("王五", "一组", Decimal(100), Decimal(360)), ("赵六", "二组", Decimal(100), Decimal(400))]
    assert [(p.row, p.rule) for p in result.problems] == [(5, "amount_arithmetic")]
    assert result.sheet == "发放名单" and result.header_row == 2


# --- limits: the same for every format --------------------------------------------------------------

def _big_rows(n: int) -> list[list[object]]:
    return [["姓名", "身份证号", "金额"]] + [[f"村民{i}", valid_id(i), 100] for i in range(1, n)]


@pytest.mark.parametrize("fmt", ["xls", "ods"])
def test_rows_over_the_limit_are_refused_naming_the_setting(tmp_path, fmt):
    path = (write_xls if fmt == "xls" else write_ods)(tmp_path / f"big.{fmt}", [("名单", _big_rows(150), [])])
    result = read_roster(path, limits=InputLimits(max_rows=100))
    assert [(p.file, p.rule) for p in result.problems] == [(path.name, "max_rows")]
    assert "import.max_rows" in result.problems[0].message and result.rows == []
    assert read_roster(path, limits=InputLimits(max_rows=200)).ok


@pytest.mark.parametrize("fmt", ["xls", "ods"])
def test_a_cell_over_the_length_limit_is_located(tmp_path, fmt):
    rows = [["姓名", "身份证号", "金额", "备注"], ["张三", valid_id(1), 100, "长" * 600]]
    path = (write_xls if fmt == "xls" else write_ods)(tmp_path / f"long.{fmt}", [("名单", rows, [])])
    result = read_roster(path, limits=InputLimits(max_cell_chars=500))
    assert [(p.row, p.field, p.rule) for p in result.problems] == [(2, "D", "cell_length")]


def test_ods_trailing_empty_rows_and_columns_cost_nothing(tmp_path):
    # write_ods ends every sheet as LibreOffice does: 1,048,000 empty rows of 1,024 cells, as one element
    path = write_ods(tmp_path / "r.ods", [("名单", _big_rows(3), [])])
    start = time.perf_counter()
    grids = read_sheets(path, None, InputLimits(max_rows=100, max_columns=10))
    assert time.perf_counter() - start < 2
    assert [len(g.rows) for g in grids] == [3] and max(len(r) for r in grids[0].rows) == 3


def test_ods_repeated_rows_and_columns_beyond_the_limits_are_refused(tmp_path):
    row = f'<table:table-row table:number-rows-repeated="5000000">{ods_cell("张三")}</table:table-row>'
    tall = write_ods(tmp_path / "tall.ods", [], raw_content=(
        f'{ODS_HEAD}<table:table table:name="名单">{row}</table:table>{ODS_TAIL}').encode())
    with pytest.raises(SheetError) as caught:
        read_sheets(tall, None, InputLimits(max_rows=1000))
    assert caught.value.rule == "max_rows" and caught.value.sheet == "名单"

    cell = '<table:table-cell table:number-columns-repeated="100000" office:value-type="string"><text:p>x</text:p></table:table-cell>'
    wide = write_ods(tmp_path / "wide.ods", [], raw_content=(
        f'{ODS_HEAD}<table:table table:name="名单"><table:table-row>{cell}</table:table-row>'
        f'</table:table>{ODS_TAIL}').encode())
    with pytest.raises(SheetError) as caught:
        read_sheets(wide, None, InputLimits())
    assert caught.value.rule == "max_columns" and caught.value.row == 1


def test_ods_with_entity_declarations_is_refused(tmp_path):
    content = ('<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
               + ODS_HEAD.split("?>", 1)[1] + '<table:table table:name="s"><table:table-row>'
               + '<table:table-cell office:value-type="string"><text:p>&b;</text:p></table:table-cell>'
               + '</table:table-row></table:table>' + ODS_TAIL)
    path = write_ods(tmp_path / "lol.ods", [], raw_content=content.encode())
    result = read_roster(path)
    assert [(p.file, p.rule) for p in result.problems] == [("lol.ods", "format")]


def test_a_damaged_xls_is_a_sentence_not_a_traceback(tmp_path):
    good = write_xls(tmp_path / "good.xls", [("名单", _big_rows(5), [])]).read_bytes()
    bad = tmp_path / "bad.xls"
    bad.write_bytes(good[: len(good) // 2])
    result = read_roster(bad)
    assert len(result.problems) == 1 and result.problems[0].file == "bad.xls"
    assert "另存为 .xlsx" in result.problems[0].message and "Error" not in result.problems[0].message


def test_a_wps_et_file_xlrd_cannot_read_is_named(tmp_path):
    path = tmp_path / "名单.et"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1000)
    [p] = read_roster(path).problems
    assert p.file == "名单.et" and "WPS" in p.message and ".et" in p.message and "另存为" in p.message
    # an .et that WPS saved as Excel 97-2003 inside is read
    good = write_xls(tmp_path / "x.xls", [("名单", _big_rows(3), [])]).rename(tmp_path / "好.et")
    assert [r["name"] for r in read_roster(good).rows] == ["村民1", "村民2"]


# --- content that does not match the suffix ---------------------------------------------------------

@pytest.mark.parametrize("name,content,words", [
    ("名单.xls", "<html><body><table><tr><td>姓名</td></tr></table></body></html>", "网页"),
    ("名单.ods", "姓名,身份证号,金额\n张三,1,2\n", "文本"),
    ("名单.xlsx", "姓名,身份证号,金额\n张三,1,2\n", "文本"),
])
def test_content_that_does_not_match_its_suffix_is_named(tmp_path, name, content, words):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    result = read_roster(path)
    [p] = result.problems
    assert p.file == name and p.rule == "format" and words in p.message and path.suffix in p.message


def test_a_workbook_behind_another_workbook_suffix_is_read_by_its_content(tmp_path):
    path = write_xls(tmp_path / "名单.xls", [("名单", _big_rows(3), [])])
    renamed = path.rename(tmp_path / "名单.xlsx")
    assert [r["name"] for r in read_roster(renamed).rows] == ["村民1", "村民2"]


# --- remembered mappings ------------------------------------------------------------------------

def _csv(path: Path, header: str, *rows: str) -> Path:
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


REMEMBERED = {"name": "户主", "id_number": "证件", "amount": "钱数", "bank_card": "卡号", "remark": "备注"}


def test_a_remembered_mapping_applies_to_the_columns_the_file_has(tmp_path):
    path = _csv(tmp_path / "今年.csv", "户主,证件,钱数", f"张三,{valid_id(1)},100.00")
    result = read_roster(path, remembered=REMEMBERED)
    assert result.ok, [p.located() for p in result.problems]
    assert result.mapping == {"name": "户主", "id_number": "证件", "amount": "钱数"}
    assert result.rows[0]["amount"] == Decimal("100.00")


def test_a_required_column_missing_from_a_remembered_mapping_is_named(tmp_path):
    path = _csv(tmp_path / "今年.csv", "申领人员,证件,钱数", f"张三,{valid_id(1)},100.00")
    result = read_roster(path, remembered=REMEMBERED)
    [p] = result.problems
    assert (p.file, p.field, p.rule) == ("今年.csv", "姓名", "missing_column")
    assert "户主" in p.message and "必填" in p.message
    # a mapping given for this import (--map) still names a header the file lacks, optional or not
    explicit = read_roster(path, {"name": "申领人员", "id_number": "证件", "bank_card": "卡号"})
    assert [p.rule for p in explicit.problems] == ["missing_header"]


def test_overlapping_merged_ranges_are_refused_not_filled_for_minutes(tmp_path):
    from models.exchange.sheet_guard import fill_merged_down

    rows = [("姓名", "标准")] + [(f"村民{i}", 100 if i == 1 else None) for i in range(1, 1001)]
    merges = [(2, 2, 1001, 2)] * 5000  # the same range 5,000 times: 5 million cells from 1,000 rows
    start = time.perf_counter()
    with pytest.raises(SheetError) as caught:
        fill_merged_down(rows, merges, 2, file="r.xlsx", sheet="名单")
    assert caught.value.rule == "merges" and time.perf_counter() - start < 2
    # valid ranges fill: every column merged down over the whole table, rows otherwise one cell wide
    rows = [("姓名", "一", "二", "三")] + [("甲", 1, 2, 3)] + [("乙",)] * 99
    filled = fill_merged_down(rows, [(2, c, 101, c) for c in (2, 3, 4)], 2, file="r.xlsx")
    assert filled[-1] == ("乙", 1, 2, 3)
