"""Workbooks the app writes, laid out to print legibly from Excel, WPS or LibreOffice.

openpyxl writes no row heights: a spreadsheet program shows wrapped text in rows of the default
height, where it overlaps the next row or is cut off (and LibreOffice, printing to one page, then
squeezes 42 columns and 56 items into one unreadable sheet). Every sheet the app writes therefore
ends with ``lay_out_for_print``, which

- sets each column's width from its content, within the bounds the caller gives (a long text
  column wraps inside its maximum rather than growing without end),
- sets each row's height to fit its wrapped lines, in the font of each cell, for cells merged
  across columns (the width of all of them) and down (the height shared by the rows they span),
- repeats the header rows on every printed page (print titles), prints landscape on the paper
  given (A3 by default) and scales to the page width only (fitToWidth=1, fitToHeight=0): as many
  pages as the rows need, each with a readable font.

The width of text is estimated, not measured (no font metrics are loaded): a CJK or full-width
character is as wide as the font size, other characters about half of it. Excel's column width
unit is the width of a digit in the default 11 pt font, 7 px = 5.25 pt. The estimate leans to
wider, so rows come out a little tall rather than clipped.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

POINTS_PER_WIDTH_UNIT = 5.25  # one Excel column-width unit (a digit of 11 pt Calibri, 7 px) in points
CELL_PADDING_UNITS = 0.8  # the margins a spreadsheet leaves inside a cell, left and right together
LINE_SPACING = 1.3  # line height as a multiple of the font size (CJK fonts need more than 1.2)
ROW_PADDING_POINTS = 4.0
DEFAULT_FONT_SIZE = 11.0
MIN_ROW_HEIGHT = 15.0  # Excel's default for 11 pt


def char_width(ch: str, size: float) -> float:
    """Estimated width of ``ch`` in points at font size ``size``."""
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return size
    return size * 0.6


def text_width(text: str, size: float = DEFAULT_FONT_SIZE) -> float:
    """Width of the longest line of ``text`` in column-width units."""
    return max((sum(char_width(c, size) for c in line) for line in text.split("\n")), default=0.0) \
        / POINTS_PER_WIDTH_UNIT


def wrapped_lines(text: str, width_units: float, size: float = DEFAULT_FONT_SIZE) -> int:
    """How many lines ``text`` takes in a wrapping cell ``width_units`` wide (breaking anywhere,
    as CJK text does; Latin words broken at a space fit no fewer lines than this)."""
    room = max((width_units - CELL_PADDING_UNITS) * POINTS_PER_WIDTH_UNIT, size)
    lines = 0
    for paragraph in text.split("\n"):
        used, count = 0.0, 1
        for ch in paragraph:
            w = char_width(ch, size)
            if used + w > room and used > 0:
                count += 1
                used = 0.0
            used += w
        lines += count
    return lines


def _font_size(cell) -> float:
    size = getattr(cell.font, "sz", None) if cell.font is not None else None
    return float(size) if size else DEFAULT_FONT_SIZE


def _text(value) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else str(value)


def fit_column_widths(ws: Worksheet, *, first_row: int = 1, bounds: Mapping[int, tuple[float, float]] = {},
                      default_bounds: tuple[float, float] = (4.0, 30.0)) -> dict[int, float]:
    """Each column's width from the longest line of its cells from ``first_row`` down (cells
    merged across several columns are left out: their width is the columns'), clamped to
    ``bounds[column]`` (min, max) or ``default_bounds``. Returns the widths set, by column."""
    spanning = {(m.min_row, m.min_col) for m in ws.merged_cells.ranges if m.max_col > m.min_col}
    need: dict[int, float] = {}
    for row in ws.iter_rows(min_row=first_row):
        for cell in row:
            if cell.value is None or (cell.row, cell.column) in spanning:
                continue
            width = text_width(_text(cell.value), _font_size(cell)) + CELL_PADDING_UNITS
            need[cell.column] = max(need.get(cell.column, 0.0), width)
    widths: dict[int, float] = {}
    for col in range(1, ws.max_column + 1):
        low, high = bounds.get(col, default_bounds)
        widths[col] = round(min(high, max(low, need.get(col, low))), 1)
        ws.column_dimensions[get_column_letter(col)].width = widths[col]
    return widths


def column_width(ws: Worksheet, col: int) -> float:
    dim = ws.column_dimensions.get(get_column_letter(col))
    return float(dim.width) if dim is not None and dim.width else 8.43  # Excel's default width


def fit_row_heights(ws: Worksheet, *, first_row: int = 1) -> dict[int, float]:
    """Each row's height (points) from ``first_row`` down, fitting the wrapped lines of its tallest
    cell; a cell merged down shares its height out over the rows it spans (the last one grows).
    Rows a caller already gave a height keep it when it is taller. Returns the heights set."""
    merged = {(m.min_row, m.min_col): m for m in ws.merged_cells.ranges}
    covered = {(r, c) for m in ws.merged_cells.ranges for r in range(m.min_row, m.max_row + 1)
               for c in range(m.min_col, m.max_col + 1) if (r, c) != (m.min_row, m.min_col)}
    widths = {c: column_width(ws, c) for c in range(1, ws.max_column + 1)}
    heights: dict[int, float] = {}
    tall_merges: list[tuple[int, int, float]] = []
    for row in ws.iter_rows(min_row=first_row):
        r = row[0].row
        given = ws.row_dimensions[r].height if r in ws.row_dimensions else None
        height = max(MIN_ROW_HEIGHT, float(given or 0))
        for cell in row:
            if cell.value is None or (cell.row, cell.column) in covered:
                continue
            size = _font_size(cell)
            span = merged.get((cell.row, cell.column))
            width = (sum(widths.get(c, 8.43) for c in range(span.min_col, span.max_col + 1)) if span
                     else widths.get(cell.column, 8.43))
            wraps = bool(cell.alignment is not None and cell.alignment.wrap_text)
            text = _text(cell.value)
            lines = wrapped_lines(text, width, size) if wraps else text.count("\n") + 1
            need = lines * size * LINE_SPACING + ROW_PADDING_POINTS
            if span is not None and span.max_row > span.min_row:
                tall_merges.append((span.min_row, span.max_row, need))
                continue
            height = max(height, need)
        heights[r] = height
    for top, bottom, need in tall_merges:
        have = sum(heights.get(r, MIN_ROW_HEIGHT) for r in range(top, bottom + 1))
        if have < need and bottom in heights:
            heights[bottom] += need - have
    for r, h in heights.items():
        ws.row_dimensions[r].height = round(min(h, 409.0), 1)  # 409 pt: the tallest row Excel allows
    return heights


def set_print_layout(ws: Worksheet, *, title_rows: tuple[int, int] | None, paper: int | None = None,
                     landscape: bool = True, footer: str = "第 &P 页，共 &N 页") -> None:
    """Print settings: header rows repeated on every page, landscape (or not) on ``paper`` (A3 unless
    given), scaled to the page width only — as many pages down as the rows need."""
    if title_rows is not None:
        ws.print_title_rows = f"{title_rows[0]}:{title_rows[1]}"
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = paper if paper is not None else ws.PAPERSIZE_A3
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    if footer:
        ws.oddFooter.center.text = footer


def lay_out_for_print(ws: Worksheet, *, title_rows: tuple[int, int] | None, first_data_row: int,
                      bounds: Mapping[int, tuple[float, float]] = {},
                      default_bounds: tuple[float, float] = (4.0, 30.0), paper: int | None = None,
                      landscape: bool = True) -> None:
    """The last step of writing any sheet: column widths from the data rows' content within
    ``bounds``, row heights for every row (title and header rows too), the print settings."""
    fit_column_widths(ws, first_row=first_data_row, bounds=bounds, default_bounds=default_bounds)
    fit_row_heights(ws, first_row=1)
    set_print_layout(ws, title_rows=title_rows, paper=paper, landscape=landscape)


def row_lines_fit(ws: Worksheet, row: int) -> bool:
    """Whether every wrapping cell of ``row`` fits in its row's height (by this module's estimate);
    for tests and checks of a written file read back."""
    height = ws.row_dimensions[row].height or MIN_ROW_HEIGHT
    merged = {(m.min_row, m.min_col): m for m in ws.merged_cells.ranges}
    for cell in ws[row]:
        if cell.value is None or (cell.alignment is None or not cell.alignment.wrap_text):
            continue
        span = merged.get((cell.row, cell.column))
        if span is not None and span.max_row > span.min_row:
            continue
        width = (sum(column_width(ws, c) for c in range(span.min_col, span.max_col + 1)) if span
                 else column_width(ws, cell.column))
        size = _font_size(cell)
        if wrapped_lines(_text(cell.value), width, size) * size * LINE_SPACING > height + 0.5:
            return False
    return True


__all__ = ["fit_column_widths", "fit_row_heights", "lay_out_for_print", "row_lines_fit", "set_print_layout",
           "text_width", "wrapped_lines"]
