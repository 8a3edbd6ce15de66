"""Issue 11, parts 1–2: every spreadsheet limit is checked before the work, and every way a file can
be broken is one located Chinese line — never "程序内部错误", never minutes and gigabytes."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from models.exchange.roster_import import read_roster
from models.exchange.sheet_guard import SheetError, check_xlsx, column_letter
from models.rules.limits import DEFAULT_MAX_ROWS, InputLimits
from tests.hostile_files import (
    GOOD_ID,
    HEADER,
    roster_rows,
    sheet_xml_parts,
    valid_id,
    write_huge_cell_xlsx,
    write_xlsx,
)

MAP = {"name": "姓名", "id_number": "身份证号", "amount": "金额"}


def _one_problem(result):
    assert len(result.problems) == 1, [p.located() for p in result.problems]
    return result.problems[0]


def _refused(path, limits=None):
    return _one_problem(read_roster(path, MAP, limits=limits))


# --- limits checked before parsing ------------------------------------------------------------------

def test_a_declared_range_of_millions_of_rows_is_refused_naming_the_limit_and_setting(tmp_path):
    path = write_xlsx(tmp_path / "bomb.xlsx", sheet_xml_parts(roster_rows(2), dimension="A1:C5000000"))
    p = _refused(path)
    assert p.rule == "max_rows" and p.sheet == "名单"
    assert "5000000" in p.message and str(DEFAULT_MAX_ROWS) in p.message and "import.max_rows" in p.message


def test_a_declared_range_to_column_xfd_is_refused_before_openpyxl_pads_rows_to_it(tmp_path):
    path = write_xlsx(tmp_path / "wide.xlsx", sheet_xml_parts(roster_rows(2), dimension="A1:XFD30001"))
    p = _refused(path, InputLimits(max_rows=40_000))
    assert p.rule == "max_columns" and "XFD" in p.message and "256" in p.message


def test_real_rows_beyond_the_limit_are_counted_while_streaming_even_when_the_dimension_lies(tmp_path):
    path = write_xlsx(tmp_path / "rows.xlsx", sheet_xml_parts(roster_rows(DEFAULT_MAX_ROWS + 10), dimension="A1:C3"))
    assert path.stat().st_size < 3_000_000  # small on disk
    p = _refused(path)
    assert p.rule == "max_rows" and f"{DEFAULT_MAX_ROWS} 行" in p.message


def test_the_row_limit_follows_the_limits_given(tmp_path):
    path = write_xlsx(tmp_path / "r.xlsx", sheet_xml_parts(roster_rows(150), dimension=None))
    assert _refused(path, InputLimits(max_rows=100)).rule == "max_rows"
    result = read_roster(path, MAP, limits=InputLimits(max_rows=1000))
    assert result.ok and len(result.rows) == 150


def test_a_gigabyte_cell_is_refused_by_its_declared_unpacked_size(tmp_path):
    path = write_huge_cell_xlsx(tmp_path / "cell.xlsx", 300 * 1024 * 1024)
    assert path.stat().st_size < 2_000_000
    p = _refused(path)
    assert p.rule == "unpacked_size" and "256 MB" in p.message


def test_a_cell_longer_than_excel_allows_is_refused_while_streaming(tmp_path):
    # 1 MB of text between two tags: the byte scan refuses it before any XML is parsed.
    path = write_huge_cell_xlsx(tmp_path / "cell.xlsx", 1024 * 1024)
    p = _refused(path)
    assert p.rule == "cell_length" and "32767" in p.message


def test_a_cell_just_over_the_character_limit_is_named_by_row_and_column(tmp_path):
    rows = [(1, HEADER), (2, ("张三", GOOD_ID, 100)), (3, ("李四", valid_id(1), "九" * 40_000))]
    path = write_xlsx(tmp_path / "c.xlsx", sheet_xml_parts(rows))
    p = _refused(path)
    assert (p.rule, p.row, p.field) == ("cell_length", 3, "C")
    assert "40000" in p.message


def test_all_parts_together_are_bounded_unpacked(tmp_path):
    path = write_xlsx(tmp_path / "big.xlsx", sheet_xml_parts(roster_rows(30_000)))
    p = _refused(path, InputLimits(max_unpacked_bytes=1024 * 1024))
    assert p.rule == "unpacked_size" and "1 MB" in p.message


def test_a_file_bigger_than_the_limit_on_disk_is_refused_unread(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("姓名,身份证号,金额\n" + "张三,11010519491231002X,1\n" * 2000, encoding="utf-8")
    p = _refused(path, InputLimits(max_file_bytes=10_000))
    assert p.rule == "file_size" and "超过上限" in p.message


def test_check_xlsx_accepts_a_workbook_as_excel_writes_it(tmp_path):
    check_xlsx(write_xlsx(tmp_path / "ok.xlsx"), InputLimits())


def test_column_letters():
    assert [column_letter(n) for n in (1, 26, 27, 256, 16384)] == ["A", "Z", "AA", "IV", "XFD"]


# --- csv: the same limits ---------------------------------------------------------------------------

def _csv(tmp_path, text: str) -> Path:
    path = tmp_path / "r.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_csv_rows_beyond_the_limit(tmp_path):
    path = _csv(tmp_path, "姓名,身份证号,金额\n" + "".join(f"张三,{valid_id(i)},1\n" for i in range(120)))
    p = _refused(path, InputLimits(max_rows=100))
    assert p.rule == "max_rows" and "100 行" in p.message


def test_csv_cell_too_long_named_by_row_and_column(tmp_path):
    path = _csv(tmp_path, f"姓名,身份证号,金额,备注\n张三,{GOOD_ID},1,ok\n李四,{valid_id(1)},1,{'x' * 40_000}\n")
    p = _refused(path)
    assert (p.rule, p.row, p.field) == ("cell_length", 3, "D")


def test_csv_field_beyond_the_csv_modules_own_limit_is_one_chinese_line(tmp_path):
    path = _csv(tmp_path, f'姓名,身份证号,金额\n张三,{GOOD_ID},"{"x" * 200_000}\n')
    p = _refused(path)
    assert p.rule == "csv" and "CSV 格式有误" in p.message and "field" not in p.message


def test_csv_too_many_columns(tmp_path):
    path = _csv(tmp_path, "姓名,身份证号,金额" + ",x" * 300 + "\n")
    p = _refused(path)
    assert p.rule == "max_columns" and p.row == 1


# --- broken files: one located message each -----------------------------------------------------------

def test_malformed_sheet_xml(tmp_path):
    path = write_xlsx(tmp_path / "x.xlsx", raw_sheet=b'<?xml version="1.0"?><worksheet><sheetData><row r="1"><c r=')
    p = _refused(path)
    assert p.rule == "corrupt" and "XML 格式有误" in p.message


def test_corrupt_deflate_stream(tmp_path):
    path = write_xlsx(tmp_path / "z.xlsx", sheet_xml_parts(roster_rows(2000)))
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for i in range(start + 100, start + 400):
        data[i] ^= 0x5A
    path.write_bytes(bytes(data))
    p = _refused(path)
    assert p.rule == "corrupt" and "文件已损坏" in p.message


def test_not_a_zip_at_all_behind_an_xlsx_suffix(tmp_path):
    path = tmp_path / "r.xlsx"
    path.write_bytes(b"PK\x03\x04 this is not a zip")
    p = _refused(path)
    assert p.rule == "corrupt" and "文件已损坏" in p.message


def test_xlsx_content_behind_an_ods_suffix_is_read_by_its_content(tmp_path):
    path = write_xlsx(tmp_path / "名单.ods")
    result = read_roster(path, MAP)
    assert result.ok, [p.located() for p in result.problems]
    assert [r["name"] for r in result.rows] == ["村民0"]


def test_a_damaged_ods_is_named_as_such(tmp_path):
    # .ods files are read now (test_sheet_formats); one whose content.xml is not XML is refused by name
    path = tmp_path / "r.ods"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", "<office:document-content/>")
    p = _refused(path)
    assert p.rule == "corrupt" and ".ods" in p.message and "另存为 .xlsx" in p.message


def test_a_nan_cell_is_named_by_row_and_column(tmp_path):
    rows = [(1, HEADER), (2, ("张三", GOOD_ID, 100)), (3, ("李四", valid_id(1), b"NaN"))]
    path = write_xlsx(tmp_path / "nan.xlsx", sheet_xml_parts(rows))
    p = _refused(path)
    assert (p.rule, p.row, p.field) == ("number", 3, "C")
    assert "NaN" in p.message and "ValueError" not in p.message


@pytest.mark.parametrize("value", [b"1e308", b"1E+20", b"12345678901234567.89", "12345678901234567.89", b"1e-300"])
def test_numbers_beyond_the_money_column_are_refused_with_the_header(tmp_path, value):
    rows = [(1, HEADER), (2, ("张三", GOOD_ID, 100)), (5, ("李四", valid_id(1), value))]
    path = write_xlsx(tmp_path / "big.xlsx", sheet_xml_parts(rows, dimension="A1:C5"))
    result = read_roster(path, MAP)
    p = _one_problem(result)
    assert (p.row, p.field) == (5, "金额")
    assert "超出范围" in p.message or "位数过多" in p.message


def test_field_lengths_and_places_named_with_file_row_and_header(tmp_path):
    path = _csv(tmp_path, "姓名,身份证号,补贴面积,补贴标准,备注\n"
                          f"张三,{GOOD_ID},1.23456,10,ok\n"
                          f"{'王' * 60},{valid_id(1)},1,10,{'x' * 600}\n")
    result = read_roster(path, {"name": "姓名", "id_number": "身份证号", "quantity": "补贴面积",
                                "rate": "补贴标准", "remark": "备注"})
    found = {(p.row, p.field, p.rule) for p in result.problems}
    assert found == {(2, "补贴面积", "precision"), (3, "姓名", "length"), (3, "备注", "length")}
    assert all(p.file == "r.csv" for p in result.problems)
    assert "文件 r.csv，第 3 行，“备注”列：备注超过 500 个字" in [p.located() for p in result.problems][2]


def test_sheet_error_reads_as_one_line():
    err = SheetError("单元格的值“NaN”不是有效数字", file="a.xlsx", sheet="名单", row=3, column="C")
    assert str(err) == "文件 a.xlsx，工作表“名单”，第 3 行，C 列：单元格的值“NaN”不是有效数字"
    assert "\n" not in str(err)
