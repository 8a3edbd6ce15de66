"""Workbooks the app writes print legibly (issue 9, part 7): row heights that fit wrapped text,
widths from content within bounds, header rows repeated on each page, landscape A3 scaled to the
page width only. Checked in the written file, read back with openpyxl."""

from __future__ import annotations

import openpyxl
from openpyxl.styles import Alignment, Font

from models.exchange.catalog_xlsx import FIRST_DATA_ROW, SHEET_NAME, export_catalog_xlsx
from models.exchange.xlsx_layout import (
    MIN_ROW_HEIGHT,
    fit_row_heights,
    lay_out_for_print,
    row_lines_fit,
    wrapped_lines,
)


def test_wrapped_lines_counts_cjk_as_full_width():
    # 10 pt: a 10-unit column holds (10 − 0.8) × 5.25 / 10 = 4.8 CJK characters a line
    assert wrapped_lines("一二三四", 10, 10) == 1
    assert wrapped_lines("一二三四五六七八九十", 10, 10) == 3
    assert wrapped_lines("一二\n三四", 10, 10) == 2
    assert wrapped_lines("abcdefgh", 10, 10) == 1  # Latin letters are about half as wide


def test_catalog_export_prints_legibly(village, tmp_path):
    _db, ctx = village
    path = tmp_path / "目录.xlsx"
    count = export_catalog_xlsx(ctx, path)
    ws = openpyxl.load_workbook(path)[SHEET_NAME]

    # print settings: header rows on every page, landscape A3, one page wide and as many down as needed
    assert ws.print_title_rows == "$2:$3"
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A3)
    assert (int(ws.page_setup.fitToWidth), int(ws.page_setup.fitToHeight)) == (1, 0)
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True

    # every row has a height, and every wrapped cell's lines fit in it
    last = FIRST_DATA_ROW + count - 1
    assert ws.max_row == last
    for r in range(1, last + 1):
        assert ws.row_dimensions[r].height, r
        assert row_lines_fit(ws, r), (r, [c.value for c in ws[r]])
    heights = [ws.row_dimensions[r].height for r in range(FIRST_DATA_ROW, last + 1)]
    assert min(heights) >= MIN_ROW_HEIGHT and max(heights) > 3 * MIN_ROW_HEIGHT  # long 公开内容 wraps
    # the header row of narrow tick columns is as tall as their wrapped names
    assert ws.row_dimensions[3].height > 100

    # widths from content within bounds: a tick column is narrow, 编号 as wide as its codes, long
    # text columns capped (they wrap)
    header = {ws.cell(2, c).value: c for c in range(1, ws.max_column + 1) if ws.cell(2, c).value}
    width = {name: ws.column_dimensions[openpyxl.utils.get_column_letter(c)].width for name, c in header.items()}
    assert width["编号"] < 10 and width["公开内容（要素）"] <= 26 and width["停用"] <= 4.5
    total = sum(ws.column_dimensions[openpyxl.utils.get_column_letter(c)].width for c in range(1, ws.max_column + 1))
    assert total < 270  # 42 columns: printed at about three quarters of their size on A3, not less


def test_merged_down_cell_shares_its_height(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"], ws["B1"] = "标题", "说明"
    for r in (2, 3, 4):
        ws.cell(r, 2, "短")
    ws["A2"] = "很长的一段合并文字" * 6
    ws.merge_cells("A2:A4")
    for cell in (ws["A2"], ws["B2"]):
        cell.alignment, cell.font = Alignment(wrap_text=True), Font(size=10)
    ws.column_dimensions["A"].width = 10
    lay_out_for_print(ws, title_rows=(1, 1), first_data_row=2, bounds={1: (10, 10)})
    path = tmp_path / "m.xlsx"
    wb.save(path)
    back = openpyxl.load_workbook(path).active
    heights = [back.row_dimensions[r].height for r in (2, 3, 4)]
    lines = wrapped_lines("很长的一段合并文字" * 6, 10, 10)
    assert sum(heights) >= lines * 10 * 1.3 and max(heights[:2]) < 20  # one line each; the last row grows
    assert back.print_title_rows == "$1:$1"
    assert fit_row_heights(back, first_row=1)[4] == heights[2]  # the same answer read back
