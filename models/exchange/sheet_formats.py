"""The spreadsheet files clerks have — xlsx, Excel 97-2003 .xls, OpenDocument .ods — read to one shape.

``read_sheets`` judges a file by its content (the first bytes and, for a zip, its parts), refuses a
file whose content does not match its suffix with a sentence saying what it is, and returns every
worksheet as a ``SheetGrid`` (value rows plus the ranges merged over several rows). Whatever the
format, the same ``InputLimits`` hold — file size before anything is parsed, then the row count,
the width and each cell's length through ``sheet_guard.check_row`` — and every failure is one
Chinese ``SheetError`` naming the file (and sheet, row, column where known), never a traceback.

- xlsx: ``sheet_guard.read_cells_checked`` (zip sizes and rows scanned before openpyxl parses).
- xls: xlrd (``formatting_info`` on, for merged ranges) on the bytes of a file within the size limit;
  the row count is checked from the sheet's dimensions before any cell is read.
- ods: our own streaming parse of ``content.xml`` (ElementTree.iterparse, one row held at a time):
  sizes from the zip directory first, no DTD or entity declarations accepted, repeated empty rows and
  cells (LibreOffice writes "1,048,000 empty rows" as one element) counted, never expanded, and a
  repeat of a non-empty row or cell expanded only within the limits.
"""

from __future__ import annotations

import logging
import zipfile
import zlib
from datetime import datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, BinaryIO
from xml.etree import ElementTree

from ..rules.limits import InputLimits, megabytes
from .sheet_guard import CHUNK, Merge, SheetError, SheetGrid, check_row, column_letter, read_cells_checked

log = logging.getLogger(__name__)

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"

# What a file's content is, in the clerk's words.
KIND_WORDS = {
    "xlsx": "Excel 工作簿（.xlsx）",
    "xls": "旧版 Excel 97-2003 工作簿（.xls）",
    "ods": "OpenDocument 表格（.ods）",
    "html": "网页（HTML）表格",
    "xml2003": "Excel 2003 XML 表格",
    "text": "文本（CSV）",
    "zip": "压缩包（其中没有工作簿）",
    "opendocument": "OpenDocument 文档（不是表格）",
    "unknown": "无法识别的格式",
}
# The suffixes workbooks are saved under (.et: WPS's own, often an .xls inside).
SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".et", ".ods")


def sniff(path: Path) -> str:
    """The kind of content ``path`` holds (a key of ``KIND_WORDS``), from its first bytes and, for a
    zip, the names of its parts (the zip directory only)."""
    with path.open("rb") as fh:
        head = fh.read(4096)
    if head.startswith(OLE_MAGIC):
        return "xls"
    if head.startswith(b"PK"):
        try:
            with zipfile.ZipFile(path) as zf:
                names = set(zf.namelist())
                if "xl/workbook.xml" in names:
                    return "xlsx"
                if "mimetype" in names:
                    info = zf.getinfo("mimetype")
                    if info.file_size <= 200:
                        mime = zf.read(info).strip()
                        if mime == ODS_MIMETYPE or mime.startswith(ODS_MIMETYPE + b"-"):
                            return "ods"
                        if b"opendocument" in mime:
                            return "opendocument"
                return "zip"
        except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, OSError, EOFError, KeyError,
                NotImplementedError):
            return "xlsx"  # a damaged zip: the xlsx reader names the damage
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith(b"<"):
        if b"urn:schemas-microsoft-com:office:spreadsheet" in head:
            return "xml2003"
        if b"<html" in text or b"<table" in text or b"<!doctype html" in text:
            return "html"
    if b"\x00" in head:
        return "unknown"
    return "text"


def mismatch(path: Path, kind: str) -> SheetError | None:
    """The refusal for a file whose suffix names a spreadsheet format while its content is not a
    workbook at all (a web page saved as .xls, a text renamed .xlsx), or None. A workbook behind
    another workbook's suffix (an xlsx named .ods) is read by its content: nothing is lost by it."""
    suffix = path.suffix.lower()
    if suffix not in SPREADSHEET_SUFFIXES or kind in ("xlsx", "xls", "ods"):
        return None
    what = KIND_WORDS.get(kind, KIND_WORDS["unknown"])
    if kind == "html":
        message = (f"不是有效的 {suffix[1:]} 文件：内容是{what}，只是扩展名为 {suffix}（有些系统这样导出）；"
                   "请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入")
    else:
        message = (f"不是有效的 {suffix[1:]} 文件：扩展名是 {suffix}，内容却是{what}；请确认选对了文件，"
                   "或在 Excel、WPS 中打开后另存为 .xlsx 再导入")
    return SheetError(message, file=path.name, rule="format")


def read_sheets(path: Path, sheet: str | None, limits: InputLimits, *, kind: str | None = None) -> list[SheetGrid]:
    """Every worksheet of an xlsx, xls or ods file (the asked-for sheet only when ``sheet`` is given),
    checked against ``limits``. Raises ``SheetError`` for anything else."""
    file = path.name
    try:
        kind = kind or sniff(path)
    except OSError as exc:
        raise SheetError(f"无法读取：{exc.strerror or exc}", file=file, rule="io") from None
    wrong = mismatch(path, kind)
    if wrong is not None:
        raise wrong
    if kind == "xlsx":
        return read_cells_checked(path, sheet, limits)
    size = path.stat().st_size
    if size > limits.max_file_bytes:
        raise SheetError(f"文件有 {megabytes(size)}，超过上限 {megabytes(limits.max_file_bytes)}", file=file,
                         rule="file_size")
    if kind == "xls":
        return _read_xls(path, sheet, limits)
    if kind == "ods":
        return _read_ods(path, sheet, limits)
    if kind in ("html", "xml2003"):
        raise SheetError(f"内容是{KIND_WORDS[kind]}，不是工作簿：请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入",
                         file=file, rule="format")
    raise SheetError(f"不是表格文件（内容是{KIND_WORDS.get(kind, KIND_WORDS['unknown'])}）：请使用 .xlsx、.xls 或 "
                     ".ods 文件", file=file, rule="format")


def _pick(names: list[str], sheet: str | None, file: str) -> list[str]:
    if sheet is None:
        return names
    if sheet not in names:
        raise SheetError(f"没有名为“{sheet}”的工作表（有：{'、'.join(names)}）", file=file, rule="sheet")
    return [sheet]


# --- .xls ------------------------------------------------------------------------------------------------

_WPS_ET = "这是 WPS 表格自有格式（.et），无法直接读取：请在 WPS 中“另存为” .xlsx 后再导入"


def _read_xls(path: Path, sheet: str | None, limits: InputLimits) -> list[SheetGrid]:
    import os

    import xlrd  # local: only reading an .xls pays for it

    file = path.name
    try:
        with open(os.devnull, "w") as quiet:  # xlrd writes warnings to stdout otherwise
            book = xlrd.open_workbook(file_contents=path.read_bytes(), formatting_info=True, on_demand=True,
                                      logfile=quiet, ragged_rows=True)
    except xlrd.XLRDError as exc:
        text = str(exc)
        if path.suffix.lower() == ".et":  # WPS's own format: an .xls inside only when WPS saved it so
            why = _WPS_ET
        elif "encrypted" in text.lower():
            why = "工作簿设了打开密码：请在 Excel 或 WPS 中去掉密码后再导入"
        elif "workbook" in text.lower() and "ole2" in text.lower():
            why = "不是 Excel 97-2003 工作簿（可能是 Word 文档或加了密码的 .xlsx）：请在 Excel 或 WPS 中另存为 .xlsx 再导入"
        else:
            why = "文件已损坏，无法读取：请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入"
        raise SheetError(why, file=file, rule="corrupt") from None
    except MemoryError:
        raise SheetError("文件内容超出可读取的范围（文件可能已损坏）", file=file, rule="limit") from None
    except Exception as exc:  # xlrd raises struct.error, IndexError, AssertionError … on a damaged file
        log.info("xlrd could not read %s: %r", file, exc)
        why = (_WPS_ET if path.suffix.lower() == ".et"
               else "文件已损坏，无法读取：请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入")
        raise SheetError(why, file=file, rule="corrupt") from None
    try:
        grids = []
        for name in _pick(book.sheet_names(), sheet, file):
            try:
                ws = book.sheet_by_name(name)
                grids.append(_xls_sheet(xlrd, book, ws, name, file, limits))
            except SheetError:
                raise
            except Exception as exc:
                log.info("xlrd could not read sheet %s of %s: %r", name, file, exc)
                raise SheetError("工作表内容无法读取（文件已损坏）：请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入",
                                 file=file, sheet=name, rule="corrupt") from None
        return grids
    finally:
        book.release_resources()


def _xls_sheet(xlrd: Any, book: Any, ws: Any, name: str, file: str, limits: InputLimits) -> SheetGrid:
    if ws.nrows > limits.max_rows:
        # Trailing rows that hold nothing (formatted only) do not count, as in the other readers.
        last = ws.nrows
        while last > limits.max_rows and all(t in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK)
                                             for t in ws.row_types(last - 1)):
            last -= 1
    else:
        last = ws.nrows
    rows: list[tuple[Any, ...]] = []
    for r in range(last):
        types, values = ws.row_types(r), ws.row_values(r)
        cells = tuple(_xls_value(xlrd, book, t, v, file, name, r + 1, c + 1)
                      for c, (t, v) in enumerate(zip(types, values, strict=True)))
        rows.append(check_row(cells, r + 1, file=file, sheet=name, limits=limits))
    merges: list[Merge] = [(rlo + 1, clo + 1, rhi, chi) for rlo, rhi, clo, chi in ws.merged_cells if rhi - rlo > 1]
    return SheetGrid(name, rows, merges)


def _xls_value(xlrd: Any, book: Any, kind: int, value: Any, file: str, sheet: str, row: int, col: int) -> Any:
    if kind in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return None
    if kind == xlrd.XL_CELL_TEXT:
        return value if value.strip() else (value or None)
    if kind == xlrd.XL_CELL_NUMBER:
        return int(value) if float(value).is_integer() and abs(value) < 2**53 else value
    if kind == xlrd.XL_CELL_DATE:
        try:
            return xlrd.xldate_as_datetime(value, book.datemode)
        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
            raise SheetError(f"日期值“{value}”超出范围", file=file, sheet=sheet, row=row, column=column_letter(col),
                             rule="date") from None
    if kind == xlrd.XL_CELL_BOOLEAN:
        return bool(value)
    if kind == xlrd.XL_CELL_ERROR:
        return xlrd.error_text_from_code.get(value, "#ERROR")
    return value


# --- .ods ------------------------------------------------------------------------------------------------

_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_CELL, _COVERED, _ROW, _SHEET = f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell", f"{_TABLE}table-row", f"{_TABLE}table"
_MAX_REPEAT = 2**31  # what LibreOffice writes for "all the remaining rows" is far below this


class _NoDeclarations:
    """content.xml as a stream, refused when it declares a DTD or entities (entity expansion is the
    one way a small XML part grows without bound in memory)."""

    def __init__(self, raw: BinaryIO, file: str):
        self.raw, self.file, self.tail = raw, file, b""

    def read(self, n: int = -1) -> bytes:
        piece = self.raw.read(CHUNK if n is None or n < 0 else min(n, CHUNK))
        probe = self.tail + piece
        if b"<!DOCTYPE" in probe or b"<!ENTITY" in probe:
            raise SheetError("表格内容含有 DTD 或实体声明，不像是 WPS 或 LibreOffice 保存的文件，未导入任何内容",
                             file=self.file, rule="format")
        self.tail = piece[-16:]
        return piece


def _count(value: str | None, file: str, sheet: str) -> int:
    if value is None:
        return 1
    if not value.isdigit() or len(value) > 10 or not 1 <= int(value) <= _MAX_REPEAT:
        raise SheetError(f"重复次数“{value[:20]}”无效（文件已损坏）", file=file, sheet=sheet, rule="corrupt")
    return int(value)


def _read_ods(path: Path, sheet: str | None, limits: InputLimits) -> list[SheetGrid]:
    file = path.name
    try:
        with zipfile.ZipFile(path) as zf:
            total = sum(i.file_size for i in zf.infolist())
            if total > limits.max_unpacked_bytes:
                raise SheetError(f"解压后超过 {megabytes(limits.max_unpacked_bytes)}（上限），"
                                 "可能是损坏或恶意构造的文件，未导入任何内容", file=file, rule="unpacked_size")
            try:
                info = zf.getinfo("content.xml")
            except KeyError:
                raise SheetError("不是有效的 .ods 文件（缺少 content.xml）：请在 WPS 或 LibreOffice 中打开后另存为 .xlsx 再导入", file=file, rule="corrupt") from None
            with zf.open(info) as raw:
                grids = _parse_ods(_NoDeclarations(raw, file), sheet, file, limits)
    except SheetError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, NotImplementedError):
        raise SheetError("文件已损坏，无法解压", file=file, rule="corrupt") from None
    except ElementTree.ParseError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else "?"
        raise SheetError(f".ods 表格内容的 XML 格式有误（content.xml 第 {line} 行，文件已损坏）："
                         "请在 WPS 或 LibreOffice 中打开后另存为 .xlsx 再导入", file=file, rule="corrupt") from None
    except RecursionError:
        raise SheetError("单元格内的格式嵌套过深（文件已损坏）", file=file, rule="corrupt") from None
    except OSError as exc:
        raise SheetError(f"无法读取：{exc.strerror or exc}", file=file, rule="io") from None
    if sheet is not None and not grids:
        raise SheetError(f"没有名为“{sheet}”的工作表", file=file, rule="sheet")
    return grids


def _parse_ods(stream: Any, sheet: str | None, file: str, limits: InputLimits) -> list[SheetGrid]:
    grids: list[SheetGrid] = []
    current: SheetGrid | None = None
    blank_rows = 0  # empty rows seen but not yet materialised (trailing ones never are)
    stack: list[ElementTree.Element] = []
    for event, elem in ElementTree.iterparse(stream, events=("start", "end")):
        if event == "start":
            stack.append(elem)
            if elem.tag == _SHEET:
                name = elem.get(f"{_TABLE}name") or f"工作表{len(grids) + 1}"
                current = SheetGrid(name, []) if sheet is None or name == sheet else None
                blank_rows = 0
            continue
        stack.pop()
        if elem.tag == _SHEET:
            if current is not None:
                grids.append(current)
            current = None
            elem.clear()
        elif elem.tag == _ROW:
            if current is not None:
                blank_rows = _ods_row(elem, current, blank_rows, file, limits)
            elem.clear()
            if stack:
                stack[-1].remove(elem)  # the sheet element does not keep every row read
    return grids


def _ods_row(elem: ElementTree.Element, grid: SheetGrid, blank_rows: int, file: str, limits: InputLimits) -> int:
    name = grid.name
    repeat = _count(elem.get(f"{_TABLE}number-rows-repeated"), file, name)
    cells: list[Any] = []
    spans: list[tuple[int, int]] = []  # (column, rows spanned) of cells merged down
    pending = 0  # empty cells not yet materialised (trailing ones never are)
    col = 0
    for cell in elem:
        if cell.tag not in (_CELL, _COVERED):
            continue
        times = _count(cell.get(f"{_TABLE}number-columns-repeated"), file, name)
        value = _ods_value(cell, file, name, len(grid.rows) + blank_rows + 1, col + 1) if cell.tag == _CELL else None
        if value is None:
            pending += times
            col += times
            continue
        if col + times > limits.max_columns:
            raise SheetError(f"有 {col + times} 列，超过上限 {limits.max_columns} 列", file=file, sheet=name,
                             row=len(grid.rows) + blank_rows + 1, column=column_letter(min(col + times, 16384)),
                             rule="max_columns")
        cells.extend([None] * pending)
        pending = 0
        down = _count(cell.get(f"{_TABLE}number-rows-spanned"), file, name)
        for k in range(times):
            cells.append(value)
            if down > 1:
                spans.append((col + k + 1, down))
        col += times
    if not cells:
        return blank_rows + repeat
    first = len(grid.rows) + blank_rows + 1
    if first + repeat - 1 > limits.max_rows:
        check_row((), limits.max_rows + 1, file=file, sheet=name, limits=limits)  # raises, naming the setting
    grid.rows.extend([()] * blank_rows)
    row = check_row(tuple(cells), first, file=file, sheet=name, limits=limits)
    grid.rows.extend([row] * repeat)
    grid.merges.extend((first, c, first + down - 1, c) for c, down in spans)
    return 0


def _ods_value(cell: ElementTree.Element, file: str, sheet: str, row: int, col: int) -> Any:
    kind = cell.get(f"{_OFFICE}value-type")
    try:
        if kind in ("float", "percentage", "currency"):
            raw = cell.get(f"{_OFFICE}value") or ""
            if len(raw) > 40:
                raise InvalidOperation
            number = Decimal(raw)
            if not number.is_finite():
                raise InvalidOperation
            return int(number) if number == number.to_integral_value() else number
        if kind == "date":
            raw = cell.get(f"{_OFFICE}date-value") or ""
            value = datetime.fromisoformat(raw[:26])
            return value if isinstance(value, datetime) else datetime.combine(value, datetime.min.time())
        if kind == "boolean":
            return (cell.get(f"{_OFFICE}boolean-value") or "").lower() == "true"
    except (InvalidOperation, ValueError, OverflowError):
        raw = cell.get(f"{_OFFICE}value") or cell.get(f"{_OFFICE}date-value") or ""
        raise SheetError(f"单元格的值“{raw[:40]}”无法读取（文件已损坏）", file=file, sheet=sheet, row=row,
                         column=column_letter(min(col, 16384)), rule="number") from None
    paragraphs = ["".join(_inline(p)) for p in cell if p.tag in (f"{_TEXT}p", f"{_TEXT}h")]
    text = "\n".join(paragraphs)
    if not text and kind == "string":
        text = cell.get(f"{_OFFICE}string-value") or ""
    return text or None


def _inline(el: ElementTree.Element) -> Any:
    yield el.text or ""
    for child in el:
        tag = child.tag
        if tag == f"{_TEXT}s":
            yield " " * min(int(child.get(f"{_TEXT}c", "1")) if child.get(f"{_TEXT}c", "1").isdigit() else 1,
                            10_000)
        elif tag == f"{_TEXT}tab":
            yield "\t"
        elif tag == f"{_TEXT}line-break":
            yield "\n"
        elif tag.startswith(_OFFICE):  # annotations (comments) are not the cell's value
            pass
        else:
            yield from _inline(child)
        yield child.tail or ""


__all__ = ["KIND_WORDS", "SPREADSHEET_SUFFIXES", "mismatch", "read_sheets", "sniff"]
