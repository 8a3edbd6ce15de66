"""Spreadsheet files checked against ``InputLimits`` before any of them is parsed.

An xlsx is a zip of XML parts. A 3 MB file can declare millions of rows in its ``<dimension>``
(openpyxl pads every row to it), hold millions of real ``<row>`` elements that deflate 1000:1, or
carry a 1 GiB cell; parsed as it comes, such a file took minutes and gigabytes before it was refused.
``check_xlsx`` reads the zip's directory (declared unpacked sizes) and then streams each worksheet
and the shared-string table through zlib in 1 MB pieces — never holding more than one piece —
counting rows and measuring the longest run of text between two tags (which bounds any one cell),
and refuses as soon as a limit is passed, naming it. Reads are bounded by the declared sizes (zipfile
stops at them), so a member that lies about its size ends in a CRC error, not in memory.

``read_cells_checked`` is the second line: while openpyxl streams the rows it checks the row count,
the width and every text cell's length, so what the byte scan cannot see exactly (characters, not
bytes) is refused at the row and column where it is.

Every exception a damaged file can raise (zip, zlib, XML, numbers openpyxl cannot cast, dates out of
range) becomes one Chinese ``SheetError`` naming the file and, where known, the sheet, row and column.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from xml.etree import ElementTree

from ..rules.limits import InputLimits, megabytes

CHUNK = 1024 * 1024
# UTF-8 takes up to 4 bytes a character and XML entities (&amp;, &#x4E2D;) up to 10: a cell of the
# allowed length never spans more bytes than this factor times it.
BYTES_PER_CHAR = 10
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s[^>]*?ref="\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?"')
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\s+ref="\$?([A-Za-z]{0,3})\$?(\d*)(?::\$?([A-Za-z]{1,3})\$?(\d+))?"')
_ROW_TAGS = (b"<row ", b"<row>", b"<x:row ", b"<x:row>")
_LONGEST_TAG = max(map(len, _ROW_TAGS))
_SMALL_PART = 4 * 1024 * 1024  # workbook.xml and its relationships, read whole
_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
ROWS_SETTING = "import.max_rows"


class SheetError(ValueError):
    """A spreadsheet refused before or while reading it; ``str()`` is one Chinese line."""

    def __init__(self, message: str, *, file: str, sheet: str | None = None, row: int | None = None,
                 column: str | None = None, rule: str = "file"):
        self.message, self.file, self.sheet, self.row, self.column, self.rule = message, file, sheet, row, column, rule
        super().__init__(self.located())

    def located(self) -> str:
        parts = [f"文件 {self.file}"]
        if self.sheet:
            parts.append(f"工作表“{self.sheet}”")
        if self.row is not None:
            parts.append(f"第 {self.row} 行")
        if self.column:
            parts.append(f"{self.column} 列")
        return f"{'，'.join(parts)}：{self.message}"


def column_letter(index: int) -> str:
    """Excel's name of the 1-based column ``index`` (1 → A, 27 → AA); openpyxl is not imported
    for this, so reading a CSV never loads it."""
    letters = ""
    while index > 0:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _letters_to_index(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


# A merged range: (first row, first column, last row, last column), 1-based, inclusive.
Merge = tuple[int, int, int, int]


@dataclass
class _Scan:
    rows: int = 0
    longest_run: int = 0
    merges: list[Merge] = field(default_factory=list)
    merge_tail: bytes = b""


def _worksheet_names(zf: zipfile.ZipFile, file: str) -> dict[str, str]:
    """Worksheet part path → sheet name (from workbook.xml and its relationships)."""
    names: dict[str, str] = {}
    try:
        wb_info = zf.getinfo("xl/workbook.xml")
        rels_info = zf.getinfo("xl/_rels/workbook.xml.rels")
    except KeyError:
        return names
    if wb_info.file_size > _SMALL_PART or rels_info.file_size > _SMALL_PART:
        raise SheetError(f"工作簿目录超过 {megabytes(_SMALL_PART)}，不像是 Excel 或 WPS 保存的文件", file=file,
                         rule="limit")
    targets: dict[str, str] = {}
    for rel in ElementTree.fromstring(zf.read(rels_info)):
        target = rel.get("Target") or ""
        path = target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)
        targets[rel.get("Id") or ""] = path
    for el in ElementTree.fromstring(zf.read(wb_info)).iter():
        if el.tag.endswith("}sheet") or el.tag == "sheet":
            rid = el.get(f"{_REL_NS}id")
            if rid in targets:
                names[targets[rid]] = el.get("name") or targets[rid]
    return names


def _stream(zf: zipfile.ZipFile, info: zipfile.ZipInfo, scan: _Scan, *, count_rows: bool, limits: InputLimits,
            file: str, sheet: str | None) -> None:
    max_run = limits.max_cell_chars * BYTES_PER_CHAR
    run = 0  # bytes since the last '<', carried across pieces
    tail = b""
    first = True
    with zf.open(info) as fh:
        while piece := fh.read(CHUNK):
            if first and count_rows:
                _check_dimension(piece, limits, file, sheet)
                first = False
            parts = piece.split(b"<")
            if len(parts) == 1:
                run += len(piece)
            else:
                run = max(run + len(parts[0]), max(map(len, parts[1:-1]), default=0))
                scan.longest_run = max(scan.longest_run, run)
                run = len(parts[-1])
            scan.longest_run = max(scan.longest_run, run)
            if scan.longest_run > max_run:
                raise SheetError(f"有单元格超过 {limits.max_cell_chars} 个字（Excel 单元格的上限），不能导入",
                                 file=file, sheet=sheet, rule="cell_length")
            if count_rows:
                _scan_merges(scan, piece, limits, file, sheet)
                scan.rows += sum(piece.count(tag) for tag in _ROW_TAGS)
                if tail:  # a tag cut in two by the piece boundary
                    edge = tail + piece[:_LONGEST_TAG]
                    scan.rows += sum(1 for tag in _ROW_TAGS for m in re.finditer(re.escape(tag), edge)
                                     if m.start() < len(tail) < m.end())
                tail = piece[-_LONGEST_TAG:]
                if scan.rows > limits.max_rows:
                    raise SheetError(f"行数超过导入上限 {limits.max_rows} 行（设置 {ROWS_SETTING}），未导入任何内容",
                                     file=file, sheet=sheet, rule="max_rows")


def _scan_merges(scan: _Scan, piece: bytes, limits: InputLimits, file: str, sheet: str | None) -> None:
    """Collect ``<mergeCell ref="A3:A9"/>`` ranges from one piece of a worksheet (a tag cut by the
    piece boundary is completed by the tail carried over). openpyxl's streaming mode does not
    expose them, and the import needs them to fill a merged value into every row it spans."""
    data = scan.merge_tail + piece
    if b"mergeCell" not in data:
        scan.merge_tail = data[-200:]
        return
    end = 0
    for m in _MERGE.finditer(data):
        end = m.end()
        c1, r1 = _letters_to_index(m.group(1).decode("ascii")), int(m.group(2))
        c2, r2 = ((_letters_to_index(m.group(3).decode("ascii")), int(m.group(4))) if m.group(3) else (c1, r1))
        if r2 < r1 or c2 < c1:
            r1, r2, c1, c2 = min(r1, r2), max(r1, r2), min(c1, c2), max(c1, c2)
        if r2 > r1:  # only ranges over several rows change what a row reads
            scan.merges.append((r1, c1, r2, c2))
        if len(scan.merges) > limits.max_rows:
            raise SheetError(f"合并单元格超过 {limits.max_rows} 处，不像是名单或目录，未导入任何内容",
                             file=file, sheet=sheet, rule="merges")
    scan.merge_tail = data[max(end, len(data) - 200):]


def fill_merged_down(rows: list[tuple[Any, ...]], merges: list[Merge], first_row: int, *, file: str,
                     sheet: str | None = None) -> list[tuple[Any, ...]]:
    """``rows`` (position = sheet row − 1) with the value of each range merged over several rows
    written into every row it spans, in the range's first column — for ranges that begin at or
    below ``first_row`` (the first data row: header cells merged down over two header rows stay as
    they are, the header reader expects them blank). Ranges past the last row read are cut there.
    Valid ranges never overlap; a file whose ranges overlap to more cells than the sheet holds is
    refused rather than filled for minutes."""
    if not merges:
        return rows
    # Ranges that do not overlap fill at most the sheet's area (rows × its widest row).
    budget = (max((len(r) for r in rows), default=0) + 1) * len(rows)
    out = list(rows)
    for r1, c1, r2, _c2 in merges:
        if r1 < first_row or r1 > len(out):
            continue
        anchor = out[r1 - 1]
        value = anchor[c1 - 1] if c1 - 1 < len(anchor) else None
        if value is None:
            continue
        for r in range(r1 + 1, min(r2, len(out)) + 1):
            budget -= 1
            if budget < 0:
                raise SheetError("合并单元格的范围互相重叠（文件已损坏），请在 Excel 或 WPS 中取消合并后另存",
                                 file=file, sheet=sheet, rule="merges")
            cells = list(out[r - 1])
            if len(cells) < c1:
                cells += [None] * (c1 - len(cells))
            if cells[c1 - 1] is None or (isinstance(cells[c1 - 1], str) and not cells[c1 - 1].strip()):
                cells[c1 - 1] = value
            out[r - 1] = tuple(cells)
    return out


def _check_dimension(head: bytes, limits: InputLimits, file: str, sheet: str | None) -> None:
    m = _DIMENSION.search(head[:65536])
    if not m:
        return
    last_col, last_row = ((m.group(3), m.group(4)) if m.group(3) else (m.group(1), m.group(2)))
    last_col = last_col.decode("ascii") if last_col else ""
    if last_row and int(last_row) > limits.max_rows:
        raise SheetError(f"声明的范围到第 {int(last_row)} 行，超过导入上限 {limits.max_rows} 行"
                         f"（设置 {ROWS_SETTING}），未导入任何内容", file=file, sheet=sheet, rule="max_rows")
    if last_col and _letters_to_index(last_col) > limits.max_columns:
        raise SheetError(f"声明的范围到 {last_col.upper()} 列，超过上限 {limits.max_columns} 列，未导入任何内容",
                         file=file, sheet=sheet, rule="max_columns")


def check_xlsx(path: Path, limits: InputLimits) -> dict[str, list[Merge]]:
    """Refuse ``path`` (``SheetError``) when it is not an xlsx or holds more than ``limits`` allow.
    Reads the zip directory and streams worksheets and shared strings; holds at most ~2 MB.
    Returns each worksheet's ranges merged over several rows, by sheet name."""
    merges: dict[str, list[Merge]] = {}
    file = path.name
    size = path.stat().st_size
    if size > limits.max_file_bytes:
        raise SheetError(f"文件有 {megabytes(size)}，超过上限 {megabytes(limits.max_file_bytes)}", file=file,
                         rule="file_size")
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            names = {i.filename for i in infos}
            if "xl/workbook.xml" not in names:
                if "mimetype" in names and b"opendocument" in zf.read("mimetype")[:200]:
                    raise SheetError("这是 OpenDocument 表格（.ods），请在 WPS 或 LibreOffice 中另存为 .xlsx 后再导入",
                                     file=file, rule="format")
                raise SheetError("不是有效的 xlsx 文件（压缩包中没有工作簿）", file=file, rule="format")
            total = 0
            for info in infos:
                total += info.file_size
                if total > limits.max_unpacked_bytes:
                    raise SheetError(f"解压后超过 {megabytes(limits.max_unpacked_bytes)}（上限），"
                                     "可能是损坏或恶意构造的文件，未导入任何内容", file=file, rule="unpacked_size")
            sheet_names = _worksheet_names(zf, file)
            for info in infos:
                part = info.filename
                if part.startswith("xl/worksheets/") and part.endswith(".xml"):
                    name = sheet_names.get(part, PurePosixPath(part).name)
                    scan = _Scan()
                    _stream(zf, info, scan, count_rows=True, limits=limits, file=file, sheet=name)
                    merges[name] = scan.merges
                elif part == "xl/sharedStrings.xml":
                    _stream(zf, info, _Scan(), count_rows=False, limits=limits, file=file, sheet=None)
    except SheetError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, NotImplementedError) as exc:
        raise SheetError(f"文件已损坏，无法解压（{_why(exc)}）", file=file, rule="corrupt") from None
    except ElementTree.ParseError:
        raise SheetError("工作簿目录的 XML 格式有误（文件已损坏）", file=file, rule="corrupt") from None
    except OSError as exc:
        raise SheetError(f"无法读取：{exc.strerror or exc}", file=file, rule="io") from None
    return merges


def _why(exc: BaseException) -> str:
    if isinstance(exc, zlib.error):
        return "压缩数据有误"
    if isinstance(exc, NotImplementedError):
        return "不支持的压缩方式"
    text = str(exc)
    if "CRC" in text:
        return "校验和不符"
    return "不是完整的压缩包"


def _locate_bad_value(path: Path, part: str | None) -> tuple[int, str, str] | None:
    """(row, column letter, raw text) of the first numeric cell whose value is not a number — looked
    for only after openpyxl failed, so its cost never falls on a good file."""
    if part is None:
        return None
    try:
        with zipfile.ZipFile(path) as zf, zf.open(part) as fh:
            carry = b""
            while piece := fh.read(CHUNK):
                data = carry + piece
                for m in re.finditer(rb'<(?:\w+:)?c\s([^>]*)>\s*(?:<(?:\w+:)?f[^<]*</(?:\w+:)?f>\s*)?'
                                     rb'<(?:\w+:)?v>([^<]*)</', data):
                    attrs, raw = m.group(1), m.group(2)
                    kind = re.search(rb'\st="(\w+)"', b" " + attrs)
                    if kind and kind.group(1) != b"n":
                        continue
                    try:
                        float(raw)
                        if not re.fullmatch(rb"\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*", raw):
                            raise ValueError
                    except ValueError:
                        ref = re.search(rb'r="([A-Z]{1,3})(\d+)"', attrs)
                        if ref:
                            return int(ref.group(2)), ref.group(1).decode(), raw[:40].decode("utf-8", "replace")
                carry = data[-4096:]
    except (OSError, zipfile.BadZipFile, zlib.error, KeyError):
        return None
    return None


@dataclass
class SheetGrid:
    """One worksheet as read: value rows (position = sheet row − 1) and its ranges merged over
    several rows (``fill_merged_down`` applies them once the caller knows where the data starts)."""

    name: str
    rows: list[tuple[Any, ...]]
    merges: list[Merge] = field(default_factory=list)


def read_cells_checked(path: Path, sheet: str | None, limits: InputLimits) -> list[SheetGrid]:
    """Every worksheet's rows (value tuples; gaps filled so position = row number − 1), the asked-for
    sheet or the active one first, each row and cell checked against ``limits`` as it streams."""
    import openpyxl  # local: only imports that read files pay for it

    file = path.name
    merges = check_xlsx(path, limits)
    with path.open("rb") as fh:  # a file object: openpyxl then does not judge the file by its suffix
        try:
            wb = openpyxl.load_workbook(fh, read_only=True, data_only=True)
        except (zipfile.BadZipFile, zlib.error, EOFError, KeyError, OSError) as exc:
            raise SheetError(f"不是有效的 xlsx 文件（{_why(exc) if not isinstance(exc, KeyError) else '缺少必需的部分'}）",
                             file=file, rule="corrupt") from None
        except SyntaxError:  # ElementTree.ParseError and lxml's XMLSyntaxError both derive from it
            raise SheetError("工作簿的 XML 格式有误（文件已损坏）", file=file, rule="corrupt") from None
        except (ValueError, TypeError, OverflowError) as exc:
            raise SheetError(f"工作簿内容无法读取（文件已损坏：{type(exc).__name__}）", file=file,
                             rule="corrupt") from None
        try:
            names = wb.sheetnames
            if sheet is not None and sheet not in names:
                raise SheetError(f"没有名为“{sheet}”的工作表（有：{'、'.join(names)}）", file=file, rule="sheet")
            if not names:  # the workbook lists sheets whose parts are missing (openpyxl skips them)
                raise SheetError("工作簿中没有可读取的工作表（文件已损坏）", file=file, rule="corrupt")
            first = wb.active.title if wb.active is not None else names[0]
            order = [sheet] if sheet else [first] + [n for n in names if n != first]
            return [SheetGrid(name, _rows_checked(wb[name], name, path, limits), merges.get(name, []))
                    for name in order]
        finally:
            wb.close()


def check_row(cells: tuple[Any, ...], n: int, *, file: str, sheet: str | None,
              limits: InputLimits) -> tuple[Any, ...]:
    """Row ``n`` (1-based) of a sheet checked against ``limits`` — the row count, the width and every
    text cell's length — and returned without its trailing empty cells. Every reader (xlsx, xls,
    ods) calls it, so a file is held to the same limits whatever its format."""
    if n > limits.max_rows:
        raise SheetError(f"行数超过导入上限 {limits.max_rows} 行（设置 {ROWS_SETTING}），未导入任何内容",
                         file=file, sheet=sheet, rule="max_rows")
    width = len(cells)
    while width and cells[width - 1] is None:
        width -= 1
    if width > limits.max_columns:
        raise SheetError(f"有 {width} 列，超过上限 {limits.max_columns} 列", file=file, sheet=sheet, row=n,
                         column=column_letter(width), rule="max_columns")
    for i in range(width):
        value = cells[i]
        if isinstance(value, str) and len(value) > limits.max_cell_chars:
            raise SheetError(f"单元格有 {len(value)} 个字，超过上限 {limits.max_cell_chars} 个字", file=file,
                             sheet=sheet, row=n, column=column_letter(i + 1), rule="cell_length")
    return cells if width == len(cells) else tuple(cells[:width])


def _rows_checked(ws: Any, name: str, path: Path, limits: InputLimits) -> list[tuple[Any, ...]]:
    file = path.name
    if not hasattr(ws, "iter_rows"):  # chart sheets
        return []
    part = getattr(ws, "_worksheet_path", None)  # for locating a bad cell after a failure
    if hasattr(ws, "reset_dimensions"):
        ws.reset_dimensions()  # some writers record a wrong used range, and openpyxl cuts rows to it
    rows: list[tuple[Any, ...]] = []
    it: Iterator[tuple[Any, ...]] = ws.iter_rows(values_only=True)
    while True:
        try:
            cells = next(it)
        except StopIteration:
            return rows
        except SyntaxError:
            raise SheetError(f"第 {len(rows)} 行之后的 XML 格式有误（文件已损坏）", file=file, sheet=name,
                             rule="corrupt") from None
        except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
            raise SheetError(f"文件已损坏，无法解压（{_why(exc)}）", file=file, sheet=name, rule="corrupt") from None
        except (ValueError, TypeError, OverflowError, KeyError, IndexError) as exc:
            bad = _locate_bad_value(path, part)
            if bad:
                row, column, raw = bad
                raise SheetError(f"单元格的值“{raw}”不是有效数字", file=file, sheet=name, row=row, column=column,
                                 rule="number") from None
            raise SheetError(f"第 {len(rows) + 1} 行附近有单元格的值无法读取（{type(exc).__name__}），"
                             "请在 Excel 或 WPS 中检查该处后另存", file=file, sheet=name, rule="cell") from None
        rows.append(check_row(cells, len(rows) + 1, file=file, sheet=name, limits=limits))
