"""Hostile spreadsheets built on the spot, small on disk: a good workbook from openpyxl whose worksheet
(or shared-string table) is then replaced by XML written straight into the zip — huge declared ranges,
hundreds of thousands of real rows deflated to a few hundred KB, one enormous cell, broken XML,
values openpyxl cannot cast. Used by the tests and by bench/input_limits.py."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from pathlib import Path

import openpyxl

HEADER = ("姓名", "身份证号", "金额")
GOOD_ID = "11010519491231002X"
_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def _base_workbook() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "名单"
    ws.append(HEADER)
    ws.append(("张三", GOOD_ID, 100))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def valid_id(n: int) -> str:
    """The ``n``-th of a series of distinct 18-digit ID numbers with a correct check digit."""
    body = f"41032219650101{n % 10000:03d}"[:17] if n < 1000 else f"4103221965{(n // 1000) % 12 + 1:02d}01{n % 1000:03d}"
    total = sum(int(d) * w for d, w in zip(body, _WEIGHTS, strict=True))
    return body + "10X98765432"[total % 11]


def _cell(ref: str, value: object) -> str:
    if isinstance(value, bytes):  # the raw text of a numeric cell, as a writer put it: b"1e308", b"NaN"
        return f'<c r="{ref}"><v>{value.decode()}</v></c>'
    if isinstance(value, str):
        text = value.replace("&", "&amp;").replace("<", "&lt;")
        return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'
    return f'<c r="{ref}"><v>{value}</v></c>'


def sheet_xml_parts(rows: Iterable[tuple[int, tuple]], dimension: str | None = "A1:C3") -> Iterable[bytes]:
    """The pieces of a worksheet's XML holding ``rows`` (row number, values); written piece by piece
    so a sheet of 10⁶ rows never exists whole in memory."""
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    yield f'<?xml version="1.0" encoding="UTF-8"?><worksheet {_NS}>{dim}<sheetData>'.encode()
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    for r, values in rows:
        cells = "".join(_cell(f"{letters[i]}{r}", v) for i, v in enumerate(values))
        yield f'<row r="{r}">{cells}</row>'.encode()
    yield b"</sheetData></worksheet>"


def roster_rows(count: int, start: int = 2) -> Iterable[tuple[int, tuple]]:
    yield 1, HEADER
    for i in range(count):
        yield start + i, (f"村民{i}", valid_id(i), 100)


def write_xlsx(path: Path, parts: Iterable[bytes] | None = None, *, raw_sheet: bytes | None = None,
               shared_strings: bytes | None = None, compress_level: int = 6) -> Path:
    """A workbook at ``path`` whose first worksheet is ``parts`` (or ``raw_sheet``) — every other part
    as openpyxl wrote it."""
    base = zipfile.ZipFile(io.BytesIO(_base_workbook()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=compress_level) as out:
        for info in base.infolist():
            if info.filename == "xl/worksheets/sheet1.xml":
                if raw_sheet is not None:
                    out.writestr(info.filename, raw_sheet)
                else:
                    with out.open(info.filename, "w", force_zip64=True) as fh:
                        buf = []
                        size = 0
                        for piece in parts or sheet_xml_parts(roster_rows(1)):
                            buf.append(piece)
                            size += len(piece)
                            if size > 1 << 20:
                                fh.write(b"".join(buf))
                                buf, size = [], 0
                        fh.write(b"".join(buf))
            elif info.filename == "xl/sharedStrings.xml" and shared_strings is not None:
                out.writestr(info.filename, shared_strings)
            else:
                out.writestr(info, base.read(info.filename))
    return path


def write_huge_cell_xlsx(path: Path, size: int) -> Path:
    """A workbook whose one cell holds ``size`` bytes of "A" (deflated ~1000:1: 1 GiB is ~1 MB on disk)."""
    head = (f'<?xml version="1.0" encoding="UTF-8"?><worksheet {_NS}><dimension ref="A1:C2"/><sheetData>'
            '<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c></row>'
            '<row r="2"><c r="A2" t="inlineStr"><is><t>').encode()
    tail = b"</t></is></c></row></sheetData></worksheet>"
    chunk = b"A" * (1 << 20)

    def parts() -> Iterable[bytes]:
        yield head
        left = size
        while left > 0:
            yield chunk[:min(left, len(chunk))]
            left -= len(chunk)
        yield tail

    return write_xlsx(path, parts(), compress_level=1)


def write_rows_bomb(path: Path, rows: int = 1_900_000, *, dimension: str = "A1:C3") -> Path:
    """The issue's "3 MB xlsx declaring millions of rows": ``rows`` real rows (without ``r``
    attributes, which OOXML allows) behind a dimension that lies; a few MB on disk."""
    row = (f'<row><c t="inlineStr"><is><t>张三</t></is></c><c t="inlineStr"><is><t>{GOOD_ID}</t></is></c>'
           '<c><v>100</v></c></row>').encode()
    block = row * 1000

    return write_xlsx(path, _bomb_parts(rows, dimension, block))


def _bomb_parts(rows: int, dimension: str, block: bytes) -> Iterable[bytes]:
    head = list(sheet_xml_parts([(1, HEADER)], dimension=dimension))
    yield from head[:-1]  # the opening and the header row, without the closing tags
    for _ in range(rows // 1000):
        yield block
    yield head[-1]
