"""Lay out :class:`NoticeDocument` s page by page and draw them with ReportLab.

Why not Platypus: one ``LongTable`` over thousands of rows grows faster than linearly (see
docs/performance.md). Here every table cell is measured once, rows are dealt onto pages, and each
page is drawn straight onto the canvas: grid lines as one path, ordinary cells as one PDF text
object (fonts switched only for fallback runs), and a ReportLab ``Paragraph`` (``wordWrap='CJK'``)
only for cells that really wrap. Layout runs to the end before anything is drawn, so every page
knows the page count for its "第 x 页 共 y 页".

Before any of that, every piece of text goes through the fonts' coverage: a character no shipped
font has is refused with :class:`~models.printing.fonts.MissingGlyphError` naming the record, the
field and the character, instead of printing as nothing.

Output is deterministic (``invariant=1``: fixed creation date and document ID): the same documents
give the same bytes.

Font sizes do not depend on the paper: A3 gives room for more columns and rows, ``large`` print
(16 pt text, 28 pt title) makes a board readable from one or two metres.
"""

from __future__ import annotations

import math
import os
import tempfile
from array import array
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import repeat
from typing import BinaryIO

from . import rl_imports  # noqa: F401 - first: ReportLab without what notices never use

# isort: split
from reportlab import rl_config as _rl_config
from reportlab.lib import textsplit as _rl_textsplit
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A3, A4
from reportlab.lib.pagesizes import landscape as to_landscape
from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfdoc as _pdfdoc
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph
from reportlab.platypus import paragraph as _rl_paragraph

from ..output_files import write_output
from . import fonts
from .columns import fit_columns, narrowest_table, widest_short_cells
from .document import Annex, Block, Footer, NoticeDocument, PackedRows, Para, PrintOptions, Table, date_cn
from .fonts import FONT_MAIN, FONT_MAIN_BOLD, check_printable, markup_with_fallback, register_fonts
from .textfit import TextMeasure, balanced_lines, break_lines, header_lines

__all__ = ["Rendered", "Styles", "check_document", "layout", "page_size", "render", "render_pdf", "styles_for"]

# Vertical position of the baseline below the centre of a line box, as a fraction of the font
# size: centres CJK ideographs (which sit between about -0.12 and 0.88 em) in their box.
_BASELINE_DROP = 0.36
_SEAL_DIAMETER = 42 * mm  # the committee's round seal
_SIGN_LINE_MIN = 24 * mm  # room to sign, signatures side by side
_SIGN_LINE_LONG = 55 * mm  # room to sign, signatures one under another
_HEADER_GREY = 0.88

# ReportLab's CJK wrapping knows the Japanese characters that may not start a line but not the
# Chinese full-width ，；：！？ and closing quotes, so a cell could start a line with "，". Adding
# them makes ReportLab hang them at the end of the line instead (标点悬挂), as Chinese print does.
_CHINESE_CANNOT_START = "，；：！？”’》」』〕…—～％"
# Both copies: Paragraph uses its own for marked-up text and textsplit's for plain text.
for _module in (_rl_paragraph, _rl_textsplit):
    _module.ALL_CANNOT_START += "".join(
        ch for ch in _CHINESE_CANNOT_START if ch not in _module.ALL_CANNOT_START)
_TOTALS_GREY = 0.94
_SECTION_GREY = 0.965
# Rows carried to the footer's page rather than leave the footer alone there.
_KEEP_ROWS = 3
# A one-line cell (wrap=False) too wide for its column is set in type down to this fraction of the
# table's size before it is broken over lines.
_MIN_SHRINK = 0.6
# A table too wide for the paper in large print is set in smaller type, down to this (normal print's).
_SMALLEST_TABLE_TYPE = 10.5
# Table rows measured at a time (a packed table's rows are unpacked this many at a time).
_MEASURE_ROWS = 10_000
#: Rows' width patterns remembered while a table is planned (see plan_table): few in a real table.
_ALIKE_ROWS = 4_096
# A heading (a paragraph heading, a table's caption, a section row) stays on a page with this many
# of the rows that follow it.
_HEADING_ROWS = 2


@dataclass(frozen=True)
class Styles:
    """Font sizes (pt) and margins (pt) of one print mode."""

    title: float
    kicker: float
    subtitle: float
    body: float
    table: float
    footer: float
    page_number: float
    margin_x: float
    margin_top: float
    margin_bottom: float
    cell_pad: float = 0.4  # table cells' left and right padding, as a fraction of the type size


def styles_for(options: PrintOptions) -> Styles:
    """Normal print: 12 pt text, 10.5 pt tables, 20 pt title. Large print: 16 pt text and tables,
    28 pt title (read from 1–2 m on a board)."""
    if options.large:
        return Styles(title=28, kicker=22, subtitle=16, body=16, table=16, footer=16, page_number=12,
                      margin_x=12 * mm, margin_top=14 * mm, margin_bottom=14 * mm, cell_pad=0.3)
    return Styles(title=20, kicker=15, subtitle=11, body=12, table=10.5, footer=11.5, page_number=9,
                  margin_x=18 * mm, margin_top=18 * mm, margin_bottom=17 * mm)


def page_size(options: PrintOptions) -> tuple[float, float]:
    size = A3 if options.paper == "A3" else A4
    return to_landscape(size) if options.landscape else size


# --- pages: what to draw, collected during layout -------------------------------------------------


@dataclass(slots=True)  # (no dictionary a page: a 100,000-row roster lays out some 2,900)
class _Page:
    size: tuple[float, float]
    fills: list[tuple[float, float, float, float, float]] = field(default_factory=list)  # x y w h grey
    lines: list[tuple[float, float, float, float]] = field(default_factory=list)
    frames: list[tuple[float, float, float, float]] = field(default_factory=list)  # table outlines
    texts: list[tuple[float, float, str, float]] = field(default_factory=list)  # x baseline text size
    bolds: list[tuple[float, float, str, float]] = field(default_factory=list)  # left-aligned
    flows: list[tuple[Paragraph, float, float]] = field(default_factory=list)  # x, bottom
    extras: list[Callable[[Canvas], None]] = field(default_factory=list)


@dataclass
class _LaidOut:
    doc: NoticeDocument
    pages: list[_Page]


# --- checking every text before drawing ----------------------------------------------------------


def _texts_with_places(doc: NoticeDocument, *, rows: bool):
    """Every text of the document with the words naming where it is, in reading order.

    Table rows are included only with ``rows=True`` (used to find a bad character's place; the
    check itself reads rows in bulk)."""
    yield doc.kicker or "", "标题"
    yield doc.title, "标题"
    for n, line in enumerate(doc.subtitles, start=1):
        yield line, f"副标题第 {n} 行"
    yield from _block_texts(doc.blocks, rows=rows)
    footer = doc.footer
    if footer is not None:
        for line in footer.block():
            yield line.text, _LINE_PLACES[line.kind]
        for signature in footer.signatures:
            yield signature.role + signature.action, "签字栏"
        yield footer.issuer, "落款"
    for annex in doc.annexes:
        yield annex.label + annex.title, f"{annex.label}标题"
        yield from _block_texts(annex.blocks, rows=rows, where=annex.label)
    yield doc.options.watermark or "", "水印"


_LINE_PLACES = {"posting": "公示时间", "objection": "说明", "note": "说明", "phone": "监督电话",
                "unit": "受理单位", "address": "通讯地址", "email": "邮箱", "attachment": "附件"}


def _block_texts(blocks: Sequence[Block], *, rows: bool, where: str = ""):
    paragraph_no = 0
    for block in blocks:
        if isinstance(block, Para):
            paragraph_no += 1
            yield block.text, f"{where}正文第 {paragraph_no} 段"
            continue
        table_name = where + (block.name or block.caption or "表格")
        yield block.caption or "", f"{table_name}标题"
        for column in block.columns:
            yield column.label, f"{table_name}表头“{column.label}”"
        if rows:
            for n, row in enumerate(block.rows, start=1):
                for column, cell in zip(block.columns, row, strict=False):
                    yield cell, f"{table_name}{block.row_label.format(n=n)}“{column.label}”"
        for column, cell in zip(block.columns, block.totals_row or (), strict=False):
            yield cell, f"{table_name}合计行“{column.label}”"


def check_document(doc: NoticeDocument, measure: TextMeasure | None = None) -> None:
    """Refuse a document holding a character no shipped font can draw.

    Raises :class:`~models.printing.fonts.MissingGlyphError` naming the record (``doc.source``),
    the field and the character. Fast for large tables: each distinct character is looked at once,
    and fields are searched only when something is missing. Also refuses (ValueError) table rows
    whose cell count differs from the columns or cells that are not strings.
    """
    chars: set[str] = set()
    for block in (*doc.blocks, *(b for annex in doc.annexes for b in annex.blocks)):
        if isinstance(block, Table):
            width = len(block.columns)
            if isinstance(block.rows, PackedRows) and block.rows.cell_counts_are(width):
                chars.update(block.rows.chars())  # (strings: packing joined them)
                continue
            for row in block.rows:
                if len(row) != width:
                    raise ValueError(f"{doc.source}：表格行的单元格数 {len(row)} 与列数 {width} 不符")
            try:
                rows = block.rows
                for start in range(0, len(rows), 5_000):  # in slices: not one string of 100,000 rows
                    chars.update("".join(["".join(row) for row in rows[start:start + 5_000]]))
            except TypeError:
                raise ValueError(f"{doc.source}：表格单元格必须是文字") from None
    chars.update("".join(text for text, _ in _texts_with_places(doc, rows=False) if text))
    if measure is not None:
        measure.learn(chars)
    missing = set(fonts.missing_chars("".join(sorted(chars))))
    if not missing:
        return
    prefix = f"{doc.source}，" if doc.source else ""
    for text, where in _texts_with_places(doc, rows=True):
        if text and not missing.isdisjoint(text):
            check_printable(text, where=prefix + where)
    raise AssertionError("missing glyph not located")  # pragma: no cover


# --- layout ----------------------------------------------------------------------------------------


def _markup(text: str) -> str:
    return "<br/>".join(markup_with_fallback(line) for line in text.split("\n"))


_ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}


class _Layout:
    def __init__(self, doc: NoticeDocument, measure: TextMeasure) -> None:
        self.doc = doc
        self.measure = measure
        # a bold text placed alike on many pages (a table's header on each of 2,942) is one tuple
        self.bolds_placed: dict[tuple[float, float, str, float], tuple[float, float, str, float]] = {}
        self.st = st = styles_for(doc.options)
        self.size = page_size(doc.options)
        self.left = st.margin_x
        self.right = self.size[0] - st.margin_x
        self.width = self.right - self.left
        self.top = self.size[1] - st.margin_top
        self.bottom = st.margin_bottom + st.page_number * 1.8  # page number lives below
        self.pages: list[_Page] = []
        self.y = self.top
        self.page = self._new_page()
        body = st.body
        self.p_body = ParagraphStyle("body", fontName=FONT_MAIN, fontSize=body, leading=body * 1.65,
                                     firstLineIndent=2 * body, wordWrap="CJK", spaceAfter=body * 0.3)
        self.p_plain = ParagraphStyle("plain", parent=self.p_body, firstLineIndent=0)
        self.p_field = ParagraphStyle("field", parent=self.p_plain, leftIndent=0, spaceAfter=body * 0.1)
        self.p_center = ParagraphStyle("center", parent=self.p_plain, alignment=TA_CENTER)
        self.p_right = ParagraphStyle("right", parent=self.p_plain, alignment=TA_RIGHT)
        self.p_heading = ParagraphStyle("heading", parent=self.p_plain, fontName=FONT_MAIN_BOLD,
                                        fontSize=body * 1.08, leading=body * 1.7, spaceBefore=body * 0.4,
                                        spaceAfter=body * 0.2)
        self.p_footer = ParagraphStyle("footer", parent=self.p_plain, fontSize=st.footer,
                                       leading=st.footer * 1.7, spaceAfter=0)

    # pages

    def _new_page(self) -> _Page:
        page = _Page(self.size)
        self.pages.append(page)
        self.y = self.top
        self.page = page
        return page

    @property
    def room(self) -> float:
        return self.y - self.bottom

    @property
    def fresh(self) -> bool:
        return self.y >= self.top - 0.01

    def ensure(self, height: float) -> None:
        if height > self.room and not self.fresh:
            self._new_page()

    def bold_line(self, text: str, size: float, y_top: float, line_h: float, *, x: float,
                  align: str = "center") -> None:
        width = self.measure.width(text, size)
        if align == "center":
            x -= width / 2
        elif align == "right":
            x -= width
        placed = (x, y_top - line_h / 2 - _BASELINE_DROP * size, text, size)
        self.page.bolds.append(self.bolds_placed.setdefault(placed, placed))

    # blocks

    def run(self) -> list[_Page]:
        self.title_block()
        self.blocks(list(self.doc.blocks), self.doc.footer)
        if self.doc.footer is not None:
            self.footer(self.doc.footer)
        for annex in self.doc.annexes:
            self.annex(annex)
        return self.pages

    def blocks(self, blocks: list[Block], footer: Footer | None) -> None:
        """Paragraphs and tables in order; a table's last rows stay with what follows it (the
        remaining paragraphs and ``footer``)."""
        plans = {k: self.plan_table(b) for k, b in enumerate(blocks) if isinstance(b, Table)}
        for k, block in enumerate(blocks):
            if isinstance(block, Table):
                rest = blocks[k + 1:]
                reserve = compact = 0.0
                if all(isinstance(b, Para) for b in rest):
                    reserve = compact = sum(self._para_height(b) for b in rest)  # type: ignore[arg-type]
                    if footer is not None:
                        reserve += self._footer_plan(footer).total
                        compact += self._footer_plan(footer, compact=True).total
                self.table(block, reserve, compact, plans[k])
            elif block.style == "heading" and k + 1 in plans:
                self.heading(block.text, self.table_start_height(plans[k + 1]))  # not alone above its table
            else:
                self.para(block)

    def annex(self, annex: Annex) -> None:
        """An attached table: a new page, ``附件`` at the top left, its title centred, its blocks."""
        st = self.st
        self._new_page()
        line_h = st.body * 1.7
        self.bold_line(annex.label, st.body * 1.08, self.y, line_h, x=self.left, align="left")
        self.y -= line_h
        title = st.title * 0.8
        line_h = title * 1.4
        for line in balanced_lines(annex.title, self.width * 0.92, title, self.measure):
            self.bold_line(line, title, self.y, line_h, x=(self.left + self.right) / 2)
            self.y -= line_h
        self.y -= st.body * 0.6
        self.blocks(list(annex.blocks), None)

    def title_block(self) -> None:
        st, doc = self.st, self.doc
        cx = (self.left + self.right) / 2
        if doc.kicker:
            line_h = st.kicker * 1.5
            for line in break_lines(doc.kicker, self.width, st.kicker, self.measure):
                self.bold_line(line, st.kicker, self.y, line_h, x=cx)
                self.y -= line_h
        line_h = st.title * 1.4
        for line in balanced_lines(doc.title, self.width * 0.92, st.title, self.measure):
            self.bold_line(line, st.title, self.y, line_h, x=cx)
            self.y -= line_h
        if doc.subtitles:
            self.y -= st.subtitle * 0.3
            line_h = st.subtitle * 1.6
            for subtitle in doc.subtitles:
                for line in break_lines(subtitle, self.width, st.subtitle, self.measure):
                    width = self.measure.width(line, st.subtitle)
                    self.page.texts.append((cx - width / 2, self.y - line_h / 2 - _BASELINE_DROP * st.subtitle,
                                            line, st.subtitle))
                    self.y -= line_h
        self.y -= st.body * 0.9

    def _para_height(self, block: Para) -> float:
        style = self._style(block)
        _, height = Paragraph(_markup(block.text), style).wrap(self.width, self.size[1])
        return height + style.spaceBefore + style.spaceAfter

    def _style(self, block: Para) -> ParagraphStyle:
        return {
            "body": self.p_body, "plain": self.p_plain, "heading": self.p_heading, "field": self.p_field,
            "center": self.p_center, "right": self.p_right,
        }[block.style]

    def para(self, block: Para) -> None:
        if block.style == "heading":
            self.heading(block.text, 3 * self.p_body.leading)  # with the first lines that follow
            return
        style = self._style(block)
        self.flow(Paragraph(_markup(block.text), style), style)

    def heading_lines(self, text: str) -> tuple[list[str], float, float]:
        size = self.p_heading.fontSize
        lines = break_lines(text, self.width, size, self.measure)
        line_h = self.p_heading.leading
        return lines, line_h, len(lines) * line_h + self.p_heading.spaceBefore + self.p_heading.spaceAfter

    def heading(self, text: str, keep: float) -> None:
        """A bold heading (synthetic bold, like titles), kept on a page with ``keep`` points of
        what follows."""
        lines, line_h, height = self.heading_lines(text)
        self.ensure(height + keep)
        if not self.fresh:
            self.y -= self.p_heading.spaceBefore
        for line in lines:
            self.bold_line(line, self.p_heading.fontSize, self.y, line_h, x=self.left, align="left")
            self.y -= line_h
        self.y -= self.p_heading.spaceAfter

    def flow(self, paragraph: Paragraph, style: ParagraphStyle) -> None:
        if not self.fresh:
            self.y -= style.spaceBefore
        while True:
            _, height = paragraph.wrap(self.width, self.room)
            if height <= self.room:
                self.page.flows.append((paragraph, self.left, self.y - height))
                self.y -= height + style.spaceAfter
                return
            parts = paragraph.split(self.width, self.room) if self.room > style.leading else []
            if len(parts) >= 2:
                head = parts[0]
                _, head_height = head.wrap(self.width, self.room)
                self.page.flows.append((head, self.left, self.y - head_height))
                self._new_page()
                paragraph = parts[1]
                continue
            if self.fresh:  # taller than a page and cannot be split: let it run off
                self.page.flows.append((paragraph, self.left, self.y - height))
                self.y -= height
                return
            self._new_page()

    # tables

    def plan_table(self, table: Table) -> _TablePlan:
        """Measure ``table`` once: column widths, header, every row's height and how its cells are
        set (one line, smaller type, or wrapped)."""
        size = self.st.table
        measure = self.measure
        columns = table.columns
        ncol = len(columns)
        rows = table.rows

        # Measured column by column: only columns holding rare characters take the slow path.
        main_width = getFont(FONT_MAIN).stringWidth  # C (rl-accel), skipping two wrappers
        # Column by column, each distinct width once (see _Widths). In slices of rows (a packed table
        # is unpacked a slice at a time).
        widths = [_Widths() for _ in range(ncol)]
        for start in range(0, len(rows), _MEASURE_ROWS):
            for i, cells in enumerate(_columns_of(rows, start, start + _MEASURE_ROWS, ncol)):
                width_of = measure.width if measure.is_special("".join(cells)) else main_width
                # each distinct text measured once: group names, rates and remarks repeat down a column
                widths[i].add_cells(cells, {cell: width_of(cell, size) for cell in set(cells)})
        if table.row_kinds is not None:
            # a section heading spans the table: it does not widen its first column
            for r, kind in enumerate(table.row_kinds):
                if kind == "section":
                    for column in widths:
                        column[r] = 0.0
        natural = [max(0.0, max(column, default=0.0)) for column in widths]
        totals = list(table.totals_row) if table.totals_row is not None else None
        for i, cell in enumerate(totals or []):
            if cell:
                natural[i] = max(natural[i], measure.width(cell, size))
        # Too wide for the paper at this size (eleven columns in large print): smaller type, down to
        # the normal print's, before one-line cells shrink much and short texts break. A few per cent
        # over is left to the one-line cells' own shrinking, which no one sees.
        smallest = min(size, _SMALLEST_TABLE_TYPE)
        chosen = size
        short = widest_short_cells(columns, widths, size) if chosen > smallest else []
        while chosen > smallest:
            k = chosen / size
            if narrowest_table(columns, [w * k for w in natural], [w * k for w in short],
                               pad=2 * chosen * self.st.cell_pad, size=chosen, measure=measure) <= self.width * 1.05:
                break
            chosen = max(smallest, chosen - 1)
        if chosen != size:
            k = chosen / size
            natural = [w * k for w in natural]
            widths = [column.scaled(k) for column in widths]
            size = chosen
        pad_x, pad_y, line_h = size * self.st.cell_pad, size * 0.28, size * 1.3
        header_full = [measure.width(c.label, size) for c in columns]
        col_w = fit_columns(table.columns, natural, header_full, widths, total=self.width, pad=2 * pad_x,
                            size=size, measure=measure)
        xs = [self.left]
        for w in col_w:
            xs.append(xs[-1] + w)
        inner = [w - 2 * pad_x for w in col_w]

        heads = [header_lines(c.label, inner[i], size, measure) for i, c in enumerate(columns)]
        header_h = max(len(lines) for lines in heads) * line_h + 2 * pad_y
        totals_lines: list[list[str]] = []
        totals_sizes: list[float] = []
        for i, t in enumerate(totals or []):
            t_size = size
            if t and not columns[i].wrap:
                w = measure.width(t, size)
                if inner[i] < w and w * _MIN_SHRINK <= inner[i]:
                    t_size = size * inner[i] / w  # a sum is set like a number in a cell: smaller, never broken
            totals_sizes.append(t_size)
            totals_lines.append([t] if t_size != size else break_lines(t, inner[i], size, measure) if t else [])
        totals_h = (max((len(x) for x in totals_lines), default=1) or 1) * line_h + 2 * pad_y

        single_h = line_h + 2 * pad_y
        heights: list[float] = []
        extras: list[dict[int, tuple] | None] = []
        styles = [ParagraphStyle(f"cell{i}", fontName=FONT_MAIN, fontSize=size, leading=line_h,
                                 wordWrap="CJK", alignment=_ALIGN[c.align]) for i, c in enumerate(columns)]
        kinds = list(table.row_kinds) if table.row_kinds is not None else None
        table_inner = xs[-1] - xs[0] - 2 * pad_x
        wrapped: dict[tuple[int, str], tuple[str, Paragraph, float]] = {}  # (column, text) → set, its height
        shrink_of: dict[tuple[int, float], tuple[str, float]] = {}
        # rows set alike share one entry (100,000 rows of squeezed numbers: a few dicts, not 100,000)
        extras_of: dict[tuple, dict[int, tuple]] = {}
        # Only the columns with a cell wider than its room can make a row other than one plain line:
        # each row is looked at through those (none for most tables), and a row whose cells there
        # are set alike — squeezed numbers, no wrapped text — takes the answer of the first such row
        # (100,000 rows of squeezed amounts: a few entries, not the same work 100,000 times).
        tight = [i for i in range(ncol) if max(widths[i].values, default=0.0) > inner[i]]
        alike: dict[tuple[float, ...], tuple[float, dict[int, tuple] | None]] = {}
        for r, row_widths in enumerate(zip(*[widths[i] for i in tight], strict=True) if tight
                                       else repeat((), len(rows))):
            if kinds is not None and kinds[r] != "data":
                if kinds[r] == "section":
                    lines = break_lines(rows[r][0], table_inner, size, measure)
                    extras.append({-1: ("section", lines)})
                else:
                    cell_lines = [break_lines(cell, inner[i], size, measure) if cell else []
                                  for i, cell in enumerate(rows[r])]
                    lines = max(cell_lines, key=len)
                    extras.append({-1: ("subtotal", cell_lines)})
                heights.append(max(1, len(lines)) * line_h + 2 * pad_y)
                continue
            known = alike.get(row_widths)
            if known is not None:
                heights.append(known[0])
                extras.append(known[1])
                continue
            over = [(i, w) for i, w in zip(tight, row_widths, strict=True) if w > inner[i]]
            if not over:
                heights.append(single_h)
                extras.append(None)
                if len(alike) < _ALIKE_ROWS:
                    alike[row_widths] = (single_h, None)
                continue
            extra: dict[int, tuple] = {}
            height = single_h
            row = None  # its cells, read once if a cell wraps (a packed row is split at each read)
            for i, w in over:
                if not columns[i].wrap and w * _MIN_SHRINK <= inner[i]:
                    # a number, an ID mask, a date: smaller type, never broken ("5,156.5" / "0")
                    shrunk = shrink_of.get((i, w))
                    if shrunk is None:  # one entry per column and width: 100,000 rows share a few
                        shrunk = shrink_of[(i, w)] = ("shrink", size * inner[i] / w)
                    extra[i] = shrunk
                    continue
                if row is None:
                    row = rows[r]
                text = row[i]
                made = wrapped.get((i, text))
                if made is None:  # a text that repeats (a group name, a remark) is set once
                    paragraph = Paragraph(_markup(text), styles[i])
                    made = wrapped[(i, text)] = ("para", paragraph, paragraph.wrap(inner[i], 1e6)[1])
                extra[i] = made
                height = max(height, made[2] + 2 * pad_y)
            heights.append(height)
            shared = extras_of.setdefault(tuple(extra.items()), extra)
            extras.append(shared)
            if row is None and len(alike) < _ALIKE_ROWS:  # no wrapped text: the widths decide it all
                alike[row_widths] = (height, shared)
        if table.min_row_height:  # room to sign (a hand-out sheet): data rows at least this tall
            least = table.min_row_height * mm
            heights = [max(h, least) if kinds is None or kinds[r] == "data" else h for r, h in enumerate(heights)]

        return _TablePlan(table, rows if isinstance(rows, PackedRows) else list(rows), widths, xs, inner, heads, header_h, totals, totals_lines, totals_h,
                          heights, extras, kinds, size, pad_x, pad_y, line_h, totals_sizes)

    def table_start_height(self, plan: _TablePlan) -> float:
        """The caption, header and first rows: what a heading before the table is kept with."""
        start = plan.header_h + (sum(plan.heights[:_HEADING_ROWS]) if plan.heights else plan.totals_h)
        if plan.table.caption:
            start += self.heading_lines(plan.table.caption)[2]
        return start

    def table(self, table: Table, reserve: float = 0.0, compact_reserve: float | None = None,
              plan: _TablePlan | None = None) -> None:
        """Lay out ``table``. ``reserve``: the height of what must follow it on its last page (the
        footer, closing lines); when that would end up alone on a page, the last rows go along —
        unless it fits with the footer set closer (``compact_reserve``): the gaps shrink before the
        table splits."""
        plan = plan or self.plan_table(table)
        rows, widths, xs, heads, header_h = plan.rows, plan.widths, plan.xs, plan.heads, plan.header_h
        totals, totals_lines, totals_h = plan.totals, plan.totals_lines, plan.totals_h
        heights, extras, kinds = plan.heights, plan.extras, plan.kinds
        size, pad_x, pad_y, line_h = plan.size, plan.pad_x, plan.pad_y, plan.line_h
        columns = table.columns
        if table.caption:
            self.heading(table.caption, self.table_start_height(plan) - self.heading_lines(table.caption)[2])

        aligns = [c.align for c in columns]
        n = len(rows)
        compact_reserve = reserve if compact_reserve is None else compact_reserve
        if reserve > 0:
            reserve += self.st.body * 0.8  # the gap after the table
            compact_reserve += self.st.body * 0.8
        # What must follow the last rows on their page: the totals row, and the footer when that
        # fits on a page with them. Rather than leave it alone on a page, the last rows go along.
        tail = sum(heights[-_KEEP_ROWS:]) + header_h + (totals_h if totals is not None else 0)
        if tail + compact_reserve > self.top - self.bottom:
            reserve = compact_reserve = 0.0
        r = 0
        totals_done = totals is None
        table_right = xs[-1]
        lefts = [x + pad_x for x in xs]  # a left-aligned cell's x, one float a column
        while True:
            need = header_h + (heights[r] if r < n else (totals_h if not totals_done else 0))
            if need > self.room and not self.fresh:
                self._new_page()
            page = self.page
            seg_top = self.y
            page.fills.append((self.left, seg_top - header_h, table_right - self.left, header_h, _HEADER_GREY))
            for i, lines in enumerate(heads):
                block_top = seg_top - (header_h - len(lines) * line_h) / 2
                for k, text in enumerate(lines):
                    self.bold_line(text, size, block_top - k * line_h, line_h, x=(xs[i] + xs[i + 1]) / 2)
            y = seg_top - header_h
            gaps: list[tuple[float, float]] = []  # section rows: no column lines through them
            placed = 0
            # the page's cells are placed when it is drawn, from the plan (see _Cells)
            cells = _Cells(plan, rows, lefts, r, y)
            page.texts.append(cells)  # type: ignore[arg-type]
            page.flows.append(cells)  # type: ignore[arg-type]
            floor = self.bottom
            while r < n:
                h = heights[r]
                if placed and n - r <= _KEEP_ROWS and len(heights) == n:
                    rest = sum(heights[r:])
                    totals_left = totals_h if not totals_done else 0
                    after = totals_left + reserve
                    if (after and y - rest >= floor and y - rest - after < floor
                            and y - rest - totals_left - compact_reserve < floor):
                        break  # totals or footer would be alone on the next page: take these rows along
                if placed and kinds is not None and kinds[r] == "section":
                    # a section heading goes to the next page with its first rows, never alone
                    end = r + 1
                    while end < n and end <= r + _HEADING_ROWS and kinds[end] != "section":
                        end += 1
                    if y - sum(heights[r:end]) < floor:
                        break
                if y - h < floor:
                    if placed == 0 and self.fresh_segment(seg_top):
                        rows = list(rows) if not isinstance(rows, list) or rows is table.rows else rows
                        h = _split_tall_row(r, rows, widths, heights, extras, y - floor - 2 * pad_y, pad_y)
                        if kinds is not None and len(kinds) < len(rows):
                            kinds.insert(r + 1, "data")
                        n = len(rows)
                        cells.rows = rows
                    else:
                        break
                extra = extras[r]
                if extra is not None and -1 in extra:
                    self._marked_row(extra[-1], xs, aligns, y, h, pad_x, line_h, size)
                    if extra[-1][0] == "section":
                        gaps.append((y, y - h))
                y -= h
                placed += 1
                r += 1
            cells.end = r
            totals_here: float | None = None
            if r >= n and not totals_done and y - totals_h >= floor - 0.01:
                page.fills.append((self.left, y - totals_h, table_right - self.left, totals_h, _TOTALS_GREY))
                for i, lines in enumerate(totals_lines):
                    block_top = y - (totals_h - len(lines) * line_h) / 2
                    for k, text in enumerate(lines):
                        if aligns[i] == "left":
                            x, align = xs[i] + pad_x, "left"
                        elif aligns[i] == "right":
                            x, align = xs[i + 1] - pad_x, "right"
                        else:
                            x, align = (xs[i] + xs[i + 1]) / 2, "center"
                        self.bold_line(text, plan.totals_sizes[i], block_top - k * line_h, line_h, x=x, align=align)
                y -= totals_h
                totals_done = True
                totals_here = totals_h
            pieces: list[tuple[float, float]] = []
            start = seg_top
            for gap_top, gap_bottom in gaps:
                if start > gap_top:
                    pieces.append((start, gap_top))
                start = gap_bottom
            if start > y:
                pieces.append((start, y))
            page.lines.append(_Grid(self.left, table_right, seg_top, cells, totals_here, xs, pieces))  # type: ignore[arg-type]
            page.frames.append((self.left, y, table_right - self.left, seg_top - y))
            self.y = y
            if r >= n and totals_done:
                break
            self._new_page()
        self.y -= self.st.body * 0.8

    def _marked_row(self, mark: tuple, xs: list[float], aligns: list[str], y: float, h: float,
                    pad_x: float, line_h: float, size: float) -> None:
        """A section heading spanning the table, or a subtotal row: bold, lightly shaded."""
        page = self.page
        top = y - (h - line_h * max(1, len(mark[1]) if mark[0] == "section" else
                                    max((len(c) for c in mark[1]), default=1))) / 2
        if mark[0] == "section":
            page.fills.append((xs[0], y - h, xs[-1] - xs[0], h, _SECTION_GREY))
            for k, text in enumerate(mark[1]):
                self.bold_line(text, size, top - k * line_h, line_h, x=xs[0] + pad_x, align="left")
            return
        page.fills.append((xs[0], y - h, xs[-1] - xs[0], h, _TOTALS_GREY))
        for i, lines in enumerate(mark[1]):
            block_top = y - (h - len(lines) * line_h) / 2
            for k, text in enumerate(lines):
                if aligns[i] == "left":
                    x = xs[i] + pad_x
                elif aligns[i] == "right":
                    x = xs[i + 1] - pad_x
                else:
                    x = (xs[i] + xs[i + 1]) / 2
                self.bold_line(text, size, block_top - k * line_h, line_h, x=x, align=aligns[i])

    def fresh_segment(self, seg_top: float) -> bool:
        return seg_top >= self.top - 0.01

    # footer

    def _footer_plan(self, footer: Footer, *, compact: bool = False) -> _FooterPlan:
        """How the footer is set. ``compact``: closer lines, signatures stacked with the issuer and
        seal beside them, the seal ring reaching up beside the signatures — used when that keeps the
        footer on the page of the table's last rows."""
        st, measure = self.st, self.measure
        size = st.footer
        paragraphs: list[Paragraph] = []
        plain = self.p_footer
        if compact:
            plain = ParagraphStyle("footer_compact", parent=self.p_footer, leading=size * 1.35)
        note_style = ParagraphStyle("note", parent=plain, firstLineIndent=2 * size)
        for line in footer.block():  # typed lines, in the one order (models.rules.footer.FOOTER_ORDER)
            paragraphs.append(Paragraph(_markup(line.text), note_style if line.indent else plain))
        heights = [p.wrap(self.width, self.size[1])[1] for p in paragraphs]

        labels = [f"{s.role}（{s.action}）：" for s in footer.signatures]
        label_ws = [measure.width(text, size) for text in labels]
        gap = size * 1.5
        issuer_lines = [x for x in (footer.issuer, date_cn(footer.issue_date)) if x]
        issuer_w = max((measure.width(t, size) for t in issuer_lines), default=0)
        issuer_h = len(issuer_lines) * size * 1.8
        seal_h = max(issuer_h, _SEAL_DIAMETER * (0.75 if compact else 0.9) if footer.seal else 0)
        seal_w = max(issuer_w, _SEAL_DIAMETER if footer.seal else 0) + size
        sig_h = size * (2.4 if compact else 3.2)
        column_w = max(label_ws, default=0) + _SIGN_LINE_LONG
        # Signatures stacked on the left with the issuer and seal beside them, when there is room.
        fits_beside = bool(labels) and column_w + gap + seal_w <= self.width
        across = (bool(labels) and sum(w + _SIGN_LINE_MIN + gap for w in label_ws) <= self.width
                  and not (compact and fits_beside))
        beside = fits_beside and not across
        line_gap = size * (0.4 if compact else 0.8)
        if not labels:
            body = seal_h
        elif across:
            body = sig_h + line_gap + seal_h
        elif beside:
            body = max(sig_h * len(labels), seal_h)
        else:
            body = sig_h * len(labels) + line_gap + seal_h
        top_gap, text_gap = (0.0, size * 0.3) if compact else (size * 0.3, size * 0.6)
        total = top_gap + sum(heights) + text_gap + body
        return _FooterPlan(paragraphs, heights, labels, label_ws, across, beside, issuer_lines, issuer_h,
                           seal_h, seal_w, sig_h, column_w, total, top_gap, text_gap, line_gap)

    def footer(self, footer: Footer) -> None:
        """The footer, kept whole on one page: with its gaps shrunk (compact) when only that keeps it
        on the page of the last rows."""
        size = self.st.footer
        plan = self._footer_plan(footer)
        if plan.total > self.room and not self.fresh:
            compact = self._footer_plan(footer, compact=True)
            if compact.total <= self.room:
                plan = compact
        self.ensure(plan.total)
        self.y -= plan.top_gap
        for paragraph, height in zip(plan.paragraphs, plan.heights, strict=True):
            self.page.flows.append((paragraph, self.left, self.y - height))
            self.y -= height
        self.y -= plan.text_gap
        top = self.y
        labels = list(zip(plan.labels, plan.label_ws, strict=True))
        if plan.across:
            cell = self.width / len(labels)
            for k, (text, w) in enumerate(labels):
                x = self.left + k * cell
                self._signature(text, x, w, x + cell - size * 1.5, plan.sig_h)
            self.y -= plan.sig_h + plan.line_gap
        elif labels:
            for text, w in labels:
                self._signature(text, self.left, w, self.left + plan.column_w, plan.sig_h)
                self.y -= plan.sig_h
            if plan.beside:
                self.y = top  # the issuer goes beside the signatures
            else:
                self.y -= plan.line_gap
        block_top = self.y
        if plan.beside:
            block_top = top - (max(plan.sig_h * len(labels), plan.seal_h) - plan.seal_h) / 2
        if plan.issuer_lines or footer.seal:
            cx = self.right - plan.seal_w / 2
            first = block_top - (plan.seal_h - plan.issuer_h) / 2
            line_h = size * 1.8
            for k, text in enumerate(plan.issuer_lines):
                width = self.measure.width(text, size)
                self.page.texts.append((cx - width / 2, first - k * line_h - line_h / 2 - _BASELINE_DROP * size,
                                        text, size))
            if footer.seal:
                cy = block_top - plan.seal_h / 2
                self.page.extras.append(lambda c, cx=cx, cy=cy: _seal_area(c, cx, cy))
        if plan.beside:
            self.y = top - max(plan.sig_h * len(labels), plan.seal_h)
        elif plan.issuer_lines or footer.seal:
            self.y = block_top - plan.seal_h

    def _signature(self, text: str, x: float, text_w: float, line_end: float, height: float) -> None:
        size = self.st.footer
        baseline = self.y - height + size * 0.9
        self.page.texts.append((x, baseline, text, size))
        self.page.lines.append((x + text_w, baseline - size * 0.2, line_end, baseline - size * 0.2))


@dataclass
class _TablePlan:
    table: Table
    rows: list
    widths: list[_Widths]  # every cell's one-line width, column by column
    xs: list[float]  # column edges
    inner: list[float]  # column text widths
    heads: list[list[str]]  # header lines per column
    header_h: float
    totals: list[str] | None
    totals_lines: list[list[str]]
    totals_h: float
    heights: list[float]  # per row
    extras: list[dict[int, tuple] | None]  # per row: cells set otherwise than on one line
    kinds: list[str] | None
    size: float
    pad_x: float
    pad_y: float
    line_h: float
    totals_sizes: list[float] = field(default_factory=list)  # per totals cell: its type size


class _Widths(Sequence[float]):
    """One table column's cells' one-line widths: each distinct width once, and a cell its width's
    number in one or two bytes (a column holds few distinct widths — names, masked IDs, amounts and
    group names measure alike — so 100,000 rows of eight columns take some 1 MB, not 6.4 as doubles;
    the widths are the same floats)."""

    __slots__ = ("values", "codes", "_code_of")

    def __init__(self, values: list[float] | None = None, codes: array | None = None) -> None:
        self.values: list[float] = values if values is not None else []
        self._code_of = {w: k for k, w in enumerate(self.values)}
        self.codes = codes if codes is not None else array("B")

    def code(self, width: float) -> int:
        """``width``'s number, added if new (the cells' array widened when the numbers outgrow it)."""
        k = self._code_of.get(width)
        if k is None:
            k = self._code_of[width] = len(self.values)
            self.values.append(width)
            if k >= 1 << (8 * self.codes.itemsize):
                self.codes = array("H" if k < 1 << 16 else "I", self.codes)
        return k

    def add_cells(self, cells: list[str], width_of: dict[str, float]) -> None:
        """``cells`` in order, ``width_of`` giving each distinct one's width (a column's texts are
        many, its widths few: each width is numbered once)."""
        number = {w: self.code(w) for w in set(width_of.values())}
        code_of = {cell: number[w] for cell, w in width_of.items()}
        self.codes.extend([code_of[cell] for cell in cells])  # (after code() may have widened the array)

    def scaled(self, k: float) -> _Widths:
        """Every width times ``k`` (each distinct width multiplied once: the same floats)."""
        return _Widths([w * k for w in self.values], array(self.codes.typecode, self.codes))

    def __len__(self) -> int:
        return len(self.codes)

    def __getitem__(self, r):  # type: ignore[override]
        if isinstance(r, slice):
            return list(map(self.values.__getitem__, self.codes[r]))
        return self.values[self.codes[r]]

    def __iter__(self) -> Iterator[float]:
        return map(self.values.__getitem__, self.codes)

    def __setitem__(self, r: int, width: float) -> None:
        code = self.code(width)
        self.codes[r] = code

    def insert(self, r: int, width: float) -> None:
        code = self.code(width)
        self.codes.insert(r, code)


def _columns_of(rows: Sequence[Sequence[str]], start: int, stop: int, ncol: int) -> Iterator[list[str]]:
    """The cells of rows ``start`` to ``stop``, column by column (a packed table's blocks each split
    once: `PackedRows.flat`); the rows read are let go once the last column is given."""
    flat = rows.flat(start, stop, ncol) if isinstance(rows, PackedRows) else None
    if flat is not None:
        for i in range(ncol):
            yield flat[i::ncol]
        return
    part = rows[start:stop]
    for i in range(ncol):
        yield [row[i] for row in part]


class _Grid:
    """A table's ruled lines on one page: a line under each row but the last, the columns' ``xs``
    over the ``pieces`` (top, bottom) not crossed by a section row. The rows' edges follow from the
    page's :class:`_Cells` and the plan's heights, summed as the layout summed them (from the header's
    top ``seg_top`` down, the totals row's ``totals_h`` last when it is on the page) — not held as one
    tuple a line, nor as one float a row (100,000 rows)."""

    __slots__ = ("left", "right", "seg_top", "cells", "totals_h", "xs", "pieces")

    def __init__(self, left: float, right: float, seg_top: float, cells: _Cells, totals_h: float | None,
                 xs: list[float], pieces: list[tuple[float, float]]) -> None:
        self.left, self.right, self.seg_top, self.cells = left, right, seg_top, cells
        self.totals_h, self.xs, self.pieces = totals_h, xs, pieces

    def ys(self) -> list[float]:
        """The rows' edges, top to bottom: the header's top, the header's bottom, each row's bottom."""
        cells = self.cells
        heights = cells.plan.heights
        y = cells.top
        ys = [self.seg_top, y]
        for r in range(cells.start, cells.end):
            y -= heights[r]
            ys.append(y)
        if self.totals_h is not None:
            ys.append(y - self.totals_h)
        return ys

    def lines(self) -> list[tuple[float, float, float, float]]:
        left, right = self.left, self.right
        out = [(left, yy, right, yy) for yy in self.ys()[1:-1]]
        out += [(xx, top, xx, bottom) for xx in self.xs[1:-1] for top, bottom in self.pieces]
        return out


class _Cells:
    """One page's share of a table's rows, ``start`` to ``end``: their one-line texts and wrapped
    cells, placed only when the page is drawn (a 100,000-row roster laid out at once would hold
    some 800,000 placed texts). The rows' tops follow from ``top`` and the plan's heights, summed in
    the order the layout summed them, so every cell lands where the layout put it."""

    __slots__ = ("plan", "rows", "lefts", "start", "end", "top")

    def __init__(self, plan: _TablePlan, rows: list, lefts: list[float], start: int, top: float) -> None:
        self.plan, self.rows, self.lefts, self.start, self.end, self.top = plan, rows, lefts, start, start, top

    def place(self, texts: list[tuple[float, float, str, float]],
              flows: list[tuple[Paragraph, float, float]] | None) -> None:
        """Append the rows' texts to ``texts`` (x, baseline, text, size) and, with ``flows``, their
        wrapped cells (paragraph, x, bottom)."""
        plan = self.plan
        rows, heights, extras = self.rows, plan.heights, plan.extras
        xs, lefts, size, pad_x = plan.xs, self.lefts, plan.size, plan.pad_x
        aligns = [c.align for c in plan.table.columns]
        ncol = len(aligns)
        start = self.start
        widths = [column[start:self.end] for column in plan.widths]  # this page's rows
        flat = rows.flat(start, self.end, ncol) if isinstance(rows, PackedRows) else None
        # a packed table's page: its blocks split once, each row a slice of that (no split a row)
        rows = rows[start:self.end] if flat is None else [flat[k:k + ncol] for k in range(0, len(flat), ncol)]
        add = texts.append
        y = self.top
        plain: list[tuple | None] = [None] * ncol
        by_column: dict[int, list[tuple | None]] = {}  # a row set alike's entries by column (shared dicts)
        for r in range(start, self.end):
            h = heights[r]
            extra = extras[r]
            entries = plain
            if extra is not None:
                if -1 in extra:  # a section or subtotal row: placed by the layout
                    y -= h
                    continue
                entries = by_column.get(id(extra))
                if entries is None:
                    entries = by_column[id(extra)] = [extra.get(i) for i in range(ncol)]
            row = rows[r - start]
            mid = y - h / 2
            text_y = mid - _BASELINE_DROP * size  # one float a row, not one a cell (100,000 rows)
            for i in range(ncol):
                text = row[i]
                if not text:
                    continue
                cell_size = size
                w = widths[i][r - start]
                entry = entries[i]
                if entry is not None:
                    if entry[0] == "para":
                        if flows is not None:
                            flows.append((entry[1], xs[i] + pad_x, mid - entry[2] / 2))
                        continue
                    if entry[0] == "skip":
                        continue
                    cell_size = entry[1]
                    w = w * cell_size / size
                align = aligns[i]
                if align == "left":
                    x = lefts[i]
                elif align == "right":
                    x = xs[i + 1] - pad_x - w
                else:
                    x = (xs[i] + xs[i + 1] - w) / 2
                add((x, text_y if cell_size == size else mid - _BASELINE_DROP * cell_size, text, cell_size))
            y -= h


def _placed(page: _Page) -> tuple[list[tuple[float, float, str, float]], list[tuple[Paragraph, float, float]]]:
    """The page's one-line texts and flowing paragraphs in drawing order, its tables' cells placed —
    each table's rows gone through once for both (a packed table's rows are opened once a page)."""
    texts: list[tuple[float, float, str, float]] = []
    cell_flows: dict[int, list[tuple[Paragraph, float, float]]] = {}  # a table's wrapped cells, by its entry
    for entry in page.texts:
        if isinstance(entry, _Cells):
            entry.place(texts, cell_flows.setdefault(id(entry), []))
        else:
            texts.append(entry)
    flows: list[tuple[Paragraph, float, float]] = []
    for flow in page.flows:
        if isinstance(flow, _Cells):
            placed = cell_flows.get(id(flow))
            if placed is None:
                flow.place([], flows)
            else:
                flows.extend(placed)
        else:
            flows.append(flow)
    return texts, flows


@dataclass
class _FooterPlan:
    paragraphs: list[Paragraph]
    heights: list[float]
    labels: list[str]
    label_ws: list[float]
    across: bool
    beside: bool
    issuer_lines: list[str]
    issuer_h: float
    seal_h: float
    seal_w: float
    sig_h: float
    column_w: float
    total: float
    top_gap: float  # above the notes
    text_gap: float  # between the notes and the signatures
    line_gap: float  # between the signatures and the issuer below them


def _split_tall_row(r: int, rows: list, widths: list, heights: list[float], extras: list, avail: float,
                    pad_y: float) -> float:
    """A row taller than a whole page: cut its wrapping cells where the page ends and carry the
    rest into a continuation row inserted after it (lists changed in place). Returns the first
    part's height."""
    extra = dict(extras[r] or {})
    rest_extra: dict[int, tuple] = {}
    first_h = 0.0
    for i, entry in list(extra.items()):
        if entry[0] != "para":
            continue
        paragraph = entry[1]
        parts = paragraph.split(paragraph.width, avail)
        if len(parts) < 2:
            first_h = max(first_h, entry[2])
            continue
        head, tail = parts[0], parts[1]
        _, head_h = head.wrap(paragraph.width, 1e6)
        _, tail_h = tail.wrap(paragraph.width, 1e6)
        extra[i] = ("para", head, head_h)
        rest_extra[i] = ("para", tail, tail_h)
        first_h = max(first_h, head_h)
    if not rest_extra:  # nothing could be cut: the row runs off the page
        return heights[r]
    first_h += 2 * pad_y
    rest_h = max(e[2] for e in rest_extra.values()) + 2 * pad_y
    for i in range(len(rows[r])):
        rest_extra.setdefault(i, ("skip",))
    rows.insert(r + 1, rows[r])
    for column in widths:
        column.insert(r + 1, column[r])
    heights[r] = first_h
    heights.insert(r + 1, rest_h)
    extras[r] = extra
    extras.insert(r + 1, rest_extra)
    return first_h


def _seal_area(canvas: Canvas, cx: float, cy: float) -> None:
    """A faint dashed ring where the committee's seal goes (over the issuer and date)."""
    canvas.saveState()
    canvas.setStrokeGray(0.78)
    canvas.setLineWidth(0.5)
    canvas.setDash(2, 3)
    canvas.circle(cx, cy, _SEAL_DIAMETER / 2, stroke=1, fill=0)
    canvas.restoreState()


# --- drawing -------------------------------------------------------------------------------------


def _draw_page(canvas: Canvas, page: _Page, number: int, count: int, doc: NoticeDocument,
               measure: TextMeasure) -> None:
    st = styles_for(doc.options)
    width, height = page.size
    canvas.setPageSize(page.size)
    if page.fills:
        canvas.saveState()
        for x, y, w, h, grey in page.fills:
            canvas.setFillGray(grey)
            canvas.rect(x, y, w, h, stroke=0, fill=1)
        canvas.restoreState()
    if page.lines:
        canvas.setLineWidth(0.5)
        canvas.lines([line for entry in page.lines
                      for line in (entry.lines() if isinstance(entry, _Grid) else (entry,))])
    if page.frames:
        canvas.setLineWidth(1.0)
        for x, y, w, h in page.frames:
            canvas.rect(x, y, w, h, stroke=1, fill=0)
    # the page number (centred) and the audit stamp (right) go into the page's one text object
    number_text = f"第 {number} 页 共 {count} 页"
    placed, flows = _placed(page)
    texts = [*placed, (width / 2 - measure.width(number_text, st.page_number) / 2, st.margin_bottom,
                           number_text, st.page_number)]
    if doc.stamp:
        stamp_size = st.page_number * 0.75
        texts.append((width - st.margin_x - measure.width(doc.stamp, stamp_size), st.margin_bottom, doc.stamp,
                      stamp_size))
    _draw_texts(canvas, texts, measure)
    if page.bolds:
        _draw_bold(canvas, page.bolds, measure)
    for paragraph, x, y in flows:
        paragraph.drawOn(canvas, x, y)
    for extra in page.extras:
        extra(canvas)
    if doc.options.watermark:
        _watermark(canvas, doc.options.watermark, width, height, measure)


def _text_operators(canvas: Canvas, texts: Sequence[tuple[float, float, str, float]],
                    measure: TextMeasure) -> str:
    """PDF operators drawing one-line texts as one text object, fonts switched only when needed.

    Written directly (each font's :class:`_FontEncoder`, over ReportLab's documented ``splitString`` /
    ``getSubsetInternalName``) because ``TextObject.textOut`` measures every string again to track
    the cursor, which doubles the cost of a large roster.
    """
    doc = canvas._doc
    code = ["BT"]
    add = code.append
    current_font, current_size = "", 0.0
    specials = measure.special_chars
    caches = measure.encodings.setdefault(id(doc), {})
    main_encoder = _encoder(caches, FONT_MAIN, doc)
    main, quick = main_encoder.encode, main_encoder.quick
    # columns and rows repeat coordinates: format each once
    numbers = caches.setdefault("numbers", {})
    for x, y, text, size in texts:
        x_text = numbers.get(x)
        if x_text is None:
            x_text = numbers[x] = fp_str(x)
        y_text = numbers.get(y)
        if y_text is None:
            y_text = numbers[y] = fp_str(y)
        add(f"1 0 0 1 {x_text} {y_text} Tm")
        shows = quick(text)  # every character met before in the main font (so none needs a fallback)
        if shows is None:
            if specials and not specials.isdisjoint(text):
                shows = [show for name, run in fonts.split_runs(text)
                         for show in _encoder(caches, name, doc).encode(run)]
            else:
                shows = main(text)
        for font_name, show in shows:
            if font_name != current_font or size != current_size:
                size_text = numbers.get(size)  # (a squeezed cell's size repeats down its column)
                if size_text is None:
                    size_text = numbers[size] = fp_str(size)
                add(f"{font_name} {size_text} Tf")
                current_font, current_size = font_name, size
            add(show)
    add("ET")
    return "\n".join(code)


def _encoder(caches: dict, font_name: str, doc) -> _FontEncoder:
    encoder = caches.get(font_name)
    if encoder is None:
        encoder = caches[font_name] = _FontEncoder(getFont(font_name), doc)
    return encoder


# Marks for a character's subset in :class:`_FontEncoder`: code points no printed text holds
# (Supplementary Private Use Area-A: no shipped font has a glyph there, so such text is refused).
_SUBSET_MARK = 0xF0000
_FIRST_MARK = chr(_SUBSET_MARK)


class _FontEncoder:
    """One TrueType font's texts in one PDF: each ``(subset name, "(codes) Tj")`` run.

    The first time a character is met, ReportLab's own ``splitString`` assigns its subset and code
    (so subsets, codes and the file's bytes are exactly ReportLab's); the assignment is remembered
    as two ``str.translate`` tables — character → subset mark, character → its escaped code — so a
    text of known characters (almost every cell of a large roster) is encoded in C, not by a Python
    loop over its characters. A few thousand texts are also kept whole (group names, rates, masks
    repeat); the rest are not, so memory stays flat on a 100,000-row table.
    """

    _KEEP = 4_000

    def __init__(self, font, doc):
        self.font = font
        self.doc = doc
        self.marks: dict[int, str] = {}  # ord(char) → chr(_SUBSET_MARK + subset)
        self.codes: dict[int, str] = {}  # ord(char) → its code in its subset, escaped for a PDF string
        self.names: dict[int, str] = {}  # subset → its PDF font name
        self.known: dict[str, list[tuple[str, str]]] = {}

    def quick(self, text: str) -> list[tuple[str, str]] | None:
        """``text``'s runs when every character of it has been met; else ``None`` (see :meth:`encode`)."""
        done = self.known.get(text)
        if done is not None:
            return done
        marks = text.translate(self.marks)
        lowest = min(marks) if marks else ""
        # empty, a character not met yet, or one that is not printable (a private-use character
        # could pass for a mark): not here
        if lowest < _FIRST_MARK or not text.isprintable():
            return None
        if max(marks) == lowest:  # one subset: one run
            done = [(self.names[ord(lowest) - _SUBSET_MARK], f"({text.translate(self.codes)}) Tj")]
        else:
            done = []
            start = 0
            for k in range(1, len(marks) + 1):
                if k == len(marks) or marks[k] != marks[start]:
                    done.append((self.names[ord(marks[start]) - _SUBSET_MARK],
                                 f"({text[start:k].translate(self.codes)}) Tj"))
                    start = k
        if len(self.known) < self._KEEP:
            self.known[text] = done
        return done

    def encode(self, text: str) -> list[tuple[str, str]]:
        """``text``'s runs: ``(font name, show operator)`` per subset run."""
        done = self.quick(text)
        if done is None:
            done = self._learn(text)
            if len(self.known) < self._KEEP:
                self.known[text] = done
        return done

    def _learn(self, text: str) -> list[tuple[str, str]]:
        font, doc = self.font, self.doc
        out = []
        for subset, chunk in font.splitString(text, doc):
            name = self.names.get(subset)
            if name is None:
                name = self.names[subset] = font.getSubsetInternalName(subset, doc)
            out.append((name, f"({escapePDF(chunk)}) Tj"))
        assignments = font.state[doc].assignments
        for ch in set(text):
            point = ord(ch)
            n = assignments.get(32 if point == 0xA0 else point)  # ReportLab prints a no-break space as a space
            if n is not None and point < _SUBSET_MARK:
                self.marks[point] = chr(_SUBSET_MARK + (n >> 8))
                self.codes[point] = escapePDF(bytes((n & 0xFF,)))
        return out


def _draw_texts(canvas: Canvas, texts: list[tuple[float, float, str, float]], measure: TextMeasure) -> None:
    """All one-line texts of a page in one PDF text object."""
    canvas.addLiteral(_text_operators(canvas, texts, measure))


def _draw_bold(canvas: Canvas, texts: list[tuple[float, float, str, float]], measure: TextMeasure) -> None:
    """Bold lines (titles, headers, totals): the main font filled and stroked (there is no bold
    face), one text object per size because the stroke width follows the size."""
    by_size: dict[float, list[tuple[float, float, str, float]]] = {}
    for entry in texts:
        by_size.setdefault(entry[3], []).append(entry)
    for size, entries in by_size.items():
        canvas.saveState()
        canvas.setLineWidth(size * fonts.SYNTHETIC_BOLD_STROKE)
        canvas.addLiteral(_text_operators(canvas, entries, measure).replace("BT", "BT 2 Tr", 1))
        canvas.restoreState()


def _watermark(canvas: Canvas, text: str, width: float, height: float, measure: TextMeasure) -> None:
    diagonal = math.hypot(width, height)
    size = min(0.7 * diagonal / max(measure.width(text, 1), 1), height / 6)
    canvas.saveState()
    canvas.setFillColorRGB(0.55, 0.55, 0.55)
    canvas.setFillAlpha(0.22)
    canvas.translate(width / 2, height / 2)
    canvas.rotate(math.degrees(math.atan2(height, width)))
    fonts.draw_string(canvas, 0, -size * 0.35, text, size, align="center")
    canvas.restoreState()


# --- public entry -------------------------------------------------------------------------------


def layout(doc: NoticeDocument, measure: TextMeasure | None = None) -> int:
    """Check and lay out ``doc``; return its page count (for previews and tests)."""
    register_fonts()
    measure = measure or TextMeasure()
    check_document(doc, measure)
    return len(_Layout(doc, measure).run())


@dataclass(frozen=True)
class Rendered:
    """A rendered PDF: its bytes and the page count of each document in it."""

    data: bytes | None  # None when written straight to the file (``render(..., keep=False)``)
    pages: tuple[int, ...]

    @property
    def page_count(self) -> int:
        return sum(self.pages)


def render_pdf(documents: NoticeDocument | Sequence[NoticeDocument],
               out: str | os.PathLike[str] | BinaryIO | None = None) -> bytes:
    """Render one notice, or several into one file (each numbered on its own), to PDF bytes.

    With ``out`` the bytes are also written there (a path is written whole or not at all).
    Raises :class:`~models.printing.fonts.MissingGlyphError` before anything is drawn or written
    if any text holds a character no shipped font has.
    """
    return render(documents, out).data


def render(documents: NoticeDocument | Sequence[NoticeDocument],
           out: str | os.PathLike[str] | BinaryIO | None = None, *,
           opening: Callable[[Rendered], None] | None = None, keep: bool = True) -> Rendered:
    """Like :func:`render_pdf`, also telling how many pages each document took.

    ``opening``: called once everything is laid out, before the whole is drawn, with the first page
    alone as it will be in the whole (numbered of the whole count; its ``pages`` are the whole's):
    a preview shows it while the rest is drawn (issue 13: Ctrl+P on a 10,000-row roster).

    ``keep=False`` (with ``out``): the file is written as ReportLab formats it, object by object, and
    its bytes are not kept (``data`` is ``None``): the same bytes, without the whole file in memory
    twice at save (issue 13: some 20 MB at 100,000 rows). A path is still written whole or not at all.
    """
    if not keep and out is None:
        raise ValueError("keep=False needs somewhere to write")
    register_fonts()
    docs = [documents] if isinstance(documents, NoticeDocument) else list(documents)
    if not docs:
        raise ValueError("nothing to print")
    measure = TextMeasure()
    for doc in docs:
        check_document(doc, measure)
    laid_out = [_LaidOut(doc, _Layout(doc, measure).run()) for doc in docs]
    pages = tuple(len(item.pages) for item in laid_out)
    if opening is not None and sum(pages) > 1:  # (a one-page notice is drawn whole as quickly)
        opening(Rendered(_draw(laid_out, measure, limit=1), pages))
    if not keep:
        if hasattr(out, "write"):
            _draw(laid_out, measure, release=True, into=out)  # type: ignore[arg-type]
        else:
            write_output(out, lambda handle: _draw(laid_out, measure, release=True, into=handle))  # type: ignore[arg-type]
        return Rendered(None, pages)
    data = _draw(laid_out, measure, release=True)
    if out is not None:
        _write(out, data)
    return Rendered(data, pages)


def _draw(laid_out: list[_LaidOut], measure: TextMeasure, limit: int | None = None, *,
          release: bool = False, into: BinaryIO | None = None) -> bytes:
    """The PDF of the laid-out documents; with ``limit``, of their first ``limit`` pages only.

    Each page's content is compressed as soon as the page is done (ReportLab keeps every page's
    text until ``save``: at 100,000 rows some 2,900 pages of it). With ``release`` each laid-out page
    is let go once drawn (the last use of ``laid_out``), so the PDF grows into the room it leaves.
    With ``into`` the file is written there as it is formatted (see :class:`_Sink`); returns ``b""``."""
    buffer = _Sink(into)
    spill = _Spill() if into is not None else None
    docs = [item.doc for item in laid_out]
    first = docs[0]
    canvas = Canvas(buffer, pagesize=page_size(first.options), invariant=1, initialFontName=FONT_MAIN,
                    pageCompression=1)
    canvas.setTitle(first.title if len(docs) == 1 else f"{first.title} 等 {len(docs)} 份公告")
    canvas.setAuthor(first.footer.issuer if first.footer and first.footer.issuer else "村务公开")
    canvas.setCreator("cunwu 村务公开")
    canvas.setSubject("村务公开")
    canvas._doc.cunwu_sink = buffer  # found by the first page stream formatted (_PageStream.format)
    drawn = 0
    for item in laid_out:
        count = len(item.pages)
        pages = item.pages
        for number in range(1, count + 1):
            if limit is not None and drawn >= limit:
                break
            _draw_page(canvas, pages[number - 1], number, count, item.doc, measure)
            if release:
                pages[number - 1] = None  # type: ignore[call-overload]
            canvas.showPage()
            _compress_page_stream(canvas, spill)
            drawn += 1
    try:
        canvas.save()
    finally:
        if spill is not None:
            spill.close()
    # the text writer's encodings belong to this PDF's font subsets: not to be met by another PDF
    # that a later object might get the same id as
    measure.encodings.pop(id(canvas._doc), None)
    return buffer.data


class _Sink:
    """Where ReportLab's ``save`` writes the finished file.

    Kept (no ``into``): the one ``write`` of the whole file is kept as it is, not copied into a
    ``BytesIO`` and out again (10 MB twice at 100,000 rows).

    Streamed (``into``, an open binary file): ReportLab's ``PDFDocument.format`` collects every
    formatted object in its ``PDFFile`` (a list of strings, joined at the end: the whole file twice).
    When the first page stream is formatted, what is collected so far goes to ``into`` and the
    collector's ``write`` becomes ``into.write``: each later object, the cross-reference table and the
    trailer go to the file as they are formatted. The collector still counts the offsets (the xref is
    the same), and ``save``'s final ``write`` gets the empty join. A document without a compressed
    page stream is written at ``save`` in one piece, as when kept."""

    def __init__(self, into: BinaryIO | None = None) -> None:
        self.into = into
        self.data = b""
        self.streaming = False

    def write(self, data: bytes) -> int:
        if self.into is not None:
            if data:
                self.into.write(data)
        else:
            self.data = self.data + data if self.data else data
        return len(data)

    def take_over(self, collector) -> None:
        """From now on ``collector`` (ReportLab's ``PDFFile``) writes to ``into``, not to its list."""
        if self.into is None or self.streaming or collector is None:
            return
        self.streaming = True
        self.into.write(b"".join(collector.strings))
        collector.strings.clear()
        collector.write = self.into.write


class _PageStream(_pdfdoc.PDFStream):
    """A page's content stream, already compressed: its bytes are let go once formatted (ReportLab
    collects the whole file before it returns it). Written once; a second time fails. The first one
    formatted turns a streamed save to writing the file as it goes (:meth:`_Sink.take_over`).
    ``parked``: where in a :class:`_Spill` the bytes wait (``content`` is ``None`` until formatted)."""

    parked: tuple[_Spill, int, int, bool] | None = None

    def format(self, document) -> bytes:
        sink = getattr(document, "cunwu_sink", None)
        if sink is not None:
            sink.take_over(getattr(document, "__accum__", None))
        if self.parked is not None:
            spill, *where = self.parked
            self.content = spill.fetch(*where)
            self.parked = None
        out = super().format(document)
        self.content = None  # type: ignore[assignment]
        return out


class _Spill:
    """Compressed page contents parked in an unnamed temporary file from the page's end to ``save``,
    when the PDF is written as it is formatted: ReportLab numbers and formats every object at ``save``
    and the font subsets (known only after the last page) come first in the file, so a page's bytes
    cannot go out when it is drawn; kept in memory they were the whole file's size (10 MB at 100,000
    rows) on top of everything else at the peak."""

    def __init__(self) -> None:
        self.file = tempfile.TemporaryFile(prefix="cunwu-pages-")
        self.end = 0

    def park(self, content: str | bytes) -> tuple[int, int, bool]:
        """Where ``content`` (ASCII85 text, or zlib bytes with ``useA85`` off) now waits."""
        text = isinstance(content, str)
        data = content.encode("latin-1") if text else content
        self.file.seek(self.end)
        self.file.write(data)
        at, self.end = self.end, self.end + len(data)
        return at, len(data), text

    def fetch(self, at: int, size: int, text: bool) -> str | bytes:
        self.file.seek(at)
        data = self.file.read(size)
        if len(data) != size:
            raise OSError(f"page content parked in {self.file.name} came back short")
        return data.decode("latin-1") if text else data

    def close(self) -> None:
        self.file.close()


def _compress_page_stream(canvas: Canvas, spill: _Spill | None = None) -> None:
    """The page just shown, its content stream compressed now with the filters ReportLab would
    apply at ``save`` (the same bytes in the file), instead of kept as text until then; with
    ``spill``, parked there until ``save``."""
    page = canvas._doc.Pages.pages[-1]
    stream = page.stream
    if page.Contents or not stream or not page.compression:
        return
    filters = [_pdfdoc.PDFBase85Encode, _pdfdoc.PDFZCompress] if _rl_config.useA85 else [_pdfdoc.PDFZCompress]
    content = stream
    for f in reversed(filters):
        content = f.encode(content)
    dictionary = _pdfdoc.PDFDictionary()
    dictionary["Filter"] = _pdfdoc.PDFArray([_pdfdoc.PDFName(f.pdfname) for f in filters])
    if spill is not None:
        contents = _PageStream(dictionary, None, filters=[])  # already applied: none at save
        contents.parked = (spill, *spill.park(content))
    else:
        contents = _PageStream(dictionary, content, filters=[])  # already applied: none at save
    contents.__Comment__ = "page stream"
    page.Contents = contents
    page.stream = None
    _trim_page(page)


class _LeanPage(_pdfdoc.PDFPage):
    """A page kept from its end to ``save`` without the two dozen entries ReportLab sets to ``None``
    on every page (its dictionary's optional keys): the class answers ``None`` for them, so the page
    formats to the same bytes — 2,900 pages of a 100,000-row roster, some 1.2 kB each, kept till the
    end."""

    ExtGState = None
    _shadingUsed: dict = {}  # (read only: the page's shadings when it had none)

    def format(self, document) -> bytes:
        """The page dictionary as ReportLab formats it; then what formatting set on the page (its
        resources, media box, parent and contents, each written or registered with the document by
        now) is let go, so the pages do not each grow by these at ``save``, one after another."""
        out = super().format(document)
        for name in ("Resources", "MediaBox", "Parent", "Contents"):
            self.__dict__.pop(name, None)
        return out


for _name in _pdfdoc.PDFPage.__NoDefault__:  # the optional keys, None unless the page sets them
    setattr(_LeanPage, _name, None)
del _name


def _trim_page(page) -> None:
    """The page just shown, kept lean until ``save`` (see :class:`_LeanPage`)."""
    if type(page) is not _pdfdoc.PDFPage:
        return  # a page class ReportLab changed or someone else set: left as it is
    kept = {k: v for k, v in page.__dict__.items()
            if v is not None and not (k in ("_colorsUsed", "_shadingUsed") and v == {})}
    page.__class__ = _LeanPage
    page.__dict__ = kept


def _write(out: str | os.PathLike[str] | BinaryIO, data: bytes) -> None:
    if hasattr(out, "write"):
        out.write(data)  # type: ignore[union-attr]
        return
    write_output(out, data)  # type: ignore[arg-type]
