"""Spreadsheet files in the formats clerks have, written here for tests: Excel 97-2003 .xls (with xlwt,
a test dependency) and OpenDocument .ods (the zip LibreOffice writes: mimetype stored first,
content.xml with merged cells as spanned + covered cells, the trailing empty rows as one repeated
row). ``sheets_of`` reads an xlsx (values and merged ranges) so any workbook built with openpyxl — a
roster, the catalog export — can be written again as .xls or .ods."""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from xml.sax.saxutils import escape

import openpyxl

# (name, rows as value lists, merged ranges (first row, first column, last row, last column), 1-based)
Sheet = tuple[str, list[list[object]], list[tuple[int, int, int, int]]]


def sheets_of(path: Path) -> list[Sheet]:
    wb = openpyxl.load_workbook(path)
    out = []
    for ws in wb.worksheets:
        rows = [[c.value for c in row] for row in ws.iter_rows()]
        merges = [(m.min_row, m.min_col, m.max_row, m.max_col) for m in ws.merged_cells.ranges]
        out.append((ws.title, rows, merges))
    return out


def write_xls(path: Path, sheets: list[Sheet]) -> Path:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    date_style = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    for name, rows, merges in sheets:
        ws = book.add_sheet(name, cell_overwrite_ok=True)
        covered = set()
        for r1, c1, r2, c2 in merges:
            value = rows[r1 - 1][c1 - 1] if r1 - 1 < len(rows) and c1 - 1 < len(rows[r1 - 1]) else None
            ws.write_merge(r1 - 1, r2 - 1, c1 - 1, c2 - 1, _xls_value(value))
            covered |= {(r, c) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)}
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is None or (r, c) in covered:
                    continue
                if isinstance(value, date):
                    ws.write(r - 1, c - 1, value, date_style)
                else:
                    ws.write(r - 1, c - 1, _xls_value(value))
    book.save(str(path))
    return path


def _xls_value(value: object) -> object:
    if isinstance(value, Decimal):
        return float(value)
    return "" if value is None else value


def write_ods(path: Path, sheets: list[Sheet], *, raw_content: bytes | None = None) -> Path:
    content = raw_content if raw_content is not None else _ods_content(sheets)
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("META-INF/manifest.xml", (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
            'manifest:version="1.2">'
            '<manifest:file-entry manifest:full-path="/" manifest:version="1.2" '
            'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
            '</manifest:manifest>'), compress_type=zipfile.ZIP_DEFLATED)
        zf.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return path


ODS_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>'
            '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
            '<office:body><office:spreadsheet>')
ODS_TAIL = '</office:spreadsheet></office:body></office:document-content>'


def _ods_content(sheets: list[Sheet]) -> bytes:
    parts = [ODS_HEAD]
    for name, rows, merges in sheets:
        anchors = {(r1, c1): (r2 - r1 + 1, c2 - c1 + 1) for r1, c1, r2, c2 in merges}
        covered = {(r, c) for r1, c1, r2, c2 in merges for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)
                   if (r, c) != (r1, c1)}
        width = max((len(r) for r in rows), default=0)
        parts.append(f'<table:table table:name="{escape(name)}">'
                     f'<table:table-column table:number-columns-repeated="{width or 1}"/>')
        for r, row in enumerate(rows, start=1):
            parts.append("<table:table-row>")
            for c in range(1, width + 1):
                value = row[c - 1] if c - 1 < len(row) else None
                if (r, c) in covered:
                    parts.append("<table:covered-table-cell/>")
                    continue
                span = anchors.get((r, c))
                attrs = (f' table:number-rows-spanned="{span[0]}" table:number-columns-spanned="{span[1]}"'
                         if span else "")
                parts.append(ods_cell(value, attrs))
            # LibreOffice ends each row with the rest of its 1024 columns as one repeated empty cell
            parts.append(f'<table:table-cell table:number-columns-repeated="{1024 - width}"/></table:table-row>')
        parts.append('<table:table-row table:number-rows-repeated="1048000">'
                     '<table:table-cell table:number-columns-repeated="1024"/></table:table-row></table:table>')
    parts.append(ODS_TAIL)
    return "".join(parts).encode()


def ods_cell(value: object, attrs: str = "") -> str:
    if value is None:
        return f"<table:table-cell{attrs}/>"
    if isinstance(value, bool):
        return (f'<table:table-cell{attrs} office:value-type="boolean" office:boolean-value="{str(value).lower()}">'
                f"<text:p>{'TRUE' if value else 'FALSE'}</text:p></table:table-cell>")
    if isinstance(value, int | float | Decimal):
        return (f'<table:table-cell{attrs} office:value-type="float" office:value="{value}">'
                f"<text:p>{value}</text:p></table:table-cell>")
    if isinstance(value, datetime | date):
        iso = value.isoformat()
        return (f'<table:table-cell{attrs} office:value-type="date" office:date-value="{iso}">'
                f"<text:p>{iso}</text:p></table:table-cell>")
    paragraphs = "".join(f"<text:p>{escape(line)}</text:p>" for line in str(value).split("\n"))
    return f'<table:table-cell{attrs} office:value-type="string">{paragraphs}</table:table-cell>'
